import { PassThrough, pipeline, type Readable } from 'node:stream';
import type { RawRow, SheetSource } from '../cell.ts';
import { RowScanner } from './row-scanner.ts';
import { SheetParser } from './sheet-parser.ts';
import { readWorkbookParts, type WorkbookParts } from './workbook-parts.ts';
import { ZipArchive } from './zip-archive.ts';

/** Rows per chunk handed to the importer (one await per chunk, not per row). */
export const CHUNK_ROWS = 2000;

/**
 * Inflated bytes buffered ahead of the scanner. zlib's own 16 KB made the two take turns (the JS
 * thread waited ~0.9 s of a 2 s read for the thread pool); 4 MB keeps inflating while rows are
 * scanned and validated, memory still flat.
 */
const READ_AHEAD_BYTES = 4 << 20;

/** One worksheet read on demand, a chunk of rows at a time (memory flat in sheet size). */
export class SheetCursor {
  private readonly parser: RowScanner | SheetParser;
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly decoder = new TextDecoder('utf-8');
  private finished = false;
  private closed = false;

  constructor(stream: Readable, book: WorkbookParts, scanner: boolean) {
    this.parser = scanner ? new RowScanner(book) : new SheetParser(book);
    const ahead = new PassThrough({ highWaterMark: READ_AHEAD_BYTES });
    // An inflate or CRC error destroys `ahead` with it (the read below throws); closing `ahead`
    // early stops the inflation.
    pipeline(stream, ahead, () => undefined);
    this.chunks = ahead[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** The next chunk of rows, or undefined at the end of the sheet. */
  async next(): Promise<RawRow[] | undefined> {
    if (this.closed) return undefined;
    while (!this.finished && this.parser.pending < CHUNK_ROWS) {
      const chunk = await this.chunks.next();
      if (chunk.done) {
        this.finished = true;
        this.parser.write(this.decoder.decode());
        this.parser.end();
      } else {
        // Decoded across chunk boundaries: a character cut by a boundary stays whole.
        this.parser.write(this.decoder.decode(chunk.value, { stream: true }));
      }
    }
    const rows = this.parser.takeRows();
    return rows.length ? rows : undefined;
  }

  /** Stops reading (the consumer moved on): the rest of the part is never inflated. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.finished) return;
    this.finished = true;
    await this.chunks.return?.();
  }
}

/** A chunk source as an iterable that may be iterated again: a second loop goes on where one broke off. */
export function chunkIterable(next: () => Promise<RawRow[] | undefined>): AsyncIterable<RawRow[]> {
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const chunk = await next();
        if (!chunk) return;
        yield chunk;
      }
    },
  };
}

/**
 * Every worksheet of an .xlsx in workbook order, read on this thread: shared strings and styles
 * first (held), then each sheet streamed. A sheet the consumer stops reading is closed when the
 * next one is asked for. `scanner: false` reads every row with saxes (tests compare both paths).
 */
export async function* readWorkbook(
  path: string,
  options: { readonly scanner?: boolean } = {},
): AsyncGenerator<SheetSource> {
  const zip = await ZipArchive.open(path);
  try {
    const book = await readWorkbookParts(zip);
    for (const sheet of book.sheets) {
      const stream = await zip.stream(sheet.part);
      if (!stream) continue;
      const cursor = new SheetCursor(stream, book, options.scanner ?? true);
      try {
        yield { name: sheet.name, rows: chunkIterable(() => cursor.next()) };
      } finally {
        await cursor.close();
      }
    }
  } finally {
    zip.close();
  }
}
