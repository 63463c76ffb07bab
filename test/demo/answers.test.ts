import { describe, expect, it } from 'vitest';
import { generateProvince } from '../../src/demo/generate.ts';
import { referenceLeads } from './reference-models.ts';

const PER_PERSON = new Set(['M22', 'M23', 'M24']);
const key = (l: { modelId: string; caseNo: string; subjectId: string | null }) =>
  PER_PERSON.has(l.modelId)
    ? `${l.modelId} ${l.caseNo} ${l.subjectId}`
    : `${l.modelId} ${l.caseNo}`;

describe('answers.json is exactly what models.md says fires (independent reference reading)', () => {
  for (const [scale, seed] of [
    [1, undefined],
    [2, 5],
    [0.3, 99],
  ] as const) {
    it(`scale ${scale}, seed ${seed ?? 'default'}`, () => {
      const province = generateProvince({ scale, ...(seed === undefined ? {} : { seed }) });
      const planted = province.planted
        .filter((p) => p.kind === 'hit')
        .map(key)
        .sort();
      const fired = referenceLeads(province).map(key).sort();
      const describeKey = (k: string) =>
        `${k}: ${
          province.planted
            .filter((p) => key(p) === k || k.startsWith(`${p.modelId} ${p.caseNo}`))
            .map((p) => `${p.kind} ${p.description}`)
            .join('；') || '背景'
        }`;
      expect(
        fired.filter((k) => !planted.includes(k)).map(describeKey),
        'fires but not planted',
      ).toEqual([]);
      expect(
        planted.filter((k) => !fired.includes(k)).map(describeKey),
        'planted but does not fire',
      ).toEqual([]);
    });
  }
});
