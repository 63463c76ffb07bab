/**
 * The one writing connection of casework, shared by its services (cases, recommendations,
 * replies, outcomes, documents): writes run one after the other, each in a transaction, so two
 * saves of one case in this process are checked in turn and other requests' statements on the
 * main connection never land inside them (the conditional UPDATE on `version` covers the rest).
 * It also holds their files (attachments, Word drafts, unit templates) beside the database.
 */
import type { Database } from '../store/database.ts';
import { FileStore } from '../store/file-store.ts';

export class CaseWriter {
  private writer: Promise<Database> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** Attachments, Word drafts and templates: written before the row that names them. */
  readonly files: FileStore;

  constructor(private readonly db: Database) {
    this.files = new FileStore(db.path);
  }

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
