import type { BatchRow } from '../store/batch.repo.ts';
import type {
  ConfidenceField,
  DocType,
  ExtractedAction,
  ExtractedDocument,
  ExtractedParty,
} from './types.ts';

/** How a ruling closes its case, in the ledger's 结案方式 words (datasets.md enforcement_cases). */
export const CLOSURE_OF: Record<DocType, string | null> = {
  终本裁定: '终结本次执行程序',
  终结执行裁定: '终结执行',
  恢复执行: null,
  其他执行裁定: null,
  其他: null,
};

/** Extraction field → enforcement_cases column, for confidence and review corrections. */
export const CASE_COLUMN_OF: Partial<Record<ConfidenceField, string>> = {
  caseNo: 'case_no',
  court: 'court',
  filedDate: 'filed_date',
  rulingDate: 'closed_date',
  docType: 'closure_type',
  basisCaseNo: 'basis_case_no',
  claimAmount: 'target_amount',
  paidAmount: 'paid_amount',
  unpaidAmount: 'unpaid_amount',
  applicants: 'applicants',
  debtors: 'debtors',
};

export function moneyString(n: number | null): string | null {
  return n === null ? null : n.toFixed(2);
}

/**
 * 自然人 / 法人 (datasets.md: "infer from the ID when missing"): an organisation name (公司, 厂 …)
 * or a credit code (letters other than a final X) is an organisation; anyone else a person.
 */
export function partyType(p: ExtractedParty): string {
  if (/公司|厂|店|中心|银行|合作社|事务所|集团|协会|医院|学校|委员会/.test(p.name)) return '法人';
  if (p.idNo && /[A-WYZ]/.test(p.idNo.slice(0, 17))) return '法人';
  return '自然人';
}

/** The ledger row of one ruling (enforcement_cases), with per-column confidence. */
export function caseRow(doc: ExtractedDocument, docIndex: number): BatchRow {
  const closes = CLOSURE_OF[doc.docType];
  const confidence: Record<string, number> = {};
  for (const [field, column] of Object.entries(CASE_COLUMN_OF))
    confidence[column] = doc.confidence[field as ConfidenceField];
  const soleDebtor = doc.debtors.length === 1 ? doc.debtors[0] : undefined;
  return {
    values: {
      case_no: doc.caseNo,
      court: doc.court,
      filed_date: doc.filedDate,
      // The ruling date is the closing date only for a ruling that closes the case.
      closed_date: closes ? doc.rulingDate : null,
      closure_type: closes,
      basis_case_no: doc.basisCaseNo,
      target_amount: moneyString(doc.claimAmount),
      paid_amount: moneyString(doc.paidAmount),
      unpaid_amount: moneyString(doc.unpaidAmount),
      applicants: doc.applicants.map((p) => p.name).join('、') || null,
      debtors: doc.debtors.map((p) => p.name).join('、') || null,
      debtor_id: soleDebtor?.idNo ?? null,
    },
    file: doc.file,
    row: docIndex,
    extra: { docType: doc.docType, rulingDate: doc.rulingDate, source: 'extracted' },
    confidence,
  };
}

export function partyRows(
  caseNo: string,
  role: '申请执行人' | '被执行人',
  parties: readonly ExtractedParty[],
): Record<string, string | null>[] {
  return parties.map((p) => ({
    case_no: caseNo,
    party_name: p.name,
    party_role: role,
    party_type: partyType(p),
    party_id: p.idNo,
  }));
}

/** case_parties rows of one ruling: applicants and debtors (法定代表人 lines were never parties). */
export function partyBatchRows(doc: ExtractedDocument, docIndex: number): BatchRow[] {
  if (!doc.caseNo) return [];
  const rows = [
    ...partyRows(doc.caseNo, '申请执行人', doc.applicants).map((values) => ({
      values,
      c: doc.confidence.applicants,
    })),
    ...partyRows(doc.caseNo, '被执行人', doc.debtors).map((values) => ({
      values,
      c: doc.confidence.debtors,
    })),
  ];
  return rows.map(({ values, c }) => ({
    values,
    file: doc.file,
    row: docIndex,
    confidence: { party_name: c, party_id: c },
  }));
}

export function actionRows(
  caseNo: string,
  actions: readonly ExtractedAction[],
): Record<string, string | null>[] {
  // 措施日期 is required in case_actions: an act recited without a date stays in the extraction JSON only.
  return actions
    .filter((a) => a.date)
    .map((a) => ({
      case_no: caseNo,
      action_type: a.type,
      action_date: a.date,
      target: null,
      result: null,
      action_wording: a.text,
    }));
}

/** case_actions rows of one ruling, keeping the original sentence as 原始措施名称. */
export function actionBatchRows(doc: ExtractedDocument, docIndex: number): BatchRow[] {
  if (!doc.caseNo) return [];
  return actionRows(doc.caseNo, doc.actions).map((values) => ({
    values,
    file: doc.file,
    row: docIndex,
    confidence: { action_type: doc.confidence.actions, action_date: doc.confidence.actions },
  }));
}
