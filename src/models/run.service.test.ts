import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../store/database.ts';
import { insertFixtureRows } from '../store/fixture.repo.ts';
import { versionsTable } from '../store/schema.ts';
import { dismissLead, getLead, type Lead } from './lead.service.ts';
import { loadBuiltInModel, type LibraryModel } from './library.ts';
import { parseModelFile } from './model-file.ts';
import { importModel, modelLastRuns, validateModel } from './model.service.ts';
import { runModels } from './run.service.ts';

const dirs: string[] = [];
async function openDb(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-models-'));
  dirs.push(dir);
  return Database.open(join(dir, 'test.duckdb'));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every lead in the table (in key order), as the lead service reads one. */
async function allLeads(db: Database, modelId?: string): Promise<{ total: number; items: Lead[] }> {
  const keys = await db.all<{ lead_key: string }>(
    `SELECT lead_key FROM leads WHERE $1::VARCHAR IS NULL OR model_id = $1 ORDER BY lead_key`,
    [modelId ?? null],
  );
  const items = await Promise.all(keys.map((k) => getLead(db, k.lead_key)));
  return { total: items.length, items };
}

const M01 = (): LibraryModel => loadBuiltInModel('M01');

const CASE = `case_no | court | filed_date | closed_date | closure_type | unpaid_amount
（2023）浙0102执1号 | 上城法院 | 2023-01-05 | 2023-06-30 | 终结本次执行程序 | 1000.00
（2023）浙0102执2号 | 上城法院 | 2023-01-05 | 2023-06-30 | 终结本次执行程序 | 2000.00`;
const PARTIES = `case_no | party_name | party_role | party_id
（2023）浙0102执1号 | 张三 | 被执行人 | 330102198001010018
（2023）浙0102执2号 | 李四 | 被执行人 | 330102198102020020`;
const VEHICLES = `plate | owner_id | owner_name | registered_date
浙A10001 | 330102198001010018 | 张三 | 2020-01-01`;

async function seed(db: Database, extra: Record<string, string> = {}): Promise<void> {
  const { parsePipeTable } = await import('./definition.ts');
  const given: Record<string, Record<string, string | number | null>[]> = {};
  for (const [ds, text] of Object.entries({
    enforcement_cases: CASE,
    case_parties: PARTIES,
    vehicles: VEHICLES,
    ...extra,
  })) {
    const rows = parsePipeTable(text);
    if (typeof rows === 'string') throw new Error(rows);
    given[ds] = rows;
  }
  await insertFixtureRows(db, given);
}

/** A user model built from M01 with its SQL (or another field) replaced. */
function variant(patch: Partial<LibraryModel['def']>): LibraryModel {
  const base = M01();
  return { ...base, def: { ...base.def, id: 'X01', ...patch }, source: 'user' };
}

describe('runModels', () => {
  it("keeps each model's last run for its card: time, 基准日期, parameters, leads new / changed", async () => {
    const db = await openDb();
    await seed(db);
    expect((await modelLastRuns(db)).get('M01')).toBeUndefined();
    await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    const first = (await modelLastRuns(db)).get('M01');
    expect(first).toMatchObject({ asOf: '2024-12-31', leads: 1, created: 1, reopened: 0 });
    expect(first?.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await runModels(db, { models: ['M01'], asOf: '2025-01-31', force: true });
    expect((await modelLastRuns(db)).get('M01')).toMatchObject({
      asOf: '2025-01-31',
      leads: 1,
      created: 0,
    });
    expect((await modelLastRuns(db)).get('M10')).toBeUndefined();
  });

  it('records the run, never duplicates a lead, and caches an unchanged model', async () => {
    const db = await openDb();
    await seed(db);
    const first = await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    expect(first.outcomes[0]).toMatchObject({ id: 'M01', status: 'ran', leads: 1, created: 1 });
    // New data in a dataset M01 does not read keeps it cached.
    await insertFixtureRows(db, { petitions: [{ petition_no: 'P1', content: '反映执行问题' }] });
    const second = await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    expect(second.outcomes[0]?.status).toBe('cached');
    const forced = await runModels(db, { models: ['M01'], asOf: '2024-12-31', force: true });
    expect(forced.outcomes[0]).toMatchObject({ status: 'ran', leads: 1, created: 0 });
    const { items, total } = await allLeads(db, 'M01');
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      leadKey: 'M01:（2023）浙0102执1号',
      caseNo: '（2023）浙0102执1号',
      subjectId: '330102198001010018',
      plate: '浙A10001',
      status: '待研判',
      firstSeenRun: first.runId,
      lastSeenRun: forced.runId,
    });
    expect(items[0]?.evidence.map((e) => e.dataset).sort()).toEqual([
      'case_parties',
      'enforcement_cases',
      'vehicles',
    ]);
    expect(items[0]?.legalBasis).toContain('终本规定 第一条（三）');
    const run = await db.one<{ models: string; batches: string; counts: string }>(
      `SELECT models::VARCHAR AS models, batches::VARCHAR AS batches, counts::VARCHAR AS counts FROM model_runs WHERE id = $1`,
      [first.runId],
    );
    expect(JSON.parse(run?.models ?? '[]')).toEqual([{ id: 'M01', version: 1 }]);
    expect(Object.keys(JSON.parse(run?.batches ?? '{}'))).toContain('vehicles');
  });

  it('keeps a dismissed lead dismissed, and reopens it flagged when its evidence changes', async () => {
    const db = await openDb();
    await seed(db);
    await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    const key = 'M01:（2023）浙0102执1号';
    await dismissLead(db, key, '已恢复执行', '已查明');
    await runModels(db, { models: ['M01'], asOf: '2024-12-31', force: true });
    expect((await getLead(db, key)).status).toBe('已排除');
    // A second vehicle appears: the finding changes, so the lead comes back.
    await insertFixtureRows(db, {
      vehicles: [
        {
          plate: '浙A10009',
          owner_id: '330102198001010018',
          owner_name: '张三',
          registered_date: '2021-01-01',
        },
      ],
    });
    const rerun = await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    expect(rerun.outcomes[0]).toMatchObject({ status: 'ran', reopened: 1 });
    const lead = await getLead(db, key);
    expect(lead).toMatchObject({ status: '待研判', changed: true });
    expect(lead.summary).toContain('浙A10009');
    expect(lead.notes.some((n) => n.text.includes('重新打开'))).toBe(true);
  });

  it('merges a changed subject into the indexed lead table without duplicating the lead', async () => {
    const db = await openDb();
    await seed(db);
    await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    const key = 'M01:（2023）浙0102执1号';
    expect((await getLead(db, key)).subjectId).toBe('330102198001010018');
    // A second debtor of the case with a smaller ID and a vehicle: the lead's subject changes.
    await insertFixtureRows(db, {
      case_parties: [
        {
          case_no: '（2023）浙0102执1号',
          party_name: '王五',
          party_role: '被执行人',
          party_id: '330102197001010011',
        },
      ],
      vehicles: [
        {
          plate: '浙A20002',
          owner_id: '330102197001010011',
          owner_name: '王五',
          registered_date: '2021-01-01',
        },
      ],
    });
    const rerun = await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    expect(rerun.outcomes[0]).toMatchObject({ status: 'ran', leads: 1, created: 0 });
    const lead = await getLead(db, key);
    expect(lead.subjectId).toBe('330102197001010011');
    expect(lead.summary).toContain('浙A20002');
    const rows = await db.all<{ n: string }>(
      `SELECT count(*) AS n FROM leads WHERE lead_key = $1`,
      [key],
    );
    expect(Number(rows[0]?.n)).toBe(1);
    // The web's point-lookup indexes are still there after the merge.
    const indexes = await db.all<{ index_name: string }>(
      `SELECT index_name FROM duckdb_indexes() WHERE table_name = 'leads' ORDER BY 1`,
    );
    expect(indexes.map((r) => r.index_name)).toEqual([
      'leads_id_idx',
      'leads_key_idx',
      'leads_subject_idx',
    ]);
  });

  it('skips a model whose required data is empty, with a Chinese reason', async () => {
    const db = await openDb();
    const result = await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    expect(result.outcomes[0]?.status).toBe('skipped');
    expect(result.outcomes[0]?.reason).toContain('执行案件台账');
  });

  it('runs on the 失信 list when the court ledger is missing, and says so', async () => {
    const db = await openDb();
    const { parsePipeTable } = await import('./definition.ts');
    const listing = parsePipeTable(`case_no | name | id_no | court | published_date
（2023）浙0102执7号 | 张三 | 330102198001010018 | 上城法院 | 2023-06-30`);
    const vehicles = parsePipeTable(VEHICLES);
    if (typeof listing === 'string' || typeof vehicles === 'string') throw new Error('bad table');
    await insertFixtureRows(db, { dishonest_debtors: listing, vehicles });
    const result = await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    expect(result.outcomes[0]).toMatchObject({ status: 'ran', leads: 1 });
    expect(result.outcomes[0]?.standIn).toContain('失信被执行人名单');
    const { items } = await allLeads(db);
    expect(items[0]?.summary).toContain('代替');
    expect(items[0]?.standIn).toContain('失信被执行人名单');
  });

  it('applies the scope (court, closure dates)', async () => {
    const db = await openDb();
    await seed(db);
    const out = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      scope: { closedFrom: '2023-07-01' },
    });
    expect(out.outcomes[0]?.leads).toBe(0);
    const other = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      scope: { courts: ['别的法院'] },
    });
    expect(other.outcomes[0]?.leads).toBe(0);
    const county = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      scope: { courtPrefixes: ['浙0103'] },
    });
    expect(county.outcomes[0]?.leads).toBe(0);
    const city = await runModels(db, {
      models: ['M01'],
      asOf: '2024-12-31',
      scope: { courtPrefixes: ['浙01'] },
    });
    expect(city.outcomes[0]?.leads).toBe(1);
  });
});

describe('bad models and bad input', () => {
  it('reports a YAML syntax error with its line', () => {
    const r = parseModelFile('id: M99\nname: [unclosed\n', 'bad.model.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.message).toMatch(/bad\.model\.yaml 第 \d+ 行/);
  });

  it('rejects a parameter value of the wrong type before writing anything', async () => {
    const db = await openDb();
    await seed(db);
    await expect(
      runModels(db, { models: ['M02'], asOf: '2024-12-31', params: { watchYears: 'five' } }),
    ).rejects.toThrow(/watchYears.*应为整数/);
    await expect(runModels(db, { models: ['M01'], params: { nope: 1 } })).rejects.toThrow(/nope/);
    expect((await db.one<{ n: string }>(`SELECT count(*) AS n FROM model_runs`))?.n).toBe('0');
  });

  it('names an unknown column', async () => {
    const db = await openDb();
    const bad = variant({ sql: M01().def.sql.replace('v.registered_date <=', 'v.bought_on <=') });
    const problems = await validateModel(db, bad.def);
    expect(problems.join('\n')).toContain('bought_on');
  });

  it('rejects an unknown legal reference and an undeclared dataset', async () => {
    const db = await openDb();
    const refs = variant({ legalBasis: ['终本规定 第九十九条'] });
    expect((await validateModel(db, refs.def)).join()).toContain('第九十九条');
    const undeclared = variant({ sql: 'SELECT * FROM pension_payments' });
    expect((await validateModel(db, undeclared.def)).join()).toContain('pension_payments');
  });

  it.each([
    ['DROP TABLE leads', '只能是一条查询语句'],
    ['INSERT INTO leads (lead_key) VALUES (1)', '只能是一条查询语句'],
    ["ATTACH 'x.db' AS x", '只能是一条查询语句'],
    ["COPY leads TO '/tmp/x.csv'", '只能是一条查询语句'],
    ['SELECT 1; DROP TABLE leads', '一条查询语句'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'read_csv'],
    ["SELECT getenv('HOME') AS case_no", 'getenv'],
    ["SELECT * FROM 'data.csv'", '不得读取文件'],
    ['SELECT * FROM users', '未知或未在 datasets 中声明的表'],
    ['SELECT * FROM main.leads', '不得指定模式'],
    ['SELECT * FROM leads', 'leads'],
  ])('refuses SQL that writes or escapes: %s', async (sql, message) => {
    const db = await openDb();
    const problems = await validateModel(db, variant({ sql }).def);
    expect(problems.join('\n')).toContain(message);
    // The run refuses too, and the database is untouched.
    const result = await runModels(db, { definitions: [variant({ sql })], asOf: '2024-12-31' });
    expect(result.outcomes[0]?.status).toMatch(/skipped|failed/);
    expect((await db.all(`SELECT * FROM leads`)).length).toBe(0);
  });

  it('interrupts a runaway model after its time limit and keeps earlier leads', async () => {
    const db = await openDb();
    await seed(db);
    await runModels(db, { models: ['M01'], asOf: '2024-12-31' });
    const runaway = variant({
      datasets: { required: ['enforcement_cases'], optional: [], standIns: {} },
      sql: `SELECT c.case_no, NULL AS subject_id, NULL AS subject_name, NULL AS plate,
              NULL AS court, NULL AS closed_date, NULL AS unpaid_amount, NULL AS special_group,
              [] AS plates, [] AS debtor_names, [c._ev] AS evidence
            FROM closed_cases c, range(100000000000) r(i) WHERE hash(i + 1) = 42 LIMIT 1`,
    });
    const started = Date.now();
    const result = await runModels(db, {
      definitions: [runaway],
      asOf: '2024-12-31',
      timeoutSeconds: 1,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(result.outcomes[0]?.reason).toContain('超过 1 秒');
    expect((await allLeads(db)).total).toBe(1);
  });

  it('says in Chinese why a model failed while running, without the value that broke it', async () => {
    const db = await openDb();
    await seed(db);
    const failing = variant({
      datasets: { required: ['enforcement_cases'], optional: [], standIns: {} },
      sql: `SELECT c.case_no, NULL AS subject_id, NULL AS subject_name, NULL AS plate,
              NULL AS court, NULL AS closed_date, NULL AS unpaid_amount, NULL AS special_group,
              [] AS plates, [] AS debtor_names, [c._ev] AS evidence
            FROM closed_cases c WHERE CAST(c.case_no AS INTEGER) > 0`,
    });
    const result = await runModels(db, { definitions: [failing], asOf: '2024-12-31' });
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    const reason = result.outcomes[0]?.reason ?? '';
    expect(reason).toContain('数据类型转换失败');
    expect(reason).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{2,}|执\d/);
  });

  it('cancels a run through its signal', async () => {
    const db = await openDb();
    await seed(db);
    const slow = variant({
      datasets: { required: ['enforcement_cases'], optional: [], standIns: {} },
      sql: `SELECT c.case_no, NULL AS subject_id, NULL AS subject_name, NULL AS plate,
              NULL AS court, NULL AS closed_date, NULL AS unpaid_amount, NULL AS special_group,
              [] AS plates, [] AS debtor_names, [c._ev] AS evidence
            FROM closed_cases c, range(100000000000) r(i) WHERE hash(i + 1) = 42 LIMIT 1`,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const result = await runModels(db, {
      definitions: [slow, { ...slow, def: { ...slow.def, id: 'X02' } }],
      asOf: '2024-12-31',
      signal: controller.signal,
    });
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'skipped']);
    expect(result.outcomes[0]?.reason).toContain('运行已取消');
    expect((await allLeads(db)).total).toBe(0);
  });

  it('imports a model file with its fixture and refuses one whose fixture fails', async () => {
    const db = await openDb();
    const { exportModelYaml } = await import('./model-file.ts');
    const good = M01();
    const text = exportModelYaml({ ...good.def, id: 'U01', name: '用户模型' }, good.fixtures);
    const imported = await importModel(db, text, 'U01.yaml');
    expect(imported).toMatchObject({ id: 'U01', version: 1 });
    expect(imported.fixtures.map((f) => f.passed)).toEqual([true]);
    const broken = text.replace(
      'v.registered_date <= d.closed_date',
      'v.registered_date > d.closed_date',
    );
    await expect(importModel(db, broken.replace('id: U01', 'id: U02'), 'U02.yaml')).rejects.toThrow(
      /夹具未通过/,
    );
    const stored = await db.all(`SELECT id FROM user_models ORDER BY id`);
    expect(stored.map((r) => r.id)).toEqual(['U01']);
  });
});

describe('versions table sanity', () => {
  it('fixture rows land in the versions table with provenance', async () => {
    const db = await openDb();
    await seed(db);
    const row = await db.one<{ _file: string; _row: number }>(
      `SELECT _file, _row FROM ${versionsTable('vehicles')} LIMIT 1`,
    );
    expect(row).toMatchObject({ _file: 'vehicles.fixture', _row: 1 });
  });
});
