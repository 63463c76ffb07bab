import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { Database } from '../store/database.ts';
import { seedTwoCounties } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';
import { seedCasework } from '../../test/stats/casework-seed.ts';
import { StatsService } from './stats.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-stats-'));
let db: Database;
let platform: Platform;
let stats: StatsService;
const ops: Record<string, Operator> = {};

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'stats.duckdb')));
  for (const [name, unit] of [
    ['wang', '330102'],
    ['li', '330105'],
    ['zhao', '330100'],
    ['qian', '330000'],
  ] as const) {
    await addTestUser(platform, name, unit, ['prosecutor']);
  }
  for (const u of await platform.org.users()) {
    ops[u.username] = {
      userId: u.id,
      username: u.username,
      unitId: u.unitId,
      ip: null,
      canViewFullId: false,
    };
  }
  await seedTwoCounties(db);
  await seedCasework(db);
  stats = new StatsService({ ...platform, readers: 0 });
}, 60_000);

afterAll(async () => {
  stats.close();
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('statistics on a real database', () => {
  it('a county sees its own figures only, by the definitions', async () => {
    const t = await stats.table(ops.wang!, { by: 'total' });
    expect(t.total).toMatchObject({
      leads: 4,
      judged: 4,
      leadsMadeCases: 3,
      cases: 2,
      recommendations: 2,
      recIndividual: 1,
      recClass: 1,
      recClassCases: 3,
      replied: 2,
      adopted: 2,
      resumed: 1,
      moneyRecovered: '1234567890123.75',
      referrals: 1,
      policeCases: 1,
    });
    expect(t.total.caseRate).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    const li = await stats.table(ops.li!, { by: 'total' });
    expect(li.total).toMatchObject({
      leads: 2,
      judged: 1,
      leadsMadeCases: 0,
      cases: 1,
      replied: 1,
      adopted: 0,
    });
    expect(li.total.adoptionRate.value).toBe(0);
  });

  it('a city counts the units below it; by unit each county is a row', async () => {
    const t = await stats.table(ops.zhao!, { by: 'unit' });
    expect(t.total.leads).toBe(6);
    expect(t.total.cases).toBe(3);
    expect(t.total.moneyRecovered).toBe('1234567890123.75');
    const byKey = new Map(t.rows.map((r) => [r.key, r]));
    expect(byKey.get('330102')?.figures.leads).toBe(4);
    expect(byKey.get('330105')?.figures.cases).toBe(1);
    expect(byKey.get('330102')?.label).toContain('上城');
    const province = await stats.table(ops.qian!, { by: 'unit' });
    expect(province.rows.find((r) => r.key === '330100')?.figures.recommendations).toBe(3);
  });

  it('a unit outside the scope is not found; inside it narrows', async () => {
    await expect(stats.table(ops.wang!, { by: 'total', unitId: '330105' })).rejects.toMatchObject({
      code: 'UNIT_NOT_FOUND',
    });
    const t = await stats.table(ops.zhao!, { by: 'total', unitId: '330105' });
    expect(t.total.leads).toBe(2);
  });

  it('by month counts each figure on its own date; a period bounds it', async () => {
    const t = await stats.table(ops.zhao!, { by: 'month' });
    const m = new Map(t.rows.map((r) => [r.key, r.figures]));
    expect(m.get('2025-07')).toMatchObject({ leads: 2, cases: 1, recommendations: 1, replied: 0 });
    expect(m.get('2025-08')).toMatchObject({
      replied: 1,
      adopted: 1,
      resumed: 1,
      moneyRecovered: '0.10',
    });
    expect(m.get('2025-09')).toMatchObject({ replied: 2, moneyRecovered: '1234567890123.65' });
    const sept = await stats.table(ops.zhao!, {
      by: 'total',
      from: '2025-09-01',
      to: '2025-09-30',
    });
    expect(sept.total).toMatchObject({ leads: 2, cases: 1, recommendations: 1 });
  });

  it('by model: a class case counts for its model; a model track record', async () => {
    const t = await stats.table(ops.wang!, { by: 'model' });
    const m = new Map(t.rows.map((r) => [r.key, r.figures]));
    expect(m.get('M05')).toMatchObject({
      leads: 3,
      judged: 3,
      leadsMadeCases: 2,
      cases: 1,
      recClass: 1,
    });
    expect(m.get('M01')).toMatchObject({ leads: 1, cases: 1, moneyRecovered: '0.30' });
    const record = await stats.modelRecord(ops.zhao!, 'M05');
    expect(record.total.caseRate.value).toBeCloseTo(2 / 4);
    expect(record.total.moneyRecovered).toBe('1234567890123.45');
  });

  it('by court: leads by their 执行法院, cases by their leads', async () => {
    const t = await stats.table(ops.zhao!, { by: 'court' });
    const m = new Map(t.rows.map((r) => [r.key, r.figures]));
    expect(m.get('杭州市上城区人民法院')?.cases).toBe(2);
    expect(m.get('（未知法院）')?.cases).toBe(1);
  });

  it('终本 per court and judge with the median days', async () => {
    const t = await stats.termination(ops.zhao!, { by: 'court' });
    const shang = t.rows.find((r) => r.court.includes('上城'));
    expect(shang).toMatchObject({ closed: 1, terminated: 1, medianDays: 176 });
    expect(shang?.share.value).toBe(1);
    const county = await stats.termination(ops.li!, { by: 'judge' });
    expect(county.rows.every((r) => r.court.includes('拱墅'))).toBe(true);
  });

  it('exports to Excel, audited', async () => {
    const buffer = await stats.tableWorkbook(ops.zhao!, { by: 'unit' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按单位');
    expect(sheet?.getRow(1).getCell(1).value).toBe('单位');
    expect(book.getWorksheet('口径说明')?.getRow(2).getCell(1).value).toBe('线索数');
    const audit = await db.all<{ target: string }>(
      `SELECT target FROM audit_log WHERE action = 'export_report' AND username = 'zhao'`,
    );
    expect(audit.map((a) => a.target)).toContain('statistics');
  });
});
