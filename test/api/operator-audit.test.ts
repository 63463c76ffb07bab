/**
 * The services apply the rules for every entry point: an import, a rollback, a model export and a
 * user change made through the web API leave an audit row naming the web user and their address
 * (the CLI's side is src/cli/commands/operator-audit-cli.test.ts); the rollback rule refuses
 * another unit's batch in the service itself; and a data change reaches the cached pages through
 * the change signal, with no route involved.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Batch, UploadResponse } from '../../src/contract/data.ts';
import type { ModelSummary } from '../../src/contract/models.ts';
import { rollbackBatchAs } from '../../src/ingest/batch.service.ts';
import { importAs } from '../../src/ingest/import.service.ts';
import { runModelsAs } from '../../src/models/operator.service.ts';
import type { Operator } from '../../src/org/operator.ts';
import { validId, writeCsv } from '../ingest/make-files.ts';
import { addUser, openHarness, signedIn, type Client, type Harness } from './harness.ts';

const ADDRESS = '10.1.2.3';

interface Row {
  username: string | null;
  unit_id: string | null;
  ip: string | null;
  action: string;
  target: string | null;
  detail: string | null;
}

describe('web: services audit what the operator did, and signal data changes', () => {
  let h: Harness;
  let data: Client;
  let csv: string;
  beforeEach(async () => {
    h = await openHarness();
    const u = await addUser(h, 'shuju', '330102', ['data_admin']);
    data = await signedIn(h, u.username, u.password, ADDRESS);
    csv = join(h.dir, '台账.csv');
    writeCsv(csv, [
      ['案号', '执行法院', '结案方式', '被执行人', '被执行人证件号码'],
      ['（2024）浙0102执1号', '杭州市上城区人民法院', '终结本次执行程序', '甲', validId(1)],
      ['（2024）浙0102执2号', '杭州市上城区人民法院', '终结本次执行程序', '乙', validId(2)],
    ]);
  });
  afterEach(() => h.close());

  const rows = (action: string) =>
    h.db.all<Row & Record<string, unknown>>(
      `SELECT username, unit_id, ip, action, target, detail FROM audit_log WHERE action = $1 ORDER BY id`,
      [action],
    );

  /** Uploads the CSV and imports it as a web job; the batch id once the job is done. */
  async function webImport(client: Client): Promise<number> {
    const fd = new FormData();
    fd.append('files', new File([new Uint8Array(readFileSync(csv))], '台账.csv'));
    const up = await client.json<UploadResponse>('POST', '/api/uploads', fd);
    expect(up.status).toBe(200);
    const uploadId = up.body.files[0]?.uploadId ?? '';
    const job = await client.json<{ jobId: string }>('POST', '/api/imports', {
      files: [{ uploadId, dataset: 'enforcement_cases' }],
    });
    expect(job.status).toBe(200);
    await h.api.platform.jobs.idle();
    const batches = await client.json<Batch[]>('GET', '/api/batches');
    return Number(batches.body[0]?.id);
  }

  it('import and rollback through the API: audited by the service, naming user, unit and address', async () => {
    const batchId = await webImport(data);
    const imports = await rows('import');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ username: 'shuju', unit_id: '330102', ip: ADDRESS });
    expect(imports[0]?.target).toBe('台账.csv');
    expect(imports[0]?.detail).toContain(`批次 #${batchId}`);
    expect(imports[0]?.detail).toContain('导入 2 行');

    const rolled = await data.json<Batch>('POST', `/api/batches/${batchId}/rollback`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.status).toBe('rolled_back');
    expect(await rows('rollback')).toEqual([
      expect.objectContaining({
        username: 'shuju',
        unit_id: '330102',
        ip: ADDRESS,
        target: String(batchId),
      }),
    ]);
  });

  it('model export and a user change through the API are audited by the services', async () => {
    const exported = await data.request('GET', '/api/models/M01/export');
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('M01');
    expect(await rows('model_export')).toEqual([
      expect.objectContaining({ username: 'shuju', ip: ADDRESS, target: 'M01' }),
    ]);

    const a = await addUser(h, 'guanli', '330000', ['admin']);
    const admin = await signedIn(h, a.username, a.password, '10.9.9.9');
    const target = await addUser(h, 'bei', '330102', ['prosecutor']);
    const patched = await admin.json('PATCH', `/api/users/${target.id}`, { displayName: '贝' });
    expect(patched.status).toBe(200);
    expect(await rows('user_update')).toEqual([
      expect.objectContaining({ username: 'guanli', ip: '10.9.9.9', target: 'bei' }),
    ]);
  });

  it("refuses, in the service, the rollback of another unit's batch (not found), and audits nothing", async () => {
    const batchId = await webImport(data);
    const other = await addUser(h, 'gongshu', '330105', ['data_admin']);
    const operator: Operator = {
      userId: other.id,
      username: other.username,
      unitId: '330105',
      ip: ADDRESS,
      canViewFullId: false,
    };
    await expect(rollbackBatchAs(h.api.platform, operator, batchId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // A county data admin's operator without a platform user behind it acts no more.
    await expect(
      rollbackBatchAs(h.api.platform, { ...operator, userId: null }, batchId),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rows('rollback')).toEqual([]);
    const batches = await data.json<Batch[]>('GET', '/api/batches');
    expect(batches.body.find((b) => b.id === batchId)?.status).toBe('committed');
  });

  it('a service import and rollback refresh cached pages: no route calls invalidate', async () => {
    const state = async () => {
      const models = await data.json<ModelSummary[]>('GET', '/api/models');
      const m01 = models.body.find((m) => m.id === 'M01');
      return m01?.datasets.find((d) => d.dataset === 'enforcement_cases')?.state;
    };
    expect(await state()).toBe('missing');
    expect(await state()).toBe('missing'); // now cached
    // The CLI's path: the service on the platform's context, no HTTP request at all.
    const operator: Operator = {
      userId: null,
      username: 'cli:tester',
      unitId: null,
      ip: 'cli:tester',
      canViewFullId: false,
    };
    const result = await importAs(h.api.platform, operator, [csv], {
      dataset: 'enforcement_cases',
      report: false,
    });
    expect(result.ok).toBe(true);
    expect(await state()).toBe('present');
    const batchId = result.outcomes[0]?.batchId ?? -1;
    await rollbackBatchAs(h.api.platform, operator, batchId);
    expect(await state()).toBe('missing');
  });

  it('holds a named operator to the right in the service, as a route holds a session', async () => {
    const p = await addUser(h, 'jiancha', '330102', ['prosecutor']);
    const prosecutor: Operator = {
      userId: p.id,
      username: p.username,
      unitId: '330102',
      ip: 'cli:jiancha',
      canViewFullId: false,
    };
    const options = { dataset: 'enforcement_cases', report: false } as const;
    await expect(importAs(h.api.platform, prosecutor, [csv], options)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      runModelsAs(h.api.platform, prosecutor, { models: ['M01'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const shuju = await h.api.platform.org.userByName('shuju');
    const dataAdmin: Operator = { ...prosecutor, userId: shuju?.id ?? '', username: 'shuju' };
    const imported = await importAs(h.api.platform, dataAdmin, [csv], options);
    expect(imported.ok).toBe(true);
    const batchId = imported.outcomes[0]?.batchId ?? -1;
    await expect(rollbackBatchAs(h.api.platform, prosecutor, batchId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await rows('import')).map((r) => r.username)).toEqual(['shuju']);
  });
});
