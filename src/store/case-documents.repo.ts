/**
 * Word documents of supervision cases: the versions of each document (检察建议书, 线索移送函,
 * 审查终结报告), each a file in the FileStore under its opaque name, and the units' own templates.
 * Reads the recommendation row (number, dates, addressee) that its own service writes: the two
 * meet only through the columns of `supervision_recommendations`. Tables and SQL only.
 */
import { listValue } from '@duckdb/node-api';
import type { SqlExecutor } from './lead.repo.ts';
import { insertedId } from './inserted-id.ts';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS case_document_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS case_documents (
    id INTEGER PRIMARY KEY DEFAULT nextval('case_document_id_seq'),
    case_id INTEGER NOT NULL,
    recommendation_id INTEGER,            -- the 检察建议 it drafts, when it is one
    kind VARCHAR NOT NULL,                -- DOCUMENT_KINDS
    version INTEGER NOT NULL,             -- 1, 2 … per case, kind and recommendation
    status VARCHAR NOT NULL,              -- 草稿 | 定稿
    source VARCHAR NOT NULL,              -- 生成 | 上传 | 模板
    original_name VARCHAR,                -- an uploaded version's file name (data, never a path)
    stored_name VARCHAR NOT NULL UNIQUE,
    size BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    revealed BOOLEAN NOT NULL DEFAULT false, -- carries full ID numbers (reveal right to download)
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `CREATE SEQUENCE IF NOT EXISTS document_template_id_seq START 1`,
  // Every upload kept; the latest of a unit and kind is in force.
  `CREATE TABLE IF NOT EXISTS document_templates (
    id INTEGER PRIMARY KEY DEFAULT nextval('document_template_id_seq'),
    unit_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    original_name VARCHAR NOT NULL,
    placeholders VARCHAR[] NOT NULL,
    stored_name VARCHAR NOT NULL UNIQUE,
    size BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    active BOOLEAN NOT NULL DEFAULT true,
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
];

export async function ensureCaseDocumentSchema(db: SqlExecutor): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

export interface CaseDocumentRow extends Record<string, unknown> {
  id: number;
  case_id: number;
  recommendation_id: number | null;
  kind: string;
  version: number;
  status: string;
  source: string;
  original_name: string | null;
  stored_name: string;
  size: number;
  sha256: string;
  revealed: boolean;
  created_by: string | null;
  created_at: string;
}

const DOC_COLUMNS = `id, case_id, recommendation_id, kind, version, status, source, original_name,
  stored_name, size::BIGINT AS size, sha256, revealed, created_by,
  strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at`;

/** The next version number of a document (in the caller's transaction, on the casework writer). */
export async function nextDocumentVersion(
  db: SqlExecutor,
  caseId: number,
  kind: string,
  recommendationId: number | null,
): Promise<number> {
  const [row] = await db.all<{ v: number }>(
    `SELECT coalesce(max(version), 0)::INTEGER AS v FROM case_documents
     WHERE case_id = $1 AND kind = $2 AND recommendation_id IS NOT DISTINCT FROM $3`,
    [caseId, kind, recommendationId],
  );
  return Number(row?.v ?? 0) + 1;
}

export interface NewCaseDocument {
  caseId: number;
  recommendationId: number | null;
  kind: string;
  version: number;
  status: string;
  source: string;
  originalName: string | null;
  storedName: string;
  size: number;
  sha256: string;
  revealed: boolean;
  by: string | null;
}

export async function insertCaseDocument(db: SqlExecutor, d: NewCaseDocument): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO case_documents (case_id, recommendation_id, kind, version, status, source,
       original_name, stored_name, size, sha256, revealed, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      d.caseId,
      d.recommendationId,
      d.kind,
      d.version,
      d.status,
      d.source,
      d.originalName,
      d.storedName,
      d.size,
      d.sha256,
      d.revealed,
      d.by,
    ],
    'insertCaseDocument',
  );
}

export async function caseDocumentById(
  db: SqlExecutor,
  id: number,
): Promise<CaseDocumentRow | undefined> {
  const [row] = await db.all<CaseDocumentRow>(
    `SELECT ${DOC_COLUMNS} FROM case_documents WHERE id = $1`,
    [id],
  );
  return row;
}

export async function caseDocuments(db: SqlExecutor, caseId: number): Promise<CaseDocumentRow[]> {
  return db.all<CaseDocumentRow>(
    `SELECT ${DOC_COLUMNS} FROM case_documents WHERE case_id = $1
     ORDER BY kind, recommendation_id NULLS FIRST, version`,
    [caseId],
  );
}

export interface TemplateRow extends Record<string, unknown> {
  id: number;
  unit_id: string;
  kind: string;
  original_name: string;
  placeholders: string[];
  stored_name: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

const TEMPLATE_COLUMNS = `id, unit_id, kind, original_name, placeholders, stored_name,
  size::BIGINT AS size, created_by, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at`;

/** A new template of a unit and kind; the one before it is no longer in force. */
export async function insertTemplate(
  db: SqlExecutor,
  t: {
    unitId: string;
    kind: string;
    originalName: string;
    placeholders: readonly string[];
    storedName: string;
    size: number;
    sha256: string;
    by: string | null;
  },
): Promise<number> {
  await db.run(`UPDATE document_templates SET active = false WHERE unit_id = $1 AND kind = $2`, [
    t.unitId,
    t.kind,
  ]);
  return insertedId(
    db,
    `INSERT INTO document_templates (unit_id, kind, original_name, placeholders, stored_name, size,
       sha256, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      t.unitId,
      t.kind,
      t.originalName,
      listValue([...t.placeholders]),
      t.storedName,
      t.size,
      t.sha256,
      t.by,
    ],
    'insertTemplate',
  );
}

/** The unit's templates in force, one per kind. */
export async function activeTemplates(db: SqlExecutor, unitId: string): Promise<TemplateRow[]> {
  return db.all<TemplateRow>(
    `SELECT ${TEMPLATE_COLUMNS} FROM document_templates WHERE unit_id = $1 AND active ORDER BY kind`,
    [unitId],
  );
}

/** Stops using a unit's template of a kind (generation falls back to the built-in layout). */
export async function deactivateTemplate(
  db: SqlExecutor,
  unitId: string,
  kind: string,
): Promise<number> {
  const rows = await db.all(
    `UPDATE document_templates SET active = false WHERE unit_id = $1 AND kind = $2 AND active
     RETURNING id`,
    [unitId, kind],
  );
  return rows.length;
}

/** A recommendation as documents need it (written by the recommendations service). */
export interface RecommendationDocRow extends Record<string, unknown> {
  id: number;
  case_id: number;
  unit_id: string;
  kind: string;
  case_count: number;
  addressee: string;
  state: string;
  doc_no: string | null;
  issued_on: string | null;
  reply_due: string | null;
}

const REC_COLUMNS = `id, case_id, unit_id, kind, case_count, addressee, state, doc_no,
  strftime(issued_on, '%Y-%m-%d') AS issued_on,
  strftime(coalesce(extended_due, reply_due), '%Y-%m-%d') AS reply_due`;

export async function recommendationForDocument(
  db: SqlExecutor,
  id: number,
): Promise<RecommendationDocRow | undefined> {
  const [row] = await db.all<RecommendationDocRow>(
    `SELECT ${REC_COLUMNS} FROM supervision_recommendations WHERE id = $1`,
    [id],
  );
  return row;
}

export async function recommendationsOfCase(
  db: SqlExecutor,
  caseId: number,
): Promise<RecommendationDocRow[]> {
  return db.all<RecommendationDocRow>(
    `SELECT ${REC_COLUMNS} FROM supervision_recommendations WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
}
