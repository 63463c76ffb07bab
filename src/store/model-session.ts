/**
 * The connection models run on: a sandboxed DuckDB instance (model-sandbox.ts) holding only the
 * datasets the run may read. Its TEMP building blocks stay private to the run, a runaway query can
 * be interrupted without touching the platform, and the staged leads leave it as one Parquet file
 * that the platform side reads back (`stagedLeadsFile`).
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database, Row, SqlParams } from './database.ts';
import { openSandbox, type OpenSandbox, type SandboxSpec } from './model-sandbox.ts';
import { committedBatches, datasetRevisions } from './run.repo.ts';
import { sqlString } from '../sql/literal.ts';
import { bindParams, type TypedParam } from './bound-params.ts';

export type { SandboxSpec } from './model-sandbox.ts';

export class ModelSession {
  private constructor(private readonly sandbox: OpenSandbox) {}

  private get connection(): DuckDBConnection {
    return this.sandbox.connection;
  }

  /** Opens a sandbox with what `spec` allows (see SandboxSpec). */
  static async open(db: Database, spec: SandboxSpec): Promise<ModelSession> {
    return new ModelSession(
      await openSandbox(db, spec, await committedBatches(db), await datasetRevisions(db)),
    );
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  async all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  /**
   * One statement of a user's model, prepared (DuckDB refuses to prepare several statements at
   * once: a second barrier against stacking) with its parameters bound, never spliced.
   */
  async allBound<T extends Row = Row>(
    sql: string,
    params: Readonly<Record<string, TypedParam>>,
  ): Promise<T[]> {
    const prepared = await this.connection.prepare(sql);
    try {
      bindParams(prepared, params);
      return (await prepared.runAndReadAll()).getRowObjectsJson() as T[];
    } finally {
      prepared.destroySync();
    }
  }

  /**
   * Runs one statement (prepared, parameters bound as in allBound); after `timeoutMs` the query is
   * interrupted and `onTimeout` decides the error. An interrupted statement leaves nothing behind
   * (DuckDB aborts it as a whole).
   */
  async runWithTimeout(
    sql: string,
    timeoutMs: number,
    onTimeout: () => Error,
    params: Readonly<Record<string, TypedParam>> = {},
  ): Promise<void> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.connection.interrupt();
    }, timeoutMs);
    try {
      const prepared = await this.connection.prepare(sql);
      try {
        bindParams(prepared, params);
        await prepared.run();
      } finally {
        prepared.destroySync();
      }
    } catch (error) {
      if (timedOut) throw onTimeout();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Rows in a TEMP table of the session (e.g. the staged leads). */
  async count(table: string): Promise<number> {
    const rows = await this.all<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  }

  /** Cancels whatever this session is running (e.g. on Ctrl-C). */
  interrupt(): void {
    this.connection.interrupt();
  }

  /** `json_serialize_sql` of a statement: DuckDB's parse tree, for the SQL guard. */
  async serialize(sql: string): Promise<string> {
    const rows = await this.all<{ j: string }>(`SELECT json_serialize_sql(${sqlString(sql)}) AS j`);
    return rows[0]?.j ?? '';
  }

  /**
   * Writes the TEMP table `table` to a Parquet file in the sandbox's exchange folder (the only
   * place it may write) and returns its path, for the platform side to read.
   */
  async exportTable(table: string, name: string): Promise<string> {
    const file = join(this.sandbox.exchangeDir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.parquet`);
    await this.connection.run(`COPY ${table} TO ${sqlString(file)} (FORMAT parquet)`);
    return file;
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }
}
