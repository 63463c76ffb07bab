import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import { AppError } from '../domain/app-error.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { Database } from '../store/database.ts';
import { CASE_A, DEBTOR_A, leadIdOf, seedTwoCounties } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';
import { CaseworkService } from './casework.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-casework-'));
let db: Database;
let platform: Platform;
const leadIds: Record<string, string> = {};

/** A second enforcement case of 上城 and more leads: two of M01 on CASE_A2, one of M05 on CASE_A. */
const CASE_A2 = '（2023）浙0102执101号';
const CASE_A3 = '（2024）浙0102执7号';

async function addLead(key: string, model: string, caseNo: string): Promise<string> {
  await db.run(
    `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, summary,
       priority, evidence, legal_basis)
     VALUES ($1, $2, 1, $3, $4, '某乙', $5, '中', '[]', '[]')`,
    [key, model, caseNo, DEBTOR_A, `被执行人某乙（${DEBTOR_A}）名下有房产`],
  );
  return leadIdOf(db, key);
}

function operator(username: string, unitId: string, canViewFullId = false): Operator {
  return { userId: `u-${username}`, username, unitId, ip: '127.0.0.1', canViewFullId };
}
const shangcheng = operator('wang', '330102');
const gongshu = operator('li', '330105');
const city = operator('zhao', '330100');

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : String(e);
  }
  return 'no error';
}

async function leadStatus(id: string): Promise<string> {
  const row = await db.one<{ status: string }>(`SELECT status FROM leads WHERE lead_id = $1`, [id]);
  return row?.status ?? '';
}

async function auditRows(action: string) {
  return db.all<{ username: string; target: string; detail: string }>(
    `SELECT username, target, detail FROM audit_log WHERE action = $1 ORDER BY id`,
    [action],
  );
}

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'casework.duckdb')));
  for (const [name, unit] of [
    ['wang', '330102'],
    ['li', '330105'],
    ['zhao', '330100'],
  ] as const) {
    await addTestUser(platform, name, unit, ['prosecutor']);
  }
  const seeded = await seedTwoCounties(db);
  leadIds.a = seeded.leadA;
  leadIds.b = seeded.leadB;
  leadIds.a5 = await addLead('M05|A', 'M05', CASE_A);
  leadIds.a2 = await addLead('M01|A2', 'M01', CASE_A2);
  leadIds.a3 = await addLead('M01|A3', 'M01', CASE_A3);
  leadIds.a3b = await addLead('M07|A3', 'M07', CASE_A3);
  leadIds.a2c = await addLead('M09|A2', 'M09', CASE_A2);
}, 60_000);

afterAll(async () => {
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening supervision cases', () => {
  it('opens a 个案 from two leads of one enforcement case, numbered per unit, leads 已成案', async () => {
    const c = await platform.casework.open(shangcheng, {
      leadIds: [leadIds.a!, leadIds.a5!],
      dueDate: '2026-12-31',
    });
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(c.caseNo).toBe(`浙杭上检民执监〔${year}〕1号`);
    expect(c.kind).toBe('个案');
    expect(c.state).toBe('受理');
    expect(c.handler).toBe('wang');
    expect(c.version).toBe(1);
    expect(c.enforcementCases).toEqual([CASE_A]);
    expect(c.transitions).toMatchObject([{ from: null, to: '受理', by: 'wang' }]);
    expect(c.allowedTransitions).toEqual(['调查核实']);
    // The finding's ID is masked in the answer.
    expect(JSON.stringify(c.leads)).not.toContain(DEBTOR_A);
    expect(await leadStatus(leadIds.a!)).toBe('已成案');
    expect(await leadStatus(leadIds.a5!)).toBe('已成案');
    // Through the lead service: its cached view and the lead's history both know.
    const lead = await platform.leads.get((await platform.org.scope('330102'))!, leadIds.a!);
    expect(lead.row.status).toBe('已成案');
    expect(lead.notes.at(-1)?.text).toBe(`状态改为 已成案：立案 ${c.caseNo}`);
    expect((await auditRows('case_open')).at(-1)).toMatchObject({
      username: 'wang',
      target: c.caseNo,
    });
  });

  it('opens a 类案 from leads of one model across cases (已合并); a fitting lead joins later', async () => {
    const c = await platform.casework.open(shangcheng, {
      leadIds: [leadIds.a2!],
      kind: '类案',
    });
    expect(c.kind).toBe('类案');
    expect(c.modelId).toBe('M01');
    expect(c.caseNo).toMatch(/〕2号$/);
    expect(await leadStatus(leadIds.a2!)).toBe('已合并');
    // Another model's lead does not fit the class case; the model's lead of another case does.
    expect(
      await codeOf(platform.casework.join(shangcheng, c.id, { leadIds: [leadIds.a3b!] })),
    ).toBe('400 CASE_LEADS_MIXED');
    const joined = await platform.casework.join(shangcheng, c.id, { leadIds: [leadIds.a3!] });
    expect(joined.enforcementCases).toEqual([CASE_A2, CASE_A3]);
    expect(await leadStatus(leadIds.a3!)).toBe('已合并');
    expect(await leadStatus(leadIds.a3b!)).toBe('待研判');
    // A lead already in a case cannot open another one.
    expect(await codeOf(platform.casework.open(shangcheng, { leadIds: [leadIds.a3!] }))).toBe(
      '409 LEAD_NOT_CASEABLE',
    );
    expect((await auditRows('case_update')).at(-1)?.detail).toContain(`并入线索 ${leadIds.a3}`);
  });

  it('refuses leads of different cases and models, and another unit’s lead (404)', async () => {
    expect(
      await codeOf(platform.casework.open(shangcheng, { leadIds: [leadIds.a3b!, leadIds.a2c!] })),
    ).toBe('400 CASE_LEADS_MIXED');
    expect(
      await codeOf(platform.casework.open(shangcheng, { leadIds: [leadIds.a3b!, leadIds.a2!] })),
    ).toBe('409 LEAD_NOT_CASEABLE');
    expect(await leadStatus(leadIds.a3b!)).toBe('待研判');
    expect(await codeOf(platform.casework.open(shangcheng, { leadIds: [leadIds.b!] }))).toBe(
      '404 NOT_FOUND',
    );
    expect(await leadStatus(leadIds.b!)).toBe('待研判');
  });
});

describe('scope, transitions and concurrency', () => {
  let caseId: number;
  let version: number;

  beforeAll(async () => {
    const page = await platform.casework.list(shangcheng, { page: 1, pageSize: 20 });
    const c = page.items.find((i) => i.kind === '个案');
    caseId = c!.id;
    version = c!.version;
  });

  it('another county does not see the case (404 to read, move or join); the city does', async () => {
    expect((await platform.casework.list(gongshu, { page: 1, pageSize: 20 })).total).toBe(0);
    expect(await codeOf(platform.casework.get(gongshu, caseId))).toBe('404 NOT_FOUND');
    expect(await codeOf(platform.casework.move(gongshu, caseId, { to: '调查核实', version }))).toBe(
      '404 NOT_FOUND',
    );
    expect(await codeOf(platform.casework.join(gongshu, caseId, { leadIds: [leadIds.b!] }))).toBe(
      '404 NOT_FOUND',
    );
    const seen = await platform.casework.get(city, caseId);
    expect(seen.unitName).toBe('杭州市上城区人民检察院');
    expect((await auditRows('view_supervision_case')).at(-1)).toMatchObject({
      username: 'zhao',
      target: seen.caseNo,
    });
    // No reveal without the right.
    expect(await codeOf(platform.casework.get(city, caseId, true))).toBe('403 FORBIDDEN');
    // With the right: the full ID, and a reveal_id row besides the view.
    const revealed = await platform.casework.get(operator('zhao', '330100', true), caseId, true);
    expect(JSON.stringify(revealed.leads)).toContain(DEBTOR_A);
    expect((await auditRows('reveal_id')).at(-1)).toMatchObject({ target: seen.caseNo });
  });

  it('moves along allowed transitions only, recording who, from, to and the note', async () => {
    expect(
      await codeOf(platform.casework.move(shangcheng, caseId, { to: '制发检察建议', version })),
    ).toBe('400 CASE_TRANSITION');
    const moved = await platform.casework.move(shangcheng, caseId, {
      to: '调查核实',
      version,
      note: '调阅执行卷宗',
    });
    expect(moved.state).toBe('调查核实');
    expect(moved.version).toBe(version + 1);
    expect(moved.transitions.at(-1)).toMatchObject({
      from: '受理',
      to: '调查核实',
      by: 'wang',
      note: '调阅执行卷宗',
    });
    expect((await auditRows('case_update')).at(-1)?.detail).toBe(
      '状态 受理 → 调查核实：调阅执行卷宗',
    );
    version = moved.version;
  });

  it('refuses a save on a stale version (409) and keeps the first save', async () => {
    // Two users open the page at one version; both save.
    const results = await Promise.allSettled([
      platform.casework.update(shangcheng, caseId, { version, handler: null }),
      platform.casework.update(city, caseId, { version, dueDate: '2027-01-15' }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.find((r) => r.status === 'rejected');
    expect(won).toBeGreaterThanOrEqual(0);
    const error = lost?.reason as AppError;
    expect(error.status).toBe(409);
    expect(error.message).toContain('已被他人修改');
    const now = await platform.casework.get(shangcheng, caseId);
    // The winner's change is there, the loser's is not: nothing overwritten silently.
    if (won === 0) {
      expect([now.handler, now.dueDate]).toEqual([null, '2026-12-31']);
    } else {
      expect([now.handler, now.dueDate]).toEqual(['wang', '2027-01-15']);
    }
    expect(now.version).toBe(version + 1);
    expect(
      await codeOf(platform.casework.move(shangcheng, caseId, { to: '审查终结', version })),
    ).toBe('409 CASE_VERSION_CONFLICT');
    expect(now.state).toBe('调查核实');
  });

  it('records verification acts and refuses unknown kinds and impossible dates', async () => {
    const c = await platform.casework.addAct(shangcheng, caseId, {
      kind: '查询银行流水',
      date: '2026-03-02',
      note: '工商银行',
    });
    expect(c.acts).toMatchObject([{ kind: '查询银行流水', date: '2026-03-02', by: 'wang' }]);
    expect(
      await codeOf(
        platform.casework.addAct(shangcheng, caseId, { kind: '拘留', date: '2026-03-02' }),
      ),
    ).toBe('400 BAD_CASE_INPUT');
    expect(
      await codeOf(
        platform.casework.addAct(shangcheng, caseId, { kind: '询问', date: '2026-02-30' }),
      ),
    ).toBe('400 BAD_CASE_INPUT');
  });

  it('names the lead’s case for the lead page', async () => {
    const ref = await platform.casework.caseOfLead(shangcheng, leadIds.a!);
    expect(ref).toMatchObject({ id: caseId, kind: '个案' });
    expect(await platform.casework.caseOfLead(shangcheng, leadIds.a3b!)).toBeNull();
  });
});

describe('numbering', () => {
  it('counts per unit and year, keeps counting across a pattern change, restarts in a new year', async () => {
    const numbering = await platform.casework.numbering(gongshu);
    expect(numbering.isDefault).toBe(true);
    expect(numbering.example).toMatch(/^浙杭拱检民执监〔\d{4}〕1号$/);
    const set = await platform.casework.setNumbering(
      shangcheng,
      '上城检民执监[{year}]第{serial}号',
    );
    expect(set.example).toMatch(/^上城检民执监\[\d{4}\]第3号$/);
    expect(await codeOf(platform.casework.setNumbering(shangcheng, '上城〔{year}〕号'))).toBe(
      '400 BAD_CASE_PATTERN',
    );
    // Next year, on the same database: the serial starts again at 1 for that year.
    const later = new CaseworkService({
      ...platform,
      now: () => Date.UTC(2031, 0, 1, 0, 0, 0),
    });
    try {
      const c = await later.open(shangcheng, { leadIds: [leadIds.a3b!] });
      expect(c.caseNo).toBe('上城检民执监[2031]第1号');
      expect(c.handler).toBe('wang');
    } finally {
      await later.close();
    }
    expect((await auditRows('case_settings')).length).toBe(1);
  });
});
