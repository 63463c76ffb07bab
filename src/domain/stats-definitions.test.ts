import { describe, expect, it } from 'vitest';
import {
  addMoney,
  FIGURES,
  figuresOf,
  formatFigure,
  formatMoney,
  formatRate,
  rate,
  sumCounts,
  ZERO_COUNTS,
} from './stats-definitions.ts';

describe('statistics definitions', () => {
  it('a rate without a denominator is null and shown as —', () => {
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(formatRate(rate(0, 0))).toBe('—');
    expect(formatRate(rate(7, 8))).toBe('87.5%');
    const f = figuresOf(ZERO_COUNTS);
    expect(f.caseRate.value).toBeNull();
    expect(f.adoptionRate.value).toBeNull();
    expect(formatFigure(f, 'adoptionRate')).toBe('—');
  });

  it('已合并 counts as judged and as made a case: 成案率 does not fall when leads join a class case', () => {
    const before = figuresOf({ ...ZERO_COUNTS, leads: 10, leadsOpened: 2, leadsDismissed: 2 });
    expect(before.caseRate.value).toBe(0.5);
    // Four more leads judged and put into a class case: judged 8, made cases 6.
    const after = figuresOf({
      ...ZERO_COUNTS,
      leads: 10,
      leadsOpened: 2,
      leadsMerged: 4,
      leadsDismissed: 2,
    });
    expect(after.judged).toBe(8);
    expect(after.leadsMadeCases).toBe(6);
    expect(after.caseRate).toEqual({ numerator: 6, denominator: 8, value: 0.75 });
  });

  it('采纳数 = 采纳 + 部分采纳, 采纳率 = adopted / replied', () => {
    const f = figuresOf({ ...ZERO_COUNTS, replied: 4, adopted: 2, partlyAdopted: 1 });
    expect(f.adopted).toBe(3);
    expect(f.adoptionRate.value).toBe(0.75);
    expect(figuresOf({ ...ZERO_COUNTS, recIndividual: 2, recClass: 1 }).recommendations).toBe(3);
  });

  it('money adds exactly, beyond what a double holds', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney('9007199254740993.01', '0.99')).toBe('9007199254740994.00');
    expect(addMoney('-1.5', '0.25')).toBe('-1.25');
    const total = sumCounts([
      { ...ZERO_COUNTS, leads: 1, moneyRecovered: '1234567890123.45' },
      { ...ZERO_COUNTS, leads: 2, moneyRecovered: '0.55' },
    ]);
    expect(total).toMatchObject({ leads: 3, moneyRecovered: '1234567890124.00' });
    expect(formatMoney('1234567.5')).toBe('1,234,567.5');
    expect(formatMoney('1234567.50')).toBe('1,234,567.50');
  });

  it('every figure has a Chinese name and a formula', () => {
    const keys = Object.keys(figuresOf(ZERO_COUNTS));
    expect(FIGURES.map((f) => f.key).sort()).toEqual(keys.sort());
    for (const f of FIGURES) expect(f.name && f.formula).toBeTruthy();
  });
});
