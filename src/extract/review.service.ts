import { z } from 'zod';
import { fieldLabel } from '../contract/extract.ts';
import { ACT_TYPES, isActType, mapActType } from '../domain/act-vocabulary.ts';
import { AppError } from '../domain/app-error.ts';
import { actingUserWith, type Operator, type ServiceContext } from '../org/operator.ts';
import type { Database } from '../store/database.ts';
import {
  getExtractionDocument,
  listReviews,
  replaceDocumentRows,
  resolveReview,
  updateDocumentFields,
  updateDocumentRows,
  type ReviewRow,
  type StoredDocument,
} from '../store/extraction-review.repo.ts';
import { actionRows, CASE_COLUMN_OF, CLOSURE_OF, moneyString, partyRows } from './ledger-rows.ts';
import { CONFIDENCE_FIELDS, DOC_TYPES, type ConfidenceField, type DocType } from './types.ts';

/** Fields waiting for a person (the review screen's list). */
export function listPendingReviews(db: Database, limit = 500): Promise<ReviewRow[]> {
  return listReviews(db, { status: 'pending', limit });
}

export interface ReviewDocument {
  document: StoredDocument;
  reviews: ReviewRow[];
}

/** One document for the review screen: its text (left) and its fields with their reviews (right). */
export async function getReviewDocument(db: Database, documentId: number): Promise<ReviewDocument> {
  const document = await getExtractionDocument(db, documentId);
  if (!document) throw new AppError('DOCUMENT_NOT_FOUND', `未找到提取文书 ${documentId}`);
  return { document, reviews: await listReviews(db, { documentId }) };
}

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const party = z.object({ name: z.string().min(1), idNo: z.string().nullable() });
const FIELD_SCHEMAS: Record<ConfidenceField, z.ZodType> = {
  docType: z.enum(DOC_TYPES),
  caseNo: z.string().min(1),
  court: z.string().nullable(),
  applicants: z.array(party),
  debtors: z.array(party),
  basisCaseNo: z.string().nullable(),
  claimAmount: z.number().nonnegative().nullable(),
  paidAmount: z.number().nonnegative().nullable(),
  unpaidAmount: z.number().nonnegative().nullable(),
  filedDate: iso.nullable(),
  rulingDate: iso.nullable(),
  actions: z.array(
    z.object({
      // A reviewer may type the court's wording (执行通知书, 限高): map it to the vocabulary.
      type: z.preprocess(
        (v) => (typeof v === 'string' && !isActType(v) ? (mapActType(v) ?? v) : v),
        z.enum(ACT_TYPES),
      ),
      date: iso.nullable(),
      text: z.string(),
    }),
  ),
};

export interface Correction {
  field: string;
  /** The confirmed or corrected value, in the extraction JSON's shape. */
  value: unknown;
}

/**
 * Saves a reviewer's decisions on one document: each field's value is validated, written into the
 * ledger rows the document produced (enforcement_cases, and case_parties / case_actions for lists),
 * and its review marked confirmed (unchanged) or corrected, with who and when.
 */
export async function saveCorrections(
  db: Database,
  documentId: number,
  corrections: readonly Correction[],
  user: string | null,
): Promise<ReviewDocument> {
  const doc = await getExtractionDocument(db, documentId);
  if (!doc) throw new AppError('DOCUMENT_NOT_FOUND', `未找到提取文书 ${documentId}`);
  const fields: Record<string, unknown> = { ...doc.fields };
  const checked = corrections.map((c) => {
    if (!(CONFIDENCE_FIELDS as readonly string[]).includes(c.field))
      throw new AppError('UNKNOWN_FIELD', `无法更正字段 ${fieldLabel(c.field)}`);
    const field = c.field as ConfidenceField;
    const parsed = FIELD_SCHEMAS[field].safeParse(c.value);
    if (!parsed.success)
      throw new AppError(
        'BAD_CORRECTION',
        `字段 ${fieldLabel(field)} 的值不正确：${parsed.error.issues[0]?.message ?? ''}`,
      );
    return { field, value: parsed.data as unknown };
  });
  await db.transaction(async () => {
    for (const { field, value } of checked) {
      const unchanged = JSON.stringify(value) === JSON.stringify(fields[field] ?? null);
      if (!unchanged) {
        fields[field] = value;
        await applyToLedger(db, doc, fields, field);
      }
      await resolveReview(
        db,
        documentId,
        field,
        unchanged ? 'confirmed' : 'corrected',
        value,
        user,
      );
    }
    await updateDocumentFields(db, documentId, fields);
  });
  return getReviewDocument(db, documentId);
}

async function applyToLedger(
  db: Database,
  doc: StoredDocument,
  fields: Record<string, unknown>,
  field: ConfidenceField,
): Promise<void> {
  const caseNo = String(fields.caseNo ?? doc.caseNo ?? '');
  const docType = fields.docType as DocType;
  const cases = doc.casesBatchId;
  const row = doc.docIndex;
  const setCase = async (values: Record<string, string | null>): Promise<void> => {
    if (cases !== null) await updateDocumentRows(db, 'enforcement_cases', cases, row, values);
  };
  switch (field) {
    case 'caseNo':
      await setCase({ case_no: caseNo });
      if (doc.partiesBatchId !== null)
        await updateDocumentRows(db, 'case_parties', doc.partiesBatchId, row, { case_no: caseNo });
      if (doc.actionsBatchId !== null)
        await updateDocumentRows(db, 'case_actions', doc.actionsBatchId, row, { case_no: caseNo });
      return;
    case 'docType':
      await setCase({
        closure_type: CLOSURE_OF[docType],
        closed_date: CLOSURE_OF[docType] ? ((fields.rulingDate as string | null) ?? null) : null,
      });
      return;
    case 'rulingDate':
      await setCase({
        closed_date: CLOSURE_OF[docType] ? ((fields.rulingDate as string | null) ?? null) : null,
      });
      return;
    case 'claimAmount':
    case 'paidAmount':
    case 'unpaidAmount':
      await setCase({ [CASE_COLUMN_OF[field] ?? '']: moneyString(fields[field] as number | null) });
      return;
    case 'court':
    case 'basisCaseNo':
    case 'filedDate':
      await setCase({ [CASE_COLUMN_OF[field] ?? '']: (fields[field] as string | null) ?? null });
      return;
    case 'applicants':
    case 'debtors': {
      const list = fields[field] as { name: string; idNo: string | null }[];
      const role = field === 'applicants' ? '申请执行人' : '被执行人';
      const values: Record<string, string | null> = {
        [field]: list.map((p) => p.name).join('、') || null,
      };
      if (field === 'debtors')
        values.debtor_id = list.length === 1 ? (list[0]?.idNo ?? null) : null;
      await setCase(values);
      if (doc.partiesBatchId !== null)
        await replaceDocumentRows(
          db,
          'case_parties',
          doc.partiesBatchId,
          row,
          doc.file,
          { party_role: role },
          partyRows(caseNo, role, list),
        );
      return;
    }
    case 'actions':
      if (doc.actionsBatchId !== null)
        await replaceDocumentRows(
          db,
          'case_actions',
          doc.actionsBatchId,
          row,
          doc.file,
          {},
          actionRows(caseNo, fields.actions as never),
        );
      return;
  }
}

/**
 * Corrections saved by an operator: the ledger rows change (signalled) and the review is audited
 * as `import` on the document, naming the operator.
 */
export async function saveCorrectionsAs(
  ctx: ServiceContext,
  operator: Operator,
  documentId: number,
  corrections: readonly Correction[],
): Promise<ReviewDocument> {
  await actingUserWith(ctx.db, operator, 'review_documents');
  const saved = await saveCorrections(ctx.db, documentId, corrections, operator.username);
  ctx.changes.changed('data');
  await ctx.audit.record(
    operator,
    'import',
    `文书 ${documentId}`,
    `复核更正 ${corrections.length} 个字段`,
  );
  return saved;
}
