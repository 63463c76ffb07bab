/**
 * The model sandbox (模型沙箱): a user's model SQL never runs on the platform's database. It runs on
 * a separate DuckDB instance that opens a file holding only the datasets the run may read (current
 * rows of the visible batches), READ_ONLY, with external access disabled and the configuration
 * locked. So even if the SQL check in src/sql were wrong, a model cannot reach the platform's own
 * tables (users, sessions, audit, leads, models …: they are not in that file), cannot read or write
 * files (except its private exchange folder, where the run writes its staged leads as Parquet for
 * the platform to merge), cannot ATTACH, INSTALL or re-enable anything (DuckDB refuses to turn
 * external access back on in a running instance), and cannot write the datasets.
 *
 * Why a copy rather than the live file: DuckDB lets one instance own a database file; a second
 * instance reading a file the first one writes sees torn pages. The copy is kept per scope and
 * refreshed per dataset only when that dataset's visible batches change, so an unchanged re-run
 * copies nothing.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DATASETS } from '../catalog/datasets.ts';
import { sqlString } from '../sql/literal.ts';
import { WriteSession, withBatchSettings } from './bulk-load.ts';
import type { Database } from './database.ts';
import { versionsTable } from './schema.ts';

export interface SandboxSpec {
  /** Datasets the run may read (models' declared datasets and the building blocks' datasets). */
  readonly datasets: readonly string[];
  /**
   * The batches whose rows the run may read, per dataset (the run's unit scope); `undefined` = all
   * committed batches.
   */
  readonly batches?: Readonly<Record<string, readonly number[]>>;
  /** Empty tables of the right shape (validating a model needs the schema, not the rows). */
  readonly schemaOnly?: boolean;
  /**
   * Reuse the copy across runs under this name (library runs: the run's units, or `all`). Without
   * it (fixtures, imports, validation) the run gets a fresh file, removed after.
   */
  readonly cacheKey?: string;
}

/** Serialises work on one sandbox file: refreshing it needs it closed everywhere else. */
const fileLocks = new Map<string, Promise<void>>();

async function withFileLock<T>(
  file: string,
  fn: () => Promise<T>,
): Promise<{ value: T; release: () => void }> {
  const previous = fileLocks.get(file) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const chained = previous.then(() => mine);
  fileLocks.set(file, chained);
  await previous;
  try {
    return {
      value: await fn(),
      release: () => {
        release();
        if (fileLocks.get(file) === chained) fileLocks.delete(file);
      },
    };
  } catch (error) {
    release();
    if (fileLocks.get(file) === chained) fileLocks.delete(file);
    throw error;
  }
}

const KNOWN = new Set(DATASETS.map((d) => d.name));
let attachCounter = 0;

/** The columns of a dataset as the catalog defines them: part of the copy's signature. */
function shapeOf(dataset: string): string {
  const def = DATASETS.find((d) => d.name === dataset);
  return (def?.columns ?? []).map((c) => `${c.name}:${c.type}`).join(',');
}

/** What a sandbox table was last synced from. */
interface CopyState {
  readonly shape: string;
  readonly schemaOnly: boolean;
  readonly revision: number;
  readonly ids: number[];
}

/**
 * Brings one dataset's copy up to date (run on the platform side, the sandbox file attached as
 * `alias`). New batches are added incrementally: their current rows, and the rows of the natural
 * keys they superseded are re-read (an older version that went inactive disappears). Anything
 * else — a batch rolled back or no longer in scope, a correction in place, a new catalog shape —
 * copies the dataset again.
 */
async function syncDataset(
  session: WriteSession,
  alias: string,
  dataset: string,
  before: CopyState | undefined,
  after: CopyState,
): Promise<void> {
  const target = `${alias}."${dataset}"`;
  const source = `main."${versionsTable(dataset)}"`;
  const inList = (ids: readonly number[]): string =>
    ids.length === 0 ? 'false' : `_batch_id IN (${ids.join(', ')})`;
  const added = after.ids.filter((id) => !before?.ids.includes(id));
  const incremental =
    before !== undefined &&
    !after.schemaOnly &&
    before.shape === after.shape &&
    before.schemaOnly === after.schemaOnly &&
    before.revision === after.revision &&
    before.ids.every((id) => after.ids.includes(id));
  if (!incremental) {
    const where = after.schemaOnly ? 'false' : `_active AND ${inList(after.ids)}`;
    await session.run(
      `CREATE OR REPLACE TABLE ${target} AS SELECT * EXCLUDE (_active) FROM ${source} WHERE ${where}`,
    );
    return;
  }
  if (added.length === 0) return;
  await session.run(
    `CREATE OR REPLACE TEMP TABLE _sandbox_keys AS SELECT DISTINCT _key FROM ${source} WHERE ${inList(added)}`,
  );
  try {
    await session.run(`DELETE FROM ${target} WHERE _key IN (SELECT _key FROM _sandbox_keys)`);
    await session.run(
      `INSERT INTO ${target} SELECT * EXCLUDE (_active) FROM ${source}
       WHERE _active AND ${inList(after.ids)} AND _key IN (SELECT _key FROM _sandbox_keys)`,
    );
  } finally {
    await session.run('DROP TABLE IF EXISTS _sandbox_keys');
  }
}

/** Brings the sandbox file up to date from the platform database (run on the platform side). */
async function refreshCopy(
  db: Database,
  file: string,
  spec: SandboxSpec,
  committed: Record<string, number[]>,
  revisions: Record<string, number>,
): Promise<void> {
  const alias = `zj_sandbox_${++attachCounter}`;
  await WriteSession.with(db, async (session) => {
    await session.run(`ATTACH ${sqlString(file)} AS ${alias}`);
    try {
      await withBatchSettings(session, undefined, async () => {
        await session.run(
          `CREATE TABLE IF NOT EXISTS ${alias}._sandbox_meta (dataset VARCHAR PRIMARY KEY, state VARCHAR NOT NULL)`,
        );
        const meta = new Map(
          (await session.rows(`SELECT dataset, state FROM ${alias}._sandbox_meta`)).map(
            ([d, s]) => [String(d), JSON.parse(String(s)) as CopyState],
          ),
        );
        for (const dataset of spec.datasets) {
          if (!KNOWN.has(dataset)) continue;
          const visible = spec.batches?.[dataset] ?? committed[dataset] ?? [];
          const after: CopyState = {
            shape: shapeOf(dataset),
            schemaOnly: spec.schemaOnly ?? false,
            revision: revisions[dataset] ?? 0,
            ids: [...new Set(visible.map(Number))].filter(Number.isInteger).sort((a, b) => a - b),
          };
          const before = meta.get(dataset);
          if (JSON.stringify(before) === JSON.stringify(after)) continue;
          await session.transaction(async () => {
            await syncDataset(session, alias, dataset, before, after);
            await session.run(`INSERT OR REPLACE INTO ${alias}._sandbox_meta VALUES ($1, $2)`, [
              dataset,
              JSON.stringify(after),
            ]);
          });
        }
      });
      await session.run(`CHECKPOINT ${alias}`);
    } finally {
      await session.run(`DETACH ${alias}`);
    }
  });
}

/**
 * Two instances share the process's memory while a run goes on, and the configured limit is the
 * budget of both: the platform's instance keeps `PLATFORM_SHARE` (at most 1 GiB, a quarter of the
 * limit) while a sandbox is open, the sandbox gets the rest. Lowering the platform's limit also
 * evicts the pages the copy read (measured: peak RSS 4.7 → 6.8 GB at province scale when both kept
 * the whole limit). The platform's share stays well above what one request needs: requests served
 * meanwhile (a lead page on a read connection) run under it (at 64 MB a lead page failed with Out
 * of Memory; 1 GiB serves them).
 */
const PLATFORM_SHARE = 2 ** 30;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a memory setting as written ('4GB') or as DuckDB reads it back ('3.7 GiB'). */
export function memoryBytes(text: string): number | undefined {
  const m = /^\s*([\d.]+)\s*([KMGT]i?B|B)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNITS[(m[2] ?? 'B').toLowerCase()];
  return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}

/** Open sandboxes per platform database: its limit comes back when the last one closes. */
const openCount = new WeakMap<Database, number>();

/** Lowers the platform's limit to its share and returns the sandbox's (in MiB, as DuckDB takes it). */
async function shareMemory(db: Database): Promise<string> {
  const configured = db.options.memoryLimit
    ? memoryBytes(db.options.memoryLimit)
    : memoryBytes(
        String(
          (await db.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))?.v ?? '',
        ),
      );
  const total = configured ?? 4 * 2 ** 30;
  const platform = Math.min(PLATFORM_SHARE, Math.floor(total / 4));
  openCount.set(db, (openCount.get(db) ?? 0) + 1);
  await db.run(`SET memory_limit = '${Math.floor(platform / 2 ** 20)}MiB'`);
  return `${Math.floor((total - platform) / 2 ** 20)}MiB`;
}

async function restoreMemory(db: Database): Promise<void> {
  const left = (openCount.get(db) ?? 1) - 1;
  openCount.set(db, left);
  if (left > 0) return;
  // Back to the configured limit (a read-back of the setting rounds: 3.7 GiB would become 3.6).
  await db.run(
    db.options.memoryLimit
      ? `SET memory_limit = ${sqlString(db.options.memoryLimit)}`
      : 'RESET memory_limit',
  );
}

/** A sandboxed DuckDB instance and its connection; `close()` releases the file. */
export interface OpenSandbox {
  readonly connection: DuckDBConnection;
  /** The one folder the sandbox may write (staged leads go out through it). */
  readonly exchangeDir: string;
  close(): Promise<void>;
}

/**
 * Copies what the spec allows into a sandbox file and opens it in a locked-down instance.
 * `committed` / `revisions`: the committed batch ids and in-place corrections per dataset (run.repo).
 */
export async function openSandbox(
  db: Database,
  spec: SandboxSpec,
  committed: Record<string, number[]>,
  revisions: Record<string, number>,
): Promise<OpenSandbox> {
  const dir = db.sandboxDir;
  mkdirSync(dir, { recursive: true });
  const key = spec.cacheKey
    ? `run-${spec.cacheKey.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}`
    : `once-${randomUUID()}`;
  const file = join(dir, `${key}.duckdb`);
  const { value: instance, release } = await withFileLock(file, async () => {
    // Shared before the copy: the copy streams and needs little, and under the whole limit the
    // platform's pool filled with every row it read (the process's peak was set there).
    const sandboxLimit = await shareMemory(db);
    try {
      await refreshCopy(db, file, spec, committed, revisions);
      const config: Record<string, string> = {
        access_mode: 'READ_ONLY',
        memory_limit: sandboxLimit,
      };
      if (db.options.threads) config.threads = String(db.options.threads);
      return await DuckDBInstance.create(file, config);
    } catch (error) {
      await restoreMemory(db);
      throw error;
    }
  });
  const exchangeDir = mkdtempSync(join(dir, 'exchange-'));
  let connection: DuckDBConnection;
  try {
    connection = await instance.connect();
    // Order matters: the allowed folder is fixed first, then external access goes off for good
    // (DuckDB cannot turn it back on), then no setting may change any more.
    await connection.run(`SET allowed_directories = [${sqlString(`${exchangeDir}/`)}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
  } catch (error) {
    instance.closeSync();
    release();
    rmSync(exchangeDir, { recursive: true, force: true });
    await restoreMemory(db);
    throw error;
  }
  return {
    connection,
    exchangeDir,
    close: async () => {
      try {
        connection.closeSync();
        instance.closeSync();
      } finally {
        rmSync(exchangeDir, { recursive: true, force: true });
        if (!spec.cacheKey) {
          rmSync(file, { force: true });
          rmSync(`${file}.wal`, { force: true });
        }
        release();
        await restoreMemory(db);
      }
    },
  };
}
