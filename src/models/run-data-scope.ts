/**
 * The data a run may read (issue 14, unit boundaries). A unit's imported data carries its unit
 * (`batches.unit_id`); a run reads the batches of its units, of the units below and above them,
 * and the shared ones (no unit). The run's sandbox copy (src/store/model-sandbox.ts) holds only
 * those batches, so nothing else is there to read. Then, after staging, a lead is dropped when
 * its evidence rests on a batch that the lead's own unit (the unit of its case's court) cannot read:
 * whoever may see a lead may see its evidence.
 */
import { DATASETS } from '../catalog/datasets.ts';
import {
  batchesHiddenFromCourt,
  batchVisible,
  runDataUnits,
  type BatchOwner,
} from '../org/unit-boundaries.ts';
import type { UnitNode } from '../org/unit-tree.ts';
import { asOfViewStatements } from '../sql/as-of.ts';
import { sqlString } from '../sql/literal.ts';
import type { SqlExecutor } from '../store/lead.repo.ts';

export interface RunDataScope {
  readonly units: readonly UnitNode[];
  /** Per dataset, the ids of the committed batches the run reads; absent = every batch. */
  readonly restricted: ReadonlyMap<string, readonly number[]>;
  /** Committed batches the run reads that belong to a unit (the only ones a lead may not rest on). */
  readonly ownedBatches: readonly BatchOwner[];
}

/** What a run over `runUnitIds` reads (no units = every batch) of `batches` (the committed ones). */
export function planRunData(
  units: readonly UnitNode[],
  runUnitIds: readonly string[],
  batches: readonly (BatchOwner & { readonly dataset: string })[],
): RunDataScope {
  const dataUnits = runDataUnits(units, runUnitIds);
  const restricted = new Map<string, number[]>();
  for (const d of DATASETS) {
    const mine = batches.filter((b) => b.dataset === d.name);
    const read = mine.filter((b) => batchVisible(dataUnits, b.unitId));
    if (read.length < mine.length)
      restricted.set(
        d.name,
        read.map((b) => b.id),
      );
  }
  const ownedBatches = batches.filter(
    (b) => b.unitId !== null && batchVisible(dataUnits, b.unitId),
  );
  return { units, restricted, ownedBatches };
}

/** The court code inside a canonical 案号, in SQL (the same pattern as unit-tree.ts courtCodeOfCaseNo). */
const courtCodeSql = (caseNo: string): string =>
  `regexp_extract(${caseNo}, '[）)]\\s*(\\p{Han}\\d{0,4})', 1)`;

/**
 * Drops from the staged leads (`_stage`) those whose evidence references a batch the unit of the
 * lead's court cannot read. Returns how many were dropped.
 */
export async function dropLeadsOnHiddenEvidence(
  session: SqlExecutor,
  scope: RunDataScope,
): Promise<number> {
  if (scope.ownedBatches.length === 0) return 0;
  const codes = await session.all<{ code: string }>(
    `SELECT DISTINCT ${courtCodeSql('case_no')} AS code FROM _stage`,
  );
  const pairs: string[] = [];
  for (const { code } of codes) {
    for (const id of batchesHiddenFromCourt(scope.units, code || undefined, scope.ownedBatches)) {
      pairs.push(`(${sqlString(code)}, ${id})`);
    }
  }
  if (pairs.length === 0) return 0;
  await session.run(
    `CREATE OR REPLACE TEMP TABLE _hidden_evidence AS
SELECT * FROM (VALUES ${pairs.join(', ')}) t(code, batch_id)`,
  );
  const hidden = `EXISTS (SELECT 1 FROM _hidden_evidence h
  WHERE h.code = ${courtCodeSql('s.case_no')}
    AND list_contains(CAST(json_extract(s.evidence, '$[*].batchId') AS INTEGER[]), h.batch_id))`;
  const before = await session.all<{ n: string }>(`SELECT count(*) AS n FROM _stage`);
  await session.run(
    `DELETE FROM _stage WHERE lead_key IN (SELECT s.lead_key FROM _stage s WHERE ${hidden})`,
  );
  const after = await session.all<{ n: string }>(`SELECT count(*) AS n FROM _stage`);
  await session.run(`DROP TABLE IF EXISTS _hidden_evidence`);
  return Number(before[0]?.n ?? 0) - Number(after[0]?.n ?? 0);
}

/**
 * The as-of rule (models.md, Terms → As-of date): TEMP views over the datasets the run's sandbox
 * holds, so that no model reads a row dated after `asOf` (src/sql/as-of.ts).
 */
export async function asOfViews(session: SqlExecutor, asOf: string): Promise<string[]> {
  const rows = await session.all<{ db: string; name: string }>(
    `SELECT database_name AS db, table_name AS name FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main'`,
  );
  const db = rows[0]?.db;
  return db
    ? asOfViewStatements(
        db,
        rows.map((r) => r.name),
        asOf,
      )
    : [];
}
