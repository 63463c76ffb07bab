/**
 * Recommendation, reply and outcome rows → the contract's shapes, and the follow-up part of a case
 * page (recommendations with their replies, outcomes with their totals). Shaping is pure; `followUpOf`
 * only reads.
 */
import type {
  CaseFollowUp,
  CourtReplyItem,
  OutcomeItem,
  RecommendationItem,
} from '../contract/recommendations.ts';
import type {
  DeadlineStatus,
  OutcomeKind,
  OutcomeSource,
  RecommendationState,
  ReferralCrime,
  ReplyAction,
  ReplyResult,
} from '../domain/vocabulary.ts';
import type { CaseKind } from '../domain/vocabulary.ts';
import { caseOutcomes, type OutcomeRow } from '../store/case-outcome.repo.ts';
import type { Database } from '../store/database.ts';
import {
  caseRecommendations,
  caseReplies,
  type RecommendationRow,
  type ReplyRow,
} from '../store/recommendation.repo.ts';
import { outcomeTotals } from './outcome-rules.ts';
import { dueOf } from './recommendation-rules.ts';
import { daysBetween, deadlineStatus } from './reply-deadline.ts';

export function toReplyItem(r: ReplyRow, inForce: boolean): CourtReplyItem {
  return {
    id: Number(r.id),
    recommendationId: Number(r.recommendation_id),
    result: r.result as ReplyResult,
    date: r.reply_date,
    actions: [...(r.actions ?? [])] as ReplyAction[],
    resumedCaseNo: r.resumed_case_no,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    inForce,
  };
}

/** A recommendation with its replies (in the order recorded; the last in force) on `today`. */
export function toRecommendationItem(
  r: RecommendationRow,
  replies: readonly ReplyRow[],
  today: string,
): RecommendationItem {
  const own = replies.filter((p) => Number(p.recommendation_id) === Number(r.id));
  const due = dueOf({
    docNo: r.doc_no,
    state: r.state,
    issuedOn: r.issued_on,
    replyDue: r.reply_due,
    extendedDue: r.extended_due,
  });
  const waiting = r.state === '已发出' && own.length === 0 && due !== null;
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    unitId: r.unit_id,
    kind: r.kind as CaseKind,
    caseCount: Number(r.case_count),
    addressee: r.addressee,
    state: r.state as RecommendationState,
    docNo: r.doc_no,
    issuedOn: r.issued_on,
    replyDue: r.reply_due,
    extendedDue: r.extended_due,
    extensionNote: r.extension_note,
    due,
    deadline: waiting ? (deadlineStatus(due, today) as DeadlineStatus) : null,
    daysLeft: waiting ? daysBetween(today, due) : null,
    escalatedOn: r.escalated_on,
    escalationNote: r.escalation_note,
    note: r.note,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    issuedBy: r.issued_by,
    replies: own.map((p, i) => toReplyItem(p, i === own.length - 1)),
  };
}

export function toOutcomeItem(o: OutcomeRow): OutcomeItem {
  return {
    id: Number(o.id),
    caseId: Number(o.case_id),
    recommendationId: o.recommendation_id === null ? null : Number(o.recommendation_id),
    kind: o.kind as OutcomeKind,
    date: o.outcome_date,
    amount: o.amount,
    enforcementCaseNo: o.enforcement_case_no,
    crime: o.crime as ReferralCrime | null,
    persons: o.persons === null ? null : Number(o.persons),
    source: o.source as OutcomeSource,
    note: o.note,
    ledgerBatchId: o.ledger_batch_id === null ? null : Number(o.ledger_batch_id),
    recordedBy: o.recorded_by,
    recordedAt: o.recorded_at,
  };
}

/** The case page's recommendations, replies and outcomes. */
export async function followUpOf(
  db: Database,
  caseId: number,
  today: string,
): Promise<CaseFollowUp> {
  const recs = await caseRecommendations(db, caseId);
  const replies = await caseReplies(db, caseId);
  const outcomes = await caseOutcomes(db, caseId);
  const items = outcomes.map(toOutcomeItem);
  return {
    recommendations: recs.map((r) => toRecommendationItem(r, replies, today)),
    outcomes: items,
    outcomeTotals: outcomeTotals(items),
  };
}
