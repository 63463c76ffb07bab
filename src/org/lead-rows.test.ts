import { describe, expect, it } from 'vitest';
import { leadEvidence } from './lead-rows.ts';

describe('leadEvidence', () => {
  it('lists a source row once, in the order the model named them', () => {
    const ref = (dataset: string, row: number, file: string | null = '台账.xlsx') => ({
      dataset,
      batchId: 3,
      file,
      row,
    });
    const evidence = JSON.stringify([
      ref('enforcement_cases', 7),
      ref('vehicles', 2),
      ref('enforcement_cases', 7),
      ref('enforcement_cases', 7, null),
      ref('vehicles', 2),
    ]);
    expect(leadEvidence({ evidence })).toEqual([
      ref('enforcement_cases', 7),
      ref('vehicles', 2),
      ref('enforcement_cases', 7, null),
    ]);
  });
});
