import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform } from '../../api/platform.ts';
import { Database } from '../../store/database.ts';
import { runCli } from '../../../test/cli/run-cli.ts';
import { validId } from '../../../test/ingest/make-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-cases-'));
const DB = join(dir, 'cases.duckdb');
const SUBJECT = validId(30);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(DB, ...args);

async function query<T extends Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await Database.open(DB);
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

describe('zhijian cases', { timeout: 180_000 }, () => {
  let leadId: string;

  beforeAll(async () => {
    for (const [name, unit] of [
      ['wangwu', '330102'],
      ['qianqi', '330105'],
    ] as const) {
      const r = await cli(
        'users',
        'add',
        name,
        '--unit',
        unit,
        '--role',
        'prosecutor',
        '--password',
        'Harbour-Lamp-2026',
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const db = await Database.open(DB);
    await db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name,
         summary, priority, evidence, legal_basis)
       VALUES ($1, 'M01', 1, '（2023）浙0102执1号', $2, '某甲', $3, '高', '[]', '[]')`,
      [`M01:（2023）浙0102执1号`, SUBJECT, `被执行人某甲（${SUBJECT}）终本时名下有车辆`],
    );
    const row = await db.one<{ lead_id: string }>(`SELECT lead_id FROM leads`);
    leadId = row!.lead_id;
    db.close();
  });

  it('opens, lists, shows and moves a case as a named user; all audited, IDs masked', async () => {
    const opened = await cli('--as', 'wangwu', 'cases', 'open', '--lead', leadId, '--json');
    expect(opened.code, opened.stderr).toBe(0);
    const c = JSON.parse(opened.stdout) as { id: number; caseNo: string; state: string };
    expect(c.caseNo).toMatch(/^浙杭上检民执监〔\d{4}〕1号$/);
    expect(c.state).toBe('受理');

    const list = await cli('--as', 'wangwu', 'cases', 'list');
    expect(list.stdout).toContain(c.caseNo);
    expect(list.stdout).toContain('共 1 件监督案件');

    const moved = await cli(
      '--as',
      'wangwu',
      'cases',
      'move',
      String(c.id),
      '--to',
      '调查核实',
      '--note',
      '调卷',
    );
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain('受理 → 调查核实');

    const shown = await cli('--as', 'wangwu', 'cases', 'show', String(c.id));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('调查核实');
    expect(shown.stdout).toContain(`${SUBJECT.slice(0, 6)}********${SUBJECT.slice(-4)}`);
    expect(shown.stdout).not.toContain(SUBJECT);

    const [lead] = await query<{ status: string }>(`SELECT status FROM leads`);
    expect(lead?.status).toBe('已成案');
    const audit = await query<{ action: string; username: string; ip: string }>(
      `SELECT action, username, ip FROM audit_log WHERE action IN ('case_open', 'case_update', 'view_supervision_case') ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'case_open',
      'case_update',
      'view_supervision_case',
    ]);
    expect(audit.every((a) => a.username === 'wangwu' && a.ip.startsWith('cli:'))).toBe(true);
  });

  it('refuses in Chinese: a forbidden move, a stale version, another unit, a bad id', async () => {
    const skip = await cli('--as', 'wangwu', 'cases', 'move', '1', '--to', '结案');
    expect(skip.code).toBe(1);
    expect(skip.stderr).toContain('不能改为「结案」');
    const stale = await cli(
      '--as',
      'wangwu',
      'cases',
      'move',
      '1',
      '--to',
      '审查终结',
      '--version',
      '1',
    );
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('已被他人修改');
    const other = await cli('--as', 'qianqi', 'cases', 'show', '1');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('监督案件不存在或不在本单位范围内');
    const usage = await cli('--as', 'wangwu', 'cases', 'show', 'abc');
    expect(usage.code).toBe(2);
    const [state] = await query<{ state: string; version: number }>(
      `SELECT state, version FROM supervision_cases`,
    );
    expect(state).toMatchObject({ state: '调查核实', version: 2 });
  });

  it('shows the recommendations, the replies and the outcomes with their totals', async () => {
    const db = await Database.open(DB);
    const platform = createPlatform(db);
    try {
      const op = {
        userId: null,
        username: 'wangwu',
        unitId: '330102',
        ip: 'test',
        canViewFullId: false,
      };
      const recs = platform.recommendations;
      const draft = (await recs.create(op, 1, { addressee: '杭州市上城区人民法院' }))
        .recommendations[0]!;
      const issued = (await recs.issue(op, draft.id, { version: 1, issuedOn: '2025-01-31' }))
        .recommendations[0]!;
      await recs.reply(op, draft.id, {
        version: issued.version,
        result: '采纳',
        date: '2025-03-01',
        actions: ['恢复执行'],
        resumedCaseNo: '（2025）浙0102执恢3号',
      });
      await recs.addOutcome(op, 1, { kind: '执行到位', date: '2025-04-01', amount: '1.2万' });
      await recs.addOutcome(op, 1, { kind: '执行到位', date: '2025-05-01', amount: '0.5' });
    } finally {
      await platform.caseWriter.close();
      platform.leads.close();
      db.close();
    }
    const shown = await cli('--as', 'wangwu', 'cases', 'show', '1');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('浙杭上检民执建〔2025〕1号  已发出  致 杭州市上城区人民法院');
    expect(shown.stdout).toContain('回复 2025-03-01  采纳  恢复执行（（2025）浙0102执恢3号）');
    expect(shown.stdout).toContain('合计 执行到位 2 项，合计 12000.50 元');
  });
});
