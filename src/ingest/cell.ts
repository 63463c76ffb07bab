/**
 * A cell as a reader delivers it: text, or a number when an Excel cell held a numeric value (kept
 * apart so an ID stored as a number can be reported, never silently number-formatted). CSV cells are
 * always text.
 */
export type Cell = string | number | null;

/** One sheet row; `row` is the 1-based row number the user sees in Excel (or the CSV record number). */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** One sheet (or the whole CSV) of a source file: rows in chunks, to be read once, in order. */
export interface SheetSource {
  /** Sheet name, or null for CSV/TSV. */
  readonly name: string | null;
  readonly rows: AsyncIterable<RawRow[]>;
  /** Share of the source read so far (0..1), when the reader can tell (CSV: bytes). */
  readonly progress?: () => number;
  /** CSV/TSV only: the file itself, for the DuckDB fast path (`csv-fast-path.ts`). */
  readonly file?: DelimitedFile;
}

/** A delimited text file as the CSV reader opened it. */
export interface DelimitedFile {
  readonly path: string;
  readonly delimiter: ',' | '\t';
  /** A WHATWG encoding label (`utf-8`, `gb18030`, `utf-16le` …). */
  readonly encoding: string;
}

/** True when the cell holds nothing but whitespace. */
export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'number') return false;
  return cell.trim() === '';
}

/** A cell as text, numbers written out without exponent where possible. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  return numberText(cell);
}

/** Writes a number without exponent (Excel numbers up to 15 significant digits). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  const s = String(n);
  return s.includes('e') ? n.toFixed(10).replace(/\.?0+$/, '') : s;
}
