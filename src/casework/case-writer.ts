/**
 * The one writing connection of casework, shared by its services (cases, recommendations,
 * replies, outcomes, documents): writes run one after the other, each in a transaction, so two
 * saves of one case in this process are checked in turn and other requests' statements on the
 * main connection never land inside them (the conditional UPDATE on `version` covers the rest).
 */
import type { Database } from '../store/database.ts';

export class CaseWriter {
  private writer: Promise<Database> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database) {}

  write<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.writer ??= this.db.fork();
      const db = await this.writer;
      return db.transaction(() => fn(db));
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Closes the connection after the writes already queued. */
  async close(): Promise<void> {
    const writer = this.writer;
    this.writer = undefined;
    await this.queue;
    if (writer) (await writer).close();
  }
}
