import { z } from 'zod';
import { IsoDate, PageQuery, Timestamp } from './common.ts';
import { LegalBasis } from './models.ts';
import { DismissReason, LEAD_SORTS, LeadStatus } from './vocabulary.ts';

export { LEAD_SORTS, type LeadSort } from './vocabulary.ts';

/** Filters of the lead table (also the body of a saved filter). Comma-separated multi-values. */
export const LeadFilter = z.object({
  modelId: z.string().optional(),
  status: z.string().optional(),
  court: z.string().optional(),
  unitId: z.string().optional(),
  /** 高 / 中 / 低, comma-separated */
  priority: z.string().optional(),
  /** first-seen date range */
  dateFrom: IsoDate.optional(),
  dateTo: IsoDate.optional(),
  assigneeId: z.string().optional(),
  /** 专项监督活动 id (the campaign the lead was found under) */
  campaign: z
    .string()
    .regex(/^\d{1,9}$/, '专项活动编号应为数字')
    .optional(),
  /** free text: case number, party name, summary */
  q: z.string().max(100).optional(),
});
export type LeadFilter = z.infer<typeof LeadFilter>;

export const LeadQuery = PageQuery.extend(LeadFilter.shape).extend({
  sort: z.enum(LEAD_SORTS).default('priority'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type LeadQuery = z.infer<typeof LeadQuery>;

/** One row of the lead table. ID numbers masked unless revealed. */
export const LeadRow = z.object({
  /** Opaque lead id (URLs, row keys, exports): never carries personal data. */
  id: z.string(),
  modelId: z.string(),
  modelName: z.string(),
  modelVersion: z.string(),
  caseNo: z.string().nullable(),
  court: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  subjectName: z.string().nullable(),
  subjectId: z.string().nullable(),
  plate: z.string().nullable(),
  summary: z.string(),
  /** 高 / 中 / 低 */
  priority: z.string(),
  status: LeadStatus,
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /** Evidence changed since the lead was judged (a re-run found different rows). */
  changed: z.boolean(),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
});
export type LeadRow = z.infer<typeof LeadRow>;

/** A lead as the data export carries it (`zhijian leads export`): the table row and its evidence. */
export const LeadExportRow = LeadRow.extend({
  evidence: z.array(
    z.object({
      dataset: z.string(),
      batchId: z.number().int(),
      file: z.string().nullable(),
      row: z.number().int().nullable(),
    }),
  ),
  legalBasis: z.array(z.string()),
  confidence: z.string().nullable(),
  standIn: z.string().nullable(),
  firstSeenRun: z.number().int().nullable(),
  lastSeenRun: z.number().int().nullable(),
});
export type LeadExportRow = z.infer<typeof LeadExportRow>;

/** An evidence row joined to its source row (dataset version table by batch + file + row). */
export const EvidenceRow = z.object({
  dataset: z.string(),
  datasetLabel: z.string(),
  batchId: z.number().int(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  /** Column label (Chinese) → value, in catalog order; null when the source row is gone. */
  values: z
    .array(z.object({ column: z.string(), label: z.string(), value: z.string().nullable() }))
    .nullable(),
});
export type EvidenceRow = z.infer<typeof EvidenceRow>;

export const LeadEvent = z.object({
  at: Timestamp,
  userName: z.string().nullable(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
});

export const RelatedCase = z.object({
  caseNo: z.string(),
  court: z.string().nullable(),
  closureType: z.string().nullable(),
  closedDate: z.string().nullable(),
  role: z.string().nullable(),
});

export const LeadDetail = z.object({
  lead: LeadRow,
  action: z.string().nullable(),
  dismissReason: z.string().nullable(),
  dismissNote: z.string().nullable(),
  evidence: z.array(EvidenceRow),
  legalBasis: z.array(LegalBasis),
  /** 串并: the debtor's other cases and other leads (same subject), in the user's units. */
  related: z.object({
    personRef: z.string().nullable(),
    cases: z.array(RelatedCase),
    leads: z.array(LeadRow),
  }),
  history: z.array(LeadEvent),
  /** True when this answer shows full ID numbers (the view was audited). */
  revealed: z.boolean(),
});
export type LeadDetail = z.infer<typeof LeadDetail>;

export const AssignRequest = z.object({ assigneeId: z.string().min(1, '请选择承办人') });
export const DismissRequest = z.object({
  reason: DismissReason,
  note: z.string().max(2000).default(''),
});
export const ReopenRequest = z.object({ note: z.string().max(2000).default('') });
export const NoteRequest = z.object({ text: z.string().trim().min(1, '请输入备注').max(2000) });

export const BulkLeadRequest = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    leadIds: z.array(z.string()).min(1, '请选择线索').max(5000),
    assigneeId: z.string().min(1, '请选择承办人'),
  }),
  z.object({
    action: z.literal('dismiss'),
    leadIds: z.array(z.string()).min(1, '请选择线索').max(5000),
    reason: DismissReason,
    note: z.string().max(2000).default(''),
  }),
]);
export type BulkLeadRequest = z.infer<typeof BulkLeadRequest>;
export const BulkLeadResponse = z.object({ updated: z.number().int(), skipped: z.number().int() });

/** `GET /api/leads/export.xlsx`: the current filters, or chosen lead ids (comma-separated). */
export const LeadExportQuery = LeadFilter.extend({
  leadIds: z.string().optional(),
  reveal: z.enum(['0', '1']).optional(),
});
export type LeadExportQuery = z.infer<typeof LeadExportQuery>;

export const SavedFilter = z.object({
  id: z.string(),
  name: z.string(),
  filter: LeadFilter,
  createdAt: Timestamp,
});
export type SavedFilter = z.infer<typeof SavedFilter>;
export const SaveFilterRequest = z.object({
  name: z.string().trim().min(1, '请输入名称').max(50),
  filter: LeadFilter,
});

/** 执行案件 detail (scoped to the user's units). */
export const CaseDetail = z.object({
  caseNo: z.string(),
  unitId: z.string().nullable(),
  /** Column label → value of the enforcement_cases row. */
  fields: z.array(
    z.object({ column: z.string(), label: z.string(), value: z.string().nullable() }),
  ),
  parties: z.array(
    z.object({
      name: z.string(),
      role: z.string().nullable(),
      id: z.string().nullable(),
      personRef: z.string().nullable(),
    }),
  ),
  leads: z.array(LeadRow),
  revealed: z.boolean(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/**
 * A person or company (by `personRef`, an opaque reference — ID numbers never travel in URLs):
 * cases and leads in the user's units. Every view is audited.
 */
export const PersonDetail = z.object({
  personRef: z.string(),
  name: z.string().nullable(),
  id: z.string(),
  cases: z.array(RelatedCase),
  leads: z.array(LeadRow),
  revealed: z.boolean(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;
