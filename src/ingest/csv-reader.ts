import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { RawRow, SheetSource } from './cell.ts';
import { detectEncoding, type TextEncoding } from './encoding.ts';
import { checkRows, READ_LIMITS, rowTooLong } from './read-limits.ts';

const SAMPLE_BYTES = 64 * 1024;

/** Reads the first bytes of a file (encoding detection, file-type sniffing). */
export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A CSV or TSV file as one sheet, decoded while it streams (memory flat in file size) in the
 * detected encoding. Parsing is papaparse's core parser fed 1 MB decoded chunks: measured on 1M
 * ledger rows it does ~630k rows/s with quotes and ~730k without, against ~150k for csv-parse, and a
 * hand-written parser was no faster, so the library stays.
 *
 * Rows, cells and columns are bounded (`read-limits.ts`): the error names the file, row and column.
 * `maxBytes` reads only a prefix (a preview); the row cut at its end is dropped.
 */
export async function readDelimited(
  path: string,
  delimiter: ',' | '\t',
  options: { maxBytes?: number } = {},
): Promise<SheetSource & { encoding: TextEncoding }> {
  const { encoding } = detectEncoding(await readSample(path));
  const { size } = await stat(path);
  const position = { bytes: 0 };
  return {
    name: null,
    encoding,
    file: { path, delimiter, encoding },
    rows: delimitedRows(path, delimiter, encoding, position, options.maxBytes),
    progress: () => (size > 0 ? position.bytes / size : 1),
  };
}

function detectNewline(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  if (lf > 0 && text.charCodeAt(lf - 1) === 13) return '\r\n';
  if (lf === -1 && text.includes('\r')) return '\r';
  return '\n';
}

async function* delimitedRows(
  path: string,
  delimiter: string,
  encoding: TextEncoding,
  position: { bytes: number },
  maxBytes = Infinity,
): AsyncGenerator<RawRow[]> {
  const file = basename(path);
  // TextDecoder drops a leading BOM by itself (ignoreBOM defaults to false).
  const decoder = new TextDecoder(encoding);
  let parser: Papa.Parser | undefined;
  let pending = '';
  let record = 0;
  const parse = (text: string, final: boolean): RawRow[] => {
    const input = pending + text;
    parser ??= new Papa.Parser({ delimiter, newline: detectNewline(input), quoteChar: '"' });
    const result = parser.parse(input, 0, !final) as { data: string[][]; meta: { cursor: number } };
    pending = final ? '' : input.slice(result.meta.cursor);
    const out: RawRow[] = new Array<RawRow>(result.data.length);
    for (let i = 0; i < result.data.length; i++) {
      out[i] = { row: ++record, cells: result.data[i] as string[] };
    }
    checkRows(file, out);
    // The unfinished row is parsed again with every chunk: bounded, that stays linear.
    if (pending.length > READ_LIMITS.rowChars) throw rowTooLong(file, record + 1);
    return out;
  };
  const stream = createReadStream(path, {
    highWaterMark: 1 << 20,
    ...(Number.isFinite(maxBytes) ? { end: maxBytes - 1 } : {}),
  });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      position.bytes += chunk.length;
      const out = parse(decoder.decode(chunk, { stream: true }), false);
      if (out.length) yield out;
    }
    // A prefix ends inside a row: that row is not complete, so it is left out.
    if (position.bytes >= maxBytes) return;
    const out = parse(decoder.decode(), true);
    if (out.length) yield out;
  } finally {
    stream.destroy();
  }
}
