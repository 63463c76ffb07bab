/**
 * The lead, case and person pages in the contract's shape, from what `LeadAccessService` read
 * (pure: no I/O). ID numbers masked unless `ctx.reveal`; the caller audits (LeadViewService).
 */
import { findDataset } from '../catalog/datasets.ts';
import type { CaseDetail, EvidenceRow, LeadDetail, PersonDetail } from '../contract/leads.ts';
import { maskCell, maskIdValue, maskText } from '../audit/masking.ts';
import { resolveReference } from '../legal/articles.ts';
import type { LeadPageSources, PartyCase } from '../store/evidence.repo.ts';
import type { LeadTableRow } from '../store/lead-table.repo.ts';
import type { LeadWithNotes } from './lead-access.service.ts';
import {
  leadEvidence,
  leadLegalBasis,
  toLeadRow,
  unitOfCase,
  type LeadViewContext,
} from './lead-rows.ts';

/** Person id → its opaque reference (`/api/persons/:ref`). */
export type PersonRefOf = (id: string) => string;

function relatedCase(x: PartyCase): LeadDetail['related']['cases'][number] {
  return {
    caseNo: x.case_no,
    court: x.court,
    closureType: x.closure_type,
    closedDate: x.closed_date,
    role: x.role,
  };
}

/** One evidence reference joined to its source row, cells masked by the catalog's column types. */
function evidenceRow(
  e: ReturnType<typeof leadEvidence>[number],
  row: Record<string, unknown> | undefined,
  reveal: boolean,
): EvidenceRow {
  const dataset = findDataset(e.dataset);
  return {
    dataset: e.dataset,
    datasetLabel: dataset?.label ?? e.dataset,
    batchId: e.batchId,
    file: e.file,
    sheet: row && typeof row._sheet === 'string' ? row._sheet : null,
    row: e.row,
    values:
      dataset && row
        ? dataset.columns.map((col) => ({
            column: col.name,
            label: col.label,
            value: maskCell(
              col,
              row[col.name] === null || row[col.name] === undefined ? null : String(row[col.name]),
              reveal,
            ),
          }))
        : null,
  };
}

/** The lead page: finding, evidence joined to source rows, legal basis, 串并, history. */
export function leadDetailOf(
  lead: LeadWithNotes,
  page: LeadPageSources,
  ctx: LeadViewContext,
  personRefOf: PersonRefOf,
): LeadDetail {
  const { row } = lead;
  const reveal = ctx.reveal;
  return {
    lead: toLeadRow(row, ctx),
    action: row.action,
    dismissReason: row.dismiss_reason,
    dismissNote: row.dismiss_note === null ? null : maskText(row.dismiss_note, reveal),
    evidence: leadEvidence(row).map((e, i) => evidenceRow(e, page.sources[i], reveal)),
    legalBasis: leadLegalBasis(row).map((ref) => {
      const r = resolveReference(ref);
      return typeof r === 'string'
        ? { ref, text: '' }
        : { ref, text: `${r.article.doc}${r.article.article}：${r.article.text}` };
    }),
    related: {
      personRef: row.subject_id ? personRefOf(row.subject_id) : null,
      // 其他案件: the subject's cases other than the lead's own.
      cases: page.cases.filter((c) => c.case_no !== row.case_no).map(relatedCase),
      leads: page.leads.filter((r) => r.lead_id !== row.lead_id).map((r) => toLeadRow(r, ctx)),
    },
    history: lead.notes.map((n) => ({
      at: n.at,
      userName: n.author,
      action: n.kind === 'note' ? '备注' : n.kind === 'status' ? '处理' : '系统',
      fromStatus: null,
      toStatus: null,
      note: maskText(n.text, reveal),
    })),
    revealed: reveal,
  };
}

/** A case of the scope: its ledger fields, parties and leads. */
export function caseDetailOf(
  caseNo: string,
  found: {
    row: Record<string, unknown>;
    parties: { party_name: string; party_role: string | null; party_id: string | null }[];
  },
  leads: readonly LeadTableRow[],
  ctx: LeadViewContext,
  personRefOf: PersonRefOf,
): CaseDetail {
  const dataset = findDataset('enforcement_cases');
  return {
    caseNo,
    unitId: unitOfCase(ctx.units, caseNo)?.id ?? null,
    fields: (dataset?.columns ?? []).map((col) => {
      const v = found.row[col.name];
      return {
        column: col.name,
        label: col.label,
        value: maskCell(col, v === null || v === undefined ? null : String(v), ctx.reveal),
      };
    }),
    parties: found.parties.map((p) => ({
      name: p.party_name,
      role: p.party_role,
      id: maskIdValue(p.party_id, ctx.reveal),
      personRef: p.party_id ? personRefOf(p.party_id) : null,
    })),
    leads: leads.map((l) => toLeadRow(l, ctx)),
    revealed: ctx.reveal,
  };
}

/** A person or company: cases and leads in the scope. */
export function personDetailOf(
  person: { ref: string; id: string; name: string | null },
  cases: readonly PartyCase[],
  leads: readonly LeadTableRow[],
  ctx: LeadViewContext,
): PersonDetail {
  return {
    personRef: person.ref,
    name: person.name,
    id: maskIdValue(person.id, ctx.reveal) ?? '',
    cases: cases.map(relatedCase),
    leads: leads.map((l) => toLeadRow(l, ctx)),
    revealed: ctx.reveal,
  };
}
