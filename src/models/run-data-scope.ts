/**
 * The data a run may read (issue 14, unit boundaries). A unit's imported data carries its unit
 * (`batches.unit_id`); a run reads the batches of its units, of the units below and above them,
 * and the shared ones (no unit). On the model session, a TEMP view named like each dataset
 * shadows the dataset's view and keeps only those batches — plain SQL statements on the session,
 * so they hold wherever the session's database lives. Then, after staging, a lead is dropped when
 * its evidence rests on a batch that the lead's own unit (the unit of its case's court) cannot read:
 * whoever may see a lead may see its evidence.
 */
import { DATASETS } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import {
  batchesHiddenFromCourt,
  batchVisible,
  runDataUnits,
  type BatchOwner,
} from '../org/unit-boundaries.ts';
import type { UnitNode } from '../org/unit-tree.ts';
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

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * TEMP views shadowing the datasets the run may read only in part; `sources` names, per dataset,
 * the catalog and schema of the (non-temporary) view or table being shadowed.
 */
export function dataScopeStatements(
  scope: RunDataScope,
  sources: ReadonlyMap<string, { catalog: string; schema: string }>,
): string[] {
  return [...scope.restricted].map(([dataset, ids]) => {
    const keep = ids.length > 0 ? `_batch_id IN (${ids.join(', ')})` : 'false';
    const from = sources.get(dataset);
    const source = from ? `${quoteIdent(from.catalog)}.${quoteIdent(from.schema)}.${dataset}` : '';
    if (!source) throw new AppError('INTERNAL', `模型会话中没有数据集 ${dataset}`, 500);
    return `CREATE OR REPLACE TEMP VIEW ${dataset} AS SELECT * FROM ${source} WHERE ${keep}`;
  });
}

/**
 * Creates the run's TEMP dataset views on the session (before the building blocks). Where each
 * dataset lives is asked of the session itself, so the views hold whichever database (or attached
 * read-only file) the session reads its datasets from.
 */
export async function applyDataScope(session: SqlExecutor, scope: RunDataScope): Promise<void> {
  if (scope.restricted.size === 0) return;
  const names = [...scope.restricted.keys()].map(sqlString).join(', ');
  const rows = await session.all<{ name: string; catalog: string; schema: string }>(
    `SELECT name, catalog, schema FROM (
  SELECT view_name AS name, database_name AS catalog, schema_name AS schema, temporary,
    database_name = current_database() AS current FROM duckdb_views()
  UNION ALL
  SELECT table_name, database_name, schema_name, temporary, database_name = current_database()
  FROM duckdb_tables()
) WHERE NOT temporary AND name IN (${names})
ORDER BY current DESC, schema = 'main' DESC`,
  );
  const sources = new Map<string, { catalog: string; schema: string }>();
  for (const r of rows) if (!sources.has(r.name)) sources.set(r.name, r);
  for (const sql of dataScopeStatements(scope, sources)) await session.run(sql);
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
