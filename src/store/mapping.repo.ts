import type { Database } from './database.ts';

/**
 * Remembered header mappings (datasets.md: "remembers a confirmed mapping for the next batch of that
 * source"), keyed on the normalised header signature and the dataset.
 */
export async function ensureMappingSchema(db: Database): Promise<void> {
  await db.run(`CREATE TABLE IF NOT EXISTS source_mappings (
    signature VARCHAR NOT NULL,
    dataset VARCHAR NOT NULL,
    columns JSON NOT NULL,      -- { "源表头": "column_name" | null }
    source VARCHAR,
    confirmed_by VARCHAR,
    confirmed_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    uses BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (signature, dataset)
  )`);
}

export interface SourceMapping {
  readonly signature: string;
  readonly dataset: string;
  readonly columns: Record<string, string | null>;
  readonly source: string | null;
}

/** Stores (or replaces) the confirmed mapping of a header signature. */
export async function saveSourceMapping(
  db: Database,
  mapping: SourceMapping & { confirmedBy?: string | null },
): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO source_mappings (signature, dataset, columns, source, confirmed_by, confirmed_at, uses)
     VALUES ($1, $2, CAST($3 AS JSON), $4, $5, current_timestamp, 0)`,
    [
      mapping.signature,
      mapping.dataset,
      JSON.stringify(mapping.columns),
      mapping.source,
      mapping.confirmedBy ?? null,
    ],
  );
}

/** The most recently confirmed mapping for a header signature, or undefined. */
export async function findSourceMapping(
  db: Database,
  signature: string,
): Promise<SourceMapping | undefined> {
  const row = await db.one<{
    signature: string;
    dataset: string;
    columns: string;
    source: string | null;
  }>(
    `SELECT signature, dataset, CAST(columns AS VARCHAR) AS columns, source FROM source_mappings
     WHERE signature = $1 ORDER BY confirmed_at DESC LIMIT 1`,
    [signature],
  );
  if (!row) return undefined;
  return { ...row, columns: JSON.parse(row.columns) as Record<string, string | null> };
}

/** Counts a reuse (shown to the user as "used N times"). */
export async function touchSourceMapping(
  db: Database,
  signature: string,
  dataset: string,
): Promise<void> {
  await db.run(`UPDATE source_mappings SET uses = uses + 1 WHERE signature = $1 AND dataset = $2`, [
    signature,
    dataset,
  ]);
}
