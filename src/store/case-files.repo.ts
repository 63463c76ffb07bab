/**
 * Attachments (附件) of verification acts: one row per file kept in the FileStore under its opaque
 * name. The original file name is data (it may hold a person's name): it is only ever a column,
 * never a path or a URL. Tables and SQL only; the checks are in `src/casework/documents`.
 */
import type { SqlExecutor } from './lead.repo.ts';
import { insertedId } from './inserted-id.ts';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS supervision_case_file_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS supervision_case_files (
    id INTEGER PRIMARY KEY DEFAULT nextval('supervision_case_file_id_seq'),
    case_id INTEGER NOT NULL,
    act_id INTEGER NOT NULL,
    document_kind VARCHAR,                -- what the file is, when the user says (nullable)
    original_name VARCHAR NOT NULL,       -- as uploaded (shown and sent back, never a path)
    mime VARCHAR NOT NULL,                -- from the content, not the extension
    size BIGINT NOT NULL,
    sha256 VARCHAR NOT NULL,
    stored_name VARCHAR NOT NULL UNIQUE,  -- FileStore's opaque name
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
];

export async function ensureCaseFileSchema(db: SqlExecutor): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

export interface CaseFileRow extends Record<string, unknown> {
  id: number;
  case_id: number;
  act_id: number;
  document_kind: string | null;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  stored_name: string;
  created_by: string | null;
  created_at: string;
}

const COLUMNS = `id, case_id, act_id, document_kind, original_name, mime, size::BIGINT AS size, sha256,
  stored_name, created_by, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at`;

export interface NewCaseFile {
  caseId: number;
  actId: number;
  documentKind: string | null;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  storedName: string;
  by: string | null;
}

export async function insertCaseFile(db: SqlExecutor, f: NewCaseFile): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO supervision_case_files (case_id, act_id, document_kind, original_name, mime, size,
       sha256, stored_name, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      f.caseId,
      f.actId,
      f.documentKind,
      f.originalName,
      f.mime,
      f.size,
      f.sha256,
      f.storedName,
      f.by,
    ],
    'insertCaseFile',
  );
}

export async function caseFileById(db: SqlExecutor, id: number): Promise<CaseFileRow | undefined> {
  const [row] = await db.all<CaseFileRow>(
    `SELECT ${COLUMNS} FROM supervision_case_files WHERE id = $1`,
    [id],
  );
  return row;
}

export async function caseFiles(db: SqlExecutor, caseId: number): Promise<CaseFileRow[]> {
  return db.all<CaseFileRow>(
    `SELECT ${COLUMNS} FROM supervision_case_files WHERE case_id = $1 ORDER BY act_id, id`,
    [caseId],
  );
}

/** The act of a case (undefined when the act is not the case's). */
export async function actOfCase(
  db: SqlExecutor,
  caseId: number,
  actId: number,
): Promise<{ id: number; kind: string; date: string } | undefined> {
  const [row] = await db.all<{ id: number; kind: string; date: string }>(
    `SELECT id, kind, strftime(act_date, '%Y-%m-%d') AS date FROM supervision_case_acts
     WHERE id = $1 AND case_id = $2`,
    [actId, caseId],
  );
  return row;
}
