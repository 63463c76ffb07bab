import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import type { Answers } from '../../src/demo/write-files.ts';
import { builtInModelIds } from '../../src/models/library.ts';
import { runModels, type ModelOutcome } from '../../src/models/run.service.ts';
import { Database } from '../../src/store/database.ts';

/**
 * THE demo-correctness test (issue 4 §Correctness): generate the demo province, import it like a
 * user, run every model with the answer file's as-of date, and compare the leads with the planted
 * situations model by model. Recall and precision must both be 1.0.
 *
 * Lead identity: model id + 案号; for M22–M24 (one lead per order/listing and person) also the
 * person's ID. A lead on a planted near-miss, or on background data, is a false positive.
 */
const MODEL_IDS = Array.from({ length: 24 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
const PER_PERSON = new Set(['M22', 'M23', 'M24']);

interface Score {
  expected: Set<string>;
  found: Set<string>;
  missed: string[];
  extra: string[];
}

const identity = (modelId: string, caseNo: string | null, subjectId: string | null): string =>
  PER_PERSON.has(modelId) ? `${caseNo} ${subjectId}` : `${caseNo}`;

describe('demo correctness: leads = answers.json, model by model', () => {
  let dir: string;
  let db: Database;
  let answers: Answers;
  const outcomes = new Map<string, ModelOutcome>();
  const scores = new Map<string, Score>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-demo-correctness-'));
    db = await Database.open(join(dir, 'demo.duckdb'));
    answers = (await loadDemo(db, { scale: 1 })).answers;
    const run = await runModels(db, { models: MODEL_IDS, asOf: answers.asOf, force: true });
    for (const o of run.outcomes) outcomes.set(o.id, o);
    const leads = await db.all<{
      model_id: string;
      case_no: string | null;
      subject_id: string | null;
    }>(`SELECT model_id, case_no, subject_id FROM leads`);
    const describe = (modelId: string, key: string): string => {
      const planted = answers.planted.filter(
        (p) => identity(p.modelId, p.caseNo, p.subjectId) === key,
      );
      const here = planted.filter((p) => p.modelId === modelId);
      const shown = (here.length > 0 ? here : planted).map(
        (p) => `${p.modelId} ${p.kind}：${p.description}`,
      );
      return `${key}（${shown.join('；') || '背景数据'}）`;
    };
    for (const id of MODEL_IDS) {
      const expected = new Set(
        answers.planted
          .filter((p) => p.modelId === id && p.kind === 'hit')
          .map((p) => identity(id, p.caseNo, p.subjectId)),
      );
      const found = new Set(
        leads.filter((l) => l.model_id === id).map((l) => identity(id, l.case_no, l.subject_id)),
      );
      scores.set(id, {
        expected,
        found,
        missed: [...expected].filter((k) => !found.has(k)).map((k) => describe(id, k)),
        extra: [...found].filter((k) => !expected.has(k)).map((k) => describe(id, k)),
      });
    }
    const lines = ['model  recall      precision   status'];
    let tp = 0;
    let expectedAll = 0;
    let foundAll = 0;
    for (const id of MODEL_IDS) {
      const s = scores.get(id);
      if (!s) continue;
      const hits = s.expected.size - s.missed.length;
      tp += hits;
      expectedAll += s.expected.size;
      foundAll += s.found.size;
      const ratio = (a: number, b: number) =>
        `${b === 0 ? '1.00' : (a / b).toFixed(2)} ${a}/${b}`.padEnd(12);
      lines.push(
        `${id}    ${ratio(hits, s.expected.size)}${ratio(hits, s.found.size)}${outcomes.get(id)?.status ?? '?'}`,
      );
      for (const m of s.missed) lines.push(`         missed: ${m}`);
      for (const e of s.extra) lines.push(`         extra:  ${e}`);
    }
    lines.push(
      `all    recall ${(tp / Math.max(1, expectedAll)).toFixed(3)}  precision ${(tp / Math.max(1, foundAll)).toFixed(3)}`,
    );
    console.log(lines.join('\n'));
  }, 300_000);

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const id of MODEL_IDS) {
    it(`${id}: every planted hit found, no near-miss or background lead`, () => {
      expect(outcomes.get(id)?.status, outcomes.get(id)?.reason).toBe('ran');
      const s = scores.get(id)!;
      expect(s.expected.size).toBeGreaterThan(0);
      expect(s.missed, 'recall < 1').toEqual([]);
      expect(s.extra, 'precision < 1').toEqual([]);
    });
  }

  it('scores every built-in model (the demo plants situations for each)', () => {
    expect(builtInModelIds()).toEqual(MODEL_IDS);
  });
});
