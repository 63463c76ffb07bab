import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import { OutcomeListQuery, RecommendationListQuery } from '../contract/recommendations.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { Operator } from '../org/operator.ts';
import type { Database } from '../store/database.ts';
import { seedTwoCounties } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';

/** The 检察建议台账 on a real DuckDB: scope, the units below, filters, the audited export. */
const dir = mkdtempSync(join(tmpdir(), 'zhijian-reclist-'));
let db: Database;
let platform: Platform;
const ops: Record<string, Operator> = {};
const recs: Record<string, number> = {};
let campaignId: number;

async function recommendation(
  caseId: number,
  unitId: string,
  docNo: string | null,
  issuedOn: string | null,
  due: string | null,
) {
  const row = await db.one<{ id: number }>(
    `INSERT INTO supervision_recommendations (case_id, unit_id, kind, addressee, state, doc_no,
       issued_on, reply_due)
     VALUES ($1, $2, '个案', '某法院', $3, $4, CAST($5 AS DATE), CAST($6 AS DATE)) RETURNING id`,
    [caseId, unitId, docNo ? '已发出' : '草稿', docNo, issuedOn, due],
  );
  return Number(row?.id);
}

async function reply(recId: number, result: string): Promise<void> {
  await db.run(
    `INSERT INTO court_replies (recommendation_id, result, reply_date, actions)
     VALUES ($1, $2, DATE '2026-10-01', ['纠正'])`,
    [recId, result],
  );
}

async function outcome(caseId: number, kind: string, date: string, amount: string | null) {
  await db.run(
    `INSERT INTO case_outcomes (case_id, kind, outcome_date, amount)
     VALUES ($1, $2, CAST($3 AS DATE), CAST($4 AS DECIMAL(18,2)))`,
    [caseId, kind, date, amount],
  );
}

const list = (op: string, q: Record<string, string> = {}) =>
  platform.recommendationList.list(ops[op]!, RecommendationListQuery.parse(q));
const ids = async (op: string, q: Record<string, string> = {}) =>
  (await list(op, q)).items.map((i) => i.id).sort((a, b) => a - b);

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'reclist.duckdb')));
  for (const [name, unit, roles] of [
    ['chief', '330100', ['dept_head']],
    ['wang', '330102', ['prosecutor']],
    ['li', '330105', ['prosecutor']],
  ] as const) {
    ops[name] = await addTestUser(platform, name, unit, [...roles] as Role[], name);
  }
  const { leadA, leadB } = await seedTwoCounties(db);
  const caseA = (await platform.casework.open(ops.wang!, { leadIds: [leadA] })).id;
  const caseB = (await platform.casework.open(ops.li!, { leadIds: [leadB] })).id;
  // 上城: adopted; adopted then not adopted (the latest counts); unanswered and overdue; a draft.
  recs.a1 = await recommendation(caseA, '330102', '上建1号', '2026-03-01', '2026-06-01');
  recs.a2 = await recommendation(caseA, '330102', '上建2号', '2026-05-01', '2026-08-01');
  recs.a3 = await recommendation(caseA, '330102', '上建3号', '2026-07-01', '2026-10-01');
  recs.draft = await recommendation(caseA, '330102', null, null, null);
  await reply(recs.a1, '采纳');
  await reply(recs.a2, '采纳');
  await reply(recs.a2, '不采纳');
  // 拱墅: one issued, adopted.
  recs.b1 = await recommendation(caseB, '330105', '拱建1号', '2026-04-01', '2026-07-01');
  await reply(recs.b1, '采纳');
  await outcome(caseA, '执行到位', '2026-05-01', '0.10');
  await outcome(caseA, '执行到位', '2026-06-01', '0.20');
  await outcome(caseB, '执行到位', '2026-07-01', '12345678901234.56');
  await outcome(caseB, '恢复执行', '2026-07-02', null);
  const c = await platform.campaigns.create(ops.chief!, {
    theme: '专项',
    modelIds: [],
    scopeUnitIds: [],
    courts: [],
    closedFrom: null,
    closedTo: null,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    participantIds: ['330102', '330105'],
    note: '',
  });
  campaignId = c.id;
  await db.run(`UPDATE supervision_cases SET campaign_id = $1 WHERE id = $2`, [campaignId, caseB]);
}, 60_000);

afterAll(async () => {
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the 检察建议台账', () => {
  it('lists the unit with the units below; another unit never', async () => {
    expect(await ids('chief')).toEqual([recs.a1, recs.a2, recs.a3, recs.draft, recs.b1]);
    expect(await ids('wang')).toEqual([recs.a1, recs.a2, recs.a3, recs.draft]);
    expect(await ids('li')).toEqual([recs.b1]);
    // A unit outside the scope: nothing, no hint.
    expect(await ids('wang', { unitId: '330105' })).toEqual([]);
    expect(await ids('wang', { unitId: '330100' })).toEqual([]);
    expect(await ids('chief', { unitId: '330105' })).toEqual([recs.b1]);
    expect(await ids('chief', { unitId: '330100' })).toHaveLength(5);
  });

  it('filters by state, the reply in force, campaign and issue date', async () => {
    expect(await ids('chief', { state: '草稿' })).toEqual([recs.draft]);
    expect(await ids('chief', { state: '已发出', result: '采纳' })).toEqual([recs.a1, recs.b1]);
    expect(await ids('chief', { result: '不采纳' })).toEqual([recs.a2]);
    expect(await ids('chief', { result: '未回复' })).toEqual([recs.a3]);
    expect(await ids('chief', { campaign: String(campaignId) })).toEqual([recs.b1]);
    // The reply in force dated in a period (the statistics' 采纳 of the period).
    const inOctober = { result: '采纳', repliedFrom: '2026-10-01', repliedTo: '2026-10-31' };
    expect(await ids('chief', inOctober)).toEqual([recs.a1, recs.b1]);
    expect(await ids('chief', { repliedTo: '2026-09-30' })).toEqual([]);
    expect(await ids('chief', { issuedFrom: '2026-04-01', issuedTo: '2026-05-31' })).toEqual([
      recs.a2,
      recs.b1,
    ]);
  });

  it('shows the row: newest first, the reply in force, the deadline while unanswered', async () => {
    const page = await list('chief', { pageSize: '2' });
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page.items.map((i) => i.docNo)).toEqual(['上建3号', '上建2号']);
    const [a3, a2] = page.items;
    expect(a3).toMatchObject({
      unitName: expect.stringContaining('上城') as string,
      due: '2026-10-01',
      latestResult: null,
    });
    expect(a3!.deadline).not.toBeNull();
    expect(a2).toMatchObject({
      latestResult: '不采纳',
      latestReplyDate: '2026-10-01',
      deadline: null,
    });
    const last = await list('chief', { page: '3', pageSize: '2' });
    expect(last.items.map((i) => i.state)).toEqual(['草稿']);
  });

  it('exports to Excel (opened here), audited', async () => {
    const buffer = await platform.recommendationList.workbook(ops.wang!, { result: '采纳' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('检察建议台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('文号');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('上建1号');
    expect(sheet.getRow(2).getCell(7).value).toBe('采纳');
    const audit = await db.all<{ target: string; detail: string }>(
      `SELECT target, detail FROM audit_log WHERE action = 'export_report'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: '检察建议台账' });
    expect(audit[0]!.detail).toContain('1 条');
  });
});

describe('the 成效台账', () => {
  const outcomes = (op: string, q: Record<string, string> = {}) =>
    platform.recommendationList.outcomes(ops[op]!, OutcomeListQuery.parse(q));

  it('lists the outcomes of the units below with exact totals; another unit never', async () => {
    const money = await outcomes('chief', { kind: '执行到位' });
    expect(money.total).toBe(3);
    expect(money.totals).toEqual([
      { kind: '执行到位', count: 3, amount: '12345678901234.86', persons: null },
    ]);
    expect(money.items[0]).toMatchObject({
      amount: '12345678901234.56',
      unitName: expect.stringContaining('拱墅') as string,
    });
    const all = await outcomes('chief');
    expect(all.totals.map((t) => [t.kind, t.count])).toEqual([
      ['恢复执行', 1],
      ['执行到位', 3],
    ]);
    const own = await outcomes('wang');
    expect(own.items.map((i) => i.amount)).toEqual(['0.20', '0.10']);
    expect((await outcomes('wang', { unitId: '330105' })).total).toBe(0);
    expect((await outcomes('chief', { unitId: '330102' })).total).toBe(2);
  });

  it('filters by campaign and date', async () => {
    const inCampaign = await outcomes('chief', { campaign: String(campaignId) });
    expect(inCampaign.items.map((i) => i.kind)).toEqual(['恢复执行', '执行到位']);
    const may = await outcomes('chief', { from: '2026-05-01', to: '2026-05-31' });
    expect(may.totals).toEqual([{ kind: '执行到位', count: 1, amount: '0.10', persons: null }]);
  });
});
