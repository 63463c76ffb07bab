import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.ts';
import { OrgService } from '../org/org.service.ts';
import type { ActingUser } from '../org/unit-boundaries.ts';
import { writeBatch } from '../store/batch.repo.ts';
import { Database } from '../store/database.ts';
import { runModels } from './run.service.ts';

const dirs: string[] = [];
async function openDb(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-run-scope-'));
  dirs.push(dir);
  const db = await Database.open(join(dir, 'test.duckdb'));
  await new OrgService(db, new AuditService(db)).ensureUnits('33');
  return db;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// 上城 (330102) and 拱墅 (330105), both under 杭州 (330100).
const CASE_A = '（2023）浙0102执1号';
const CASE_B = '（2023）浙0105执2号';
const ID_A = '330102198001010018';
const ID_B = '330105197502020026';

const county = (unitId: string): ActingUser => ({ unitId, roles: ['data_admin'] });

async function batch(
  db: Database,
  dataset: string,
  unitId: string | null,
  rows: Record<string, string>[],
): Promise<number> {
  const r = await writeBatch(db, {
    dataset,
    kind: 'import',
    unitId,
    files: [{ file: `${dataset}.xlsx` }],
    rows: rows.map((values, i) => ({ values, file: `${dataset}.xlsx`, row: i + 2 })),
  });
  return r.batchId;
}

const caseRow = (caseNo: string, id: string): Record<string, string> => ({
  case_no: caseNo,
  court: '法院',
  filed_date: '2023-01-05',
  closed_date: '2023-06-30',
  closure_type: '终结本次执行程序',
  unpaid_amount: '1000.00',
  debtors: '某人',
  debtor_id: id,
});
const vehicle = (plate: string, id: string): Record<string, string> => ({
  plate,
  owner_id: id,
  owner_name: '某人',
  registered_date: '2020-01-01',
});

/** Each county's cases in its own batch. */
async function seedCases(db: Database): Promise<void> {
  await batch(db, 'enforcement_cases', '330102', [caseRow(CASE_A, ID_A)]);
  await batch(db, 'enforcement_cases', '330105', [caseRow(CASE_B, ID_B)]);
}

async function leadCases(db: Database): Promise<string[]> {
  const rows = await db.all<{ case_no: string }>(`SELECT case_no FROM leads ORDER BY case_no`);
  return rows.map((r) => r.case_no);
}

describe('a run reads the data of its units only', () => {
  it("one county's vehicles raise no lead for another county, even in a run over both", async () => {
    const db = await openDb();
    await seedCases(db);
    // 上城 imported vehicles of both debtors: 拱墅 cannot see that batch.
    await batch(db, 'vehicles', '330102', [vehicle('浙A1', ID_A), vehicle('浙A2', ID_B)]);

    const gongshu = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330105'),
    });
    expect(gongshu.outcomes[0]).toMatchObject({ status: 'ran', leads: 0 });
    const shangcheng = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330102'),
      force: true,
    });
    expect(shangcheng.outcomes[0]).toMatchObject({ status: 'ran', leads: 1 });
    expect(await leadCases(db)).toEqual([CASE_A]);

    // The city sees both counties' data, but 拱墅's lead would rest on 上城's batch: not raised.
    const city = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330100'),
      force: true,
    });
    expect(city.outcomes[0]).toMatchObject({ status: 'ran', leads: 1 });
    // The trusted operator's unscoped run obeys the same evidence rule.
    const cli = await runModels(db, { models: ['M01'], asOf: '2024-12-31', force: true });
    expect(cli.outcomes[0]).toMatchObject({ status: 'ran', leads: 1 });
    expect(await leadCases(db)).toEqual([CASE_A]);
  });

  it('data shared from above (province batch, batch with no unit) is read by every county', async () => {
    const db = await openDb();
    await seedCases(db);
    await batch(db, 'vehicles', '330000', [vehicle('浙A2', ID_B)]);
    await batch(db, 'vehicles', null, [vehicle('浙A1', ID_A)]);
    const gongshu = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330105'),
    });
    expect(gongshu.outcomes[0]).toMatchObject({ status: 'ran', leads: 1 });
    const city = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330100'),
      force: true,
    });
    expect(city.outcomes[0]).toMatchObject({ status: 'ran', leads: 2 });
    expect(await leadCases(db)).toEqual([CASE_A, CASE_B]);
  });

  it("a county's cases in a province batch are its own; a county's data stays out of the province's others", async () => {
    const db = await openDb();
    // The province's ledger covers both counties; 拱墅 imported vehicles of its own debtor.
    await batch(db, 'enforcement_cases', '330000', [caseRow(CASE_A, ID_A), caseRow(CASE_B, ID_B)]);
    await batch(db, 'vehicles', '330105', [vehicle('浙A2', ID_B), vehicle('浙A1', ID_A)]);
    const province = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330000'),
    });
    // 上城's lead would rest on 拱墅's vehicles: dropped; 拱墅's own lead stays.
    expect(province.outcomes[0]).toMatchObject({ status: 'ran', leads: 1 });
    expect(await leadCases(db)).toEqual([CASE_B]);
  });

  it("refuses another unit's scope; a user's run without units covers their own unit", async () => {
    const db = await openDb();
    await seedCases(db);
    await batch(db, 'vehicles', null, [vehicle('浙A1', ID_A), vehicle('浙A2', ID_B)]);
    await expect(
      runModels(db, { models: ['M01'], user: county('330102'), scope: { units: ['330105'] } }),
    ).rejects.toMatchObject({ status: 404, message: expect.stringContaining('330105') });
    await expect(
      runModels(db, { models: ['M01'], user: county('330102'), scope: { units: ['330100'] } }),
    ).rejects.toMatchObject({ status: 404 });
    const own = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330102'),
    });
    expect(own.outcomes[0]?.leads).toBe(1);
    expect(await leadCases(db)).toEqual([CASE_A]);
    // The city may name a county below it.
    const below = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      user: county('330100'),
      scope: { units: ['330105'] },
      force: true,
    });
    expect(below.outcomes[0]?.leads).toBe(1);
    expect(await leadCases(db)).toEqual([CASE_A, CASE_B]);
    // The trusted operator may name any unit, not an unknown one.
    await expect(
      runModels(db, { models: ['M01'], scope: { units: ['999999'] } }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
