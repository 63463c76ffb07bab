import type { LeadRow } from '../contract/leads.ts';
import type { LeadStatus } from '../contract/vocabulary.ts';
import { maskIdValue, maskText } from '../audit/masking.ts';
import type { PublicUser } from '../org/org.service.ts';
import type { LeadTableRow } from '../store/lead-table.repo.ts';
import { courtCodeOfCaseNo, unitOfCourt, type UnitNode } from '../org/unit-tree.ts';

/** What turning lead rows into the contract's shape needs: units, users, model names. */
export interface LeadViewContext {
  units: readonly UnitNode[];
  usersByName: ReadonlyMap<string, PublicUser>;
  models: ReadonlyMap<string, { name: string; version: number }>;
  reveal: boolean;
}

/** The fields of a lead the table shows (lead-table rows and service leads both carry them). */
export interface LeadLike {
  /** The opaque id (lead_id), the only name of a lead that leaves the server. */
  id: string;
  modelId: string;
  modelVersion: string | number;
  caseNo: string | null;
  court: string | null;
  subjectId: string | null;
  subjectName: string | null;
  plate: string | null;
  summary: string;
  priority: string;
  status: string;
  assignee: string | null;
  changed: boolean;
  createdAt: string;
  updatedAt: string;
}

export function fromTableRow(r: LeadTableRow): LeadLike {
  return {
    id: r.lead_id,
    modelId: r.model_id,
    modelVersion: r.model_version,
    caseNo: r.case_no,
    court: r.court,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    plate: r.plate,
    summary: r.summary,
    priority: r.priority,
    status: r.status,
    assignee: r.assignee,
    changed: Boolean(r.changed),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * The unit of a court code, remembered per unit list (the org service hands out the same array until
 * a unit changes): unitOfCourt walks every unit, and a page maps 20–50 rows per request.
 */
const unitsByCourt = new WeakMap<readonly UnitNode[], Map<string, UnitNode | undefined>>();

function unitOf(units: readonly UnitNode[], caseNo: string | null): UnitNode | undefined {
  const code = courtCodeOfCaseNo(caseNo);
  if (code === undefined) return undefined;
  let known = unitsByCourt.get(units);
  if (!known) unitsByCourt.set(units, (known = new Map()));
  if (!known.has(code)) known.set(code, unitOfCourt(units, code));
  return known.get(code);
}

/** A lead in the contract's shape: ID numbers masked unless revealed; names are data, never markup. */
export function toLeadRow(l: LeadLike, ctx: LeadViewContext): LeadRow {
  const unit = unitOf(ctx.units, l.caseNo);
  const assignee = l.assignee ? ctx.usersByName.get(l.assignee) : undefined;
  return {
    id: l.id,
    modelId: l.modelId,
    modelName: ctx.models.get(l.modelId)?.name ?? l.modelId,
    modelVersion: String(l.modelVersion),
    caseNo: l.caseNo,
    court: l.court,
    unitId: unit?.id ?? null,
    unitName: unit?.name ?? null,
    subjectName: l.subjectName,
    subjectId: maskIdValue(l.subjectId, ctx.reveal),
    plate: l.plate,
    summary: maskText(l.summary, ctx.reveal),
    priority: l.priority,
    status: l.status as LeadStatus,
    assigneeId: assignee?.id ?? null,
    assigneeName: assignee?.displayName ?? l.assignee,
    changed: l.changed,
    firstSeenAt: l.createdAt,
    lastSeenAt: l.updatedAt,
  };
}
