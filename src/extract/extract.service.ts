import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { extractFields } from './extract-fields.ts';
import { OcrPool } from './ocr-pool.ts';
import { splitDocuments } from './split-documents.ts';
import { readDocument, SUPPORTED_EXTENSIONS } from './readers/read-document.ts';
import { ReadError } from './readers/read-error.ts';
import {
  CONFIDENCE_FIELDS,
  type ConfidenceField,
  type ExtractedDocument,
  type OcrMode,
} from './types.ts';

/** A document's extraction, or the reason it could not be read (`error`, Chinese, names the file). */
export type ExtractionResult = ExtractedDocument & {
  error?: string;
  text?: string;
  /** The document's place in a case file holding several (1, 2 …); absent for a single one. */
  part?: number;
};

export interface ExtractOptions {
  ocr?: OcrMode;
  /** OCR workers (default: one per core). */
  workers?: number;
  /** Refuse PDFs with more pages than this (default 200). */
  maxPages?: number;
  /** Largest file read (default 50 MB). */
  maxBytes?: number;
  /** Keep the normalised source text on each result (for the review screen). */
  keepText?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Stops reading long PDFs between pages. */
  signal?: AbortSignal;
  /** Called as each PDF page is read (long scans report progress page by page). */
  onPage?: (page: number, pages: number, file: string) => void;
}

export const DEFAULT_MAX_PAGES = 200;
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Files named on the command line, directories walked (sorted), only the formats we read. */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      out.push(
        ...(await expandInputs(
          entries.filter((e) => e.isDirectory() || isSupported(e.name)).map((e) => join(p, e.name)),
        )),
      );
    } else out.push(p);
  }
  return out;
}

function isSupported(name: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** The result for a file that could not be read: docType 其他, nothing found, confidence 0. */
export function failedResult(file: string, message: string): ExtractionResult {
  const confidence = Object.fromEntries(CONFIDENCE_FIELDS.map((f) => [f, 0])) as Record<
    ConfidenceField,
    number
  >;
  return {
    file,
    docType: '其他',
    caseNo: null,
    court: null,
    applicants: [],
    debtors: [],
    basisCaseNo: null,
    claimAmount: null,
    paidAmount: null,
    unpaidAmount: null,
    filedDate: null,
    rulingDate: null,
    actions: [],
    confidence,
    reasons: {},
    error: `${file}：${message}`,
  };
}

/**
 * Extracts every file, yielding results in input order. Files are read with up to `workers`
 * in flight (so images OCR in parallel); a file that cannot be read yields a result with `error`
 * and the batch goes on. The OCR pool starts only if some file needs it.
 */
export async function* extractFiles(
  files: readonly string[],
  options: ExtractOptions = {},
): AsyncGenerator<ExtractionResult> {
  const workers = Math.max(1, options.workers ?? availableParallelism());
  let pool: OcrPool | undefined;
  const getPool = (): OcrPool => (pool ??= new OcrPool(workers));
  const readOptions = {
    ocr: options.ocr ?? 'auto',
    pool: getPool,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    signal: options.signal,
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const one = async (file: string): Promise<ExtractionResult[]> => {
    try {
      const s = await stat(file);
      if (s.size > maxBytes)
        return [failedResult(file, `文件过大（${Math.round(s.size / 1048576)} MB）`)];
      const doc = await readDocument(await readFile(file), file, {
        ...readOptions,
        onPage: (page: number, pages: number) => options.onPage?.(page, pages, file),
      });
      // A case file holding several documents gives one result per document (`part`).
      const parts = splitDocuments(doc.text);
      return parts.map((text, i) => {
        const result: ExtractionResult = extractFields({
          file,
          text,
          layout: doc.layout,
          ocr: doc.ocr,
        });
        if (parts.length > 1) result.part = i + 1;
        if (options.keepText) result.text = text;
        return result;
      });
    } catch (error) {
      if (error instanceof ReadError) return [failedResult(file, error.message)];
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [failedResult(file, '文件不存在')];
      return [
        failedResult(file, `读取失败：${error instanceof Error ? error.message : String(error)}`),
      ];
    }
  };
  try {
    const inFlight: Promise<ExtractionResult[]>[] = [];
    let next = 0;
    let done = 0;
    while (next < files.length || inFlight.length > 0) {
      while (next < files.length && inFlight.length < workers)
        inFlight.push(one(files[next++] ?? ''));
      const first = inFlight.shift();
      if (!first) break;
      const results = await first;
      options.onProgress?.(++done, files.length, results[0]?.file ?? '');
      yield* results;
    }
  } finally {
    await pool?.close();
  }
}
