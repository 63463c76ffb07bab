import type { DatasetDef } from '../catalog/column-types.ts';
import { findDataset } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import type { Database } from './database.ts';

// Not imported from schema.ts / batch.repo.ts: schema.ts imports this file (no cycles).
const KEY_SEPARATOR = '\u241F';
function versionsTable(d: DatasetDef): string {
  return `${d.name}__versions`;
}

/**
 * Tables of document extraction (issue 6): the extracted documents with their text (the review
 * screen shows it on the left) and the fields a person must confirm (confidence under threshold).
 */
const EXTRACTION_DDL = [
  `CREATE SEQUENCE IF NOT EXISTS extraction_document_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS extraction_documents (
    id INTEGER PRIMARY KEY DEFAULT nextval('extraction_document_id_seq'),
    file VARCHAR NOT NULL,
    doc_index INTEGER NOT NULL,        -- _row of the document's ledger rows
    doc_type VARCHAR NOT NULL,
    case_no VARCHAR,
    cases_batch_id INTEGER,
    parties_batch_id INTEGER,
    actions_batch_id INTEGER,
    text VARCHAR,                      -- the document's text as read (OCR included)
    fields JSON NOT NULL,              -- the extraction as JSON (issue 6 shape)
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `CREATE SEQUENCE IF NOT EXISTS extraction_review_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS extraction_reviews (
    id INTEGER PRIMARY KEY DEFAULT nextval('extraction_review_id_seq'),
    document_id INTEGER NOT NULL,
    field VARCHAR NOT NULL,
    value JSON,                        -- the extracted value
    confidence DOUBLE NOT NULL,
    status VARCHAR NOT NULL DEFAULT 'pending',   -- pending | confirmed | corrected
    corrected_value JSON,
    reviewed_by VARCHAR,
    reviewed_at TIMESTAMP
  )`,
];

/** Creates the extraction tables if missing (called from ensureSchema). */
export async function ensureExtractionSchema(db: Database): Promise<void> {
  for (const sql of EXTRACTION_DDL) await db.run(sql);
}

export interface ExtractionDocumentRecord {
  file: string;
  docIndex: number;
  docType: string;
  caseNo: string | null;
  casesBatchId: number | null;
  partiesBatchId: number | null;
  actionsBatchId: number | null;
  text: string | null;
  fields: unknown;
  /** Fields under the threshold: field, value, confidence. */
  reviews: { field: string; value: unknown; confidence: number }[];
}

/** Stores documents and their pending reviews; returns the document ids. */
export async function insertExtractionDocuments(
  db: Database,
  docs: readonly ExtractionDocumentRecord[],
): Promise<number[]> {
  const ids: number[] = [];
  await db.transaction(async () => {
    for (const d of docs) {
      const row = await db.one<{ id: number }>(
        `INSERT INTO extraction_documents (file, doc_index, doc_type, case_no, cases_batch_id, parties_batch_id, actions_batch_id, text, fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS JSON)) RETURNING id`,
        [
          d.file,
          d.docIndex,
          d.docType,
          d.caseNo,
          d.casesBatchId,
          d.partiesBatchId,
          d.actionsBatchId,
          d.text,
          JSON.stringify(d.fields),
        ],
      );
      const id = Number(row?.id);
      ids.push(id);
      for (const r of d.reviews)
        await db.run(
          `INSERT INTO extraction_reviews (document_id, field, value, confidence) VALUES ($1, $2, CAST($3 AS JSON), $4)`,
          [id, r.field, JSON.stringify(r.value ?? null), r.confidence],
        );
    }
  });
  return ids;
}

export interface ReviewRow {
  id: number;
  documentId: number;
  file: string;
  caseNo: string | null;
  docType: string;
  field: string;
  value: unknown;
  confidence: number;
  status: string;
  correctedValue: unknown;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const REVIEW_SELECT = `SELECT r.id, r.document_id AS "documentId", d.file, d.case_no AS "caseNo", d.doc_type AS "docType",
  r.field, r.value, r.confidence, r.status, r.corrected_value AS "correctedValue", r.reviewed_by AS "reviewedBy",
  CAST(r.reviewed_at AS VARCHAR) AS "reviewedAt"
  FROM extraction_reviews r JOIN extraction_documents d ON d.id = r.document_id`;

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}
function toReview(r: Record<string, unknown>): ReviewRow {
  return {
    ...(r as unknown as ReviewRow),
    id: Number(r.id),
    documentId: Number(r.documentId),
    confidence: Number(r.confidence),
    value: parseJson(r.value),
    correctedValue: parseJson(r.correctedValue),
  };
}

export async function listReviews(
  db: Database,
  options: { status?: string; documentId?: number; limit?: number } = {},
): Promise<ReviewRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (options.status) where.push(`r.status = $${params.push(options.status)}`);
  if (options.documentId !== undefined)
    where.push(`r.document_id = $${params.push(options.documentId)}`);
  const rows = await db.all(
    `${REVIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.document_id, r.id LIMIT ${Math.max(1, Math.min(options.limit ?? 500, 10_000))}`,
    params,
  );
  return rows.map(toReview);
}

export interface StoredDocument {
  id: number;
  file: string;
  docIndex: number;
  docType: string;
  caseNo: string | null;
  casesBatchId: number | null;
  partiesBatchId: number | null;
  actionsBatchId: number | null;
  text: string | null;
  fields: Record<string, unknown>;
}

export async function getExtractionDocument(
  db: Database,
  id: number,
): Promise<StoredDocument | undefined> {
  const r = await db.one(
    `SELECT id, file, doc_index AS "docIndex", doc_type AS "docType", case_no AS "caseNo", cases_batch_id AS "casesBatchId",
       parties_batch_id AS "partiesBatchId", actions_batch_id AS "actionsBatchId", text, fields
     FROM extraction_documents WHERE id = $1`,
    [id],
  );
  if (!r) return undefined;
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    file: String(r.file),
    docIndex: Number(r.docIndex),
    docType: String(r.docType),
    caseNo: (r.caseNo as string | null) ?? null,
    casesBatchId: num(r.casesBatchId),
    partiesBatchId: num(r.partiesBatchId),
    actionsBatchId: num(r.actionsBatchId),
    text: (r.text as string | null) ?? null,
    fields: parseJson(r.fields) as Record<string, unknown>,
  };
}

function dataset(name: string): DatasetDef {
  const d = findDataset(name);
  if (!d) throw new AppError('INTERNAL', `未知的数据集：${name}`);
  return d;
}

/** SQL for a row's natural key, the same string `naturalKeyOf` builds (dates render as YYYY-MM-DD). */
function keyExpr(d: DatasetDef): string {
  return d.naturalKey
    .map((c) => `coalesce(CAST("${c}" AS VARCHAR), '')`)
    .join(` || '${KEY_SEPARATOR}' || `);
}

/** Sets columns of one document's active rows in a batch, and recomputes their natural key. */
export async function updateDocumentRows(
  db: Database,
  datasetName: string,
  batchId: number,
  docIndex: number,
  values: Record<string, string | null>,
): Promise<void> {
  const d = dataset(datasetName);
  const cols = Object.keys(values);
  if (cols.length === 0) return;
  const params: (string | number | null)[] = [];
  const sets = cols.map((c) => `"${c}" = $${params.push(values[c] ?? null)}`);
  await db.run(
    `UPDATE ${versionsTable(d)} SET ${sets.join(', ')} WHERE _batch_id = $${params.push(batchId)} AND _row = $${params.push(docIndex)} AND _active`,
    params,
  );
  await db.run(
    `UPDATE ${versionsTable(d)} SET _key = ${keyExpr(d)} WHERE _batch_id = $1 AND _row = $2 AND _active`,
    [batchId, docIndex],
  );
  await bumpRevision(db, batchId);
}

/** Marks a batch as corrected in place (see `batches.revision`). */
async function bumpRevision(db: Database, batchId: number): Promise<void> {
  await db.run(`UPDATE batches SET revision = coalesce(revision, 0) + 1 WHERE id = $1`, [batchId]);
}

/**
 * Replaces one document's rows in a batch (a corrected party list or act list): the old ones are
 * retired (`_active = false`, kept for history), the new ones inserted into the same batch.
 */
export async function replaceDocumentRows(
  db: Database,
  datasetName: string,
  batchId: number,
  docIndex: number,
  file: string,
  where: Record<string, string>,
  rows: readonly Record<string, string | null>[],
): Promise<void> {
  const d = dataset(datasetName);
  const table = versionsTable(d);
  const params: (string | number)[] = [batchId, docIndex];
  const extra = Object.entries(where)
    .map(([c, v]) => ` AND "${c}" = $${params.push(v)}`)
    .join('');
  await db.run(
    `UPDATE ${table} SET _active = false WHERE _batch_id = $1 AND _row = $2 AND _active${extra}`,
    params,
  );
  for (const values of rows) {
    const cols = d.columns.map((c) => c.name).filter((c) => values[c] !== undefined);
    const p: (string | number | null)[] = [];
    const placeholders = cols.map((c) => `$${p.push(values[c] ?? null)}`);
    const key = d.naturalKey.map((c) => values[c] ?? '').join(KEY_SEPARATOR);
    await db.run(
      `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}, _batch_id, _file, _row, _key, _active, _confidence)
       VALUES (${placeholders.join(', ')}${placeholders.length ? ', ' : ''}$${p.push(batchId)}, $${p.push(file)}, $${p.push(docIndex)}, $${p.push(key)}, true, CAST('{"reviewed": 1}' AS JSON))`,
      p,
    );
  }
  await bumpRevision(db, batchId);
}

/** Marks a document's reviews of `field` as confirmed or corrected by `user`. */
export async function resolveReview(
  db: Database,
  documentId: number,
  field: string,
  status: 'confirmed' | 'corrected',
  correctedValue: unknown,
  user: string | null,
): Promise<void> {
  const updated = await db.all(
    `UPDATE extraction_reviews SET status = $1, corrected_value = CAST($2 AS JSON), reviewed_by = $3, reviewed_at = current_timestamp
     WHERE document_id = $4 AND field = $5 RETURNING id`,
    [status, JSON.stringify(correctedValue ?? null), user, documentId, field],
  );
  // A field corrected without having been flagged is recorded too, so the audit trail is complete.
  if (updated.length === 0)
    await db.run(
      `INSERT INTO extraction_reviews (document_id, field, value, confidence, status, corrected_value, reviewed_by, reviewed_at)
       VALUES ($1, $2, NULL, 1, $3, CAST($4 AS JSON), $5, current_timestamp)`,
      [documentId, field, status, JSON.stringify(correctedValue ?? null), user],
    );
}

/** Updates the stored extraction JSON (and its doc type / case number) after corrections. */
export async function updateDocumentFields(
  db: Database,
  id: number,
  fields: Record<string, unknown>,
): Promise<void> {
  await db.run(
    `UPDATE extraction_documents SET fields = CAST($1 AS JSON), doc_type = $2, case_no = $3 WHERE id = $4`,
    [
      JSON.stringify(fields),
      String(fields.docType ?? '其他'),
      (fields.caseNo as string | null) ?? null,
      id,
    ],
  );
}
