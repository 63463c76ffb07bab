import { rmSync } from 'node:fs';
import type { DatasetDef } from '../catalog/column-types.ts';
import { findDataset } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import {
  BATCH_STATUS_LABELS,
  labelOf,
  type BatchKind,
  type BatchStatus,
} from '../domain/vocabulary.ts';
import { settleDuplicateKeys, type DedupePolicy, type DuplicateKey } from './batch-dedupe.ts';
import {
  ChunkLoader,
  ChunkStager,
  FLUSH_CHARS,
  IMPORT_MEMORY_LIMIT,
  withBatchSettings,
  WriteSession,
} from './bulk-load.ts';
import type { Database } from './database.ts';
import { versionsTable } from './schema.ts';

export { KEY_SEPARATOR, naturalKeyOf } from './bulk-load.ts';

/** One row to store: canonical strings as the domain parsers produce them ('YYYY-MM-DD', '125000.00'). */
export interface BatchRow {
  readonly values: Readonly<Record<string, string | null | undefined>>;
  readonly file?: string | null;
  readonly sheet?: string | null;
  /** 1-based sheet row, as the user sees it in Excel. */
  readonly row?: number | null;
  /** Unmapped source columns, kept (datasets.md: "not dropped silently"). */
  readonly extra?: Readonly<Record<string, unknown>> | null;
  /** Per-column confidence of extracted values (0..1). */
  readonly confidence?: Readonly<Record<string, number>> | null;
}

export interface WriteBatchInput {
  readonly dataset: string;
  readonly kind: BatchKind;
  readonly source?: string | null;
  readonly files?: readonly { file: string; sheet?: string | null }[];
  readonly rows:
    AsyncIterable<BatchRow | readonly BatchRow[]> | Iterable<BatchRow | readonly BatchRow[]>;
  readonly unitId?: string | null;
  readonly user?: string | null;
  /** Rows read from the source (defaults to written + rejected); may be a function called after `rows` is consumed. */
  readonly rowsRead?: number | (() => number);
  /** Rows left out by validation (`--skip-bad-rows`); only known after `rows` is consumed, so a function may be given. */
  readonly rowsRejected?: number | (() => number);
  /** Diagnostics summary stored with the batch; may be a function called after `rows` is consumed. */
  readonly report?: unknown;
  /** Called as the write advances: 'staging' while rows are consumed, then the database phases. */
  readonly onPhase?: (phase: WritePhase, rowsStaged: number) => void;
  /** A natural key repeated within the batch: refuse (DuplicateKeysError) or keep the last row; unset = not checked. */
  readonly dedupe?: DedupePolicy;
  /** With `dedupe: 'last'`: the repeated keys and the rows removed, before `report` is read. */
  readonly onDuplicates?: (duplicates: readonly DuplicateKey[], removed: number) => void;
}

export type WritePhase = 'staging' | 'loading' | 'superseding' | 'committed';

export interface WriteBatchResult {
  readonly batchId: number;
  readonly imported: number;
  readonly superseded: number;
}

export function requireDataset(name: string): DatasetDef {
  const dataset = findDataset(name);
  if (!dataset) throw new AppError('UNKNOWN_DATASET', `未知的数据集：${name}`);
  return dataset;
}

/**
 * Serialises batch writes per database: two imports at once (the API allows it) would both update
 * `_active` of the same table, and DuckDB aborts one of two conflicting transactions.
 */
const locks = new WeakMap<Database, Promise<unknown>>();
export async function exclusive<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(db) ?? Promise.resolve();
  const next = previous.then(
    () => fn(),
    () => fn(),
  );
  locks.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/** Rows per staged chunk: large enough for DuckDB's parallel CSV reader, small enough to overlap. */
export const CHUNK_ROWS = 250_000;

/**
 * Streams the rows into temporary CSV chunks of canonical strings (flat memory, no per-row SQL) and,
 * in ONE transaction, registers the batch, bulk-loads each chunk with `read_csv` and explicit casts
 * while the next chunk is being produced (DuckDB works on its own threads, JS keeps parsing), then
 * supersedes older active rows of the same natural key with one join. Measured on 2 cores: the
 * Appender costs one native call per value (~100M calls for 5M rows); the CSV route loads 1M rows in
 * ~2 s. A crash or error before COMMIT leaves the database as before (DuckDB drops uncommitted WAL).
 * `rows` may yield single rows or arrays of rows (cheaper: one await per chunk, not per row).
 */
export async function writeBatch(db: Database, input: WriteBatchInput): Promise<WriteBatchResult> {
  const dataset = requireDataset(input.dataset);
  const files: string[] = [];
  try {
    return await exclusive(db, () =>
      WriteSession.with(db, (session) =>
        withBatchSettings(session, IMPORT_MEMORY_LIMIT, () =>
          session.transaction(async () => {
            const batchId = await insertBatchRecord(session, dataset, input, 'committed');
            const loader = new ChunkLoader(session, dataset, batchId);
            let stager = new ChunkStager(dataset);
            files.push(stager.path);
            let staged = 0;
            try {
              for await (const item of input.rows) {
                const chunk: readonly BatchRow[] = Array.isArray(item) ? item : [item as BatchRow];
                for (const row of chunk) {
                  stager.add(row);
                  staged += 1;
                }
                if (stager.rows >= CHUNK_ROWS || stager.pendingChars > FLUSH_CHARS) {
                  await stager.flush();
                  if (stager.rows >= CHUNK_ROWS) {
                    if (!loader.started) input.onPhase?.('loading', staged);
                    await loader.load(await stager.close());
                    stager = new ChunkStager(dataset);
                    files.push(stager.path);
                  } else {
                    input.onPhase?.('staging', staged);
                  }
                }
              }
              if (!loader.started) input.onPhase?.('loading', staged);
              await loader.load(await stager.close());
            } catch (error) {
              stager.abort();
              throw error;
            } finally {
              await loader.settle();
            }
            await loader.done();
            input.onPhase?.('superseding', staged);
            const { superseded, imported } = await finishBatch(session, dataset, batchId, {
              imported: staged,
              rowsRead: input.rowsRead,
              rowsRejected: input.rowsRejected,
              report: input.report,
              ...(input.dedupe ? { dedupe: input.dedupe } : {}),
              ...(input.onDuplicates ? { onDuplicates: input.onDuplicates } : {}),
            });
            input.onPhase?.('committed', staged);
            return { batchId, imported, superseded };
          }),
        ),
      ),
    );
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

/**
 * The end of every batch write, inside its transaction: older active versions of the batch's keys
 * retire (one hash join on _key, not per-row updates), and the batch record gets its counts.
 * Returns the rows superseded.
 */
export async function finishBatch(
  session: WriteSession,
  dataset: DatasetDef,
  batchId: number,
  counts: Pick<
    WriteBatchInput,
    'rowsRead' | 'rowsRejected' | 'report' | 'dedupe' | 'onDuplicates'
  > & {
    imported: number;
  },
): Promise<{ superseded: number; imported: number }> {
  const table = versionsTable(dataset);
  let imported = counts.imported;
  if (counts.dedupe) {
    const { duplicates, removed } = await settleDuplicateKeys(
      session,
      table,
      batchId,
      counts.dedupe,
    );
    imported -= removed;
    if (duplicates.length) counts.onDuplicates?.(duplicates, removed);
  }
  // Nothing older is active (a first import): skip the join and its hash table of every key.
  const older = await session.one<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${table} WHERE _active AND _batch_id <> $1) AS found`,
    [batchId],
  );
  const superseded = older?.found
    ? await session.run(
        `UPDATE ${table} AS t SET _active = false
         FROM (SELECT DISTINCT _key FROM ${table} WHERE _batch_id = $1) AS k
         WHERE t._key = k._key AND t._active AND t._batch_id <> $1`,
        [batchId],
      )
    : 0;
  const rowsRejected = resolveLazy(counts.rowsRejected ?? 0);
  const report = resolveLazy(counts.report ?? null);
  await session.run(
    `UPDATE batches SET rows_read = $1, rows_imported = $2, rows_superseded = $3,
     rows_rejected = $4, report = CAST($5 AS JSON) WHERE id = $6`,
    [
      counts.rowsRead === undefined ? counts.imported + rowsRejected : resolveLazy(counts.rowsRead),
      imported,
      superseded,
      rowsRejected,
      report === null ? null : JSON.stringify(report),
      batchId,
    ],
  );
  return { superseded, imported };
}

function resolveLazy<T>(value: T | (() => T)): T {
  return typeof value === 'function' ? (value as () => T)() : value;
}

export async function insertBatchRecord(
  session: WriteSession,
  dataset: DatasetDef,
  input: Omit<WriteBatchInput, 'rows' | 'onPhase'>,
  status: BatchStatus,
): Promise<number> {
  const row = await session.one<{ id: number }>(
    `INSERT INTO batches (dataset, kind, status, source, files, unit_id, created_by)
     VALUES ($1, $2, $3, $4, CAST($5 AS JSON), $6, $7)
     RETURNING id`,
    [
      dataset.name,
      input.kind,
      status,
      input.source ?? null,
      JSON.stringify(input.files ?? []),
      input.unitId ?? null,
      input.user ?? null,
    ],
  );
  if (!row) throw new Error('batch insert returned no id');
  return Number(row.id);
}

/** Records a batch that validation rejected as a whole: no rows, status 'rejected', its report kept. */
export async function recordRejectedBatch(
  db: Database,
  input: Omit<WriteBatchInput, 'rows' | 'onPhase' | 'rowsRead'> & { rowsRead: number },
): Promise<number> {
  const dataset = requireDataset(input.dataset);
  return exclusive(db, () =>
    WriteSession.with(db, (session) =>
      session.transaction(async () => {
        const id = await insertBatchRecord(session, dataset, input, 'rejected');
        const report = resolveLazy(input.report ?? null);
        await session.run(
          `UPDATE batches SET rows_read = $1, rows_rejected = $2, report = CAST($3 AS JSON)
         WHERE id = $4`,
          [
            input.rowsRead,
            resolveLazy(input.rowsRejected ?? input.rowsRead),
            report === null ? null : JSON.stringify(report),
            id,
          ],
        );
        return id;
      }),
    ),
  );
}

export interface RollbackResult {
  readonly batchId: number;
  readonly deleted: number;
  readonly reactivated: number;
}

/**
 * Removes a committed batch's rows and brings back, for each key it touched, the rows of the newest
 * remaining batch that has that key. One transaction.
 */
export async function rollbackBatch(db: Database, batchId: number): Promise<RollbackResult> {
  return exclusive(db, () =>
    WriteSession.with(db, (session) =>
      session.transaction(async () => {
        const batch = await session.one<{ dataset: string; status: string }>(
          `SELECT dataset, status FROM batches WHERE id = $1`,
          [batchId],
        );
        if (!batch) throw new AppError('BATCH_NOT_FOUND', `批次 ${batchId} 不存在`);
        if (batch.status !== 'committed') {
          throw new AppError(
            'BATCH_NOT_COMMITTED',
            `批次 ${batchId} 的状态是“${labelOf(BATCH_STATUS_LABELS, batch.status)}”，不能回滚`,
          );
        }
        const table = versionsTable(requireDataset(batch.dataset));
        await session.run(
          `CREATE OR REPLACE TEMP TABLE _rollback_keys AS
         SELECT DISTINCT _key FROM ${table} WHERE _batch_id = $1`,
          [batchId],
        );
        const deleted = await session.run(`DELETE FROM ${table} WHERE _batch_id = $1`, [batchId]);
        const reactivated = await session.run(
          `UPDATE ${table} AS t SET _active = true
         FROM (SELECT v._key, max(v._batch_id) AS newest FROM ${table} v
               JOIN _rollback_keys k ON v._key = k._key GROUP BY v._key) AS n
         WHERE t._key = n._key AND t._batch_id = n.newest AND NOT t._active`,
        );
        await session.run(`DROP TABLE _rollback_keys`);
        await session.run(
          `UPDATE batches SET status = 'rolled_back', rolled_back_at = current_timestamp WHERE id = $1`,
          [batchId],
        );
        return { batchId, deleted, reactivated };
      }),
    ),
  );
}

export interface BatchInfo {
  readonly id: number;
  readonly dataset: string;
  readonly kind: BatchKind;
  readonly status: BatchStatus;
  readonly source: string | null;
  readonly files: { file: string; sheet?: string | null }[];
  readonly unitId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly rolledBackAt: string | null;
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsSuperseded: number;
  readonly rowsRejected: number;
}

interface BatchRecord {
  id: number;
  dataset: string;
  kind: string;
  status: string;
  source: string | null;
  files: string | null;
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
  rolled_back_at: string | null;
  rows_read: string | number;
  rows_imported: string | number;
  rows_superseded: string | number;
  rows_rejected: string | number;
}

function parseFiles(json: string | null): BatchInfo['files'] {
  if (!json) return [];
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  return Array.isArray(value) ? (value as BatchInfo['files']) : [];
}

function toInfo(r: BatchRecord): BatchInfo {
  return {
    id: Number(r.id),
    dataset: r.dataset,
    kind: r.kind as BatchKind,
    status: r.status as BatchStatus,
    source: r.source,
    files: parseFiles(r.files),
    unitId: r.unit_id,
    createdBy: r.created_by,
    createdAt: String(r.created_at),
    rolledBackAt: r.rolled_back_at,
    rowsRead: Number(r.rows_read),
    rowsImported: Number(r.rows_imported),
    rowsSuperseded: Number(r.rows_superseded),
    rowsRejected: Number(r.rows_rejected),
  };
}

/** Batches, newest first. */
export async function listBatches(
  db: Database,
  filter: { dataset?: string; limit?: number } = {},
): Promise<BatchInfo[]> {
  const rows = await db.all<BatchRecord & Record<string, unknown>>(
    `SELECT id, dataset, kind, status, source, CAST(files AS VARCHAR) AS files, unit_id, created_by,
       strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
       strftime(rolled_back_at, '%Y-%m-%d %H:%M:%S') AS rolled_back_at,
       rows_read, rows_imported, rows_superseded, rows_rejected
     FROM batches WHERE ($1::VARCHAR IS NULL OR dataset = $1)
     ORDER BY id DESC LIMIT $2`,
    [filter.dataset ?? null, filter.limit ?? 1000],
  );
  return rows.map(toInfo);
}

/** One batch with its stored report, or undefined. */
export async function getBatch(
  db: Database,
  batchId: number,
): Promise<(BatchInfo & { report: unknown }) | undefined> {
  const rows = await db.all<BatchRecord & { report: string | null } & Record<string, unknown>>(
    `SELECT id, dataset, kind, status, source, CAST(files AS VARCHAR) AS files, unit_id, created_by,
       strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
       strftime(rolled_back_at, '%Y-%m-%d %H:%M:%S') AS rolled_back_at,
       rows_read, rows_imported, rows_superseded, rows_rejected, CAST(report AS VARCHAR) AS report
     FROM batches WHERE id = $1`,
    [batchId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return { ...toInfo(r), report: r.report ? (JSON.parse(r.report) as unknown) : null };
}
