import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, RawRow, SheetSource } from './cell.ts';

const CHUNK_ROWS = 2000;

/** Excel's date cell → ISO date, or date-time when it has a time of day. */
export function excelDateText(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

interface FormulaValue {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

/**
 * An ExcelJS cell value → our cell: formulas give their cached result (never evaluated), rich text
 * its plain text, hyperlinks their text, dates ISO text, numbers stay numbers (the validator decides
 * what a number means for its column).
 */
export function toCell(value: unknown, isDateFormat?: () => boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return excelDateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return (value.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    }
    if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
      const result = (value as FormulaValue).result;
      if (typeof result === 'number' && isDateFormat?.()) {
        return excelDateText(new Date(Math.round((result - 25569) * 86400_000)));
      }
      return result === undefined ? null : toCell(result);
    }
    if ('error' in value) return String((value as { error: unknown }).error);
    if ('text' in value) return toCell((value as { text: unknown }).text);
  }
  return String(value as string);
}

const DATE_FORMAT = /[ymdhs]|年|月|日/i;

/** Decodes UTF-8 across chunk boundaries. */
async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function decodingStream(): Transform {
  const decoder = new TextDecoder('utf-8');
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, decoder.decode(chunk, { stream: true }));
    },
    flush(callback) {
      const tail = decoder.decode();
      callback(null, tail || undefined);
    },
  });
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): unknown;
  _parseSharedStrings(entry: Readable): unknown;
}

/**
 * ExcelJS 4.4's streaming reader decodes every zip chunk on its own (utils/parse-sax.js →
 * bufferToString), so a Chinese character cut by a chunk boundary becomes U+FFFD — measured: one
 * corrupted 号 in the first 10,000 rows of a ledger. Its decoder passes strings through untouched,
 * so we hand it text decoded across boundaries, for worksheets and shared strings alike.
 */
function fixChunkDecoding(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as ReaderInternals;
  const proto = Object.getPrototypeOf(reader) as ReaderInternals;
  internals._parseWorksheet = function (iterator, sheetNo) {
    return proto._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  };
  internals._parseSharedStrings = function (entry) {
    return proto._parseSharedStrings.call(this, entry.pipe(decodingStream()));
  };
}

/**
 * Every worksheet of an .xlsx, streamed (ExcelJS WorkbookReader: memory flat in file size). Each
 * sheet's rows must be read before asking for the next sheet; unread rows are drained.
 */
export async function* readXlsx(path: string): AsyncGenerator<SheetSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  fixChunkDecoding(reader);
  for await (const worksheet of reader) {
    const rows = sheetRows(worksheet as unknown as AsyncIterable<ExcelJS.Row>);
    const name = (worksheet as unknown as { name?: string }).name ?? null;
    yield { name, rows };
    // The consumer may have stopped early (preview, or a sheet that holds no table).
    for await (const chunk of rows) void chunk;
  }
}

function sheetRows(worksheet: AsyncIterable<ExcelJS.Row>): AsyncIterable<RawRow[]> {
  let done = false;
  const iterator = worksheet[Symbol.asyncIterator]();
  return {
    async *[Symbol.asyncIterator]() {
      if (done) return;
      let chunk: RawRow[] = [];
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const row = next.value;
        const values = row.values as unknown[];
        const cells: Cell[] = new Array<Cell>(Math.max(0, values.length - 1)).fill(null);
        for (let c = 1; c < values.length; c++) {
          const v = values[c];
          if (v === undefined || v === null) continue;
          cells[c - 1] =
            typeof v === 'object' && !(v instanceof Date)
              ? toCell(v, () => DATE_FORMAT.test(row.getCell(c).numFmt ?? ''))
              : toCell(v);
        }
        chunk.push({ row: row.number, cells });
        if (chunk.length >= CHUNK_ROWS) {
          yield chunk;
          chunk = [];
        }
      }
      done = true;
      if (chunk.length) yield chunk;
    },
  };
}
