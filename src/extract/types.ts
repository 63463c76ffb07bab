import type { ActType } from '../domain/act-vocabulary.ts';

/** Kinds of document the classifier tells apart; the operative part (裁定如下…) decides. */
export const DOC_TYPES = ['终本裁定', '终结执行裁定', '恢复执行', '其他执行裁定', '其他'] as const;
/** 文书类型 */
export type DocType = (typeof DOC_TYPES)[number];

/** 当事人: a name and the ID printed with it (canonical, masked with `*`, or null). */
export interface ExtractedParty {
  name: string;
  idNo: string | null;
}

/** 执行行为: a type of the act vocabulary, its date, and the sentence it was read from. */
export interface ExtractedAction {
  type: ActType;
  date: string | null;
  text: string;
}

/** Fields that carry a confidence (0..1). */
export const CONFIDENCE_FIELDS = [
  'docType',
  'caseNo',
  'court',
  'applicants',
  'debtors',
  'basisCaseNo',
  'claimAmount',
  'paidAmount',
  'unpaidAmount',
  'filedDate',
  'rulingDate',
  'actions',
] as const;
export type ConfidenceField = (typeof CONFIDENCE_FIELDS)[number];

/** One document's extraction: the JSON shape of issue 6 (`null` where the document does not say). */
export interface ExtractedDocument {
  file: string;
  docType: DocType;
  caseNo: string | null;
  court: string | null;
  applicants: ExtractedParty[];
  debtors: ExtractedParty[];
  basisCaseNo: string | null;
  claimAmount: number | null;
  paidAmount: number | null;
  unpaidAmount: number | null;
  filedDate: string | null;
  rulingDate: string | null;
  actions: ExtractedAction[];
  confidence: Record<ConfidenceField, number>;
  /** Why a field's confidence is low (Chinese, for the reviewer); absent where it is not. */
  reasons: Partial<Record<ConfidenceField, string>>;
}

/** How the reader laid the text out: real paragraphs (txt/html/docx) or visual lines (PDF, OCR). */
export type TextLayout = 'paragraphs' | 'lines';

/** What a reader returns: the document's text and how it was obtained. */
export interface DocumentText {
  text: string;
  layout: TextLayout;
  /** True when any of the text came from OCR (lowers confidence). */
  ocr: boolean;
  pages: number;
  /** Non-fatal notes (a page without text, a page limit reached …), Chinese. */
  notes: string[];
}

export const OCR_MODES = ['auto', 'always', 'never'] as const;
export type OcrMode = (typeof OCR_MODES)[number];
