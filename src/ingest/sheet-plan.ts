import type { DatasetDef } from '../catalog/column-types.ts';
import { findDataset } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import { cellText, isBlank, type RawRow, type SheetSource } from './cell.ts';
import type { Diagnostic } from '../domain/diagnostic.ts';
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  headerKey,
  rankDatasets,
  type DatasetScore,
} from './header-match.ts';
import {
  headerSignature,
  mapHeaders,
  type HeaderMapping,
  type MappingOverride,
} from './mapping.ts';
import { unresolvedDiagnostics, unresolvedMatches, type UnresolvedMatch } from './match-columns.ts';
import { isDescriptionRow } from './row-kinds.ts';

/** Below this score a sheet is not taken for any dataset without the user saying which. */
export const MIN_DETECTION_SCORE = 0.4;

/** Two datasets closer than this are a tie: the user must choose (no silent guess). */
export const DETECTION_MARGIN = 0.03;

/** A remembered mapping lookup (the store's, injected so this module stays free of I/O). */
export type MappingLookup = (
  signature: string,
) => Promise<{ dataset: string; columns: Record<string, string | null> } | undefined>;

export interface SheetPlanOptions {
  readonly dataset?: string;
  readonly mapping?: MappingOverride;
  readonly lookup?: MappingLookup;
}

/** How one sheet will be read: its header row, dataset, mapping, and the rows read ahead. */
export interface SheetPlan {
  readonly sheet: string | null;
  /** 1-based row of the header; undefined when the sheet is empty. */
  readonly headerRow?: number;
  readonly headers: readonly string[];
  readonly signature: string;
  readonly ranking: readonly DatasetScore[];
  /** True when the best two datasets scored (almost) the same and nobody chose. */
  readonly ambiguous: boolean;
  readonly dataset?: DatasetDef;
  readonly mappingFrom: 'override' | 'remembered' | 'detected';
  readonly mapping?: HeaderMapping;
  /** True when the row under the header described the columns (a template's row 2; skipped). */
  readonly templateForm: boolean;
  /**
   * Matching columns (IDs, case numbers, plates) no header maps to; those with candidate headers
   * refuse the batch until the user maps them or sets the candidates aside.
   */
  readonly unresolved: readonly UnresolvedMatch[];
  /** What the unresolved matching columns say (errors with candidates, warnings without). */
  readonly matchDiagnostics: readonly Diagnostic[];
  /** The data rows: those read ahead, then the rest of the sheet. */
  readonly dataRows: AsyncIterable<RawRow[]>;
  /** The first data rows (for previews). */
  readonly sample: readonly RawRow[];
  /** Stops reading the sheet (a preview needs only the first rows). */
  close(): Promise<void>;
}

const texts = (row: RawRow): string[] => row.cells.map((c) => cellText(c).trim());

/**
 * Reads the first rows of a sheet and decides how to read it: the header row (row 1, the two-row
 * template form, or below title rows), the dataset (the user's choice, a remembered mapping for
 * this header signature, or the best detection score), and the header mapping.
 */
export async function planSheet(
  source: SheetSource,
  fileName: string,
  options: SheetPlanOptions = {},
): Promise<SheetPlan> {
  const iterator = source.rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  let nonBlank = 0;
  let exhausted = false;
  while (nonBlank < HEADER_SEARCH_ROWS + 22) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    for (const row of next.value) {
      head.push(row);
      if (!row.cells.every((c) => isBlank(c))) nonBlank += 1;
    }
  }
  const rest: AsyncIterable<RawRow[]> = {
    [Symbol.asyncIterator]: () =>
      exhausted ? { next: async () => ({ done: true, value: undefined }) } : iterator,
  };
  const filled = head.filter((r) => !r.cells.every((c) => isBlank(c)));
  const close = async (): Promise<void> => {
    if (!exhausted) await iterator.return?.();
  };

  const explicitName = options.dataset ?? options.mapping?.dataset;
  const explicit = explicitName ? findDataset(explicitName) : undefined;
  if (explicitName && !explicit) {
    throw new AppError(
      'UNKNOWN_DATASET',
      `未知的数据集：${explicitName}（用 zhijian template --all 查看全部数据集）`,
    );
  }
  const empty: SheetPlan = {
    sheet: source.name,
    headers: [],
    signature: '',
    ranking: [],
    ambiguous: false,
    mappingFrom: 'detected',
    templateForm: false,
    unresolved: [],
    matchDiagnostics: [],
    dataRows: rest,
    sample: [],
    close,
  };
  if (filled.length === 0) return empty;

  const candidates = filled.slice(0, HEADER_SEARCH_ROWS).map(texts);
  const headerIndex = Math.max(0, findHeaderRow(candidates, explicit));
  const headerRaw = filled[headerIndex] as RawRow;
  const headers = texts(headerRaw);
  // Trailing header cells that are empty are not columns (their data, if any, goes to _extra).
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const signature = headerSignature(headers);
  const ranking = rankDatasets(headers, `${fileName} ${source.name ?? ''}`);
  const remembered =
    !explicit && !options.mapping?.columns && options.lookup
      ? await options.lookup(signature)
      : undefined;
  const best = ranking[0];
  const runnerUp = ranking[1];
  const ambiguous =
    !!best &&
    !!runnerUp &&
    best.score >= MIN_DETECTION_SCORE &&
    best.score - runnerUp.score < DETECTION_MARGIN;
  const dataset =
    explicit ??
    (remembered ? findDataset(remembered.dataset) : undefined) ??
    (best && best.score >= MIN_DETECTION_SCORE && !ambiguous
      ? findDataset(best.dataset)
      : undefined);
  const mappingFrom = options.mapping?.columns
    ? 'override'
    : remembered && !explicit
      ? 'remembered'
      : 'detected';
  const mapping = dataset
    ? mapHeaders(
        dataset,
        headers,
        options.mapping ?? (remembered ? { columns: remembered.columns } : undefined),
        {
          file: fileName,
          ...(source.name ? { sheet: source.name } : {}),
          row: headerRaw.row,
        },
      )
    : undefined;

  // Data start after the header row; a row describing the columns (a template's row 2) is skipped.
  let start = head.indexOf(headerRaw) + 1;
  let templateForm = false;
  const afterHeader = head.slice(start).find((r) => !r.cells.every((c) => isBlank(c)));
  if (mapping && afterHeader && isDescriptionRow(texts(afterHeader), mapping.columns, headers)) {
    templateForm = true;
    start = head.indexOf(afterHeader) + 1;
  }
  const aheadRows = head.slice(start);
  const sample = aheadRows.filter((r) => !r.cells.every((c) => isBlank(c))).slice(0, 20);
  // Headers the user's (or a remembered) mapping names are decided: never candidates.
  const decided = new Set(
    Object.keys(options.mapping?.columns ?? remembered?.columns ?? {}).map((h) => headerKey(h)),
  );
  const unresolved = mapping ? unresolvedMatches(mapping, sample.map(texts), decided) : [];
  const matchDiagnostics = unresolvedDiagnostics(unresolved, {
    file: fileName,
    ...(source.name ? { sheet: source.name } : {}),
    row: headerRaw.row,
  });
  const dataRows: AsyncIterable<RawRow[]> = {
    async *[Symbol.asyncIterator]() {
      if (aheadRows.length) yield aheadRows;
      yield* rest;
    },
  };
  return {
    sheet: source.name,
    headerRow: headerRaw.row,
    headers,
    signature,
    ranking,
    ambiguous: ambiguous && !dataset,
    ...(dataset ? { dataset } : {}),
    mappingFrom,
    ...(mapping ? { mapping } : {}),
    templateForm,
    unresolved,
    matchDiagnostics,
    dataRows,
    sample,
    close,
  };
}
