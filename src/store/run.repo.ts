/**
 * Model runs (`model_runs`), the per-model result cache (`model_cache`) and what the runs need to
 * know about the datasets (row counts, committed batch ids).
 */
import type { SqlExecutor } from './lead.repo.ts';

/** Rows currently visible in a dataset view (0 when empty). */
export async function datasetRowCount(db: SqlExecutor, dataset: string): Promise<number> {
  const rows = await db.all<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${dataset} LIMIT 1)`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Batch ids that currently contribute rows to each dataset, from the `batches` table (cheap: no
 * scan of the data). A rolled-back batch drops out, so the signature changes with it.
 */
export async function committedBatches(db: SqlExecutor): Promise<Record<string, number[]>> {
  const rows = await db.all<{ dataset: string; ids: number[] }>(
    `SELECT dataset, list(id ORDER BY id) AS ids FROM batches WHERE status = 'committed' GROUP BY dataset ORDER BY dataset`,
  );
  return Object.fromEntries(rows.map((r) => [r.dataset, r.ids.map(Number)]));
}

/**
 * In-place corrections per dataset (sum of `batches.revision`): part of every cache signature, so
 * a corrected row is seen by the next run even though no batch was added.
 */
export async function datasetRevisions(db: SqlExecutor): Promise<Record<string, number>> {
  const rows = await db.all<{ dataset: string; r: number }>(
    `SELECT dataset, coalesce(sum(revision), 0)::INTEGER AS r FROM batches WHERE status = 'committed' GROUP BY dataset`,
  );
  return Object.fromEntries(rows.map((r) => [r.dataset, Number(r.r)]));
}

/** Committed batches with their dataset and owning unit (null = shared), for a run's data scope. */
export async function committedBatchOwners(
  db: SqlExecutor,
): Promise<{ id: number; dataset: string; unitId: string | null }[]> {
  const rows = await db.all<{ id: number; dataset: string; unit_id: string | null }>(
    `SELECT id, dataset, unit_id FROM batches WHERE status = 'committed' ORDER BY id`,
  );
  return rows.map((r) => ({ id: Number(r.id), dataset: r.dataset, unitId: r.unit_id }));
}

export interface RunStart {
  readonly asOf: string;
  readonly models: readonly { id: string; version: number }[];
  readonly params: unknown;
  readonly scope: unknown;
  readonly batches: unknown;
  /** The campaign (专项监督活动) it runs under, if any. */
  readonly campaignId?: number | null;
}

export async function createRun(db: SqlExecutor, start: RunStart): Promise<number> {
  const rows = await db.all<{ id: number }>(
    `INSERT INTO model_runs (as_of, models, params, scope, batches, campaign_id)
     VALUES ($asOf::DATE, $models::JSON, $params::JSON, $scope::JSON, $batches::JSON, $campaign)
     RETURNING id`,
    {
      asOf: start.asOf,
      models: JSON.stringify(start.models),
      params: JSON.stringify(start.params),
      scope: JSON.stringify(start.scope),
      batches: JSON.stringify(start.batches),
      campaign: start.campaignId ?? null,
    },
  );
  return Number(rows[0]?.id);
}

export interface RunEnd {
  readonly status: 'finished' | 'failed';
  readonly counts: unknown;
  readonly skipped: unknown;
  readonly errors: unknown;
}

export async function finishRun(db: SqlExecutor, id: number, end: RunEnd): Promise<void> {
  await db.run(
    `UPDATE model_runs SET finished = current_timestamp, status = $status, counts = $counts::JSON,
       skipped = $skipped::JSON, errors = $errors::JSON WHERE id = $id`,
    {
      id,
      status: end.status,
      counts: JSON.stringify(end.counts),
      skipped: JSON.stringify(end.skipped),
      errors: JSON.stringify(end.errors),
    },
  );
}

/** A model's latest finished run (model cards: 最近运行). */
export interface LastRun {
  readonly at: string;
  readonly asOf: string;
  readonly params: Record<string, unknown>;
  readonly leads: number;
  readonly created: number;
  readonly reopened: number;
}

/** The latest finished run of every model that ran (or was served from the cache) recently. */
export async function lastRuns(db: SqlExecutor, recent = 500): Promise<Map<string, LastRun>> {
  const rows = await db.all<{ at: string; as_of: string; params: string; counts: string }>(
    `SELECT strftime(finished, '%Y-%m-%d %H:%M:%S') AS at, CAST(as_of AS VARCHAR) AS as_of,
       CAST(params AS VARCHAR) AS params, CAST(counts AS VARCHAR) AS counts
     FROM model_runs WHERE finished IS NOT NULL ORDER BY id DESC LIMIT ${Math.trunc(recent)}`,
  );
  const out = new Map<string, LastRun>();
  for (const r of rows) {
    const counts = JSON.parse(r.counts || '{}') as Record<
      string,
      { status?: string; leads?: number; created?: number; reopened?: number }
    >;
    for (const [id, c] of Object.entries(counts)) {
      if (out.has(id) || (c.status !== 'ran' && c.status !== 'cached')) continue;
      out.set(id, {
        at: r.at,
        asOf: r.as_of,
        params: JSON.parse(r.params || '{}') as Record<string, unknown>,
        leads: c.leads ?? 0,
        created: c.created ?? 0,
        reopened: c.reopened ?? 0,
      });
    }
  }
  return out;
}

export interface CacheEntry {
  readonly signature: string;
  readonly runId: number;
  readonly leadCount: number;
}

export async function getCache(db: SqlExecutor, modelId: string): Promise<CacheEntry | undefined> {
  const rows = await db.all<{ signature: string; run_id: number; lead_count: string }>(
    `SELECT signature, run_id, lead_count FROM model_cache WHERE model_id = $id`,
    { id: modelId },
  );
  const r = rows[0];
  return r
    ? { signature: r.signature, runId: Number(r.run_id), leadCount: Number(r.lead_count) }
    : undefined;
}

export async function setCache(db: SqlExecutor, modelId: string, entry: CacheEntry): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO model_cache (model_id, signature, run_id, lead_count) VALUES ($id, $sig, $run, $n)`,
    { id: modelId, sig: entry.signature, run: entry.runId, n: entry.leadCount },
  );
}
