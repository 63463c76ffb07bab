/**
 * Store rows → the contract's lead rows (pure): the one mapping of a lead for the web table, the
 * lead/person/case pages, the CLI listing and both exports. ID numbers are masked unless revealed.
 */
import type { LeadExportRow, LeadRow } from '../contract/leads.ts';
import type { LeadStatus } from '../contract/vocabulary.ts';
import { maskIdValue, maskText } from '../audit/masking.ts';
import type { PublicUser } from './org.service.ts';
import type { LeadFullRow, LeadTableRow } from '../store/lead-table.repo.ts';
import { courtCodeOfCaseNo, unitOfCourt, type UnitNode } from './unit-tree.ts';
import { parseJsonOr } from '../domain/json.ts';

/** What turning lead rows into the contract's shape needs: units, users, model names. */
export interface LeadViewContext {
  units: readonly UnitNode[];
  usersByName: ReadonlyMap<string, PublicUser>;
  models: ReadonlyMap<string, { name: string; version: number }>;
  reveal: boolean;
}

/**
 * The unit of a court code, remembered per unit list (the org service hands out the same array until
 * a unit changes): unitOfCourt walks every unit, and a page maps 20–50 rows per request.
 */
const unitsByCourt = new WeakMap<readonly UnitNode[], Map<string, UnitNode | undefined>>();

export function unitOfCase(
  units: readonly UnitNode[],
  caseNo: string | null,
): UnitNode | undefined {
  const code = courtCodeOfCaseNo(caseNo);
  if (code === undefined) return undefined;
  let known = unitsByCourt.get(units);
  if (!known) unitsByCourt.set(units, (known = new Map()));
  if (!known.has(code)) known.set(code, unitOfCourt(units, code));
  return known.get(code);
}

/** A lead in the contract's shape: ID numbers masked unless revealed; names are data, never markup. */
export function toLeadRow(r: LeadTableRow, ctx: LeadViewContext): LeadRow {
  const unit = unitOfCase(ctx.units, r.case_no);
  const assignee = r.assignee ? ctx.usersByName.get(r.assignee) : undefined;
  return {
    // The opaque id, never lead_key (which holds the subject's ID number for some models).
    id: r.lead_id,
    modelId: r.model_id,
    modelName: ctx.models.get(r.model_id)?.name ?? r.model_id,
    modelVersion: String(r.model_version),
    caseNo: r.case_no,
    court: r.court,
    unitId: unit?.id ?? null,
    unitName: unit?.name ?? null,
    subjectName: r.subject_name,
    subjectId: maskIdValue(r.subject_id, ctx.reveal),
    plate: r.plate,
    summary: maskText(r.summary, ctx.reveal),
    priority: r.priority,
    status: r.status as LeadStatus,
    assigneeId: assignee?.id ?? null,
    assigneeName: assignee?.displayName ?? r.assignee,
    changed: Boolean(r.changed),
    firstSeenAt: r.created_at,
    lastSeenAt: r.updated_at,
  };
}

const orNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** A lead's evidence: where each source row is (dataset, batch, file, row). */
export function leadEvidence(r: Pick<LeadFullRow, 'evidence'>): LeadExportRow['evidence'] {
  // A model may name one source row twice (a join through two paths): evidence lists it once.
  const seen = new Set<string>();
  return parseJsonOr<LeadExportRow['evidence']>(r.evidence, []).flatMap((e) => {
    const key = JSON.stringify([e.dataset, e.batchId, e.file, e.row]);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ dataset: e.dataset, batchId: e.batchId, file: e.file, row: e.row }];
  });
}

/** A lead's legal basis: references such as `终本规定 第一条（三）`. */
export function leadLegalBasis(r: LeadFullRow): string[] {
  return parseJsonOr<string[]>(r.legal_basis, []);
}

/** A lead as the data export carries it: the table row, its evidence references and legal basis. */
export function toLeadExportRow(r: LeadFullRow, ctx: LeadViewContext): LeadExportRow {
  return {
    ...toLeadRow(r, ctx),
    evidence: leadEvidence(r),
    legalBasis: leadLegalBasis(r),
    confidence: r.confidence,
    standIn: r.stand_in === null ? null : maskText(r.stand_in, ctx.reveal),
    firstSeenRun: orNull(r.first_seen_run),
    lastSeenRun: orNull(r.last_seen_run),
  };
}
