/**
 * Files the platform keeps beside the database (act attachments, Word drafts, unit templates):
 * `<db>.files/`, one file per opaque random name, so no personal data and no user's file name ever
 * becomes a path. A write lands whole (temporary file, then rename) or not at all; the row that
 * names it is written by the caller, in its transaction, after the file is there.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface StoredFile {
  /** The opaque name under the store (a UUID): what the database row keeps. */
  readonly storedName: string;
  readonly sha256: string;
  readonly size: number;
}

const STORED_NAME = /^[0-9a-f-]{36}$/;

export class FileStore {
  private folder: string | undefined;

  /** The store of a database file (`:memory:` gets a temporary folder, made on first use). */
  constructor(private readonly dbPath: string) {}

  get dir(): string {
    if (this.folder === undefined) {
      this.folder =
        this.dbPath === ':memory:'
          ? mkdtempSync(join(tmpdir(), 'zhijian-files-'))
          : join(dirname(this.dbPath), `${basename(this.dbPath)}.files`);
      mkdirSync(this.folder, { recursive: true });
    }
    return this.folder;
  }

  async save(bytes: Uint8Array): Promise<StoredFile> {
    const storedName = randomUUID();
    const target = join(this.dir, storedName);
    const temp = `${target}.part`;
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { storedName, sha256, size: bytes.byteLength };
  }

  async read(storedName: string): Promise<Buffer> {
    return readFile(this.pathOf(storedName));
  }

  /** Removes a file whose row was never written (the transaction failed). */
  async remove(storedName: string): Promise<void> {
    await rm(this.pathOf(storedName), { force: true });
  }

  private pathOf(storedName: string): string {
    // Only names this store made: a row can never point outside the folder.
    if (!STORED_NAME.test(storedName)) throw new Error(`not a stored file name: ${storedName}`);
    return join(this.dir, storedName);
  }
}
