import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import type { UnitNode } from '../org/unit-tree.ts';
import {
  boundRun,
  campaignEditable,
  campaignVisible,
  caseCampaign,
  checkCampaign,
  type CampaignDef,
} from './campaign-rules.ts';
import { flattenLedger, rollUpLedger } from './ledger-rollup.ts';

const unit = (id: string, level: UnitNode['level'], parentId: string | null): UnitNode => ({
  id,
  name: `单位${id}`,
  level,
  parentId,
  regionCode: id,
  courtCodes: [],
});
const UNITS = [
  unit('330000', 'province', null),
  unit('330100', 'city', '330000'),
  unit('330102', 'county', '330100'),
  unit('330105', 'county', '330100'),
  unit('330200', 'city', '330000'),
];

const base: CampaignDef = {
  theme: '专项',
  unitId: '330100',
  modelIds: ['M01', 'M05'],
  scopeUnitIds: ['330102'],
  courts: [],
  closedFrom: '2023-01-01',
  closedTo: '2023-12-31',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  participantIds: ['330102'],
};

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('who sees and edits a campaign', () => {
  it('the creator, participants and the units above them see it; siblings do not', () => {
    expect(campaignVisible(base, ['330102'])).toBe(true);
    expect(campaignVisible(base, ['330000', '330100', '330102', '330105', '330200'])).toBe(true);
    expect(campaignVisible(base, ['330105'])).toBe(false);
    expect(campaignVisible(base, ['330200'])).toBe(false);
  });
  it('the creator and units above edit; a participant does not', () => {
    expect(campaignEditable(base, ['330100', '330102', '330105'])).toBe(true);
    expect(campaignEditable(base, ['330102'])).toBe(false);
  });
  it('checks its fields against the creator', () => {
    expect(() =>
      checkCampaign(base, ['330100', '330102', '330105'], new Set(['M01', 'M05'])),
    ).not.toThrow();
    const msg = problem(() =>
      checkCampaign(
        { ...base, participantIds: ['330200'], closedFrom: '2024-01-01' },
        ['330100', '330102'],
        new Set(['M01']),
      ),
    );
    expect(msg).toContain('BAD_CAMPAIGN');
    expect(msg).toContain('330200');
    expect(msg).toContain('M05');
    expect(msg).toContain('终本日期范围');
  });
});

describe('a run under a campaign', () => {
  const today = '2026-06-01';
  it('fills what the run left open from the campaign', () => {
    expect(boundRun(base, {}, '330102', today, UNITS)).toEqual({
      models: ['M01', 'M05'],
      units: ['330102'],
      closedFrom: '2023-01-01',
      closedTo: '2023-12-31',
    });
    // The city (creator) running with nothing chosen: the campaign's units inside its tree.
    expect(boundRun(base, {}, '330100', today, UNITS).units).toEqual(['330102']);
  });
  it('refuses models, units, dates outside it, a day outside its period, a unit not taking part', () => {
    const msg = problem(() =>
      boundRun(
        base,
        { models: ['M09'], units: ['330105'], closedFrom: '2022-01-01', closedTo: '2024-01-01' },
        '330102',
        '2027-01-01',
        UNITS,
      ),
    );
    expect(msg).toContain('CAMPAIGN_SCOPE');
    for (const part of ['M09', '330105', '2022-01-01', '2024-01-01', '期间']) {
      expect(msg).toContain(part);
    }
    expect(problem(() => boundRun(base, {}, '330105', today, UNITS))).toContain('未参加');
    // The trusted local operator takes part in everything.
    expect(boundRun(base, { models: ['M01'] }, null, today, UNITS).models).toEqual(['M01']);
  });
  it('keeps what the run narrows inside it', () => {
    const wide = { ...base, scopeUnitIds: ['330100'], courts: ['甲法院', '乙法院'] };
    expect(
      boundRun(
        wide,
        { units: ['330105'], courts: ['甲法院'], closedFrom: '2023-03-01' },
        '330100',
        today,
        UNITS,
      ),
    ).toEqual({
      models: ['M01', 'M05'],
      units: ['330105'],
      courts: ['甲法院'],
      closedFrom: '2023-03-01',
      closedTo: '2023-12-31',
    });
  });
});

describe("a case's campaign", () => {
  it('the chosen one, else the one its leads share, else none', () => {
    expect(caseCampaign([1, 1, null], undefined)).toBe(1);
    expect(caseCampaign([1, 2], undefined)).toBeNull();
    expect(caseCampaign([null], undefined)).toBeNull();
    expect(caseCampaign([1, 2], 2)).toBe(2);
    expect(caseCampaign([1], null)).toBeNull();
  });
});

describe('the ledger roll-up', () => {
  it('counts leads by court code into every unit whose scope holds it, cases up the tree, money exact', () => {
    const rows = rollUpLedger(
      UNITS.map((u) => ({ ...u, regionCode: u.id })),
      '330100',
      [
        {
          src: 'court',
          key: '浙0102',
          leads: 3,
          judged: 1,
          cases: 0,
          recommendations: 0,
          adopted: 0,
          resumed: 0,
          money: '0.00',
        },
        {
          src: 'court',
          key: '浙0105',
          leads: 2,
          judged: 2,
          cases: 0,
          recommendations: 0,
          adopted: 0,
          resumed: 0,
          money: '0.00',
        },
        {
          src: 'court',
          key: '浙0201',
          leads: 9,
          judged: 9,
          cases: 0,
          recommendations: 0,
          adopted: 0,
          resumed: 0,
          money: '0.00',
        },
        {
          src: 'unit',
          key: '330102',
          leads: 0,
          judged: 0,
          cases: 1,
          recommendations: 1,
          adopted: 1,
          resumed: 0,
          money: '0.10',
        },
        {
          src: 'unit',
          key: '330105',
          leads: 0,
          judged: 0,
          cases: 2,
          recommendations: 0,
          adopted: 0,
          resumed: 1,
          money: '0.20',
        },
        {
          src: 'unit',
          key: '330100',
          leads: 0,
          judged: 0,
          cases: 1,
          recommendations: 0,
          adopted: 0,
          resumed: 0,
          money: '99999999999999.99',
        },
      ],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unitId: '330100',
      leads: 5,
      judged: 3,
      cases: 4,
      money: '100000000000000.29',
    });
    expect(rows[0]?.children?.map((c) => [c.unitId, c.leads, c.cases, c.money])).toEqual([
      ['330102', 3, 1, '0.10'],
      ['330105', 2, 2, '0.20'],
    ]);
    expect(flattenLedger(rows).map(([r, d]) => `${d}:${r.unitId}`)).toEqual([
      '0:330100',
      '1:330102',
      '1:330105',
    ]);
  });
});
