import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AppError } from '../domain/app-error.ts';
import type { SheetSource } from './cell.ts';
import { readDelimited, readSample } from './csv-reader.ts';
import type { TextEncoding } from './encoding.ts';
import { checkRows } from './read-limits.ts';
import { convertXlsToXlsx } from './xls-convert.ts';
import { readXlsx } from './xlsx-reader.ts';

export type SourceFormat = 'xlsx' | 'xls' | 'csv' | 'tsv';

export interface TableSource {
  readonly path: string;
  readonly format: SourceFormat;
  /** Detected text encoding (CSV/TSV). */
  readonly encoding?: TextEncoding;
  readonly sheets: AsyncIterable<SheetSource> | Iterable<SheetSource>;
}

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** What the first bytes say a file really is, when it is not what its extension claims. */
function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | 'other' {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  return 'other';
}

/**
 * Opens a data file for reading. Every problem that stops the whole file is an AppError with a
 * Chinese message naming the file (never a crash): unknown type, an .xls LibreOffice cannot read, a PDF under an Excel name,
 * an encrypted workbook, an empty file, a row or cell over the limits (`read-limits.ts`).
 * `maxBytes`: a CSV is read only that far (previews).
 */
export async function openTable(
  path: string,
  options: { maxBytes?: number } = {},
): Promise<TableSource> {
  const name = basename(path);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new AppError('FILE_NOT_FOUND', `找不到文件：${path}`);
  if (info.size === 0) throw new AppError('EMPTY_FILE', `文件 ${name} 是空文件，没有任何内容`);
  const ext = extname(path).toLowerCase();
  const head = await readSample(path, 16);
  const kind = sniff(head);
  if (kind === 'pdf') {
    throw new AppError(
      'NOT_A_SPREADSHEET',
      `文件 ${name} 实际是 PDF 文档，不是 Excel 或 CSV 表格；裁定书等文书请用“文书提取”导入`,
    );
  }
  if (ext === '.xls' && kind === 'zip') {
    // An .xlsx saved under the old name: read it as what it is.
    return { path, format: 'xlsx', sheets: guardXlsx(path, name) };
  }
  if (ext === '.xls' && kind === 'other') return textSavedAsXls(path, name, options);
  if (ext === '.xls' || (ext === '.xlsx' && kind === 'ole')) {
    // An OLE container is an old workbook or a password-protected .xlsx: LibreOffice reads the
    // first and refuses the second (xls-convert.ts names the file either way).
    const converted = await convertXlsToXlsx(path, name).catch((error: unknown) => {
      if (ext === '.xlsx' && error instanceof AppError && error.code === 'CORRUPT_XLSX') {
        throw new AppError(
          'ENCRYPTED_OR_XLS',
          `文件 ${name} 设置了打开密码或已损坏，请在 Excel 中取消密码并“另存为” .xlsx 后再导入`,
        );
      }
      throw error;
    });
    return { path, format: 'xls', sheets: disposing(guardXlsx(converted.path, name), converted) };
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    if (kind !== 'zip') {
      throw new AppError(
        'NOT_A_SPREADSHEET',
        `文件 ${name} 不是有效的 Excel（.xlsx）文件，可能已损坏`,
      );
    }
    return { path, format: 'xlsx', sheets: guardXlsx(path, name) };
  }
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') {
    if (kind === 'zip' || kind === 'ole') {
      throw new AppError(
        'NOT_A_SPREADSHEET',
        `文件 ${name} 的扩展名是 ${ext}，但内容是 Excel 工作簿；请把扩展名改为 .xlsx`,
      );
    }
    const sheet = await readDelimited(path, ext === '.csv' ? ',' : '\t', options);
    return {
      path,
      format: ext === '.csv' ? 'csv' : 'tsv',
      encoding: sheet.encoding,
      sheets: [sheet],
    };
  }
  throw new AppError(
    'UNSUPPORTED_FILE',
    `不支持的文件类型：${name}（支持 .xlsx、.xls、.csv、.tsv）`,
  );
}

/**
 * Some systems save a web page or a tab-separated text under an .xls name. A text table is read as
 * such (IDs stay text); a web page is refused: converting it turns 18-digit IDs into floating-point
 * numbers and their last digits are lost, which no import may do silently.
 */
async function textSavedAsXls(
  path: string,
  name: string,
  options: { maxBytes?: number },
): Promise<TableSource> {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(await readSample(path, 512));
  if (/^\uFEFF?\s*</.test(head)) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      `文件 ${name} 的扩展名是 .xls，但内容是网页表格（HTML），直接读取会让身份证号等长数字丢失末几位；请用 Excel 打开后“另存为” .xlsx 再导入`,
    );
  }
  const sheet = await readDelimited(path, head.includes('\t') ? '\t' : ',', options);
  return {
    path,
    format: head.includes('\t') ? 'tsv' : 'csv',
    encoding: sheet.encoding,
    sheets: [sheet],
  };
}

/** The sheets of a converted workbook; its temporary folder goes when reading ends or stops. */
async function* disposing(
  sheets: AsyncGenerator<SheetSource>,
  converted: { dispose: () => Promise<void> },
): AsyncGenerator<SheetSource> {
  try {
    yield* sheets;
  } finally {
    await converted.dispose();
  }
}

/** ExcelJS throws plain errors on broken zips or XML: turn them into a message naming the file. */
async function* guardXlsx(path: string, name: string): AsyncGenerator<SheetSource> {
  const wrap = (error: unknown): AppError =>
    error instanceof AppError
      ? error
      : new AppError(
          'CORRUPT_XLSX',
          `无法读取 Excel 文件 ${name}：文件已损坏、被加密或不是 .xlsx 格式（${
            error instanceof Error ? error.message.slice(0, 80) : String(error)
          }）`,
        );
  const sheets = readXlsx(path);
  try {
    for (;;) {
      let next: IteratorResult<SheetSource>;
      try {
        next = await sheets.next();
      } catch (error) {
        throw wrap(error);
      }
      if (next.done) return;
      const sheet = next.value;
      yield {
        name: sheet.name,
        rows: (async function* () {
          try {
            for await (const rows of sheet.rows) {
              checkRows(name, rows);
              yield rows;
            }
          } catch (error) {
            throw wrap(error);
          }
        })(),
      };
    }
  } finally {
    // A consumer that stops early (a preview, a failed import) closes the zip file too.
    await sheets.return(undefined);
  }
}
