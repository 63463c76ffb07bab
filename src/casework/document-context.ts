/**
 * The context of a case's Word document, gathered through the scope rules: the case's leads as
 * the lead access service gives them (a lead the operator may not see is left out), their
 * enforcement cases, the quoted articles, the recommendation row. Names are shown (the document
 * goes to the court, which must know whom it concerns); ID numbers are masked unless the operator
 * asked to reveal them and holds the right (README).
 */
import { maskIdValue, maskText } from '../audit/masking.ts';
import type { DocumentKind } from '../domain/vocabulary.ts';
import { documentTitle, resolveReference } from '../legal/articles.ts';
import type { LeadAccessService } from '../org/lead-access.service.ts';
import { leadEvidence, leadLegalBasis } from '../org/lead-rows.ts';
import type { Scope } from '../org/unit-tree.ts';
import type { RecommendationDocRow } from '../store/case-documents.repo.ts';
import { caseLeads, type CaseRow } from '../store/casework.repo.ts';
import type { Database } from '../store/database.ts';
import type { LeadFullRow } from '../store/lead-table.repo.ts';
import type {
  DocumentContext,
  EnforcementCaseFacts,
  Finding,
  QuotedArticle,
} from './documents/document-content.ts';

/** Articles every document of a kind cites, besides those of the leads' models. */
const BASE_REFERENCES: Record<DocumentKind, readonly string[]> = {
  检察建议书: ['民诉法 第二百四十六条'],
  线索移送函: ['拒执解释 第一条'],
  审查终结报告: ['民诉法 第二百四十六条'],
};

/** The articles quoted, in citing order, once each; a reference the texts lack is left out. */
export function quotedArticles(kind: DocumentKind, references: readonly string[]): QuotedArticle[] {
  const out = new Map<string, QuotedArticle>();
  for (const ref of [...BASE_REFERENCES[kind], ...references]) {
    const r = resolveReference(ref);
    if (typeof r === 'string') continue;
    const title = `《${documentTitle(r.doc) ?? r.doc}》${r.article.article === '全文' ? '' : r.article.article}`;
    if (!out.has(title)) out.set(title, { title, text: r.article.text });
  }
  return [...out.values()];
}

const str = (v: unknown): string | null =>
  v === null || v === undefined || v === '' ? null : String(v);

export interface GatherInput {
  readonly kind: DocumentKind;
  readonly unitName: string;
  readonly recommendation: RecommendationDocRow | undefined;
  readonly addressee: string | undefined;
  readonly reveal: boolean;
  /** Issued: the recommendation's number and date go in (renderIssued). */
  readonly issued: boolean;
}

function debtorOf(
  row: Record<string, unknown> | undefined,
  lead: LeadFullRow | undefined,
  reveal: boolean,
) {
  const name = str(row?.debtors) ?? lead?.subject_name ?? '（未载明）';
  const id = maskIdValue(str(row?.debtor_id) ?? lead?.subject_id ?? null, reveal);
  return id ? `${name}（证件号码 ${id}）` : name;
}

/** Everything a document of the case says, read in the operator's scope. */
export async function gatherContext(
  db: Database,
  leads: LeadAccessService,
  scope: Scope,
  c: CaseRow,
  input: GatherInput,
): Promise<DocumentContext> {
  const links = await caseLeads(db, c.id);
  const models = await leads.modelNames();
  const seen: LeadFullRow[] = [];
  for (const l of [...links].sort((a, b) =>
    (a.enforcement_case_no ?? '').localeCompare(b.enforcement_case_no ?? ''),
  )) {
    const lead = await leads.get(scope, l.lead_id).catch(() => undefined);
    if (lead) seen.push(lead.row);
  }
  const caseNos = [
    ...new Set(links.map((l) => l.enforcement_case_no ?? '').filter(Boolean)),
  ].sort();
  const cases: EnforcementCaseFacts[] = [];
  for (const caseNo of caseNos) {
    const found = await leads.caseDetail(scope, caseNo).catch(() => undefined);
    const ofCase = seen.filter((l) => l.case_no === caseNo);
    cases.push({
      caseNo,
      court: str(found?.row.court) ?? ofCase[0]?.court ?? null,
      debtor: debtorOf(found?.row, ofCase[0], input.reveal),
      filedDate: str(found?.row.filed_date),
      closedDate: str(found?.row.closed_date),
      closureType: str(found?.row.closure_type),
      targetAmount: str(found?.row.target_amount),
      leads: ofCase.map((l) => maskText(l.summary, input.reveal)),
    });
  }
  const findings: Finding[] = seen.map((l) => ({
    caseNo: l.case_no,
    modelName: models.get(l.model_id)?.name ?? l.model_id,
    summary: maskText(l.summary, input.reveal),
    evidence: leadEvidence(l).map((e) => `${e.file ?? e.dataset} 第${e.row}行`),
    action: l.action,
  }));
  const rec = input.recommendation;
  const court = cases.find((x) => x.court)?.court ?? '';
  const addressee =
    input.kind === '检察建议书'
      ? (rec?.addressee ?? input.addressee ?? court)
      : input.kind === '线索移送函'
        ? (input.addressee ?? '公安机关')
        : (rec?.addressee ?? court);
  return {
    kind: input.kind,
    unitName: input.unitName,
    docNo: input.issued ? (rec?.doc_no ?? null) : null,
    addressee,
    supervisionCaseNo: c.case_no,
    caseKind: c.kind === '类案' ? '类案' : '个案',
    cases,
    findings,
    articles: quotedArticles(input.kind, seen.flatMap(leadLegalBasis)),
    date: input.issued ? (rec?.issued_on ?? null) : null,
    replyDue: input.issued ? (rec?.reply_due ?? null) : null,
  };
}
