import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '../../src/contract/data.ts';
import type { Page } from '../../src/contract/common.ts';
import type { Job } from '../../src/contract/jobs.ts';
import type { LeadRow } from '../../src/contract/leads.ts';
import type { ModelDetail, ModelSummary, RunResult } from '../../src/contract/models.ts';
import { loadBuiltInModel } from '../../src/models/library.ts';
import { exportModelYaml } from '../../src/models/model-file.ts';
import { writeBatch } from '../../src/store/batch.repo.ts';
import type { Database } from '../../src/store/database.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';

const CASE_A = '（2023）浙0102执1号';
const CASE_B = '（2023）浙0105执2号';
const ID_A = '330102198001010018';
const ID_B = '330105197502020026';

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

async function waitForJob(client: Client, jobId: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = await client.json<Job>('GET', `/api/jobs/${jobId}`);
    if (job.body.state === 'succeeded' || job.body.state === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

describe('unit boundaries through the API', () => {
  let h: Harness;
  let shangcheng: Client;
  let gongshu: Client;
  let province: Client;
  beforeEach(async () => {
    h = await openHarness();
    const users = [
      await addUser(h, 'sc', '330102', ['data_admin']),
      await addUser(h, 'gs', '330105', ['data_admin']),
      await addUser(h, 'sheng', '330000', ['data_admin']),
    ];
    [shangcheng, gongshu, province] = (await Promise.all(
      users.map((u) => signedIn(h, u.username, u.password)),
    )) as [Client, Client, Client];
  });
  afterEach(() => h.close());

  it('a county data admin cannot roll back a shared batch; a province data admin can', async () => {
    const shared = await batch(h.db, 'vehicles', null, [vehicle('浙A1', ID_A)]);
    const refused = await shangcheng.json<{ message: string }>(
      'POST',
      `/api/batches/${shared}/rollback`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('省级院的数据管理员');
    const listed = await shangcheng.json<Batch[]>('GET', '/api/batches');
    expect(listed.body.find((b) => b.id === shared)?.status).toBe('committed');
    const rolled = await province.json<Batch>('POST', `/api/batches/${shared}/rollback`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.status).toBe('rolled_back');
    // Another county's batch is not even found.
    const theirs = await batch(h.db, 'vehicles', '330105', [vehicle('浙A2', ID_B)]);
    expect((await shangcheng.json('POST', `/api/batches/${theirs}/rollback`)).status).toBe(404);
  });

  it("runs stay in the caller's units and raise no lead on evidence the lead's unit cannot see", async () => {
    await batch(h.db, 'enforcement_cases', '330102', [caseRow(CASE_A, ID_A)]);
    await batch(h.db, 'enforcement_cases', '330105', [caseRow(CASE_B, ID_B)]);
    // 上城 imported vehicles of both debtors.
    await batch(h.db, 'vehicles', '330102', [vehicle('浙A1', ID_A), vehicle('浙A2', ID_B)]);

    const foreign = await shangcheng.json<{ message: string }>('POST', '/api/runs', {
      modelIds: ['M01'],
      asOf: '2024-12-31',
      scope: { unitIds: ['330105'] },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toContain('不在本单位范围内');

    const run = async (client: Client): Promise<RunResult> => {
      const started = await client.json<{ jobId: string }>('POST', '/api/runs', {
        modelIds: ['M01'],
        asOf: '2024-12-31',
      });
      expect(started.status).toBe(200);
      const job = await waitForJob(client, started.body.jobId);
      expect(job.state).toBe('succeeded');
      return job.result as RunResult;
    };
    expect((await run(gongshu)).totalLeads).toBe(0);
    // The province's run spans both counties: 拱墅's lead would rest on 上城's batch.
    expect((await run(province)).totalLeads).toBe(1);
    const leads = async (client: Client) =>
      (await client.json<Page<LeadRow>>('GET', '/api/leads')).body.items.map((l) => l.caseNo);
    expect(await leads(province)).toEqual([CASE_A]);
    expect(await leads(gongshu)).toEqual([]);
  });

  it("a county's M01 file never replaces the built-in; models travel between units as files", async () => {
    const m01 = loadBuiltInModel('M01');
    const file = exportModelYaml({ ...m01.def, name: '上城改写的车辆模型' }, m01.fixtures);
    const imported = await shangcheng.json<{ id: string }>('POST', '/api/models/import', {
      content: file,
      fileName: 'M01.model.yaml',
    });
    expect(imported.status).toBe(200);
    expect(imported.body.id).toBe('330102.M01');
    for (const client of [shangcheng, gongshu, province]) {
      const detail = await client.json<ModelDetail>('GET', '/api/models/M01');
      expect(detail.body).toMatchObject({ builtIn: true, name: m01.def.name });
    }
    const ids = async (client: Client) =>
      (await client.json<ModelSummary[]>('GET', '/api/models')).body
        .filter((m) => !m.builtIn)
        .map((m) => m.id);
    expect(await ids(shangcheng)).toEqual(['330102.M01']);
    expect(await ids(gongshu)).toEqual([]);
    expect((await gongshu.json('GET', '/api/models/330102.M01')).status).toBe(404);

    // 上城 sends its file to the province, which imports it for the whole province.
    const exported = await shangcheng.request('GET', '/api/models/330102.M01/export');
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text).toContain('id: M01');
    expect(text).toContain('上城改写的车辆模型');
    const shared = await province.json<{ id: string }>('POST', '/api/models/import', {
      content: text,
    });
    expect(shared.body.id).toBe('330000.M01');
    expect(await ids(gongshu)).toEqual(['330000.M01']);
    const detail = await gongshu.json<ModelDetail>('GET', '/api/models/330000.M01');
    expect(detail.body).toMatchObject({ builtIn: false, name: '上城改写的车辆模型' });
  });
});
