import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import type { SupervisionCaseDetail } from '../contract/casework.ts';
import { AppError } from '../domain/app-error.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { Database } from '../store/database.ts';
import { CASE_A, seedTwoCounties } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';
import { RecommendationsService } from './recommendations.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-recs-'));
let db: Database;
let platform: Platform;
let recs: RecommendationsService;
let caseId: number;
let otherCaseId: number;
/** 2026-12-04 10:00 in China: the service's clock. */
const NOW = Date.UTC(2026, 11, 4, 2, 0, 0);

function operator(username: string, unitId: string): Operator {
  return { userId: `u-${username}`, username, unitId, ip: '127.0.0.1', canViewFullId: false };
}
const shangcheng = operator('wang', '330102');
const gongshu = operator('li', '330105');

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code} ${e.message}` : String(e);
  }
  return 'no error';
}

async function count(sql: string): Promise<number> {
  const row = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${sql}`);
  return Number(row?.n ?? 0);
}

const latest = (c: SupervisionCaseDetail) => c.recommendations.at(-1)!;

async function openReviewed(op: Operator, leadId: string): Promise<SupervisionCaseDetail> {
  let c = await platform.casework.open(op, { leadIds: [leadId] });
  for (const to of ['调查核实', '审查终结']) {
    c = await platform.casework.move(op, c.id, { to, version: c.version });
  }
  return c;
}

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'recs.duckdb')));
  for (const [name, unit] of [
    ['wang', '330102'],
    ['li', '330105'],
  ] as const) {
    await addTestUser(platform, name, unit, ['prosecutor']);
  }
  const seeded = await seedTwoCounties(db);
  recs = new RecommendationsService({
    db,
    audit: platform.audit,
    changes: platform.changes,
    org: platform.org,
    leads: platform.leads,
    writer: platform.caseWriter,
    now: () => NOW,
  });
  caseId = (await openReviewed(shangcheng, seeded.leadA)).id;
  otherCaseId = (await openReviewed(gongshu, seeded.leadB)).id;
}, 60_000);

afterAll(async () => {
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recommendations: draft, issue, deadline', () => {
  it('drafts for the case: kind and count from the case, the court from its lead', async () => {
    const c = await recs.create(shangcheng, caseId, {});
    expect(latest(c)).toMatchObject({
      kind: '个案',
      caseCount: 1,
      addressee: '杭州市上城区人民法院',
      state: '草稿',
      docNo: null,
      deadline: null,
      version: 1,
    });
    const doc = await recs.get(shangcheng, latest(c).id);
    expect(doc).toMatchObject({ caseNo: c.caseNo, enforcementCases: [CASE_A] });
  });

  it('refuses an issue date in the future; issues with a per-unit, per-year number', async () => {
    const rec = latest(await platform.casework.get(shangcheng, caseId));
    expect(
      await refusal(recs.issue(shangcheng, rec.id, { version: 1, issuedOn: '2026-12-05' })),
    ).toBe('400 BAD_RECOMMENDATION 发出日期 2026-12-05 晚于今天（2026-12-04），请核对');
    const c = await recs.issue(shangcheng, rec.id, { version: 1, issuedOn: '2025-11-30' });
    expect(latest(c)).toMatchObject({
      state: '已发出',
      docNo: '浙杭上检民执建〔2025〕1号',
      issuedOn: '2025-11-30',
      replyDue: '2026-02-28',
      due: '2026-02-28',
      deadline: '已逾期',
      version: 2,
    });
    // The review ended, so the case moved on through its state machine.
    expect(c.state).toBe('制发检察建议');
    expect(c.transitions.at(-1)).toMatchObject({ from: '审查终结', to: '制发检察建议' });
    expect(
      await refusal(recs.issue(shangcheng, rec.id, { version: 2, issuedOn: '2025-12-01' })),
    ).toContain('已发出，不能再次发出');
  });

  it('two concurrent saves on one version: the second is refused (409), nothing written', async () => {
    const draft = latest(
      await recs.create(shangcheng, caseId, { addressee: '杭州市中级人民法院' }),
    );
    const results = await Promise.allSettled([
      recs.issue(shangcheng, draft.id, { version: draft.version, issuedOn: '2026-09-10' }),
      recs.issue(shangcheng, draft.id, { version: draft.version, issuedOn: '2026-09-11' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).status).toBe(409);
    expect((refused.reason as AppError).message).toContain(
      '已被他人修改（您看到的是第 1 版，现在是第 2 版）',
    );
    const c = await platform.casework.get(shangcheng, caseId);
    const issued = c.recommendations.find((r) => r.id === draft.id)!;
    // The first save stands, numbered in its own year; the refused one took no number.
    expect(issued).toMatchObject({ docNo: '浙杭上检民执建〔2026〕1号', issuedOn: '2026-09-10' });
    expect(await count(`supervision_recommendation_counters WHERE year = 2026`)).toBe(1);
    expect(issued.deadline).toBe('即将到期');
    expect(issued.daysLeft).toBe(6);
  });

  it('extends once by one month; a second extension is refused', async () => {
    const draft = latest(await recs.create(shangcheng, caseId, {}));
    const issued = latest(
      await recs.issue(shangcheng, draft.id, { version: draft.version, issuedOn: '2026-08-10' }),
    );
    expect(issued).toMatchObject({
      docNo: '浙杭上检民执建〔2026〕2号',
      due: '2026-11-10',
      deadline: '已逾期',
    });
    const extended = await recs.extend(shangcheng, issued.id, {
      version: issued.version,
      note: '法院院长批准延长',
    });
    const after = extended.recommendations.find((r) => r.id === issued.id)!;
    expect(after).toMatchObject({
      replyDue: '2026-11-10',
      extendedDue: '2026-12-10',
      due: '2026-12-10',
      deadline: '即将到期',
      extensionNote: '法院院长批准延长',
    });
    expect(
      await refusal(
        recs.extend(shangcheng, issued.id, { version: after.version, note: '再次延长' }),
      ),
    ).toBe(
      '409 RECOMMENDATION_STATE 检察建议 浙杭上检民执建〔2026〕2号的回复期限已延长过一次（至 2026-12-10），不能再延长',
    );
  });

  it('lists overdue and due-soon recommendations of the scope only', async () => {
    const due = await recs.due(shangcheng);
    expect(due.today).toBe('2026-12-04');
    expect(due.overdue.map((r) => r.docNo)).toEqual(['浙杭上检民执建〔2025〕1号']);
    expect(due.dueSoon.map((r) => r.docNo)).toEqual([
      '浙杭上检民执建〔2026〕1号',
      '浙杭上检民执建〔2026〕2号',
    ]);
    expect(due.overdue[0]).toMatchObject({ caseId, enforcementCases: [CASE_A], daysLeft: -279 });
    const other = await recs.due(gongshu);
    expect([other.overdue, other.dueSoon]).toEqual([[], []]);
  });

  it('escalates the overdue one to 跟进监督 through the case state machine', async () => {
    const c = await platform.casework.get(shangcheng, caseId);
    const rec = c.recommendations.find((r) => r.deadline === '已逾期')!;
    const soon = c.recommendations.find((r) => r.deadline === '即将到期')!;
    expect(await refusal(recs.escalate(shangcheng, soon.id, { version: soon.version }))).toContain(
      '未满，法院尚未逾期',
    );
    const up = await recs.escalate(shangcheng, rec.id, { version: rec.version });
    expect(up.state).toBe('跟进监督');
    expect(up.recommendations.find((r) => r.id === rec.id)).toMatchObject({
      escalatedOn: '2026-12-04',
      escalationNote: '法院逾期未回复',
    });
  });
});

describe('a class recommendation', () => {
  it('covers every enforcement case of the class case', async () => {
    await db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name,
         summary, priority, evidence, legal_basis)
       VALUES ('M01|A2', 'M01', 1, '（2023）浙0102执101号', 's', '某乙', '名下有房产', '中', '[]', '[]'),
              ('M01|A3', 'M01', 1, '（2024）浙0102执7号', 's', '某丙', '名下有车辆', '中', '[]', '[]')`,
    );
    const ids = await db.all<{ lead_id: string }>(
      `SELECT lead_id FROM leads WHERE lead_key IN ('M01|A2', 'M01|A3') ORDER BY lead_key`,
    );
    const c = await platform.casework.open(shangcheng, {
      leadIds: ids.map((r) => r.lead_id),
      kind: '类案',
    });
    // Neither lead nor ledger names a court here: the draft must say where it goes.
    expect(await refusal(recs.create(shangcheng, c.id, {}))).toContain('请填写检察建议的主送法院');
    const drafted = await recs.create(shangcheng, c.id, { addressee: '杭州市上城区人民法院' });
    expect(latest(drafted)).toMatchObject({ kind: '类案', caseCount: 2 });
    expect((await recs.get(shangcheng, latest(drafted).id)).enforcementCases).toEqual([
      '（2023）浙0102执101号',
      '（2024）浙0102执7号',
    ]);
  });
});

describe('court replies', () => {
  it('refuses a reply dated before the issue, and writes nothing', async () => {
    const c = await platform.casework.get(shangcheng, caseId);
    const rec = c.recommendations[0]!;
    expect(
      await refusal(
        recs.reply(shangcheng, rec.id, {
          version: rec.version,
          result: '采纳',
          date: '2025-11-29',
          actions: [],
        }),
      ),
    ).toBe('400 BAD_REPLY 回复日期 2025-11-29 早于检察建议发出日期 2025-11-30，请核对');
    expect(await count('court_replies')).toBe(0);
  });

  it('records 采纳 with 恢复执行: the case moves to 法院回复, a 恢复执行 outcome is recorded', async () => {
    const c = await platform.casework.get(shangcheng, caseId);
    const rec = c.recommendations[0]!;
    const after = await recs.reply(shangcheng, rec.id, {
      version: rec.version,
      result: '部分采纳',
      date: '2026-03-10',
      actions: ['删除失信'],
    });
    const again = after.recommendations[0]!;
    const final = await recs.reply(shangcheng, rec.id, {
      version: again.version,
      result: '采纳',
      date: '2026-03-20',
      actions: ['恢复执行'],
      resumedCaseNo: '(2026)浙0102执恢5号',
    });
    const replies = final.recommendations[0]!.replies;
    expect(replies.map((r) => [r.result, r.inForce])).toEqual([
      ['部分采纳', false],
      ['采纳', true],
    ]);
    expect(replies[1]!.resumedCaseNo).toBe('（2026）浙0102执恢5号');
    expect(final.recommendations[0]!.deadline).toBeNull();
    expect(final.state).toBe('法院回复');
    expect(final.outcomes).toMatchObject([
      {
        kind: '恢复执行',
        enforcementCaseNo: '（2026）浙0102执恢5号',
        source: '手工',
        date: '2026-03-20',
      },
    ]);
  });
});

describe('outcomes', () => {
  it('records money in several exact entries and sums them', async () => {
    await recs.addOutcome(shangcheng, caseId, {
      kind: '执行到位',
      date: '2026-04-01',
      amount: '12,345.60',
    });
    const c = await recs.addOutcome(shangcheng, caseId, {
      kind: '执行到位',
      date: '2026-05-01',
      amount: '1.2万',
    });
    expect(c.outcomes.filter((o) => o.kind === '执行到位').map((o) => o.amount)).toEqual([
      '12345.60',
      '12000.00',
    ]);
    expect(c.outcomeTotals.find((t) => t.kind === '执行到位')).toEqual({
      kind: '执行到位',
      count: 2,
      amount: '24345.60',
      persons: null,
    });
    await recs.addOutcome(shangcheng, caseId, {
      kind: '移送刑事线索',
      date: '2026-05-02',
      crime: '拒不执行判决、裁定罪',
    });
    const listed = await recs.addOutcome(shangcheng, caseId, {
      kind: '公安立案',
      date: '2026-06-01',
      persons: 2,
    });
    expect(listed.outcomeTotals.find((t) => t.kind === '公安立案')).toMatchObject({
      count: 1,
      persons: 2,
    });
    const stored = await db.one<{ t: string }>(
      `SELECT typeof(amount) AS t FROM case_outcomes WHERE amount IS NOT NULL LIMIT 1`,
    );
    expect(stored?.t).toBe('DECIMAL(18,2)');
  });

  it('refuses a negative or non-numeric amount with a Chinese message, writing nothing', async () => {
    const before = await count('case_outcomes');
    expect(
      await refusal(
        recs.addOutcome(shangcheng, caseId, {
          kind: '执行和解',
          date: '2026-04-01',
          amount: '-100',
        }),
      ),
    ).toBe('400 BAD_AMOUNT 和解金额不能为负数：-100');
    expect(
      await refusal(
        recs.addOutcome(shangcheng, caseId, {
          kind: '执行到位',
          date: '2026-04-01',
          amount: '若干',
        }),
      ),
    ).toBe('400 BAD_AMOUNT 执行到位金额「若干」不是有效金额（如 12,345.60、1.2万、12345.6元）');
    expect(await count('case_outcomes')).toBe(before);
  });
});

describe('unit scope', () => {
  it('another unit’s case and recommendation are not found', async () => {
    const mine = (await platform.casework.get(shangcheng, caseId)).recommendations[0]!;
    expect(await refusal(recs.create(gongshu, caseId, {}))).toBe(
      '404 NOT_FOUND 监督案件不存在或不在本单位范围内',
    );
    const notFound = '404 RECOMMENDATION_NOT_FOUND 检察建议不存在或不在本单位范围内';
    expect(await refusal(recs.get(gongshu, mine.id))).toBe(notFound);
    expect(await refusal(recs.extend(gongshu, mine.id, { version: mine.version, note: 'x' }))).toBe(
      notFound,
    );
    expect(
      await refusal(
        recs.reply(gongshu, mine.id, {
          version: mine.version,
          result: '采纳',
          date: '2026-03-01',
          actions: [],
        }),
      ),
    ).toBe(notFound);
    expect(
      await refusal(recs.addOutcome(gongshu, caseId, { kind: '听证', date: '2026-03-01' })),
    ).toContain('404 NOT_FOUND');
    expect(await refusal(recs.outcomes(shangcheng, otherCaseId))).toContain('404 NOT_FOUND');
  });
});
