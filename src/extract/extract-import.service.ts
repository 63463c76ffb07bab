import { AppError } from '../domain/app-error.ts';
import { actingUserWith, type Operator, type ServiceContext } from '../org/operator.ts';
import type { BatchRow } from '../store/batch.repo.ts';
import { writeBatch } from '../store/batch.repo.ts';
import type { Database } from '../store/database.ts';
import {
  insertExtractionDocuments,
  type ExtractionDocumentRecord,
} from '../store/extraction-review.repo.ts';
import type { ExtractionResult } from './extract.service.ts';
import { actionBatchRows, caseRow, partyBatchRows } from './ledger-rows.ts';
import { CONFIDENCE_FIELDS } from './types.ts';

/** Fields under this confidence are flagged for a person to confirm. */
export const DEFAULT_REVIEW_THRESHOLD = 0.8;

export interface ImportExtractedOptions {
  threshold?: number;
  user?: string | null;
  unitId?: string | null;
}

export interface ImportExtractedResult {
  batches: { dataset: string; batchId: number; imported: number }[];
  documents: number;
  /** Documents not imported, with the reason (Chinese). */
  skipped: { file: string; reason: string }[];
  /** Fields flagged for review. */
  reviews: number;
  /** Acts recited without a date (kept in the JSON, not in case_actions). */
  undatedActions: number;
  /** The stored document of each imported result (`resultIndex` into `results`), for review. */
  stored: { resultIndex: number; documentId: number }[];
}

/**
 * Writes extracted rulings into the ledger: one batch of kind `extracted` per dataset
 * (enforcement_cases, case_parties, case_actions), `_file` = the document, `_row` = its index in
 * the run, `_confidence` per column; then records each document with its text and the fields under
 * `threshold` as pending reviews. Documents that are not rulings, failed, or have no case number
 * are skipped and reported.
 */
export async function importExtracted(
  db: Database,
  results: readonly (ExtractionResult & { text?: string })[],
  options: ImportExtractedOptions = {},
): Promise<ImportExtractedResult> {
  const threshold = options.threshold ?? DEFAULT_REVIEW_THRESHOLD;
  const skipped: ImportExtractedResult['skipped'] = [];
  const accepted: { doc: ExtractionResult; index: number }[] = [];
  results.forEach((doc, i) => {
    if (doc.error) skipped.push({ file: doc.file, reason: doc.error });
    else if (doc.docType === '其他') skipped.push({ file: doc.file, reason: '不是执行裁定书' });
    else if (!doc.caseNo) skipped.push({ file: doc.file, reason: '未识别出案号' });
    else accepted.push({ doc, index: i + 1 });
  });
  if (accepted.length === 0)
    throw new AppError('NOTHING_TO_IMPORT', '没有可导入的裁定书（均未识别或不是执行裁定书）');

  const source = 'document-extraction';
  const files = accepted.map(({ doc }) => ({ file: doc.file }));
  const write = async (dataset: string, rows: BatchRow[]): Promise<number | null> => {
    if (rows.length === 0) return null;
    const r = await writeBatch(db, {
      dataset,
      kind: 'extracted',
      source,
      files,
      rows,
      unitId: options.unitId ?? null,
      user: options.user ?? null,
    });
    batches.push({ dataset, batchId: r.batchId, imported: r.imported });
    return r.batchId;
  };
  const batches: ImportExtractedResult['batches'] = [];
  const casesBatch = await write(
    'enforcement_cases',
    accepted.map(({ doc, index }) => caseRow(doc, index)),
  );
  const partiesBatch = await write(
    'case_parties',
    accepted.flatMap(({ doc, index }) => partyBatchRows(doc, index)),
  );
  const actionsBatch = await write(
    'case_actions',
    accepted.flatMap(({ doc, index }) => actionBatchRows(doc, index)),
  );

  let reviews = 0;
  const records: ExtractionDocumentRecord[] = accepted.map(({ doc, index }) => {
    const { text, ...fields } = doc;
    const flagged = CONFIDENCE_FIELDS.filter((f) => doc.confidence[f] < threshold).map((f) => ({
      field: f,
      value: fields[f],
      confidence: doc.confidence[f],
    }));
    reviews += flagged.length;
    return {
      file: doc.file,
      docIndex: index,
      docType: doc.docType,
      caseNo: doc.caseNo,
      casesBatchId: casesBatch,
      partiesBatchId: partiesBatch,
      actionsBatchId: actionsBatch,
      text: text ?? null,
      fields,
      reviews: flagged,
    };
  });
  const ids = await insertExtractionDocuments(db, records);
  const stored = accepted.map(({ index }, i) => ({
    resultIndex: index - 1,
    documentId: ids[i] ?? 0,
  }));
  const undatedActions = accepted.reduce(
    (n, { doc }) => n + doc.actions.filter((a) => !a.date).length,
    0,
  );
  return { batches, documents: accepted.length, skipped, reviews, undatedActions, stored };
}

/**
 * Extracted rulings imported by an operator (web job or `zhijian extract --import`): the batches
 * are the operator's unit's (none: shared, the local operator) and name them; audited as `import`
 * naming the files and what was stored (or why nothing was); the change is signalled.
 */
export async function importExtractedAs(
  ctx: ServiceContext,
  operator: Operator,
  results: readonly (ExtractionResult & { text?: string })[],
  options: Omit<ImportExtractedOptions, 'user' | 'unitId'> = {},
): Promise<ImportExtractedResult> {
  await actingUserWith(ctx.db, operator, 'review_documents');
  const target = `文书 ${[...new Set(results.map((r) => r.file))].join('、')}`.slice(0, 500);
  let imported: ImportExtractedResult;
  try {
    imported = await importExtracted(ctx.db, results, {
      ...options,
      user: operator.username,
      unitId: operator.unitId,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ctx.audit.record(operator, 'import', target, `文书提取失败：${reason}`.slice(0, 2000));
    throw error;
  }
  ctx.changes.changed('data');
  await ctx.audit.record(
    operator,
    'import',
    target,
    `文书提取：导入 ${imported.documents} 份裁定书，${imported.reviews} 个字段待核对，未导入 ${imported.skipped.length} 份`,
  );
  return imported;
}
