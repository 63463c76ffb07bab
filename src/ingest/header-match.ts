import type { ColumnDef, DatasetDef } from '../catalog/column-types.ts';
import { DATASETS } from '../catalog/datasets.ts';
import { normalizeHeader } from '../domain/text.ts';

/**
 * Per dataset: normalised header → column. The canonical label wins over synonyms, and earlier
 * columns over later ones when two share a synonym (datasets.md: "Match them after normalising").
 */
const INDEX = new Map<string, Map<string, ColumnDef>>();

export function headerIndex(dataset: DatasetDef): Map<string, ColumnDef> {
  let index = INDEX.get(dataset.name);
  if (!index) {
    index = new Map();
    for (const column of dataset.columns) {
      const key = normalizeHeader(column.label);
      if (!index.has(key)) index.set(key, column);
      // Also accept the SQL name: a re-import of our own export, or a hand-made file.
      if (!index.has(column.name)) index.set(column.name, column);
    }
    for (const column of dataset.columns) {
      for (const synonym of column.synonyms) {
        const key = normalizeHeader(synonym);
        if (!index.has(key)) index.set(key, column);
      }
    }
    INDEX.set(dataset.name, index);
  }
  return index;
}

/** The column a header maps to in a dataset, or undefined. */
export function matchHeader(dataset: DatasetDef, header: string): ColumnDef | undefined {
  const key = normalizeHeader(header);
  return key ? headerIndex(dataset).get(key) : undefined;
}

/** Columns every row needs: the required ones and the natural key. */
export function keyColumns(dataset: DatasetDef): ColumnDef[] {
  return dataset.columns.filter((c) => c.required || dataset.naturalKey.includes(c.name));
}

export interface DatasetScore {
  readonly dataset: string;
  readonly label: string;
  /** 0..1 */
  readonly score: number;
  readonly matched: number;
  readonly missingRequired: readonly string[];
}

/**
 * How well a header row fits a dataset: mostly whether its key and required columns are there,
 * then how much of the row it explains and how much of the dataset it covers; a file or sheet name
 * that mentions the dataset (终本, 失信 …) adds a little.
 */
export function scoreDataset(
  dataset: DatasetDef,
  headers: readonly string[],
  nameHint = '',
): DatasetScore {
  const present = headers.filter((h) => normalizeHeader(h) !== '');
  const matched = new Set<string>();
  for (const header of present) {
    const column = matchHeader(dataset, header);
    if (column) matched.add(column.name);
  }
  const keys = keyColumns(dataset);
  const keyShare = keys.length ? keys.filter((c) => matched.has(c.name)).length / keys.length : 0;
  const explained = present.length ? matched.size / present.length : 0;
  const coverage = matched.size / dataset.columns.length;
  const hint = dataset.nameHints.some((h) => nameHint.includes(h)) ? 0.1 : 0;
  const score =
    matched.size === 0
      ? 0
      : Math.min(1, 0.5 * keyShare + 0.25 * explained + 0.25 * coverage + hint);
  return {
    dataset: dataset.name,
    label: dataset.label,
    score: Math.round(score * 1000) / 1000,
    matched: matched.size,
    missingRequired: dataset.columns
      .filter((c) => c.required && !matched.has(c.name))
      .map((c) => c.label),
  };
}

/** Every dataset scored against a header row, best first. */
export function rankDatasets(headers: readonly string[], nameHint = ''): DatasetScore[] {
  return DATASETS.map((d) => scoreDataset(d, headers, nameHint)).sort(
    (a, b) => b.score - a.score || b.matched - a.matched,
  );
}

/** Rows looked at for a header row below title rows (brief: "within the first 10 rows"). */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The index (into `rows`) of the header row: the row with most cells that map to a column of the
 * given dataset (or of any dataset), earliest on ties; the first non-empty row when none maps.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], dataset?: DatasetDef): number {
  let best = -1;
  let bestCount = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    // Each cell normalised once, not once per dataset: a 2,000-column row took seconds.
    const keys = (rows[i] ?? []).map(normalizeHeader).filter((k) => k !== '');
    const matches = (d: DatasetDef): number => {
      const index = headerIndex(d);
      return keys.filter((k) => index.has(k)).length;
    };
    const count = dataset ? matches(dataset) : Math.max(...DATASETS.map(matches));
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  if (best >= 0) return best;
  return rows.findIndex((cells) => cells.some((c) => c.trim() !== ''));
}

/**
 * True when a row under the header is the template's description row (row 2 of our templates):
 * most of its non-empty cells equal the description of the column their header maps to.
 */
export function isDescriptionRow(
  cells: readonly string[],
  columns: readonly (ColumnDef | undefined)[],
): boolean {
  let filled = 0;
  let same = 0;
  cells.forEach((cell, i) => {
    if (cell.trim() === '') return;
    filled += 1;
    if (columns[i]?.description === cell.trim()) same += 1;
  });
  return filled > 0 && same * 2 >= filled;
}
