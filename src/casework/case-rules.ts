/**
 * What a supervision case is made of: its kind (个案 from one enforcement case, 类案 from one model
 * across cases), the leads it may take, and the verification acts it records (workflow.md). Pure.
 */
import { AppError } from '../domain/app-error.ts';
import {
  ACT_KINDS,
  CASEABLE_LEAD_STATUSES,
  isActKind,
  isCaseableLeadStatus,
  type ActKind,
  type CaseKind,
} from '../domain/vocabulary.ts';

export function checkActKind(s: string): ActKind {
  if (!isActKind(s)) {
    throw new AppError('BAD_CASE_INPUT', `调查核实措施只能是：${ACT_KINDS.join('、')}`);
  }
  return s;
}

/** The lead status a lead takes on entering a case: a class case merges it (已合并). */
export function leadStatusFor(kind: CaseKind): '已成案' | '已合并' {
  return kind === '类案' ? '已合并' : '已成案';
}

/** What the rules need to know of a lead. */
export interface CaseLead {
  readonly leadId: string;
  readonly modelId: string;
  readonly caseNo: string | null;
  readonly status: string;
}

function checkCaseable(lead: CaseLead): void {
  if (!isCaseableLeadStatus(lead.status)) {
    throw new AppError(
      'LEAD_NOT_CASEABLE',
      `线索 ${lead.leadId} 的状态为「${lead.status}」，不能立案或并入案件（只有${CASEABLE_LEAD_STATUSES.join('、')}的线索可以）`,
    );
  }
}

/**
 * The kind of a case opened from these leads: all of one enforcement case → 个案 (unless 类案 is
 * asked and they share a model); all of one model → 类案; anything else is refused.
 */
export function kindFor(leads: readonly CaseLead[], requested?: CaseKind): CaseKind {
  if (leads.length === 0) throw new AppError('BAD_CASE_INPUT', '请至少选择一条线索');
  const ids = new Set<string>();
  for (const l of leads) {
    if (ids.has(l.leadId)) throw new AppError('BAD_CASE_INPUT', `线索 ${l.leadId} 重复`);
    ids.add(l.leadId);
    checkCaseable(l);
  }
  const caseNos = new Set(leads.map((l) => l.caseNo ?? ''));
  const models = new Set(leads.map((l) => l.modelId));
  const oneCase = caseNos.size === 1 && !caseNos.has('');
  if (requested !== '类案' && oneCase) return '个案';
  if (requested === '个案') {
    throw new AppError(
      'CASE_LEADS_MIXED',
      '个案只能由同一执行案件的线索立案；所选线索涉及多个执行案件',
    );
  }
  if (models.size === 1) return '类案';
  throw new AppError(
    'CASE_LEADS_MIXED',
    '所选线索既不属于同一执行案件，也不属于同一模型，不能合并立案（类案须为同一模型的线索）',
  );
}

/** A lead joining an existing case must fit it: 个案 → the same enforcement case, 类案 → the same model. */
export function checkJoin(
  kind: CaseKind,
  members: { readonly modelId: string | null; readonly caseNos: readonly string[] },
  lead: CaseLead,
): void {
  checkCaseable(lead);
  if (kind === '个案' && !(lead.caseNo && members.caseNos.includes(lead.caseNo))) {
    throw new AppError(
      'CASE_LEADS_MIXED',
      `线索 ${lead.leadId} 不属于本案的执行案件（${members.caseNos.join('、')}），不能并入个案`,
    );
  }
  if (kind === '类案' && members.modelId !== null && lead.modelId !== members.modelId) {
    throw new AppError(
      'CASE_LEADS_MIXED',
      `线索 ${lead.leadId} 来自模型 ${lead.modelId}，本类案只收模型 ${members.modelId} 的线索`,
    );
  }
}
