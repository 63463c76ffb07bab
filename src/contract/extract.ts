import { z } from 'zod';
import { Timestamp } from './common.ts';

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
