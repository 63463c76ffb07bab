import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import type { LedgerRow } from '../contract/campaigns.ts';
import type { AppError } from '../domain/app-error.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { Operator } from '../org/operator.ts';
import type { Database } from '../store/database.ts';
import { CASE_A, DEBTOR_A, seedTwoCounties } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';

/** The ledger (一本账) and the work list on a real DuckDB. */
const dir = mkdtempSync(join(tmpdir(), 'zhijian-ledger-'));
let db: Database;
let platform: Platform;
const ops: Record<string, Operator> = {};
let caseA: number;
let caseB: number;
let campaignId: number;

async function user(username: string, unitId: string, roles: Role[]): Promise<void> {
  ops[username] = await addTestUser(platform, username, unitId, roles, username);
}

async function recommendation(caseId: number, unitId: string, state: string, due: string | null) {
  const row = await db.one<{ id: number }>(
    `INSERT INTO supervision_recommendations (case_id, unit_id, kind, addressee, state, issued_on, reply_due)
     VALUES ($1, $2, '个案', '法院', $3, DATE '2026-09-01', CAST($4 AS DATE)) RETURNING id`,
    [caseId, unitId, state, due],
  );
  return Number(row?.id);
}

async function reply(recId: number, result: string): Promise<void> {
  await db.run(
    `INSERT INTO court_replies (recommendation_id, result, reply_date, actions) VALUES ($1, $2, DATE '2026-10-01', ['纠正'])`,
    [recId, result],
  );
}

async function outcome(caseId: number, kind: string, amount: string | null): Promise<void> {
  await db.run(
    `INSERT INTO case_outcomes (case_id, kind, outcome_date, amount) VALUES ($1, $2, DATE '2026-10-02', CAST($3 AS DECIMAL(18,2)))`,
    [caseId, kind, amount],
  );
}

const find = (rows: readonly LedgerRow[], unitId: string): LedgerRow | undefined => {
  for (const r of rows) {
    if (r.unitId === unitId) return r;
    const found = find(r.children ?? [], unitId);
    if (found) return found;
  }
  return undefined;
};

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'ledger.duckdb')));
  await user('chief', '330100', ['dept_head']);
  await user('wang', '330102', ['prosecutor']);
  await user('li', '330105', ['prosecutor']);
  const { leadA, leadB } = await seedTwoCounties(db);
  caseA = (await platform.casework.open(ops.wang!, { leadIds: [leadA], dueDate: '2027-03-31' })).id;
  caseB = (await platform.casework.open(ops.li!, { leadIds: [leadB] })).id;
  // 上城: two issued (one adopted, then a later reply not adopted counts as not adopted), a draft.
  const r1 = await recommendation(caseA, '330102', '已发出', '2026-12-01');
  const r2 = await recommendation(caseA, '330102', '已发出', '2026-12-20');
  await recommendation(caseA, '330102', '草稿', null);
  await reply(r1, '采纳');
  await reply(r2, '采纳');
  await reply(r2, '不采纳');
  // 拱墅: one issued, adopted, with money in two entries and a resumption.
  const r3 = await recommendation(caseB, '330105', '已发出', '2026-12-05');
  await reply(r3, '采纳');
  await outcome(caseB, '恢复执行', null);
  await outcome(caseB, '执行到位', '12345678901234.56');
  await outcome(caseB, '执行到位', '0.10');
  await outcome(caseA, '执行到位', '0.20');
  await outcome(caseA, '执行和解', '999.00');
  const c = await platform.campaigns.create(ops.chief!, {
    theme: '专项',
    modelIds: [],
    scopeUnitIds: [],
    courts: [],
    closedFrom: null,
    closedTo: null,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    participantIds: ['330102'],
    note: '',
  });
  campaignId = c.id;
  await db.run(`UPDATE leads SET campaign_id = $1 WHERE case_no = $2`, [campaignId, CASE_A]);
  await db.run(`UPDATE supervision_cases SET campaign_id = $1 WHERE id = $2`, [campaignId, caseA]);
  // A lead of wang's under judgement (研判中), with no deadline.
  await db.run(
    `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, summary,
       priority, status, assignee)
     VALUES ('M05|A', 'M05', 1, $1, $2, '某乙', '名下有房产', '中', '研判中', 'wang')`,
    [CASE_A, DEBTOR_A],
  );
}, 60_000);

afterAll(async () => {
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the ledger', () => {
  it('sums the units below; money exact as a string', async () => {
    const ledger = await platform.ledger.ledger(ops.chief!);
    expect(ledger.rows).toHaveLength(1);
    const city = ledger.rows[0]!;
    expect(city).toMatchObject({
      unitId: '330100',
      leads: 3,
      judged: 2,
      cases: 2,
      recommendations: 3,
      adopted: 2,
      resumed: 1,
      money: '12345678901234.86',
    });
    expect(find(ledger.rows, '330102')).toMatchObject({
      leads: 2,
      judged: 1,
      cases: 1,
      recommendations: 2,
      adopted: 1,
      resumed: 0,
      money: '0.20',
    });
    expect(find(ledger.rows, '330105')).toMatchObject({ cases: 1, money: '12345678901234.66' });
    // A county sees itself only.
    const county = await platform.ledger.ledger(ops.li!);
    expect(county.rows.map((r) => r.unitId)).toEqual(['330105']);
    expect(county.rows[0]?.children).toBeUndefined();
  });

  it('of one campaign: its leads and cases only; another unit finds no campaign', async () => {
    const ledger = await platform.ledger.ledger(ops.chief!, { campaignId });
    expect(ledger.campaignTheme).toBe('专项');
    expect(ledger.rows[0]).toMatchObject({ leads: 1, cases: 1, money: '0.20', adopted: 1 });
    const refused = await platform.ledger.ledger(ops.li!, { campaignId }).catch((e: AppError) => e);
    expect((refused as AppError).status).toBe(404);
  });

  it('exports to Excel (opened here), audited', async () => {
    const buffer = await platform.ledger.ledgerWorkbook(ops.chief!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('一本账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('单位');
    expect(sheet.getRow(1).getCell(8).value).toBe('执行到位金额（元）');
    const city = sheet.getRow(2);
    expect(city.getCell(2).value).toBe(3);
    expect(city.getCell(8).value).toBeCloseTo(12345678901234.86, 2);
    const names = sheet.getColumn(1).values.slice(2).map(String);
    expect(names.some((n) => n.trim() === '上城区人民检察院' || n.includes('上城'))).toBe(true);
    const audit = await db.all<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action = 'export_report'`,
    );
    expect(audit).toEqual([{ action: 'export_report', target: '一本账' }]);
  });
});

describe('the work list', () => {
  it("a prosecutor's open leads and cases by deadline: the unreplied recommendation's reply due first", async () => {
    // r1 has a reply; r2's latest reply exists too: only replies matter, so wang's case has none
    // open. Give it an unreplied one due before its own due date.
    await recommendation(caseA, '330102', '已发出', '2026-11-15');
    const list = await platform.ledger.workList(ops.wang!);
    expect(list.items.map((i) => [i.kind, i.deadline, i.deadlineKind])).toEqual([
      ['case', '2026-11-15', '法院回复期限'],
      ['lead', null, null],
    ]);
    const caseItem = list.items[0]!;
    expect(caseItem.id).toBe(String(caseA));
    // li's case has no due date and its recommendation was replied to.
    const li = await platform.ledger.workList(ops.li!);
    expect(li.items).toMatchObject([{ kind: 'case', deadline: null }]);
    const week = await platform.ledger.workList(ops.li!, { dueWithin: 7 });
    expect(week.items).toEqual([]);
  });
});
