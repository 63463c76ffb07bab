/**
 * A resumed 执恢 case arriving in a later ledger import links itself to the recommendation that
 * caused it: after an import of `enforcement_cases` commits, each new 执恢 case whose number a
 * court reply named — or whose 执行依据 is that of one of a recommendation's enforcement cases,
 * filed on or after the recommendation was issued — counts as a 恢复执行 outcome (source 台账导入)
 * of that supervision case. Idempotent: an outcome already recorded for the number is only marked
 * as seen in the ledger; a 恢复执行 recorded from a reply without a number takes this one.
 * Called from one place, `importAs` (src/ingest/import.service.ts).
 */
import { todayInChina } from '../domain/date.ts';
import type { Operator, ServiceContext } from '../org/operator.ts';
import {
  caseOutcomes,
  confirmOutcome,
  insertOutcome,
  resumedMatches,
} from '../store/case-outcome.repo.ts';
import type { Database } from '../store/database.ts';
import type { CheckedReply } from './recommendation-rules.ts';

/** What one import linked, for its audit rows and tests. */
export interface ResumedLink {
  caseNo: string;
  enforcementCaseNo: string;
  via: string;
  action: '新增' | '确认';
}

export async function linkResumedCases(
  ctx: ServiceContext,
  operator: Operator,
  batchIds: readonly number[],
): Promise<ResumedLink[]> {
  if (batchIds.length === 0) return [];
  const links = await ctx.db.transaction(async () => {
    const out: ResumedLink[] = [];
    for (const m of await resumedMatches(ctx.db, batchIds)) {
      const base = { caseNo: m.case_no, enforcementCaseNo: m.enforcement_case_no, via: m.via };
      const existing = m.existing_id ?? m.blank_id;
      if (existing !== null) {
        // Seen before (a re-import): nothing to do.
        if (m.existing_id !== null && m.existing_batch !== null) continue;
        await confirmOutcome(ctx.db, Number(existing), m.enforcement_case_no, Number(m.batch_id));
        out.push({ ...base, action: '确认' });
        continue;
      }
      await insertOutcome(ctx.db, {
        caseId: Number(m.case_id),
        recommendationId: Number(m.recommendation_id),
        kind: '恢复执行',
        date: m.filed_date ?? todayInChina(),
        amount: null,
        enforcementCaseNo: m.enforcement_case_no,
        crime: null,
        persons: null,
        source: '台账导入',
        note: `台账导入（${m.via}）`,
        ledgerBatchId: Number(m.batch_id),
        by: operator.username,
      });
      out.push({ ...base, action: '新增' });
    }
    return out;
  });
  for (const l of links) {
    await ctx.audit.record(
      operator,
      'outcome_add',
      l.caseNo,
      `台账导入${l.action === '新增' ? '关联' : '确认'}恢复执行：${l.enforcementCaseNo}（${l.via}）`,
    );
  }
  return links;
}

/**
 * A reply saying 恢复执行 counts as a 恢复执行 outcome of the case (once: not when the case already
 * has one for that number, or a numberless one from this recommendation). In the caller's write.
 */
export async function recordReplyResumption(
  db: Database,
  r: { caseId: number; recommendationId: number; reply: CheckedReply; by: string | null },
): Promise<void> {
  const { reply } = r;
  const known = (await caseOutcomes(db, r.caseId)).some(
    (o) =>
      o.kind === '恢复执行' &&
      (o.enforcement_case_no === reply.resumedCaseNo ||
        (o.enforcement_case_no === null && Number(o.recommendation_id) === r.recommendationId)),
  );
  if (known) return;
  await insertOutcome(db, {
    caseId: r.caseId,
    recommendationId: r.recommendationId,
    kind: '恢复执行',
    date: reply.date,
    amount: null,
    enforcementCaseNo: reply.resumedCaseNo,
    crime: null,
    persons: null,
    source: '手工',
    note: `法院回复（${reply.result}）`,
    by: r.by,
  });
}
