import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, DatasetDef } from '../catalog/column-types.ts';
import type { BatchRow } from './batch.repo.ts';
import type { Database, SqlParams } from './database.ts';
import { sqlString } from '../sql/literal.ts';
import { SQL_TYPES, versionsTable } from './schema.ts';

/**
 * Bulk loading for `writeBatch`: rows are written as temporary CSV chunks of canonical strings and
 * loaded with DuckDB's `read_csv` and explicit casts, on a private connection inside one transaction.
 */

/** Buffered characters before a write to the chunk file. */
export const FLUSH_CHARS = 1 << 20;

/** Separator of natural-key parts in `_key` (U+241F, never in real data). */
export const KEY_SEPARATOR = '\u241F';

/** Natural key of a row: the catalog's naturalKey values joined (empty for a missing part). */
export function naturalKeyOf(dataset: DatasetDef, values: BatchRow['values']): string {
  const keys = dataset.naturalKey;
  if (keys.length === 1) return values[keys[0] as string] ?? '';
  let key = values[keys[0] as string] ?? '';
  for (let i = 1; i < keys.length; i++) key += KEY_SEPARATOR + (values[keys[i] as string] ?? '');
  return key;
}

const NEEDS_QUOTES = /[",\n\r]/;

/** A CSV field: quoted only when needed; empty for null (loads as NULL). */
function csvField(value: string | null | undefined): string {
  if (!value) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function castExpr(column: string, type: ColumnType): string {
  return type === 'text' || type === 'id' || type === 'plate' || type === 'case_no'
    ? column
    : `CAST(${column} AS ${SQL_TYPES[type]})`;
}

/**
 * A private connection for one write transaction: the shared connection's other users (web
 * requests, model runs) must never find themselves inside an import's open transaction.
 */
export class WriteSession {
  private constructor(private readonly conn: DuckDBConnection) {}

  static async with<T>(db: Database, fn: (session: WriteSession) => Promise<T>): Promise<T> {
    const session = new WriteSession(await db.connect());
    try {
      return await fn(session);
    } finally {
      session.conn.closeSync();
    }
  }

  /** The running statement's progress (0..1) when DuckDB can tell (enable_progress_bar). */
  progress(): number | undefined {
    const p = this.conn.progress.percentage;
    return p >= 0 ? Math.min(1, p / 100) : undefined;
  }

  /** Runs a statement; returns the rows it changed. */
  async run(sql: string, params?: SqlParams): Promise<number> {
    return (await this.conn.run(sql, params)).rowsChanged;
  }

  async one<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJson()[0] as T | undefined;
  }

  /** Rows as arrays of JSON-like values (VARCHAR → string, BIGINT → string), in column order. */
  async rows(sql: string, params?: SqlParams): Promise<unknown[][]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowsJson() as unknown[][];
  }

  /** Appends rows through DuckDB's appender (a temp table: `{ schema: 'main', catalog: 'temp' }`). */
  async append(
    table: string,
    rows: readonly (readonly (string | number | null)[])[],
    where: { schema?: string; catalog?: string } = {},
  ): Promise<void> {
    const appender = await this.conn.createAppender(table, where.schema, where.catalog);
    try {
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'number') appender.appendInteger(v);
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** BEGIN … COMMIT; any error rolls back (and so does a crash: DuckDB drops uncommitted WAL). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.conn.run('COMMIT');
      return result;
    } catch (error) {
      await this.conn.run('ROLLBACK');
      throw error;
    }
  }
}

/**
 * DuckDB memory during a batch write (staging spills to the database's temp directory beyond it):
 * DuckDB's default, 80% of RAM, let a 5M-row import reach 2.2 GB RSS; 1 GB kept it at 1.3 GB. The
 * setting is per database instance, so it is restored after the batch (writes are serialised).
 */
export const IMPORT_MEMORY_LIMIT = '1GB';

/**
 * String compression a batch write does without: FSST's analysis was half the cost of writing a
 * 5M-row ledger (2M rows: 4.6 → 2.1 CPU-s) for a 2.7× smaller string column; dictionary and the
 * numeric encodings stay. Scans of such columns measured faster, too. Restored after the batch.
 */
export const IMPORT_DISABLED_COMPRESSION = 'fsst';

/** Runs a batch write under the import settings above (memory limit, compression), then restores them. */
export async function withBatchSettings<T>(
  session: WriteSession,
  memoryLimit: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const settings: [string, string][] = [
    ['disabled_compression_methods', IMPORT_DISABLED_COMPRESSION],
  ];
  if (memoryLimit) settings.push(['memory_limit', memoryLimit]);
  const previous: [string, string][] = [];
  for (const [name, value] of settings) {
    const row = await session.one<{ v: string }>(`SELECT current_setting('${name}') AS v`);
    previous.push([name, String(row?.v ?? '')]);
    await session.run(`SET ${name} = ${sqlString(value)}`);
  }
  try {
    return await fn();
  } finally {
    for (const [name, value] of previous) await session.run(`SET ${name} = ${sqlString(value)}`);
  }
}

/** One temporary CSV chunk being written. */
export class ChunkStager {
  readonly path = join(tmpdir(), `zhijian-batch-${process.pid}-${randomUUID()}.csv`);
  rows = 0;
  private buffer = '';
  private readonly out = createWriteStream(this.path, { encoding: 'utf8' });
  private readonly closed = new Promise<void>((resolve, reject) => {
    this.out.on('close', resolve);
    this.out.on('error', reject);
  });
  private readonly names: readonly string[];

  constructor(private readonly dataset: DatasetDef) {
    this.names = dataset.columns.map((c) => c.name);
  }

  get pendingChars(): number {
    return this.buffer.length;
  }

  /**
   * Appends one CSV line straight to the buffer (measured 2.7× cheaper than building field strings):
   * a field is quoted only when it holds a quote, comma or line break; empty and null both load as
   * NULL.
   */
  add(row: BatchRow): void {
    const values = row.values;
    let b = this.buffer;
    for (const name of this.names) {
      const v = values[name];
      b += v ? (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}",` : v + ',') : ',';
    }
    b += csvField(row.file) + ',' + csvField(row.sheet) + ',' + (row.row ?? '') + ',';
    b += csvField(naturalKeyOf(this.dataset, values)) + ',';
    b +=
      (row.extra && Object.keys(row.extra).length ? csvField(JSON.stringify(row.extra)) : '') + ',';
    b += (row.confidence ? csvField(JSON.stringify(row.confidence)) : '') + '\n';
    this.buffer = b;
    this.rows += 1;
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const ok = this.out.write(this.buffer);
    this.buffer = '';
    if (!ok) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  /** Closes the file without waiting (the batch failed; the file is removed). */
  abort(): void {
    this.buffer = '';
    this.out.destroy();
  }

  /** Flushes and closes; resolves to the chunk (path, rows). */
  async close(): Promise<{ path: string; rows: number }> {
    await this.flush();
    this.out.end();
    await this.closed;
    return { path: this.path, rows: this.rows };
  }
}

/** Loads staged chunks one after the other, each while the next one is being written. */
export class ChunkLoader {
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown;
  started = false;

  constructor(
    private readonly session: WriteSession,
    private readonly dataset: DatasetDef,
    private readonly batchId: number,
  ) {}

  /** Queues a chunk; waits only for the previous one (one statement at a time per connection). */
  async load(chunk: { path: string; rows: number }): Promise<void> {
    this.started = true;
    await this.pending;
    if (this.failure) throw this.failure;
    if (chunk.rows === 0) return;
    this.pending = this.session
      .run(loadSql(this.dataset, this.batchId, chunk.path))
      .then(() => undefined)
      .catch((error: unknown) => {
        this.failure = error;
      });
  }

  /** Waits for the last statement, whatever happened (before ROLLBACK or COMMIT). */
  async settle(): Promise<void> {
    await this.pending;
  }

  async done(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure;
  }
}

function loadSql(dataset: DatasetDef, batchId: number, path: string): string {
  const csvColumns = [
    ...dataset.columns.map((_c, i) => `c${i}`),
    '_file',
    '_sheet',
    '_row',
    '_key',
    '_extra',
    '_confidence',
  ];
  const columnsStruct = csvColumns.map((c) => `'${c}': 'VARCHAR'`).join(', ');
  const targetColumns = [
    ...dataset.columns.map((c) => `"${c.name}"`),
    '_batch_id',
    '_file',
    '_sheet',
    '_row',
    '_key',
    '_active',
    '_extra',
    '_confidence',
  ];
  const selectList = [
    ...dataset.columns.map((c, i) => castExpr(`c${i}`, c.type)),
    String(batchId),
    '_file',
    '_sheet',
    'CAST(_row AS INTEGER)',
    "coalesce(_key, '')",
    'true',
    'CAST(_extra AS JSON)',
    'CAST(_confidence AS JSON)',
  ];
  return `INSERT INTO ${versionsTable(dataset)} (${targetColumns.join(', ')})
    SELECT ${selectList.join(', ')}
    FROM read_csv(${sqlString(path)}, header = false, auto_detect = false,
      delim = ',', quote = '"', escape = '"', columns = {${columnsStruct}})`;
}
