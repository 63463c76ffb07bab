import type { Database } from './database.ts';

/**
 * How urgent a read is. `lookup`: a few rows by key for a page a person is waiting on (a lead, a
 * case); `scan`: a query over a whole table (a filtered page, a count, statistics, an export).
 */
export type ReadPriority = 'lookup' | 'scan';

interface Waiting {
  run: (db: Database) => void;
}

/**
 * A few extra read connections to the same DuckDB instance, each running one query at a time, with
 * the queries waiting here rather than inside DuckDB. Queued on the connections themselves, a
 * lead page's millisecond lookups waited behind table scans while other connections sat idle, and
 * the blocked calls held libuv's threads (which the audit commits need too). Waiting here, every
 * connection takes the next query as soon as it is free, lookups before scans.
 */
export class ReadPool {
  private readers: Database[] = [];
  private idle: Database[] = [];
  private ready: Promise<void> | undefined;
  private readonly queues: Record<ReadPriority, Waiting[]> = { lookup: [], scan: [] };
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly size: number,
  ) {}

  /** Runs `fn` on a free read connection, after the queries already waiting at its priority. */
  async use<T>(fn: (db: Database) => Promise<T>, priority: ReadPriority = 'scan'): Promise<T> {
    this.ready ??= this.open();
    await this.ready;
    if (this.closed || this.size === 0) return fn(this.db);
    const reader = this.idle.pop() ?? (await this.wait(priority));
    try {
      return await fn(reader);
    } finally {
      this.release(reader);
    }
  }

  /** Queries waiting for a connection (for tests and diagnostics). */
  get waiting(): number {
    return this.queues.lookup.length + this.queues.scan.length;
  }

  close(): void {
    this.closed = true;
    for (const r of this.readers) r.close();
    this.readers = [];
    this.idle = [];
    // Whoever still waits runs on the main connection rather than never.
    for (const q of [this.queues.lookup, this.queues.scan]) {
      for (const w of q.splice(0)) w.run(this.db);
    }
  }

  private async open(): Promise<void> {
    for (let i = 0; i < this.size; i++) {
      const reader = await this.db.fork();
      this.readers.push(reader);
      this.idle.push(reader);
    }
  }

  private wait(priority: ReadPriority): Promise<Database> {
    return new Promise((resolve) => this.queues[priority].push({ run: resolve }));
  }

  private release(reader: Database): void {
    if (this.closed) return;
    const next = this.queues.lookup.shift() ?? this.queues.scan.shift();
    if (next) next.run(reader);
    else this.idle.push(reader);
  }
}
