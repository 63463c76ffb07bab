import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * An .xlsx zip opened for random access (yauzl reads the central directory): parts are read in
 * the order the workbook needs them, a skipped worksheet is never inflated, and inflation runs on
 * libuv's thread pool.
 */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    const entries = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new ZipArchive(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's bytes, inflated as they are read (CRC and size checked by yauzl at the end). */
  async stream(name: string): Promise<Readable | undefined> {
    const entry = this.entries.get(name);
    return entry ? this.zip.openReadStreamPromise(entry) : undefined;
  }

  /** A small part (workbook, rels, styles) as text; undefined when absent. */
  async text(name: string): Promise<string | undefined> {
    const stream = await this.stream(name);
    if (!stream) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  }

  close(): void {
    this.zip.close();
  }
}
