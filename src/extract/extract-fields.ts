import { findActions, type FoundActions } from './actions.ts';
import { findAmounts } from './amounts.ts';
import { findCaseNumberHits, isEnforcementType } from './case-numbers.ts';
import { classifyRuling } from './classify.ts';
import { findParties } from './parties.ts';
import { ABSENT, pickAmounts, pickCourt, pickFiledDate, pickRulingDate } from './pick-fields.ts';
import { normalizeRulingText } from './ruling-text.ts';
import type { ConfidenceField, ExtractedDocument, TextLayout } from './types.ts';

/** Confidence of a field the document should state but does not (a person must look). */
const MISSING = 0.4;
/** OCR'd text: every field is less certain (datasets.md: "marked as extracted with a confidence"). */
const OCR_FACTOR = 0.85;

const BODY_START =
  /本院(?:在|于|依据|依照|受理|立案|执行|根据)|(?:纠纷|争议|合同)[^。\n]{0,10}一案|一案[,。]|在执行过程中/;

// A party name holds Chinese, brackets and · — digits, ? or stray symbols mean the text was damaged.
const ODD_NAME = /[\d?？*#@$%^&=+|\\/<>{}[\]]/;

// A fresh value each time: the lists end up in the result, which callers may change.
const noActions = (): FoundActions => ({ actions: [], skipped: [] });

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

  const { blockStart, bodyStart, operativeAt, body } = locateParts(text, own?.end ?? 0);
  const parties = findParties(text, blockStart, bodyStart);
  const basis =
    hits.find((h) => !isEnforcementType(h.typeCode) && h.index >= bodyStart) ??
    hits.find((h) => !isEnforcementType(h.typeCode));

  const amounts = pickAmounts(findAmounts(body));
  const filed = pickFiledDate(body, ownLoose?.typeCode === '执恢');
  const ruling = pickRulingDate(compact, text, operativeAt);
  const court = pickCourt(compact);
  const { actions, skipped: skippedActs } = isRuling ? findActions(body) : noActions();

  const reasons: Partial<Record<ConfidenceField, string>> = {};
  const set = (field: ConfidenceField, c: number, reason?: string): number => {
    if (reason) reasons[field] = reason;
    return c;
  };
  const missing = (field: ConfidenceField, what: string): number =>
    isRuling ? set(field, MISSING, `裁定书应写明${what}，未识别出`) : ABSENT;
  const partyConfidence = (field: 'applicants' | 'debtors', what: string): number => {
    const doubt = partyDoubt(parties[field], parties.fromBlock, what);
    return doubt === null ? missing(field, what) : set(field, ...doubt);
  };
  const confidence: Record<ConfidenceField, number> = {
    docType: set('docType', classification.confidence, classification.reason),
    caseNo: own
      ? 0.97
      : ownLoose
        ? set('caseNo', 0.7, '案号不在文首，取自正文')
        : missing('caseNo', '案号'),
    court: court
      ? set('court', court.confidence, court.reason)
      : isRuling
        ? set('court', 0.5, '文首未识别出法院名称')
        : ABSENT,
    applicants: partyConfidence('applicants', '申请执行人'),
    debtors: partyConfidence('debtors', '被执行人'),
    basisCaseNo: basis ? 0.9 : ABSENT,
    claimAmount: set('claimAmount', amounts.claim.confidence, amounts.claim.reason),
    paidAmount: set('paidAmount', amounts.paid.confidence, amounts.paid.reason),
    unpaidAmount: set('unpaidAmount', amounts.unpaid.confidence, amounts.unpaid.reason),
    filedDate: filed ? set('filedDate', filed.confidence, filed.reason) : ABSENT,
    rulingDate: ruling
      ? set('rulingDate', ruling.confidence, ruling.reason)
      : missing('rulingDate', '落款日期'),
    actions: isRuling
      ? set('actions', ...actionsDoubt(actions, skippedActs, classification.docType))
      : ABSENT,
  };
  if (input.ocr) lowerForOcr(confidence, reasons);

  return {
    file: input.file,
    docType: classification.docType,
    caseNo: ownLoose?.canonical ?? null,
    court: court?.value ?? null,
    applicants: parties.applicants,
    debtors: parties.debtors,
    basisCaseNo: basis?.canonical ?? null,
    claimAmount: amounts.claim.value,
    paidAmount: amounts.paid.value,
    unpaidAmount: amounts.unpaid.value,
    filedDate: filed?.value ?? null,
    rulingDate: ruling?.value ?? null,
    actions,
    confidence,
    reasons,
  };
}

/** A party list's confidence and reason (none when sure); null = none found. */
function partyDoubt(
  list: readonly { name: string }[],
  fromBlock: boolean,
  what: string,
): [number, string | undefined] | null {
  if (list.length === 0) return null;
  // Left-over noise or a name run into the next words: the reviewer looks at the name.
  const odd = list.find((p) => ODD_NAME.test(p.name) || p.name.length > 40);
  if (odd) return [0.6, `${what}名称“${odd.name}”含异常字符或过长，可能识别有误`];
  return fromBlock
    ? [0.95, undefined]
    : [0.7, '文首没有当事人信息，取自正文“申请执行人…与被执行人…”一句'];
}

/** The acts' confidence and reason: undated acts, mentions left out, a 终本 without acts. */
function actionsDoubt(
  actions: readonly { date: string | null }[],
  skippedActs: readonly string[],
  docType: string,
): [number, string | undefined] {
  const undated = actions.some((a) => !a.date) ? '有措施未写明日期' : undefined;
  const skipped = skippedActs.length ? `未计入：${skippedActs.join('；')}` : undefined;
  const why = (...parts: (string | undefined)[]): string | undefined =>
    parts.filter(Boolean).join('；') || undefined;
  if (actions.length === 0)
    return docType === '终本裁定'
      ? [0.5, why('终本裁定未列出执行措施', skipped)]
      : [ABSENT, skipped];
  if (undated || skipped) return [undated ? 0.75 : 0.85, why(undated, skipped)];
  return [0.9, undefined];
}

/** Where the party block, the body (the recital before 裁定如下) and the operative part are. */
function locateParts(
  text: string,
  blockStart: number,
): { blockStart: number; bodyStart: number; operativeAt: number; body: string } {
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
  return { blockStart, bodyStart, operativeAt, body: text.slice(bodyStart, bodyEnd) };
}

/** OCR'd text: every field is less certain, and says why. */
function lowerForOcr(
  confidence: Record<ConfidenceField, number>,
  reasons: Partial<Record<ConfidenceField, string>>,
): void {
  for (const key of Object.keys(confidence) as ConfidenceField[]) {
    confidence[key] = round(confidence[key] * OCR_FACTOR);
    reasons[key] = reasons[key]
      ? `${reasons[key]}；文字由图像识别（OCR）得到`
      : '文字由图像识别（OCR）得到';
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
