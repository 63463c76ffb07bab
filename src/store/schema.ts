import type { ColumnType, DatasetDef } from '../catalog/column-types.ts';
import { DATASETS } from '../catalog/datasets.ts';
import type { Database } from './database.ts';
import { ensureAuditSchema } from './audit.repo.ts';
import { ensureJobSchema } from './job.repo.ts';
import { ensureSessionSchema } from './session.repo.ts';
import { ensureUnitSchema } from './unit.repo.ts';
import { ensureUserSchema } from './user.repo.ts';
import { ensureLeadSchema } from './lead.repo.ts';
import { ensureLeadTableIndexes } from './lead-table.repo.ts';
import { ensureMappingSchema } from './mapping.repo.ts';
import { ensureExtractionSchema } from './extraction-review.repo.ts';
import { ensureCaseworkSchema } from './casework.repo.ts';
import { ensureRecommendationSchema } from './recommendation.repo.ts';
import { ensureCaseFileSchema } from './case-files.repo.ts';
import { ensureCaseDocumentSchema } from './case-documents.repo.ts';
import { ensureCampaignSchema } from './campaign.repo.ts';

/** DuckDB type for each contract type. IDs, plates and case numbers are text, always. */
export const SQL_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  id: 'VARCHAR',
  plate: 'VARCHAR',
  case_no: 'VARCHAR',
  date: 'DATE',
  month: 'DATE',
  datetime: 'TIMESTAMP',
  money: 'DECIMAL(18,2)',
  int: 'BIGINT',
  decimal: 'DOUBLE',
};

/**
 * Provenance and versioning columns every dataset table carries (datasets.md: "Every imported row
 * keeps its provenance"). `_key` is the natural key joined with U+241F; `_active` marks the current
 * version, so a rolled-back batch can bring the previous one back.
 */
export const PROVENANCE_COLUMNS = [
  ['_batch_id', 'INTEGER NOT NULL'],
  ['_file', 'VARCHAR'],
  ['_sheet', 'VARCHAR'],
  ['_row', 'INTEGER'],
  ['_key', 'VARCHAR NOT NULL'],
  ['_active', 'BOOLEAN NOT NULL DEFAULT true'],
  ['_extra', 'JSON'],
  ['_confidence', 'JSON'],
] as const;

/** Physical table holding every version of a dataset's rows; the view of the dataset's own name shows the current ones. */
export function versionsTable(dataset: DatasetDef | string): string {
  return `${typeof dataset === 'string' ? dataset : dataset.name}__versions`;
}

function datasetDdl(dataset: DatasetDef): string[] {
  const columns = [
    ...dataset.columns.map((c) => `"${c.name}" ${SQL_TYPES[c.type]}`),
    ...PROVENANCE_COLUMNS.map(([name, type]) => `"${name}" ${type}`),
  ];
  const table = versionsTable(dataset);
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (\n  ${columns.join(',\n  ')}\n)`,
    // Models and users query the dataset name and see only current rows.
    `CREATE OR REPLACE VIEW ${dataset.name} AS SELECT * FROM ${table} WHERE _active`,
  ];
}

const CORE_DDL = [
  `CREATE SEQUENCE IF NOT EXISTS batch_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY DEFAULT nextval('batch_id_seq'),
    dataset VARCHAR NOT NULL,
    kind VARCHAR NOT NULL DEFAULT 'import',      -- import | extracted | demo
    status VARCHAR NOT NULL DEFAULT 'committed',  -- committed | rolled_back
    source VARCHAR,                               -- where the data came from (remembered mappings key on it)
    files JSON,                                   -- [{file, sheet}]
    unit_id VARCHAR,                              -- the unit that imported it (shared down the tree)
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    rolled_back_at TIMESTAMP,
    rows_read BIGINT NOT NULL DEFAULT 0,
    rows_imported BIGINT NOT NULL DEFAULT 0,
    rows_superseded BIGINT NOT NULL DEFAULT 0,
    rows_rejected BIGINT NOT NULL DEFAULT 0,
    report JSON                                   -- diagnostics summary (counts per reason, first rows)
  )`,
  `CREATE TABLE IF NOT EXISTS schema_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  // Bumped when rows of a committed batch are corrected in place (extraction review), so caches
  // keyed on batch ids (model results, sandbox copies) see the change.
  `ALTER TABLE batches ADD COLUMN IF NOT EXISTS revision INTEGER DEFAULT 0`,
];

/** Creates what is missing; safe to run on every open. */
export async function ensureSchema(db: Database): Promise<void> {
  for (const sql of CORE_DDL) await db.run(sql);
  for (const dataset of DATASETS) {
    for (const sql of datasetDdl(dataset)) await db.run(sql);
  }
  // Platform tables: units, users, sessions, audit log, background jobs (the web server's).
  for (const ensure of [
    ensureUnitSchema,
    ensureUserSchema,
    ensureSessionSchema,
    ensureAuditSchema,
    ensureJobSchema,
    ensureLeadSchema,
    ensureLeadTableIndexes,
    ensureMappingSchema,
    ensureExtractionSchema,
    ensureCaseworkSchema,
    ensureRecommendationSchema,
    ensureCaseFileSchema,
    ensureCaseDocumentSchema,
    ensureCampaignSchema,
  ]) {
    await ensure(db);
  }
}
