import { z } from 'zod';
import { IsoDate, pageOf, PageQuery, Timestamp } from './common.ts';
import {
  CaseKind,
  CaseState,
  DeadlineStatus,
  OutcomeKind,
  OutcomeSource,
  RecommendationState,
  ReferralCrime,
  ReplyAction,
  ReplyFilter,
  ReplyResult,
} from './vocabulary.ts';

/** A court's reply to a recommendation; replies are appended, the latest is in force. */
export const CourtReplyItem = z.object({
  id: z.number().int(),
  recommendationId: z.number().int(),
  result: ReplyResult,
  date: IsoDate,
  actions: z.array(ReplyAction),
  /** The new 执恢 案号 when the court resumed enforcement. */
  resumedCaseNo: z.string().nullable(),
  note: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: Timestamp,
  inForce: z.boolean(),
});
export type CourtReplyItem = z.infer<typeof CourtReplyItem>;

/**
 * A recommendation (检察建议). `version` must be sent back with every save (409 when stale). The
 * Word document (检察建议书) takes its number, date, addressee and deadline from here.
 */
export const RecommendationItem = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  unitId: z.string(),
  kind: CaseKind,
  /** Enforcement cases it covers (a class recommendation: every case of the class case). */
  caseCount: z.number().int(),
  addressee: z.string(),
  state: RecommendationState,
  /** Fixed at issue, e.g. 浙杭上检民执建〔2025〕3号. */
  docNo: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  /** issuedOn + 3 months (两高监督规定 第十三条). */
  replyDue: IsoDate.nullable(),
  /** After the one extension (issuedOn + 4 months). */
  extendedDue: IsoDate.nullable(),
  extensionNote: z.string().nullable(),
  /** The deadline in force: extendedDue ?? replyDue. */
  due: IsoDate.nullable(),
  /** Issued and not answered: where the deadline stands today; null otherwise. */
  deadline: DeadlineStatus.nullable(),
  /** Days left to the deadline in force (negative: overdue), while unanswered. */
  daysLeft: z.number().int().nullable(),
  escalatedOn: IsoDate.nullable(),
  escalationNote: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  issuedBy: z.string().nullable(),
  replies: z.array(CourtReplyItem),
});
export type RecommendationItem = z.infer<typeof RecommendationItem>;

export const OutcomeItem = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  recommendationId: z.number().int().nullable(),
  kind: OutcomeKind,
  date: IsoDate,
  /** Yuan with two decimals, exact (a string, never a float). */
  amount: z.string().nullable(),
  enforcementCaseNo: z.string().nullable(),
  crime: ReferralCrime.nullable(),
  persons: z.number().int().nullable(),
  source: OutcomeSource,
  note: z.string(),
  /** The ledger batch in which the 执恢 case was seen. */
  ledgerBatchId: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: Timestamp,
});
export type OutcomeItem = z.infer<typeof OutcomeItem>;

export const OutcomeTotal = z.object({
  kind: OutcomeKind,
  count: z.number().int(),
  amount: z.string().nullable(),
  persons: z.number().int().nullable(),
});
export type OutcomeTotal = z.infer<typeof OutcomeTotal>;

/** What the case page shows after the review: recommendations with their replies, outcomes. */
export const CaseFollowUp = z.object({
  recommendations: z.array(RecommendationItem),
  outcomes: z.array(OutcomeItem),
  outcomeTotals: z.array(OutcomeTotal),
});
export type CaseFollowUp = z.infer<typeof CaseFollowUp>;

export const CaseOutcomes = z.object({
  items: z.array(OutcomeItem),
  totals: z.array(OutcomeTotal),
});
export type CaseOutcomes = z.infer<typeof CaseOutcomes>;

/** One recommendation with what its 检察建议书 names: the case and its enforcement cases. */
export const RecommendationDetail = RecommendationItem.extend({
  caseNo: z.string(),
  caseTitle: z.string(),
  caseState: CaseState,
  unitName: z.string(),
  enforcementCases: z.array(z.string()),
});
export type RecommendationDetail = z.infer<typeof RecommendationDetail>;

/** The warning and overdue list: issued, unanswered, past due or due within `days`. */
export const DueRecommendations = z.object({
  today: IsoDate,
  days: z.number().int(),
  overdue: z.array(RecommendationDetail),
  dueSoon: z.array(RecommendationDetail),
});
export type DueRecommendations = z.infer<typeof DueRecommendations>;

/** The numbering (文号) of a unit's recommendations: its pattern ({简称}, {年}, {号}) or the default. */
export const RecommendationNumbering = z.object({
  unitId: z.string(),
  pattern: z.string(),
  /** True when the unit has not set its own pattern. */
  isDefault: z.boolean(),
  /** What the next number would look like this year (not reserved). */
  example: z.string(),
});
export type RecommendationNumbering = z.infer<typeof RecommendationNumbering>;

export const SetRecommendationNumberingRequest = z.object({ pattern: z.string().max(60) });

export const DueQuery = z.object({
  days: z.coerce.number().int().min(0).max(92).default(15),
});

const Note = z.string().trim().max(2000).default('');
const Version = z.number().int().min(1);

export const CreateRecommendationRequest = z.object({
  /** The court it goes to; defaults to the court of the case's leads / enforcement cases. */
  addressee: z.string().trim().min(1).max(100).optional(),
  note: Note,
});
export type CreateRecommendationRequest = z.input<typeof CreateRecommendationRequest>;

export const IssueRecommendationRequest = z.object({
  version: Version,
  issuedOn: IsoDate,
  addressee: z.string().trim().min(1).max(100).optional(),
});
export type IssueRecommendationRequest = z.input<typeof IssueRecommendationRequest>;

export const ExtendRecommendationRequest = z.object({
  version: Version,
  note: z.string().trim().min(1, '请写明延长理由').max(2000),
});
export type ExtendRecommendationRequest = z.input<typeof ExtendRecommendationRequest>;

export const RecordReplyRequest = z.object({
  version: Version,
  result: ReplyResult,
  date: IsoDate,
  actions: z.array(ReplyAction).max(10).default([]),
  resumedCaseNo: z.string().trim().max(60).nullable().optional(),
  note: Note,
});
export type RecordReplyRequest = z.input<typeof RecordReplyRequest>;

export const EscalateRequest = z.object({ version: Version, note: Note });
export type EscalateRequest = z.input<typeof EscalateRequest>;

export const AddOutcomeRequest = z.object({
  kind: OutcomeKind,
  date: IsoDate,
  /** As typed: '12,345.60', '1.2万', '12345.6元' (the service parses it exactly). */
  amount: z.string().max(40).nullable().optional(),
  crime: ReferralCrime.nullable().optional(),
  persons: z.number().int().nullable().optional(),
  enforcementCaseNo: z.string().trim().max(60).nullable().optional(),
  recommendationId: z.number().int().nullable().optional(),
  note: Note,
});
export type AddOutcomeRequest = z.input<typeof AddOutcomeRequest>;

/** The 检察建议台账's filters: a unit of the scope (with the units below), campaign, state, reply. */
export const RecommendationListQuery = PageQuery.extend({
  unitId: z.string().max(100).optional(),
  /** 专项监督活动 id (through the case's campaign). */
  campaign: z
    .string()
    .regex(/^\d{1,9}$/, '专项活动编号应为数字')
    .optional(),
  state: RecommendationState.optional(),
  /** The reply in force; 未回复: issued and not answered. */
  result: ReplyFilter.optional(),
  issuedFrom: IsoDate.optional(),
  issuedTo: IsoDate.optional(),
  /** The reply in force dated on or after / on or before (the statistics' 采纳 of a period). */
  repliedFrom: IsoDate.optional(),
  repliedTo: IsoDate.optional(),
});
export type RecommendationListQuery = z.infer<typeof RecommendationListQuery>;

/** A row of the 检察建议台账. */
export const RecommendationListItem = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNo: z.string(),
  caseTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  addressee: z.string(),
  state: RecommendationState,
  docNo: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
  /** The deadline in force (extendedDue ?? replyDue). */
  due: IsoDate.nullable(),
  extendedDue: IsoDate.nullable(),
  /** Issued and not answered: where the deadline stands today; null otherwise. */
  deadline: DeadlineStatus.nullable(),
  daysLeft: z.number().int().nullable(),
  /** The reply in force (the latest), if any. */
  latestResult: ReplyResult.nullable(),
  latestReplyDate: IsoDate.nullable(),
});
export type RecommendationListItem = z.infer<typeof RecommendationListItem>;

export const RecommendationList = pageOf(RecommendationListItem);
export type RecommendationList = z.infer<typeof RecommendationList>;

/** The 成效台账's filters: a unit of the scope (with the units below), campaign, kind, dates. */
export const OutcomeListQuery = PageQuery.extend({
  unitId: z.string().max(100).optional(),
  campaign: z
    .string()
    .regex(/^\d{1,9}$/, '专项活动编号应为数字')
    .optional(),
  kind: OutcomeKind.optional(),
  /** 成效日期 on or after / on or before. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type OutcomeListQuery = z.infer<typeof OutcomeListQuery>;

export const OutcomeListItem = OutcomeItem.extend({
  caseNo: z.string(),
  unitId: z.string(),
  unitName: z.string(),
});
export type OutcomeListItem = z.infer<typeof OutcomeListItem>;

/** A page of outcomes and the totals per kind of every match (amounts exact, as strings). */
export const OutcomeList = pageOf(OutcomeListItem).extend({ totals: z.array(OutcomeTotal) });
export type OutcomeList = z.infer<typeof OutcomeList>;
