import { z } from 'zod';
import { IsoDate, Timestamp } from './common.ts';
import { CaseState } from './vocabulary.ts';

/** A campaign (专项监督活动) as lists show it; `version` goes back with every save (409 when stale). */
export const Campaign = z.object({
  id: z.number().int(),
  theme: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  modelIds: z.array(z.string()),
  /** Scope: units whose cases it covers (empty = any in the runner's units). */
  scopeUnitIds: z.array(z.string()),
  courts: z.array(z.string()),
  closedFrom: IsoDate.nullable(),
  closedTo: IsoDate.nullable(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  participantIds: z.array(z.string()),
  participantNames: z.array(z.string()),
  note: z.string(),
  /** Made from the free-text 专项监督 of older runs. */
  migrated: z.boolean(),
  /** The operator's unit may run models under it (creating or taking part). */
  takesPart: z.boolean(),
  /** The operator may edit it (right, and the creating unit or one above it). */
  editable: z.boolean(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  updatedBy: z.string().nullable(),
  updatedAt: Timestamp,
  runCount: z.number().int(),
  leadCount: z.number().int(),
  caseCount: z.number().int(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignRunItem = z.object({
  id: z.number().int(),
  startedAt: Timestamp,
  status: z.string(),
  asOf: IsoDate.nullable(),
  modelIds: z.array(z.string()),
  leads: z.number().int(),
});

export const CampaignCaseItem = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  title: z.string(),
  state: CaseState,
  unitName: z.string(),
});

export const CampaignDetail = Campaign.extend({
  runs: z.array(CampaignRunItem),
  /** The first cases of the campaign in the operator's units (all: the case list's filter). */
  cases: z.array(CampaignCaseItem),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

const Ids = z.array(z.string().min(1).max(100)).max(500).default([]);

export const CampaignRequest = z.object({
  theme: z.string().trim().min(1, '请填写活动主题').max(200),
  modelIds: Ids,
  scopeUnitIds: Ids,
  courts: Ids,
  closedFrom: IsoDate.nullable().default(null),
  closedTo: IsoDate.nullable().default(null),
  startsOn: IsoDate,
  endsOn: IsoDate,
  participantIds: Ids,
  note: z.string().trim().max(2000).default(''),
});
export type CampaignRequest = z.input<typeof CampaignRequest>;

export const UpdateCampaignRequest = CampaignRequest.extend({ version: z.number().int().min(1) });
export type UpdateCampaignRequest = z.input<typeof UpdateCampaignRequest>;

export const CampaignListQuery = z.object({
  /** Only those the operator's unit takes part in and whose period includes today (the run form). */
  mine: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/** The ledger's (一本账) figures of a unit with the units below it. Money in yuan, exact. */
export const LedgerFigures = z.object({
  leads: z.number().int(),
  /** 已研判 = 已成案 + 已排除 + 已合并 */
  judged: z.number().int(),
  cases: z.number().int(),
  recommendations: z.number().int(),
  adopted: z.number().int(),
  resumed: z.number().int(),
  money: z.string(),
});
export type LedgerFigures = z.infer<typeof LedgerFigures>;

export interface LedgerRow extends LedgerFigures {
  unitId: string;
  unitName: string;
  level: string;
  children?: LedgerRow[];
}
export const LedgerRow: z.ZodType<LedgerRow> = LedgerFigures.extend({
  unitId: z.string(),
  unitName: z.string(),
  level: z.string(),
  get children() {
    return z.array(LedgerRow).optional();
  },
});

export const LedgerQuery = z.object({
  campaign: z
    .string()
    .regex(/^\d{1,9}$/, '专项活动编号应为数字')
    .optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const Ledger = z.object({
  campaignId: z.number().int().nullable(),
  campaignTheme: z.string().nullable(),
  /** The operator's unit, its figures including every unit below; children expand. */
  rows: z.array(LedgerRow),
});
export type Ledger = z.infer<typeof Ledger>;

/** One item of a prosecutor's work list (工作台 / 我的待办). */
export const WorkItem = z.object({
  kind: z.enum(['lead', 'case']),
  /** Lead: opaque lead id; case: the supervision case id. */
  id: z.string(),
  title: z.string(),
  state: z.string(),
  /** The next deadline (YYYY-MM-DD), null when none. */
  deadline: IsoDate.nullable(),
  /** What the deadline is: 办理期限, 法院回复期限 … */
  deadlineKind: z.string().nullable(),
  overdue: z.boolean(),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const WorkListQuery = z.object({
  /** Only items due within this many days (overdue included); omitted = all. */
  dueWithin: z.coerce.number().int().min(0).max(366).optional(),
});

export const WorkList = z.object({ items: z.array(WorkItem), today: IsoDate });
export type WorkList = z.infer<typeof WorkList>;
