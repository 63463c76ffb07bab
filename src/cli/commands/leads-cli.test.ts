import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../store/database.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/zhijian.mjs');
const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-leads-'));
const DB = join(dir, 'leads.duckdb');
const SUBJECT = '330102198001011234';
const ID_NUMBER = /\d{17}[\dXx]/;
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

async function auditRows(): Promise<Record<string, string | null>[]> {
  const db = await Database.open(DB);
  try {
    // The views and exports of personal data (the users made in beforeAll are audited too).
    return await db.all(
      `SELECT username, action, target, detail, ip FROM audit_log
       WHERE action IN ('export_leads', 'reveal_id') ORDER BY id`,
    );
  } finally {
    db.close();
  }
}

describe('zhijian leads as a named operator', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    for (const [name, ...rest] of [
      ['wangwu', '--password', 'Harbour-Lamp-2026'],
      ['zhaoliu', '--password', 'Quiet-River-2027', '--full-id'],
    ] as const) {
      const r = await cli(
        'users',
        'add',
        name,
        '--unit',
        '330102',
        '--role',
        'prosecutor',
        ...rest,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const db = await Database.open(DB);
    // An M24-style lead: the subject's ID is part of its internal key.
    await db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name,
         summary, priority, evidence, legal_basis)
       VALUES ($1, 'M24', 1, '（2023）浙0102执1号', $2, '某甲', $3, '高', '[]', '[]')`,
      [`M24:（2023）浙0102执1号:${SUBJECT}`, SUBJECT, `被执行人某甲（${SUBJECT}）有高消费`],
    );
    db.close();
  });

  it('masks by default, refuses --reveal without the right, reveals with it; all audited', async () => {
    const out = join(dir, 'masked.csv');
    const masked = await cli('--as', 'wangwu', 'leads', 'export', '--format', 'csv', '--out', out);
    expect(masked.code, masked.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toContain('330102********1234');
    expect(csv).not.toMatch(ID_NUMBER);
    const json = await cli('--as', 'wangwu', 'leads', 'export');
    expect(json.code).toBe(0);
    expect(json.stdout).toContain('"leadId": "L');
    expect(json.stdout).not.toMatch(ID_NUMBER);

    const refused = await cli('--as', 'wangwu', 'leads', 'export', '--reveal');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有查看完整证件号码的权限');
    expect(refused.stdout).toBe('');

    const full = await cli('--as', 'zhaoliu', 'leads', 'export', '--format', 'csv', '--reveal');
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain(SUBJECT);

    const unknown = await cli('--as', 'nobody', 'leads', 'export');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('用户 nobody 不存在');

    const place = `cli:${userInfo().username}`;
    const rows = await auditRows();
    expect(rows.map((r) => `${r.username}:${r.action}:${r.ip}`)).toEqual([
      `wangwu:export_leads:${place}`,
      `wangwu:export_leads:${place}`,
      `zhaoliu:export_leads:${place}`,
      `zhaoliu:reveal_id:${place}`,
    ]);
    expect(rows[2]?.detail).toContain('导出 1 条线索（含完整证件号码）');
    expect(JSON.stringify(rows)).not.toMatch(ID_NUMBER);
  });

  it('without --as, an OS user who is no platform user exports masked as cli:<os user>', async () => {
    const before = (await auditRows()).length;
    const r = await cli('leads', 'export', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(ID_NUMBER);
    expect((await cli('leads', 'export', '--reveal')).code).toBe(1);
    const rows = (await auditRows()).slice(before);
    const place = `cli:${userInfo().username}`;
    expect(rows.map((x) => `${x.username}:${x.action}:${x.ip}`)).toEqual([
      `${place}:export_leads:${place}`,
    ]);
  });

  it('lists leads by their opaque id, IDs masked', async () => {
    const r = await cli('--as', 'zhaoliu', 'leads');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/L[0-9a-f]{16}/);
    expect(r.stdout).not.toMatch(ID_NUMBER);
  });
});
