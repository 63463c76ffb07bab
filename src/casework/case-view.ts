/**
 * Store rows → the contract's shapes (pure). IDs inside lead findings are masked unless revealed;
 * the reveal decision is taken by `disclose` in the service.
 */
import type {
  CaseActItem,
  CaseLeadItem,
  CaseTransitionItem,
  SupervisionCase,
  SupervisionCaseDetail,
} from '../contract/casework.ts';
import type { CaseFollowUp } from '../contract/recommendations.ts';
import { maskIdsInText } from '../domain/mask.ts';
import type { CaseLeadLink, CaseRow } from '../store/casework.repo.ts';
import { allowedTransitions } from './case-states.ts';
import { isCaseState } from '../domain/vocabulary.ts';
import { isCaseKind } from '../domain/vocabulary.ts';

export interface ViewNames {
  unitName(unitId: string): string;
  /** Display name of a user name, if known. */
  userName(username: string): string | undefined;
}

export function toCaseSummary(r: CaseRow, names: ViewNames): SupervisionCase {
  if (!isCaseState(r.state) || !isCaseKind(r.kind)) {
    throw new Error(`supervision case ${r.id}: unknown state ${r.state} or kind ${r.kind}`);
  }
  return {
    id: Number(r.id),
    caseNo: r.case_no,
    unitId: r.unit_id,
    unitName: names.unitName(r.unit_id),
    kind: r.kind,
    modelId: r.model_id,
    title: r.title,
    state: r.state,
    handler: r.handler,
    handlerName: r.handler ? (names.userName(r.handler) ?? r.handler) : null,
    dueDate: r.due_date,
    campaignId:
      r.campaign_id === null || r.campaign_id === undefined ? null : Number(r.campaign_id),
    version: Number(r.version),
    leadCount: Number(r.lead_count),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    allowedTransitions: [...allowedTransitions(r.state)],
  };
}

/** What the case page needs of a linked lead beyond the link itself (undefined if it is gone). */
export interface LinkedLead {
  readonly subjectName: string | null;
  readonly summary: string;
  readonly status: string;
  readonly priority: string;
}

export function toCaseDetail(
  r: CaseRow,
  names: ViewNames,
  parts: {
    links: readonly CaseLeadLink[];
    leads: ReadonlyMap<string, LinkedLead>;
    transitions: readonly {
      from: string | null;
      to: string;
      at: string;
      by: string | null;
      note: string;
    }[];
    acts: readonly {
      id: number;
      kind: string;
      date: string;
      note: string;
      by: string | null;
      at: string;
    }[];
  },
  reveal: boolean,
): Omit<SupervisionCaseDetail, keyof CaseFollowUp> {
  const leads: CaseLeadItem[] = parts.links.map((l) => {
    const lead = parts.leads.get(l.lead_id);
    const summary = lead?.summary ?? '';
    return {
      leadId: l.lead_id,
      modelId: l.model_id,
      enforcementCaseNo: l.enforcement_case_no,
      subjectName: lead?.subjectName ?? null,
      summary: reveal ? summary : maskIdsInText(summary),
      status: lead?.status ?? '',
      priority: lead?.priority ?? '',
      joinedBy: l.joined_by,
      joinedAt: l.joined_at,
    };
  });
  return {
    ...toCaseSummary(r, names),
    leads,
    // Sorted: a class case's list reads by year and serial.
    enforcementCases: [
      ...new Set(parts.links.map((l) => l.enforcement_case_no).filter((c): c is string => !!c)),
    ].sort(),
    transitions: parts.transitions as CaseTransitionItem[],
    acts: parts.acts.map((a) => ({ ...a, id: Number(a.id) })) as CaseActItem[],
  };
}
