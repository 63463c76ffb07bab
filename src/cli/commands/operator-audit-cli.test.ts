/**
 * The CLI goes through the same services as the web API: an import, a rollback, a model export and
 * a user creation each leave an audit row naming the CLI operator (`cli:<os user>`, or the platform
 * user of `--as`), and the rollback rule of the batch service applies to a named operator.
 * (The web side: test/api/operator-audit.test.ts.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validId, writeCsv } from '../../../test/ingest/make-files.ts';
import { Database } from '../../store/database.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/zhijian.mjs');
const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-audit-'));
const DB = join(dir, 'audit.duckdb');
const PLACE = `cli:${userInfo().username}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, '--db', DB, ...args], { encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function auditRows(action: string): Promise<Record<string, string | null>[]> {
  const db = await Database.open(DB);
  try {
    return await db.all(
      `SELECT username, unit_id, action, target, detail, ip FROM audit_log WHERE action = $1 ORDER BY id`,
      [action],
    );
  } finally {
    db.close();
  }
}

describe('zhijian: the services audit the CLI operator', { timeout: 180_000 }, () => {
  let batchId = 0;
  beforeAll(() => {
    writeCsv(join(dir, '台账.csv'), [
      ['案号', '执行法院', '结案方式', '被执行人', '被执行人证件号码'],
      ['（2024）浙0102执1号', '杭州市上城区人民法院', '终结本次执行程序', '甲', validId(1)],
    ]);
  });

  it('users add: a user_create row naming the CLI operator', async () => {
    const r = await cli(
      'users',
      'add',
      'xianyuan',
      '--unit',
      '330102',
      '--role',
      'data_admin',
      '--password',
      'Harbour-Lamp-2026',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(await auditRows('user_create')).toEqual([
      expect.objectContaining({ username: PLACE, ip: PLACE, target: 'xianyuan', unit_id: null }),
    ]);
  });

  it('import: an import row naming the operator and the batch; the batch is shared', async () => {
    const r = await cli('import', join(dir, '台账.csv'), '--dataset', 'enforcement_cases');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    batchId = Number(/批次 #(\d+)/.exec(r.stdout)?.[1]);
    expect(batchId).toBeGreaterThan(0);
    const rows = await auditRows('import');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: PLACE, ip: PLACE, target: '台账.csv' });
    expect(rows[0]?.detail).toContain(`批次 #${batchId}`);
    const list = await cli('batches');
    expect(list.stdout).toContain(`#${batchId}\tenforcement_cases`);
    expect(list.stdout).toContain(PLACE);
  });

  it("rollback: a county user (--as) is refused a shared batch by the service's rule", async () => {
    const refused = await cli('--as', 'xianyuan', 'batches', 'rollback', String(batchId));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('只能由省级院的数据管理员回滚');
    expect(await auditRows('rollback')).toEqual([]);
  });

  it('rollback: the local operator rolls back; a rollback row naming it', async () => {
    const r = await cli('batches', 'rollback', String(batchId));
    expect(r.code, r.stderr).toBe(0);
    expect(await auditRows('rollback')).toEqual([
      expect.objectContaining({ username: PLACE, ip: PLACE, target: String(batchId) }),
    ]);
  });

  it('models export: a model_export row naming the operator (--as names the platform user)', async () => {
    const r = await cli('--as', 'xianyuan', 'models', 'export', 'M01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('M01');
    expect(await auditRows('model_export')).toEqual([
      expect.objectContaining({
        username: 'xianyuan',
        unit_id: '330102',
        ip: PLACE,
        target: 'M01',
      }),
    ]);
  });
});
