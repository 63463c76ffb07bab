import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/contract/audit.ts';
import type { Page } from '../../src/contract/common.ts';
import type { Job } from '../../src/contract/jobs.ts';
import type { ModelDetail, ModelSummary, RunResult } from '../../src/contract/models.ts';
import type { Unit, UserWithPassword } from '../../src/contract/org.ts';
import { ROUTES } from '../../src/contract/routes/index.ts';
import { setLogSink } from '../../src/audit/logger.ts';
import { loadBuiltInModel } from '../../src/models/library.ts';
import { exportModelYaml } from '../../src/models/model-file.ts';
import { addUser, Client, signedIn, type Harness, openHarness } from './harness.ts';

describe('platform: units, users, audit, OpenAPI, errors, models', () => {
  let h: Harness;
  let admin: Client;
  beforeEach(async () => {
    h = await openHarness();
    admin = await signedIn(h, 'admin', h.admin.password);
    await admin.json('POST', '/api/session/password', {
      oldPassword: h.admin.password,
      newPassword: 'Yw7#kQ2-mTz9',
    });
  });
  afterEach(() => h.close());

  it('binds every route of the contract (a missing handler is a compile error, see routes.test.ts)', () => {
    expect(ROUTES.length).toBeGreaterThan(40);
  });

  it('serves an OpenAPI document generated from the contract', async () => {
    const res = await new Client(h.api).json<{
      openapi: string;
      paths: Record<string, Record<string, { summary: string }>>;
    }>('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    expect(res.body.paths['/api/leads/{key}']?.get?.summary).toContain('线索详情');
    expect(Object.keys(res.body.paths).length).toBeGreaterThan(30);
  });

  it('has the province → city → county tree, linked to court codes', async () => {
    const units = await admin.json<Unit[]>('GET', '/api/units');
    const byId = new Map(units.body.map((u) => [u.id, u]));
    expect(byId.get('330000')).toMatchObject({
      name: '浙江省人民检察院',
      level: 'province',
      parentId: null,
    });
    expect(byId.get('330100')).toMatchObject({
      name: '杭州市人民检察院',
      level: 'city',
      parentId: '330000',
    });
    expect(byId.get('330102')).toMatchObject({
      name: '杭州市上城区人民检察院',
      level: 'county',
      parentId: '330100',
    });
    // A county user sees only its own unit.
    const u = await addUser(h, 'c1', '330102', ['prosecutor']);
    const county = await signedIn(h, u.username, u.password);
    expect((await county.json<Unit[]>('GET', '/api/units')).body.map((x) => x.id)).toEqual([
      '330102',
    ]);
  });

  it('creates users with a one-time password, resets and disables them; all audited', async () => {
    const created = await admin.json<UserWithPassword>('POST', '/api/users', {
      username: 'wangjc',
      displayName: '王检察官',
      unitId: '330102',
      roles: ['prosecutor'],
    });
    expect(created.status).toBe(200);
    const otp = created.body.oneTimePassword ?? '';
    expect(otp).toHaveLength(14);
    expect(created.body.user.mustChangePassword).toBe(true);
    const dup = await admin.json<{ code: string; message: string }>('POST', '/api/users', {
      username: 'wangjc',
      displayName: 'x',
      unitId: '330102',
      roles: ['prosecutor'],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe('用户名 wangjc 已存在');
    const bad = await admin.json<{ message: string }>('POST', '/api/users', {
      username: 'x y',
      displayName: 'x',
      unitId: '330102',
      roles: ['boss'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^参数 (username|roles)/);
    const user = await signedIn(h, 'wangjc', otp);
    await admin.json('PATCH', `/api/users/${created.body.user.id}`, { disabled: true });
    expect((await user.json('GET', '/api/session')).status).toBe(401);
    expect((await new Client(h.api).login('wangjc', otp)).status).toBe(403);

    const audit = await admin.json<Page<AuditEntry>>('GET', '/api/audit?action=user_create');
    // Users the test set up through the service are audited as `test-setup`; the admin made one.
    const byAdmin = audit.body.items.filter((e) => e.username === 'admin');
    expect(byAdmin).toHaveLength(1);
    expect(audit.body.items.filter((e) => e.username !== 'test-setup')).toHaveLength(1);
    expect(byAdmin[0]).toMatchObject({
      username: 'admin',
      target: 'wangjc',
      unitName: '浙江省人民检察院',
    });
    const all = await admin.json<Page<AuditEntry>>('GET', '/api/audit?pageSize=100');
    expect(all.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['login', 'password_change', 'user_update']),
    );
    const xlsx = await admin.request('GET', '/api/audit/export.xlsx?action=user_create');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.getWorksheet('审计日志')?.getRow(2).getCell(4).value).toBe('新建用户');
    const exported = await admin.json<Page<AuditEntry>>('GET', '/api/audit?action=export_audit');
    expect(exported.body.total).toBe(1);
  });

  it('answers errors as {code, message}: unknown route, bad JSON, internal error without IDs in the log', async () => {
    const missing = await admin.json('GET', '/api/nope');
    expect(missing).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '接口不存在' } });
    const res = await admin.request('POST', '/api/users', undefined, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'BAD_JSON', message: '请求体不是有效的 JSON' });
    // A bug inside a handler: 500 内部错误, and the log line carries no ID number.
    const lines: string[] = [];
    const previous = setLogSink((l) => lines.push(l));
    try {
      h.db.close(); // every query now fails
      const broken = await admin.json('GET', '/api/audit');
      expect(broken).toEqual({ status: 500, body: { code: 'INTERNAL', message: '内部错误' } });
    } finally {
      setLogSink(previous);
    }
    expect(lines.join('\n')).toMatch(/ERROR 内部错误 GET \/api/);
    expect(lines.join('\n')).not.toMatch(/\d{17}[\dX]/);
  });

  it('lists the model library with datasets present/missing and shows a model', async () => {
    const u = await addUser(h, 'sj', '330102', ['data_admin']);
    const client = await signedIn(h, u.username, u.password);
    const models = await client.json<ModelSummary[]>('GET', '/api/models');
    expect(models.status).toBe(200);
    const m01 = models.body.find((m) => m.id === 'M01');
    expect(m01?.datasets.find((d) => d.dataset === 'enforcement_cases')?.state).toBe('missing');
    expect(m01?.runnable).toBe(false);
    const detail = await client.json<ModelDetail>('GET', '/api/models/M01');
    expect(detail.status).toBe(200);
    expect(detail.body.sql).toMatch(/SELECT/i);
    expect(detail.body.legalBasis.length).toBeGreaterThan(0);
    // The built-in fixture passes exactly; each named fixture is shown with its name.
    expect(detail.body.fixture).toMatchObject({ state: 'passed', passed: 1, failed: 0 });
    expect(detail.body.fixture.fixtures).toEqual([
      { name: '默认', passed: true, leads: 5, messages: [] },
    ]);
    const yaml = await client.request('GET', '/api/models/M01/export');
    expect(await yaml.text()).toContain('id: M01');
    expect((await client.json('GET', '/api/models/NOPE')).status).toBe(404);
  });

  it('answers a model whose fixture is wrong with 400 naming the column or row, never 500', async () => {
    const u = await addUser(h, 'mx', '330102', ['data_admin']);
    const client = await signedIn(h, u.username, u.password);
    const m01 = loadBuiltInModel('M01');
    const fixture = m01.fixtures[0];
    if (!fixture) throw new Error('M01 has a fixture');
    const [dataset, rows] = Object.entries(fixture.given)[0] ?? [];
    if (!dataset || !rows?.[0]) throw new Error('M01 fixture has rows');
    const withRow = (row: Record<string, string | number | null>) =>
      exportModelYaml({ ...m01.def, id: 'FX1' }, [
        { ...fixture, given: { ...fixture.given, [dataset]: [row, ...rows.slice(1)] } },
      ]);
    const unknown = await client.json<{ code: string; message: string }>(
      'POST',
      '/api/models/import',
      { content: withRow({ ...rows[0], 车主身份证: 'x' }), fileName: 'fx.model.yaml' },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('FIXTURE_INVALID');
    expect(unknown.body.message).toContain('未知列：车主身份证');
    expect(unknown.body.message).toContain(`数据集 ${dataset} 第 1 行`);

    const dateColumn = Object.keys(rows[0]).find((k) => /date/.test(k));
    if (!dateColumn) throw new Error('M01 fixture row has a date column');
    const badValue = await client.json<{ code: string; message: string }>(
      'POST',
      '/api/models/import',
      { content: withRow({ ...rows[0], [dateColumn]: '不是日期' }), fileName: 'fx.model.yaml' },
    );
    expect(badValue.status).toBe(400);
    expect(badValue.body.message).toContain(`数据集 ${dataset} 第 1 行的值无法写入`);
  });

  it('runs models as a background job and reports per model', async () => {
    const u = await addUser(h, 'runner', '330000', ['data_admin']);
    const client = await signedIn(h, u.username, u.password);
    const bad = await client.json<{ message: string }>('POST', '/api/runs', {
      modelIds: ['M01'],
      asOf: '2024/6/30',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('基准日期');
    const started = await client.json<{ jobId: string }>('POST', '/api/runs', {
      modelIds: ['M01', 'M10'],
      asOf: '2024-06-30',
    });
    expect(started.status).toBe(200);
    let job: Job | undefined;
    for (let i = 0; i < 400 && !(job?.state === 'succeeded' || job?.state === 'failed'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await client.json<Job>('GET', `/api/jobs/${started.body.jobId}`)).body;
    }
    expect(job?.state).toBe('succeeded');
    expect(job?.title).toContain('基准日期 2024-06-30');
    const result = job?.result as RunResult;
    expect(result.asOf).toBe('2024-06-30');
    expect(result.models.map((m) => m.modelId).sort()).toEqual(['M01', 'M10']);
    // No data at all: each model is skipped with a reason, not failed.
    expect(result.models.every((m) => m.state === 'skipped' && (m.reason ?? '').length > 0)).toBe(
      true,
    );
    const audit = await admin.json<Page<AuditEntry>>('GET', '/api/audit?action=model_run');
    expect(audit.body.total).toBe(1);
  });
});
