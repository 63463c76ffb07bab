import { z } from 'zod';
import { IsoDate, PageQuery, RevealQuery, Timestamp } from './common.ts';
import { CaseFollowUp } from './recommendations.ts';
import { ActKind, CaseKind, CaseState } from './vocabulary.ts';

/** A case as lists show it. `version` must be sent back with every save (409 when stale). */
export const SupervisionCase = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: CaseKind,
  modelId: z.string().nullable(),
  title: z.string(),
  state: CaseState,
  handler: z.string().nullable(),
  handlerName: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  /** 专项监督活动 (src/contract/campaigns.ts), from its leads at opening or chosen. */
  campaignId: z.number().int().nullable(),
  version: z.number().int(),
  leadCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** The states this case may move to now. */
  allowedTransitions: z.array(CaseState),
});
export type SupervisionCase = z.infer<typeof SupervisionCase>;

export const CaseLeadItem = z.object({
  leadId: z.string(),
  modelId: z.string(),
  enforcementCaseNo: z.string().nullable(),
  subjectName: z.string().nullable(),
  /** The finding sentence, IDs masked unless revealed. */
  summary: z.string(),
  status: z.string(),
  priority: z.string(),
  joinedBy: z.string().nullable(),
  joinedAt: Timestamp,
});
export type CaseLeadItem = z.infer<typeof CaseLeadItem>;

export const CaseTransitionItem = z.object({
  from: CaseState.nullable(),
  to: CaseState,
  at: Timestamp,
  by: z.string().nullable(),
  note: z.string(),
});
export type CaseTransitionItem = z.infer<typeof CaseTransitionItem>;

export const CaseActItem = z.object({
  id: z.number().int(),
  kind: ActKind,
  date: IsoDate,
  note: z.string(),
  by: z.string().nullable(),
  at: Timestamp,
});
export type CaseActItem = z.infer<typeof CaseActItem>;

export const SupervisionCaseDetail = SupervisionCase.extend({
  leads: z.array(CaseLeadItem),
  /** The enforcement cases it covers (a class case's list). */
  enforcementCases: z.array(z.string()),
  transitions: z.array(CaseTransitionItem),
  acts: z.array(CaseActItem),
  // Recommendations with the court's replies, and outcomes (src/contract/recommendations.ts).
  ...CaseFollowUp.shape,
});
export type SupervisionCaseDetail = z.infer<typeof SupervisionCaseDetail>;

export const CaseListQuery = PageQuery.extend({
  /** Comma-separated states. */
  state: z.string().max(200).optional(),
  /** Only cases still open (before 结案). */
  open: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  handler: z.string().max(100).optional(),
  q: z.string().max(100).optional(),
  /** 专项监督活动 id. */
  campaign: z
    .string()
    .regex(/^\d{1,9}$/, '专项活动编号应为数字')
    .optional(),
  /** A unit inside the scope: its cases and those of the units below (the ledger's drill-down). */
  unitId: z.string().max(100).optional(),
  /** The class case's model or a model of its leads. */
  modelId: z.string().max(100).optional(),
  /** Opened (立案) on or after / on or before. */
  openedFrom: IsoDate.optional(),
  openedTo: IsoDate.optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseDetailQuery = RevealQuery;

const Note = z.string().trim().max(2000).default('');
const LeadIds = z
  .array(z.string().min(1).max(40))
  .min(1, '请至少选择一条线索')
  .max(1000, '一次最多 1000 条线索');
/** A user id or user name; null clears. */
const Handler = z.string().min(1).max(100).nullable();
/** A campaign the operator sees; null: none. */
const CampaignId = z.number().int().min(1).nullable();

export const OpenCaseRequest = z.object({
  leadIds: LeadIds,
  kind: CaseKind.optional(),
  title: z.string().trim().max(200).optional(),
  handler: Handler.optional(),
  dueDate: IsoDate.nullable().optional(),
  /** Omitted: the campaign its leads share, if one. */
  campaignId: CampaignId.optional(),
  note: Note,
});
export type OpenCaseRequest = z.input<typeof OpenCaseRequest>;

export const JoinCaseRequest = z.object({ leadIds: LeadIds, note: Note });
export type JoinCaseRequest = z.input<typeof JoinCaseRequest>;

export const MoveCaseRequest = z.object({
  to: CaseState,
  version: z.number().int().min(1),
  note: Note,
});
export type MoveCaseRequest = z.input<typeof MoveCaseRequest>;

export const UpdateCaseRequest = z.object({
  version: z.number().int().min(1),
  handler: Handler.optional(),
  dueDate: IsoDate.nullable().optional(),
  title: z.string().trim().min(1, '标题不能为空').max(200).optional(),
  campaignId: CampaignId.optional(),
});
export type UpdateCaseRequest = z.input<typeof UpdateCaseRequest>;

export const AddActRequest = z.object({
  kind: ActKind,
  date: IsoDate,
  note: Note,
});
export type AddActRequest = z.input<typeof AddActRequest>;

/** The case a lead is in (the lead page's link), or null. */
export const LeadCaseRef = z
  .object({ id: z.number().int(), caseNo: z.string(), state: CaseState, kind: CaseKind })
  .nullable();
export type LeadCaseRef = z.infer<typeof LeadCaseRef>;

/** The numbering of my unit's cases. */
export const CaseNumbering = z.object({
  unitId: z.string(),
  pattern: z.string(),
  /** True when the unit has not set its own pattern. */
  isDefault: z.boolean(),
  /** What the next number would look like this year (not reserved). */
  example: z.string(),
});
export type CaseNumbering = z.infer<typeof CaseNumbering>;

export const SetNumberingRequest = z.object({ pattern: z.string().max(60) });
