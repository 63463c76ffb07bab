/**
 * Leads for people (线索研判): get one with its notes; dismiss, reopen, assign, note. Statuses and
 * dismissal reasons follow workflow.md. Lists, pages and exports are read in scope by
 * `LeadAccessService` / `LeadViewService` (src/org).
 */
import { AppError } from '../domain/app-error.ts';
import {
  DISMISS_REASONS,
  isDismissReason,
  isLeadStatus,
  LEAD_STATUSES,
} from '../domain/vocabulary.ts';
import type { Database } from '../store/database.ts';
import { leadNotesByKey, leadRowByKey, type LeadFullRow } from '../store/lead-table.repo.ts';
import { addLeadNote, updateLeadStatus } from '../store/lead.repo.ts';
import { parseJsonOr } from '../domain/json.ts';

/** A lead as services and exports see it (camelCase; `subjectId` is the full normalised ID). */
export interface Lead {
  readonly leadKey: string;
  /** The opaque id: what names the lead outside the server (lead_key may hold an ID number). */
  readonly leadId: string;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly caseNo: string | null;
  readonly subjectId: string | null;
  readonly subjectName: string | null;
  readonly plate: string | null;
  readonly summary: string;
  readonly priority: string;
  readonly status: string;
  readonly evidence: {
    dataset: string;
    batchId: number;
    file: string | null;
    row: number | null;
  }[];
  readonly legalBasis: string[];
  readonly action: string | null;
  readonly court: string | null;
  readonly unitId: string | null;
  readonly confidence: string | null;
  readonly standIn: string | null;
  readonly changed: boolean;
  readonly dismissReason: string | null;
  readonly dismissNote: string | null;
  readonly assignee: string | null;
  readonly firstSeenRun: number | null;
  readonly lastSeenRun: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toLead(r: LeadFullRow): Lead {
  return {
    leadKey: r.lead_key,
    leadId: r.lead_id,
    modelId: r.model_id,
    modelVersion: Number(r.model_version),
    caseNo: r.case_no,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    plate: r.plate,
    summary: r.summary,
    priority: r.priority,
    status: r.status,
    evidence: parseJsonOr(r.evidence, []),
    legalBasis: parseJsonOr(r.legal_basis, []),
    action: r.action,
    court: r.court,
    unitId: r.unit_id,
    confidence: r.confidence,
    standIn: r.stand_in,
    changed: Boolean(r.changed),
    dismissReason: r.dismiss_reason,
    dismissNote: r.dismiss_note,
    assignee: r.assignee,
    firstSeenRun: r.first_seen_run === null ? null : Number(r.first_seen_run),
    lastSeenRun: r.last_seen_run === null ? null : Number(r.last_seen_run),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getLead(
  db: Database,
  leadKey: string,
): Promise<Lead & { notes: { at: string; author: string | null; kind: string; text: string }[] }> {
  const row = await leadRowByKey(db, leadKey);
  if (!row) throw new AppError('LEAD_NOT_FOUND', `没有线索 ${leadKey}`);
  return { ...toLead(row), notes: await leadNotesByKey(db, leadKey) };
}

/** 已排除, with a reason from the list and a note; stays dismissed on re-runs unless evidence changes. */
export async function dismissLead(
  db: Database,
  leadKey: string,
  reason: string,
  note: string,
  user?: string,
): Promise<Lead> {
  if (!isDismissReason(reason)) {
    throw new AppError('BAD_REASON', `排除理由只能是：${DISMISS_REASONS.join('、')}`);
  }
  await getLead(db, leadKey);
  await updateLeadStatus(db, leadKey, {
    status: '已排除',
    dismissReason: reason,
    dismissNote: note,
  });
  await addLeadNote(
    db,
    leadKey,
    user ?? null,
    'status',
    `排除：${reason}${note ? `（${note}）` : ''}`,
  );
  return getLead(db, leadKey);
}

/** Back to 待研判 (clears the dismissal and the `changed` flag). */
export async function reopenLead(
  db: Database,
  leadKey: string,
  note = '',
  user?: string,
): Promise<Lead> {
  await getLead(db, leadKey);
  await updateLeadStatus(db, leadKey, { status: '待研判', dismissReason: null, dismissNote: null });
  await addLeadNote(db, leadKey, user ?? null, 'status', `重新打开${note ? `：${note}` : ''}`);
  return getLead(db, leadKey);
}

/** Assigns a prosecutor: the lead moves to 研判中 (from 待研判). */
export async function assignLead(
  db: Database,
  leadKey: string,
  assignee: string,
  user?: string,
): Promise<Lead> {
  const lead = await getLead(db, leadKey);
  await updateLeadStatus(db, leadKey, {
    assignee,
    status: lead.status === '待研判' ? '研判中' : lead.status,
  });
  await addLeadNote(db, leadKey, user ?? null, 'status', `分配给 ${assignee}`);
  return getLead(db, leadKey);
}

/** Sets any status of the workflow (已成案, 已合并 …); `note` says why in the lead's history. */
export async function setLeadStatus(
  db: Database,
  leadKey: string,
  status: string,
  user?: string,
  note = '',
): Promise<Lead> {
  if (!isLeadStatus(status))
    throw new AppError('BAD_STATUS', `线索状态只能是：${LEAD_STATUSES.join('、')}`);
  await getLead(db, leadKey);
  await updateLeadStatus(db, leadKey, { status });
  await addLeadNote(
    db,
    leadKey,
    user ?? null,
    'status',
    `状态改为 ${status}${note ? `：${note}` : ''}`,
  );
  return getLead(db, leadKey);
}

export async function noteLead(
  db: Database,
  leadKey: string,
  text: string,
  user?: string,
): Promise<void> {
  if (!text.trim()) throw new AppError('EMPTY_NOTE', '备注不能为空');
  await getLead(db, leadKey);
  await addLeadNote(db, leadKey, user ?? null, 'note', text.trim());
}
