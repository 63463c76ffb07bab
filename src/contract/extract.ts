import { z } from 'zod';
import { Timestamp } from './common.ts';

/** Chinese names of the extracted fields: review form labels, CLI and API messages (one place). */
export const EXTRACTED_FIELD_LABELS: Readonly<Record<string, string>> = {
  docType: '文书类型',
  caseNo: '案号',
  court: '执行法院',
  applicants: '申请执行人',
  debtors: '被执行人',
  basisCaseNo: '执行依据文号',
  claimAmount: '执行标的金额',
  paidAmount: '实际到位金额',
  unpaidAmount: '未履行金额',
  filedDate: '立案日期',
  rulingDate: '裁定日期',
  actions: '执行措施',
};

/** The field's Chinese name; an unknown field keeps its own name. */
export function fieldLabel(name: string): string {
  return EXTRACTED_FIELD_LABELS[name] ?? name;
}

export const OCR_CHOICES = ['auto', 'always', 'never'] as const;

/** Start extracting uploaded documents (`POST /api/extract/uploads` ids) into the ledger. */
export const StartExtractionRequest = z.object({
  uploadIds: z.array(z.string()).min(1, '请先上传文书').max(500, '一次最多 500 个文件'),
  ocr: z.enum(OCR_CHOICES).default('auto'),
});
export type StartExtractionRequest = z.infer<typeof StartExtractionRequest>;

/** One document of an extraction job (a case-file PDF gives several, `part` 1, 2 …). */
export const ExtractedDocumentSummary = z.object({
  fileName: z.string(),
  part: z.number().int().nullable(),
  docType: z.string(),
  caseNo: z.string().nullable(),
  /** Stored for review; null when it was not imported (see `note`). */
  documentId: z.string().nullable(),
  lowConfidenceFields: z.array(z.string()),
  /** Why each of those is uncertain (Chinese, by field label), where the extractor said. */
  lowConfidenceReasons: z.record(z.string(), z.string()).default({}),
  /** Why it was not imported, or the read error (Chinese). */
  note: z.string().nullable(),
});
export type ExtractedDocumentSummary = z.infer<typeof ExtractedDocumentSummary>;

/** `Job.result` of an extraction job. */
export const ExtractionJobResult = z.object({
  documents: z.array(ExtractedDocumentSummary),
  imported: z.number().int(),
  reviews: z.number().int(),
});
export type ExtractionJobResult = z.infer<typeof ExtractionJobResult>;

/** A document whose extracted fields await review (OCR / text extraction of rulings). */
export const PendingDocument = z.object({
  documentId: z.string(),
  fileName: z.string(),
  dataset: z.string().nullable(),
  fieldCount: z.number().int(),
  lowConfidenceCount: z.number().int(),
  createdAt: Timestamp.nullable(),
});
export type PendingDocument = z.infer<typeof PendingDocument>;

export const ExtractedField = z.object({
  name: z.string(),
  label: z.string(),
  /** The extracted value as text; lists (parties, acts) as JSON text, amounts in yuan. */
  value: z.string().nullable(),
  /** 0–1 */
  confidence: z.number().nullable(),
  /** Why the confidence is low (Chinese): `文中有两个不同数额…`, `未计入：扣押（否定…）`. */
  reason: z.string().nullable(),
  /** The text the value was read from, for side-by-side review. */
  source: z.string().nullable(),
  /** pending | confirmed | corrected (null: a field that needed no review). */
  reviewStatus: z.string().nullable(),
  corrected: z.boolean(),
});
export type ExtractedField = z.infer<typeof ExtractedField>;

export const ReviewDocument = z.object({
  documentId: z.string(),
  fileName: z.string(),
  text: z.string(),
  fields: z.array(ExtractedField),
});
export type ReviewDocument = z.infer<typeof ReviewDocument>;

export const SaveCorrectionRequest = z.object({
  /** Per field, the confirmed or corrected value, as text like `ExtractedField.value`. */
  fields: z.array(z.object({ name: z.string(), value: z.string().nullable() })).min(1),
  /** Mark the document reviewed (its rows then count as confirmed). */
  confirm: z.boolean().default(false),
});
export type SaveCorrectionRequest = z.infer<typeof SaveCorrectionRequest>;
