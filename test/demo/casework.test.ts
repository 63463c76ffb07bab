import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type Platform } from '../../src/api/platform.ts';
import { demoOperator, seedDemoCasework } from '../../src/casework/demo-casework.ts';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import { CASE_STATES } from '../../src/domain/vocabulary.ts';
import { loadDemoAs } from '../../src/demo/load-demo.ts';
import { runModelsAs } from '../../src/models/operator.service.ts';
import { SYSTEM_OPERATOR } from '../../src/org/operator.ts';
import { Database } from '../../src/store/database.ts';

/**
 * The demo's casework (issue 11 §8): load the demo province, run every model, seed the casework
 * through the services, and read it back as a user of the province would.
 */
describe('demo casework: the whole chain from lead to money', () => {
  let dir: string;
  let db: Database;
  let platform: Platform;
  let leadsBefore: number;
  let cases: SupervisionCaseDetail[];
  const province = demoOperator('330000');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-demo-casework-'));
    db = await Database.open(join(dir, 'demo.duckdb'));
    platform = createPlatform(db);
    await platform.org.bootstrap('33');
    const loaded = await loadDemoAs(platform, SYSTEM_OPERATOR, { scale: 0.5 });
    const asOf = loaded.answers.asOf;
    await runModelsAs(platform, SYSTEM_OPERATOR, { all: true, asOf });
    leadsBefore = await count(`leads`);
    const seeded = await seedDemoCasework(platform, asOf);
    expect(seeded?.cases).toBeGreaterThanOrEqual(12);
    const list = await platform.casework.list(province, { page: 1, pageSize: 100 });
    cases = await Promise.all(list.items.map((c) => platform.casework.get(province, c.id)));
  }, 300_000);

  afterAll(async () => {
    await platform.caseWriter.close();
    platform.leads.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function count(from: string): Promise<number> {
    const row = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${from}`);
    return Number(row?.n ?? 0);
  }

  it('has a case in every state, in several county units, and a class case of several cases', () => {
    expect(new Set(cases.map((c) => c.state))).toEqual(new Set(CASE_STATES));
    expect(new Set(cases.map((c) => c.unitId)).size).toBeGreaterThanOrEqual(4);
    const klass = cases.find((c) => c.kind === '类案');
    expect(klass?.enforcementCases.length).toBeGreaterThanOrEqual(2);
    expect(klass?.recommendations[0]?.caseCount).toBe(klass?.enforcementCases.length);
    expect(cases.flatMap((c) => c.acts.map((a) => a.kind))).toEqual(
      expect.arrayContaining(['调阅卷宗', '询问', '调取', '查询银行流水', '听证']),
    );
  });

  it('lists one overdue recommendation and one due within 15 days', async () => {
    const due = await platform.recommendations.due(province);
    expect(due.overdue).toHaveLength(1);
    expect(due.dueSoon).toHaveLength(1);
    expect(due.dueSoon[0]!.daysLeft).toBeLessThanOrEqual(15);
    expect(due.overdue[0]!.caseState).toBe('制发检察建议');
  });

  it('records the three reply results, a 执恢 resumption and exact money totals', () => {
    const replies = cases.flatMap((c) => c.recommendations.flatMap((r) => r.replies));
    expect(new Set(replies.map((r) => r.result))).toEqual(new Set(['采纳', '部分采纳', '不采纳']));
    expect(replies.filter((r) => r.resumedCaseNo?.includes('执恢')).length).toBe(3);
    const totals = (kind: string) =>
      cases
        .flatMap((c) => c.outcomeTotals)
        .filter((t) => t.kind === kind)
        .map((t) => t.amount ?? String(t.persons))
        .sort();
    expect(totals('执行到位')).toEqual(['164500.75', '60000.00']);
    expect(totals('执行和解')).toEqual(['80000.00']);
    expect(totals('公安立案')).toEqual(['1']);
    expect(totals('恢复执行')).toHaveLength(3);
    const kinds = new Set(cases.flatMap((c) => c.outcomes.map((o) => o.kind)));
    expect(kinds).toEqual(
      new Set(['恢复执行', '执行到位', '移送刑事线索', '公安立案', '听证', '执行和解']),
    );
    expect(cases.some((c) => c.recommendations.some((r) => r.extendedDue))).toBe(true);
  });

  it('makes the Word documents: drafts and the issued ones’ final versions', async () => {
    expect(await count(`case_documents WHERE status = '定稿'`)).toBe(8);
    expect(await count(`case_documents WHERE status = '草稿'`)).toBeGreaterThanOrEqual(3);
  });

  it('moves lead statuses only: leads stay, most still 待研判, three dismissed with reasons', async () => {
    expect(await count(`leads`)).toBe(leadsBefore);
    const inCases = cases.reduce((n, c) => n + c.leads.length, 0);
    expect(await count(`leads WHERE status IN ('已成案', '已合并')`)).toBe(inCases);
    expect(await count(`leads WHERE status = '已排除' AND dismiss_reason IS NOT NULL`)).toBe(3);
    expect(await count(`leads WHERE status = '待研判'`)).toBeGreaterThan(leadsBefore / 2);
  });

  it('is audited as the demo operator of each unit', async () => {
    const rows = await db.all<{ username: string; unit_id: string | null }>(
      `SELECT DISTINCT username, unit_id FROM audit_log WHERE action = 'case_open'`,
    );
    expect(rows.length).toBe(new Set(cases.map((c) => c.unitId)).size);
    expect(rows.every((r) => r.username === 'demo')).toBe(true);
  });

  it('seeds nothing the second time', async () => {
    const before = await count(`supervision_cases`);
    expect(await seedDemoCasework(platform, '2026-06-30')).toBeUndefined();
    expect(await count(`supervision_cases`)).toBe(before);
  });
});
