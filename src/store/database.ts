import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { ensureSchema } from './schema.ts';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

/** How the instance was opened; the model sandbox (model-sandbox.ts) takes the same limits. */
export interface DatabaseOptions {
  readonly threads?: number;
  readonly memoryLimit?: string;
}
export type Row = Record<string, unknown>;

/**
 * The embedded DuckDB database: the only place the project opens a connection. One instance per
 * file; `transaction` gives the all-or-nothing batches the import contract requires.
 */
export class Database {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly options: DatabaseOptions,
    /**
     * Where model sandboxes keep their copies: beside the database file, or a private temporary
     * folder for an in-memory database (removed on close).
     */
    readonly sandboxDir: string,
    /** False for a fork: closing it closes only its own connection. */
    private readonly ownsInstance = true,
  ) {}

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  static async open(path: string, options: DatabaseOptions = {}): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    const sandboxDir =
      path === ':memory:'
        ? mkdtempSync(join(tmpdir(), 'zhijian-sandbox-'))
        : join(dirname(path), `${basename(path)}.sandbox`);
    const db = new Database(path, instance, connection, options, sandboxDir);
    await ensureSchema(db);
    return db;
  }

  /** Runs a statement for its effect. */
  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** Runs a query and returns its rows as plain JS objects (BIGINT → bigint, DATE → string via JSON form). */
  async all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  /** The first row, or undefined. */
  async one<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  /**
   * Runs `fn` inside BEGIN … COMMIT; any error rolls everything back, and so does a crash: DuckDB
   * never applies an uncommitted transaction from its WAL.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK');
      throw error;
    }
  }

  /** A further connection to the same instance (for a background job or a cancellable query). */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /**
   * Another Database on the same instance with its own connection: a background job's transaction
   * or a concurrent HTTP request then does not run inside someone else's BEGIN … COMMIT.
   */
  async fork(): Promise<Database> {
    return new Database(
      this.path,
      this.instance,
      await this.instance.connect(),
      this.options,
      this.sandboxDir,
      false,
    );
  }

  close(): void {
    this.connection.closeSync();
    if (!this.ownsInstance) return;
    this.instance.closeSync();
    if (this.path === ':memory:') rmSync(this.sandboxDir, { recursive: true, force: true });
  }
}
