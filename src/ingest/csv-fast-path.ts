import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchKind } from '../domain/vocabulary.ts';
import type { BatchRow } from '../store/batch.repo.ts';
import type { DedupePolicy, DuplicateKey } from '../store/batch-dedupe.ts';
import { writeCsvBatch, type ScreenTerm } from '../store/csv-fast-load.ts';
import type { Database } from '../store/database.ts';
import { moneyUnitOfHeader } from '../domain/text.ts';
import { sqlString } from '../sql/literal.ts';
import { FOOTER_START_SQL } from './row-kinds.ts';
import { canonicalHelpers, canonicalPredicate } from './canonical-sql.ts';
import type { DelimitedFile, RawRow } from './cell.ts';
import type { HeaderMapping } from './mapping.ts';
import { READ_LIMITS } from './read-limits.ts';
import { createCellCanonicalizer, type ValidatedRow } from './row-validator.ts';

/**
 * CSV fast path (issue 3's speed target): DuckDB reads the file and a SQL pre-screen
 * (`canonical-sql.ts`) passes the rows whose every cell is already canonical; only the other rows
 * go through the JS row validator. Results are the same as the JS path: the screen accepts only what
 * the domain primitives would store unchanged and without a warning. Falls back (returns undefined)
 * whenever DuckDB might read the file differently from the JS reader.
 */

/** Datasets whose validator derives values across columns (action type, party type): JS only. */
const JS_ONLY_DATASETS = new Set(['case_actions', 'case_parties']);

/**
 * Sheets the fast path has imported or rejected in this process, and rows it handed to the row
 * validator (tests check the path taken).
 */
export const fastPathUses = { count: 0, rowsValidated: 0 };

export interface CsvFastInput {
  readonly file: string;
  readonly source: DelimitedFile;
  readonly mapping: HeaderMapping;
  /** The first data row as the JS reader saw it. */
  readonly first: RawRow;
  readonly validate: (raw: RawRow) => ValidatedRow | undefined;
  /** True (and counted) when a row is a footer (合计, 制表人 …), not data. */
  readonly isFooter: (raw: RawRow) => boolean;
  readonly skipBadRows: boolean;
  readonly dedupe: DedupePolicy;
  readonly onDuplicates: (duplicates: readonly DuplicateKey[], removed: number) => void;
  readonly kind: BatchKind;
  readonly sourceName: string;
  readonly unitId: string | null;
  readonly user: string | null;
  /** Counts a non-blank row validated in JS. */
  readonly onRead: () => void;
  /** Counts a row with errors. */
  readonly onBad: (row: number) => void;
  readonly badRows: () => number;
  readonly report: () => unknown;
  readonly onProgress: () => void;
  /** DuckDB's progress through the file (0..1). */
  readonly onScreening?: (fraction: number) => void;
}

export type CsvFastResult =
  | {
      status: 'imported';
      batchId: number;
      imported: number;
      superseded: number;
      screened: number;
    }
  | { status: 'rejected'; screened: number };

/** True when the fast path can take this sheet at all (before any file work). */
export function fastPathEligible(mapping: HeaderMapping): boolean {
  if (JS_ONLY_DATASETS.has(mapping.dataset.name) || mapping.duplicates.length > 0) return false;
  const names = mapping.columns.filter((c) => c).map((c) => c?.name);
  return new Set(names).size === names.length;
}

export async function importCsvFast(
  db: Database,
  input: CsvFastInput,
): Promise<CsvFastResult | undefined> {
  const prepared = await utf8Copy(input.source);
  if (!prepared) return undefined;
  try {
    const { mapping } = input;
    const width = mapping.headers.length;
    const conditions: ScreenTerm[] = [];
    const helpers: string[] = [];
    const columns: Record<string, string> = {};
    const all: string[] = [];
    for (let i = 0; i < width; i++) {
      const c = `c${i}`;
      all.push(c);
      const column = mapping.columns[i];
      if (!column) {
        // Unmapped cells go to _extra in JS: such rows take the JS path.
        conditions.push({ condition: `${c} IS NULL` });
        continue;
      }
      columns[column.name] = c;
      // A 万元 header rescales plain amounts: such cells take the JS path (parserFor knows the unit).
      const wan = column.type === 'money' && moneyUnitOfHeader(mapping.headers[i] ?? '') === 'wan';
      const predicate = wan ? undefined : canonicalPredicate(c, column.type);
      if (predicate) helpers.push(...canonicalHelpers(c, column.type));
      const empty = column.required ? 'false' : `${c} IS NULL`;
      conditions.push({
        condition: predicate ? `(${empty} OR coalesce(${predicate}, false))` : `(${empty})`,
        column: i,
      });
    }
    // An all-empty row is skipped by the validator, not imported. A required column's term already
    // fails it (an empty cell), so the extra test is needed only without one.
    if (!mapping.columns.some((column) => column?.required)) {
      conditions.push({ condition: `coalesce(${all.join(', ')}) IS NOT NULL` });
    }
    // A footer row (合计, 制表人 …) fails a required typed column's term; where every required
    // column is text, a row whose first cell may start a footer word goes to the JS rule instead.
    if (!mapping.columns.some((column) => column?.required && column.type !== 'text')) {
      conditions.push({
        condition: `NOT coalesce(regexp_matches(coalesce(${all.join(', ')}), ${sqlString(FOOTER_START_SQL)}), false)`,
      });
    }
    const canonicalCell = createCellCanonicalizer(mapping);

    let readCount = 0;
    const fix = (rows: { row: number; cells: (string | null)[] }[]): BatchRow[] => {
      const out: BatchRow[] = [];
      fastPathUses.rowsValidated += rows.length;
      for (const r of rows) {
        const raw = { row: r.row, cells: r.cells.map((c) => c ?? '') };
        if (input.isFooter(raw)) continue;
        const v = input.validate(raw);
        if (!v) continue;
        readCount += 1;
        input.onRead();
        if (v.errors > 0) {
          input.onBad(v.row);
          continue;
        }
        if (input.badRows() === 0 || input.skipBadRows) {
          out.push({ values: v.values, extra: v.extra, file: input.file, sheet: null, row: v.row });
        }
      }
      return out;
    };
    const result = await writeCsvBatch(db, {
      dataset: mapping.dataset.name,
      dedupe: input.dedupe,
      onDuplicates: input.onDuplicates,
      kind: input.kind,
      source: input.sourceName,
      unitId: input.unitId,
      user: input.user,
      file: input.file,
      csv: {
        path: prepared.path,
        delimiter: input.source.delimiter,
        skip: input.first.row - 1,
        width,
        // A record this long in bytes may hold a cell over the limit: the JS reader then stops the
        // file with its message (`read-limits.ts`); DuckDB would store the cell or fail on its own.
        maxRecordBytes: READ_LIMITS.fieldChars,
      },
      firstRow: input.first.row,
      screen: conditions,
      helpers,
      canonical: (column, values) => values.map((v) => canonicalCell(column, v)),
      columns,
      verifyFirst: (cells) => sameRow(input.first.cells, cells, width),
      fix,
      // No row at all (only empty rows): nothing to commit; the caller reports the sheet as empty.
      accept: (screened) =>
        screened + readCount > 0 && (input.badRows() === 0 || input.skipBadRows),
      rowsRead: () => readCount,
      rowsRejected: input.badRows,
      report: input.report,
      onProgress: input.onProgress,
      ...(input.onScreening ? { onStaging: input.onScreening } : {}),
    });
    if (result.status === 'unsupported') return undefined;
    fastPathUses.count += 1;
    return result;
  } finally {
    if (prepared.temporary) rmSync(prepared.path, { force: true });
  }
}

/** The JS reader's cells against DuckDB's (NULL = empty): the same row, or the numbering is off. */
function sameRow(
  js: readonly (string | number | null)[],
  duck: (string | null)[] | undefined,
  width: number,
): boolean {
  if (!duck) return false;
  for (let i = 0; i < Math.max(width, js.length); i++) {
    const a = js[i] ?? '';
    const b = i < width ? (duck[i] ?? '') : '';
    if (a !== b) return false;
  }
  return true;
}

/**
 * The file as UTF-8 for DuckDB (GBK and UTF-16 decoded streaming into a temp file), after checking
 * it has no empty line before its last data line: DuckDB skips empty lines while the JS reader counts
 * them, so row numbers would shift. Undefined: take the JS path.
 */
async function utf8Copy(
  source: DelimitedFile,
): Promise<{ path: string; temporary: boolean } | undefined> {
  const blank = new BlankLineCheck();
  if (source.encoding === 'utf-8') {
    for await (const chunk of createReadStream(source.path, { highWaterMark: 1 << 20 })) {
      if (!blank.feedBytes(chunk as Buffer)) return undefined;
    }
    return { path: source.path, temporary: false };
  }
  const path = join(tmpdir(), `zhijian-utf8-${process.pid}-${randomUUID()}.csv`);
  const out = createWriteStream(path);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  const decoder = new TextDecoder(source.encoding);
  let ok = true;
  try {
    for await (const chunk of createReadStream(source.path, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (!blank.feed(text)) {
        ok = false;
        break;
      }
      if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
    if (ok) out.write(decoder.decode());
  } finally {
    out.end();
    await closed;
  }
  if (!ok) {
    rmSync(path, { force: true });
    return undefined;
  }
  return { path, temporary: true };
}

const BLANK_LINE = /\n\r?\n/;
const CONTENT = /[^\r\n]/;
const LF_LF = Buffer.from('\n\n');
const LF_CR_LF = Buffer.from('\n\r\n');

/** Offset of the first empty line in `b` (native search: no decoding), or -1. */
function blankLineAt(b: Buffer): number {
  const a = b.indexOf(LF_LF);
  const c = b.indexOf(LF_CR_LF);
  return a < 0 ? c : c < 0 ? a : Math.min(a, c);
}

function hasContent(b: Buffer, from: number): boolean {
  for (let i = from; i < b.length; i++) {
    const x = b[i];
    if (x !== 10 && x !== 13) return true;
  }
  return false;
}

/** Streaming test for an empty line followed by more content (trailing empty lines are fine). */
class BlankLineCheck {
  private carry = '';
  private carryBytes = Buffer.alloc(0);
  private sawBlank = false;

  /** Feeds raw UTF-8 bytes (the UTF-8 path: measured ~10× cheaper than decoding to test). */
  feedBytes(b: Buffer): boolean {
    if (this.sawBlank) return !hasContent(b, 0);
    const edge = Buffer.concat([this.carryBytes, b.subarray(0, 2)]);
    const atEdge = blankLineAt(edge);
    if (atEdge >= 0) {
      this.sawBlank = true;
      return !hasContent(edge, atEdge) && !hasContent(b, 0);
    }
    const at = blankLineAt(b);
    if (at >= 0) {
      this.sawBlank = true;
      return !hasContent(b, at);
    }
    this.carryBytes = Buffer.from(b.subarray(Math.max(0, b.length - 2)));
    return true;
  }

  /** Feeds decoded text (or latin1 bytes); false once an interior empty line is certain. */
  feed(text: string): boolean {
    if (this.sawBlank) return !CONTENT.test(text);
    const t = this.carry + text;
    const m = BLANK_LINE.exec(t);
    if (m) {
      this.sawBlank = true;
      return !CONTENT.test(t.slice(m.index));
    }
    this.carry = t.slice(-2);
    return true;
  }
}
