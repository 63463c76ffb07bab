import { findActions } from './actions.ts';
import { findAmounts, type AmountHit, type AmountKind } from './amounts.ts';
import { findCaseNumberHits, isEnforcementType } from './case-numbers.ts';
import { classifyRuling } from './classify.ts';
import { findChineseDates, findDates } from './dates.ts';
import { findParties } from './parties.ts';
import { normalizeRulingText } from './ruling-text.ts';
import type { ConfidenceField, ExtractedDocument, TextLayout } from './types.ts';

/** Confidence of a field the document should state but does not (a person must look). */
const MISSING = 0.4;
/** Confidence of a field that is absent and often is (a ruling need not recite it). */
const ABSENT = 0.85;
/** OCR'd text: every field is less certain (datasets.md: "marked as extracted with a confidence"). */
const OCR_FACTOR = 0.85;

const BODY_START =
  /本院(?:在|于|依据|依照|受理|立案|执行|根据)|(?:纠纷|争议|合同)[^。\n]{0,10}一案|一案[,。]|在执行过程中/;
const FILED_AFTER = /^[,]?(?:向本院)?(?:申请|提出)(?:强制|恢复)?执行|^[,]?(?:本院)?(?:立案|受理)/;
const FILED_IN_CLAUSE = /向本院(?:申请|提出)(?:强制)?执行/;
const RESUMED_IN_CLAUSE = /申请恢复执行|恢复执行立案|立案恢复执行/;

export interface ExtractInput {
  file: string;
  text: string;
  layout: TextLayout;
  ocr: boolean;
}

/**
 * Reads the fields of issue 6 from one document's text. Pure: no I/O, never throws on user text.
 * `null` where the document does not say; confidence per field in `confidence`.
 */
export function extractFields(input: ExtractInput): ExtractedDocument {
  const { text, compact } = normalizeRulingText(input.text, input.layout);
  const hits = findCaseNumberHits(text);
  // The ruling's own number: the first enforcement number near the top (before the parties).
  const own = hits.find((h) => isEnforcementType(h.typeCode) && h.index < 300) ?? null;
  const ownLoose = own ?? hits.find((h) => isEnforcementType(h.typeCode)) ?? null;
  const classification = classifyRuling(compact, ownLoose?.typeCode ?? null);
  const isRuling = classification.docType !== '其他';

  const blockStart = own ? own.end : 0;
  const bodyMatch = BODY_START.exec(text.slice(blockStart));
  let bodyStart = bodyMatch ? blockStart + bodyMatch.index : text.length;
  // The body begins with its sentence (`申请执行人甲与被执行人乙…一案`), not at the matched words.
  const sentenceStart = Math.max(
    text.lastIndexOf('。', bodyStart - 1),
    text.lastIndexOf('\n', bodyStart - 1),
  );
  if (sentenceStart >= blockStart) bodyStart = sentenceStart + 1;
  const operativeAt = text.lastIndexOf('裁定如下');
  const bodyEnd = operativeAt > bodyStart ? operativeAt : text.length;
  const body = text.slice(bodyStart, bodyEnd);

  const parties = findParties(text, blockStart, bodyStart);
  const basis =
    hits.find((h) => !isEnforcementType(h.typeCode) && h.index >= bodyStart) ??
    hits.find((h) => !isEnforcementType(h.typeCode));

  const amounts = pickAmounts(findAmounts(body));
  const filed = pickFiledDate(body, ownLoose?.typeCode === '执恢');
  const ruling = pickRulingDate(compact, text, operativeAt);
  const court = pickCourt(compact);
  const actions = isRuling ? findActions(body) : [];

  const confidence: Record<ConfidenceField, number> = {
    docType: classification.confidence,
    caseNo: own ? 0.97 : ownLoose ? 0.7 : isRuling ? MISSING : ABSENT,
    court: court ? 0.95 : isRuling ? 0.5 : ABSENT,
    applicants: parties.applicants.length
      ? parties.fromBlock
        ? 0.95
        : 0.7
      : isRuling
        ? MISSING
        : ABSENT,
    debtors: parties.debtors.length
      ? parties.fromBlock
        ? 0.95
        : 0.7
      : isRuling
        ? MISSING
        : ABSENT,
    basisCaseNo: basis ? 0.9 : ABSENT,
    claimAmount: amounts.claim.confidence,
    paidAmount: amounts.paid.confidence,
    unpaidAmount: amounts.unpaid.confidence,
    filedDate: filed ? filed.confidence : ABSENT,
    rulingDate: ruling ? ruling.confidence : isRuling ? MISSING : ABSENT,
    actions: !isRuling
      ? ABSENT
      : actions.length === 0
        ? classification.docType === '终本裁定'
          ? 0.5
          : ABSENT
        : actions.every((a) => a.date)
          ? 0.9
          : 0.75,
  };
  if (input.ocr)
    for (const key of Object.keys(confidence) as ConfidenceField[])
      confidence[key] = round(confidence[key] * OCR_FACTOR);

  return {
    file: input.file,
    docType: classification.docType,
    caseNo: ownLoose?.canonical ?? null,
    court,
    applicants: parties.applicants,
    debtors: parties.debtors,
    basisCaseNo: basis?.canonical ?? null,
    claimAmount: amounts.claim.value,
    paidAmount: amounts.paid.value,
    unpaidAmount: amounts.unpaid.value,
    filedDate: filed?.iso ?? null,
    rulingDate: ruling?.iso ?? null,
    actions,
    confidence,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Picked {
  value: number | null;
  confidence: number;
}

/**
 * First labelled figure of each kind; several different figures lower the confidence, and
 * claim − paid = unpaid confirms all three (or casts doubt on them when it fails).
 */
function pickAmounts(hits: AmountHit[]): Record<AmountKind, Picked> {
  const pick = (kind: AmountKind): Picked => {
    const own = hits.filter((h) => h.kind === kind);
    const first = own.find((h) => h.strong) ?? own[0];
    if (!first) return { value: null, confidence: ABSENT };
    // A weak figure (本金 before interest) does not contradict a strong one (执行标的额).
    const conflicting = own.some((h) => h.strong === first.strong && h.yuan !== first.yuan);
    return { value: first.yuan, confidence: conflicting ? 0.5 : first.strong ? 0.92 : 0.72 };
  };
  const result = { claim: pick('claim'), paid: pick('paid'), unpaid: pick('unpaid') };
  const { claim, paid, unpaid } = result;
  if (claim.value !== null && paid.value !== null && unpaid.value !== null) {
    const consistent = Math.abs(claim.value - paid.value - unpaid.value) < 0.005;
    for (const p of [claim, paid, unpaid])
      p.confidence = consistent ? Math.max(p.confidence, 0.98) : Math.min(p.confidence, 0.7);
  }
  return result;
}

function pickFiledDate(body: string, resumed: boolean): { iso: string; confidence: number } | null {
  const dates = findDates(body);
  const after = (d: { end: number }): string => body.slice(d.end, d.end + 16);
  // The rest of the date's clause, up to the next date or sentence end.
  const clause = (d: { end: number }): string =>
    body.slice(d.end, d.end + 50).split(/[。;\n]|\d{4}年/)[0] ?? '';
  if (resumed) {
    const r = dates.find((d) => RESUMED_IN_CLAUSE.test(clause(d)));
    if (r) return { iso: r.iso, confidence: 0.9 };
  }
  const d = dates.find((x) => FILED_AFTER.test(after(x)) || FILED_IN_CLAUSE.test(clause(x)));
  if (d) return { iso: d.iso, confidence: resumed ? 0.6 : 0.92 };
  return null;
}

function pickRulingDate(
  compact: string,
  text: string,
  operativeAt: number,
): { iso: string; confidence: number } | null {
  const chinese = findChineseDates(compact).at(-1);
  if (chinese) return { iso: chinese.iso, confidence: 0.95 };
  // Some published texts print the signature date in Arabic numerals: the last date after 裁定如下.
  const tail = findDates(operativeAt >= 0 ? text.slice(operativeAt) : text.slice(-200)).at(-1);
  return tail ? { iso: tail.iso, confidence: 0.7 } : null;
}

function pickCourt(compact: string): string | null {
  const head = compact.slice(0, 80);
  const m = /([\u4e00-\u9fff]{2,30}?(?:人民法院|法院))/.exec(head);
  // The header is the first line: a court named further in is the body talking about one.
  if (!m?.[1] || m.index > 12) return null;
  // The header precedes the title or the case number; a court named later is in the body.
  const title = head.search(/裁定书|判决书|决定书|通知书|\(\d{4}\)/);
  if (title >= 0 && m.index > title) return null;
  return m[1];
}
