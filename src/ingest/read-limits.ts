import { AppError } from '../domain/app-error.ts';
import type { RawRow } from './cell.ts';

/**
 * How large one row of a data file may be (preview and import alike). A ledger row is a few hundred
 * characters; without limits a 100 MB file with no line break was one "row" the CSV parser re-read
 * on every 1 MB chunk (minutes of a blocked server, GBs of memory). The limits are far above real
 * files and low enough that the reader fails in well under a second.
 */
export const READ_LIMITS = {
  /** Characters in one row (CSV record), fields and delimiters together. */
  rowChars: 4 * 1024 * 1024,
  /** Characters in one cell. Excel itself stops at 32,767; CSV exports of text notes go further. */
  fieldChars: 1024 * 1024,
  /** Columns in one row: the widest dataset has a few dozen; beyond this the file is not a table. */
  columns: 2000,
} as const;

/** A preview reads at most this much of a CSV (twice the longest row: always one row or the error). */
export const PREVIEW_PREFIX_BYTES = 2 * READ_LIMITS.rowChars + (1 << 20);

/** Cells and header texts in a preview response are cut to this many characters. */
export const PREVIEW_CELL_CHARS = 100;

const mb = (chars: number): string => `${chars / (1024 * 1024)} MB`;

/** Row `row` of `file` is longer than the limit (or never ends: no line break, an open quote). */
export function rowTooLong(file: string, row: number): AppError {
  return new AppError(
    'ROW_TOO_LONG',
    `文件 ${file} 第 ${row} 行超过 ${mb(READ_LIMITS.rowChars)}（约 ${READ_LIMITS.rowChars.toLocaleString('en-US')} 个字符）的单行上限：` +
      '文件可能缺少换行符，或有未闭合的引号；请检查文件是否为逐行的数据表',
  );
}

/**
 * Checks one chunk of rows against the cell and column limits; the first offending cell stops the
 * file. `column` in the message is 1-based, as a user counts in Excel.
 */
export function checkRows(file: string, rows: readonly RawRow[]): void {
  for (const r of rows) {
    const cells = r.cells;
    if (cells.length > READ_LIMITS.columns) {
      throw new AppError(
        'TOO_MANY_COLUMNS',
        `文件 ${file} 第 ${r.row} 行有 ${cells.length.toLocaleString('en-US')} 列，超过 ${READ_LIMITS.columns.toLocaleString('en-US')} 列的上限：` +
          '请检查分隔符是否正确，或把文件拆分为多个表',
      );
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (typeof cell === 'string' && cell.length > READ_LIMITS.fieldChars) {
        throw new AppError(
          'FIELD_TOO_LONG',
          `文件 ${file} 第 ${r.row} 行第 ${i + 1} 列的内容超过 ${mb(READ_LIMITS.fieldChars)}（约 ${READ_LIMITS.fieldChars.toLocaleString('en-US')} 个字符）的单元格上限：` +
            '可能有未闭合的引号；请检查该单元格',
        );
      }
    }
  }
}
