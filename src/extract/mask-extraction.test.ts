import { describe, expect, it } from 'vitest';
import { validId } from '../../test/ingest/make-files.ts';
import { maskId } from '../domain/mask.ts';
import { maskExtraction, maskParties } from './mask-extraction.ts';

describe('maskExtraction', () => {
  const person = validId(7, '330102');
  const other = validId(9, '410105');
  const result = {
    file: 'a.txt',
    claimAmount: 1200,
    applicants: [{ name: '某某公司', idNo: null }],
    debtors: [{ name: '王某某', idNo: person }],
    actions: [{ type: '冻结', date: null, text: '冻结被执行人的存款' }],
    text: `被执行人：王某某，公民身份号码${person}。`,
    confidence: { debtors: 0.95 },
  };

  it('masks the parties’ IDs and the IDs in the text, and leaves the other fields as they are', () => {
    const m = maskExtraction(result);
    expect(m.debtors[0]?.idNo).toBe(maskId(person));
    expect(m.debtors[0]?.idNo).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(m.debtors[0]?.name).toBe('王某某');
    expect(m.applicants[0]?.idNo).toBeNull();
    expect(m.text).not.toContain(person);
    expect(m.text).toContain(maskId(person));
    expect(m.actions).toBe(result.actions);
    expect(m.claimAmount).toBe(1200);
    expect(m.confidence).toEqual({ debtors: 0.95 });
    // The caller's result (the one imported whole) is untouched.
    expect(result.debtors[0]?.idNo).toBe(person);
    expect(result.text).toContain(person);
  });

  it('adds no field the result does not have', () => {
    expect(maskExtraction({ file: 'b.txt' })).toEqual({ file: 'b.txt' });
  });

  it('masks a party list of any shape (a reviewer’s correction), and a short idNo', () => {
    expect(maskParties([{ name: '李某', idNo: '1234567890123' }])).toEqual([
      { name: '李某', idNo: maskId('1234567890123') },
    ]);
    expect(maskParties([{ name: `李某${other}` }])).toEqual([{ name: `李某${maskId(other)}` }]);
    expect(maskParties(`张某${other}`)).toBe(`张某${maskId(other)}`);
    expect(maskParties(null)).toBeNull();
  });
});
