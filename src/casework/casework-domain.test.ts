import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import type { UnitNode } from '../org/unit-tree.ts';
import { checkJoin, kindFor, leadStatusFor, type CaseLead } from './case-rules.ts';
import { CASE_STATES } from '../domain/vocabulary.ts';
import { CASE_TRANSITIONS, checkTransition } from './case-states.ts';
import {
  checkNumberPattern,
  defaultNumberPattern,
  formatCaseNumber,
  nextSerial,
  unitAbbreviation,
} from './supervision-number.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-an-app-error';
  }
  return undefined;
}

const UNITS: UnitNode[] = [
  {
    id: '330000',
    name: '浙江省人民检察院',
    level: 'province',
    parentId: null,
    regionCode: '330000',
    courtCodes: [],
  },
  {
    id: '330100',
    name: '杭州市人民检察院',
    level: 'city',
    parentId: '330000',
    regionCode: '330100',
    courtCodes: [],
  },
  {
    id: '330102',
    name: '杭州市上城区人民检察院',
    level: 'county',
    parentId: '330100',
    regionCode: '330102',
    courtCodes: [],
  },
  {
    id: '330122',
    name: '桐庐县人民检察院',
    level: 'county',
    parentId: '330100',
    regionCode: '330122',
    courtCodes: [],
  },
];

describe('case states', () => {
  it('follows the chain of workflow.md and ends in 结案', () => {
    for (let i = 0; i + 1 < CASE_STATES.length - 1; i++) {
      const from = CASE_STATES[i]!;
      const to = CASE_STATES[i + 1]!;
      expect(checkTransition(from, to)).toBe(to);
    }
    expect(CASE_TRANSITIONS['结案']).toEqual([]);
    // Every target is a state, and every state but 结案 leads somewhere.
    for (const s of CASE_STATES) {
      for (const t of CASE_TRANSITIONS[s]) expect(CASE_STATES).toContain(t);
      if (s !== '结案') expect(CASE_TRANSITIONS[s].length).toBeGreaterThan(0);
    }
  });

  it('refuses a skipped step, a move out of 结案 and an unknown state, in Chinese', () => {
    expect(codeOf(() => checkTransition('受理', '制发检察建议'))).toBe('CASE_TRANSITION');
    expect(codeOf(() => checkTransition('结案', '受理'))).toBe('CASE_TRANSITION');
    expect(codeOf(() => checkTransition('受理', '办结'))).toBe('BAD_CASE_STATE');
    try {
      checkTransition('受理', '结案');
    } catch (e) {
      expect((e as Error).message).toContain('可改为：调查核实');
    }
  });
});

describe('case kinds and leads', () => {
  const lead = (
    leadId: string,
    modelId: string,
    caseNo: string | null,
    status = '待研判',
  ): CaseLead => ({
    leadId,
    modelId,
    caseNo,
    status,
  });

  it('one enforcement case → 个案; one model across cases → 类案; otherwise refused', () => {
    expect(kindFor([lead('L1', 'M01', 'A'), lead('L2', 'M05', 'A')])).toBe('个案');
    expect(kindFor([lead('L1', 'M01', 'A'), lead('L2', 'M01', 'B')])).toBe('类案');
    expect(kindFor([lead('L1', 'M01', 'A')], '类案')).toBe('类案');
    expect(codeOf(() => kindFor([lead('L1', 'M01', 'A'), lead('L2', 'M05', 'B')]))).toBe(
      'CASE_LEADS_MIXED',
    );
    expect(codeOf(() => kindFor([lead('L1', 'M01', 'A'), lead('L2', 'M01', 'B')], '个案'))).toBe(
      'CASE_LEADS_MIXED',
    );
    expect(codeOf(() => kindFor([]))).toBe('BAD_CASE_INPUT');
    expect(codeOf(() => kindFor([lead('L1', 'M01', 'A'), lead('L1', 'M01', 'A')]))).toBe(
      'BAD_CASE_INPUT',
    );
  });

  it('only open leads (待研判, 研判中) enter a case; a class case merges them', () => {
    expect(kindFor([lead('L1', 'M01', 'A', '研判中')])).toBe('个案');
    for (const status of ['已排除', '已成案', '已合并']) {
      expect(codeOf(() => kindFor([lead('L1', 'M01', 'A', status)]))).toBe('LEAD_NOT_CASEABLE');
    }
    expect(leadStatusFor('个案')).toBe('已成案');
    expect(leadStatusFor('类案')).toBe('已合并');
  });

  it('a joining lead must fit: same enforcement case for 个案, same model for 类案', () => {
    const single = { modelId: null, caseNos: ['A'] };
    expect(codeOf(() => checkJoin('个案', single, lead('L3', 'M07', 'A')))).toBeUndefined();
    expect(codeOf(() => checkJoin('个案', single, lead('L3', 'M07', 'B')))).toBe(
      'CASE_LEADS_MIXED',
    );
    const cls = { modelId: 'M01', caseNos: ['A', 'B'] };
    expect(codeOf(() => checkJoin('类案', cls, lead('L3', 'M01', 'C')))).toBeUndefined();
    expect(codeOf(() => checkJoin('类案', cls, lead('L3', 'M02', 'C')))).toBe('CASE_LEADS_MIXED');
    expect(codeOf(() => checkJoin('类案', cls, lead('L3', 'M01', 'C', '已排除')))).toBe(
      'LEAD_NOT_CASEABLE',
    );
  });
});

describe('supervision case numbers', () => {
  it('formats the example of workflow.md from the unit tree', () => {
    expect(unitAbbreviation(UNITS, '330102')).toBe('浙杭上');
    expect(unitAbbreviation(UNITS, '330100')).toBe('浙杭');
    expect(unitAbbreviation(UNITS, '330000')).toBe('浙');
    expect(unitAbbreviation(UNITS, '330122')).toBe('浙杭桐');
    expect(formatCaseNumber(defaultNumberPattern(UNITS, '330102'), 2025, 12)).toBe(
      '浙杭上检民执监〔2025〕12号',
    );
  });

  it('takes a unit pattern anywhere it puts the year and serial', () => {
    expect(formatCaseNumber('上城检民执监[{year}]第{serial}号', 2026, 3)).toBe(
      '上城检民执监[2026]第3号',
    );
  });

  it('refuses patterns without year or serial, with unknown or repeated placeholders', () => {
    expect(codeOf(() => checkNumberPattern('浙杭上检民执监〔2025〕{serial}号'))).toBe(
      'BAD_CASE_PATTERN',
    );
    expect(codeOf(() => checkNumberPattern('浙杭上检〔{year}〕号'))).toBe('BAD_CASE_PATTERN');
    expect(codeOf(() => checkNumberPattern('{unit}〔{year}〕{serial}号'))).toBe('BAD_CASE_PATTERN');
    expect(codeOf(() => checkNumberPattern('〔{year}〕{serial}-{serial}号'))).toBe(
      'BAD_CASE_PATTERN',
    );
    expect(codeOf(() => checkNumberPattern('〔{year}〕{serial}号}'))).toBe('BAD_CASE_PATTERN');
    expect(codeOf(() => checkNumberPattern(''))).toBe('BAD_CASE_PATTERN');
    expect(codeOf(() => formatCaseNumber('〔{year}〕{serial}号', 2025, 0))).toBe('INTERNAL');
  });

  it('counts serials up from 1 and never back', () => {
    expect(nextSerial(undefined)).toBe(1);
    expect(nextSerial(11)).toBe(12);
    let last: number | undefined;
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      last = nextSerial(last);
      expect(seen.has(last)).toBe(false);
      seen.add(last);
    }
  });
});
