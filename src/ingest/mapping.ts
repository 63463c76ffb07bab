import type { ColumnDef, DatasetDef } from '../catalog/column-types.ts';
import type { Diagnostic } from '../domain/diagnostic.ts';
import { normalizeHeader } from '../domain/text.ts';
import { matchHeader } from './header-match.ts';

/**
 * A user's mapping (`--mapping FILE`, the web UI, or remembered for a source):
 * `{ "dataset": "vehicles", "columns": { "源表头": "plate", "备注": null } }` — a column is named by
 * its SQL name or its Chinese label; null keeps the header as an extra attribute.
 */
export interface MappingOverride {
  readonly dataset?: string;
  readonly columns?: Readonly<Record<string, string | null>>;
}

/** How the headers of one sheet map to a dataset's columns. */
export interface HeaderMapping {
  readonly dataset: DatasetDef;
  /** Headers as they are in the file (trimmed). */
  readonly headers: readonly string[];
  /** Per header position: the catalog column, or undefined (kept in `_extra` or ignored). */
  readonly columns: readonly (ColumnDef | undefined)[];
  /** Per header position: the `_extra` key, or undefined (mapped, or an empty column without header). */
  readonly extraKeys: readonly (string | undefined)[];
  readonly unmapped: readonly string[];
  readonly duplicates: readonly string[];
  readonly missingRequired: readonly ColumnDef[];
  readonly diagnostics: readonly Diagnostic[];
}

function overrideTarget(dataset: DatasetDef, target: string): ColumnDef | undefined {
  return dataset.columns.find(
    (c) =>
      c.name === target ||
      c.label === target ||
      normalizeHeader(c.label) === normalizeHeader(target),
  );
}

/**
 * Maps each header to a column: the user's override first, then the normalised synonym. A header
 * that repeats (or a second header for an already-mapped column) goes to `_extra` with a suffix and
 * a warning; a header-less column with data goes to `_extra` as 第N列.
 */
export function mapHeaders(
  dataset: DatasetDef,
  rawHeaders: readonly string[],
  override?: MappingOverride,
  where: { file?: string; sheet?: string; row?: number } = {},
): HeaderMapping {
  const headers = rawHeaders.map((h) => h.trim());
  const overrides = new Map<string, string | null>();
  for (const [from, to] of Object.entries(override?.columns ?? {})) {
    overrides.set(normalizeHeader(from), to);
  }
  const diagnostics: Diagnostic[] = [];
  const columns: (ColumnDef | undefined)[] = [];
  const extraKeys: (string | undefined)[] = [];
  const used = new Set<string>();
  const seenHeaders = new Map<string, number>();
  const unmapped: string[] = [];
  const duplicates: string[] = [];
  const at = (column: string): Pick<Diagnostic, 'file' | 'sheet' | 'row' | 'column'> => ({
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.sheet ? { sheet: where.sheet } : {}),
    ...(where.row !== undefined ? { row: where.row } : {}),
    column,
  });

  headers.forEach((header, i) => {
    const key = normalizeHeader(header);
    if (key === '') {
      columns.push(undefined);
      extraKeys.push(`第${i + 1}列`);
      return;
    }
    const times = (seenHeaders.get(key) ?? 0) + 1;
    seenHeaders.set(key, times);
    let column: ColumnDef | undefined;
    if (overrides.has(key)) {
      const target = overrides.get(key);
      column = target ? overrideTarget(dataset, target) : undefined;
      if (target && !column) {
        diagnostics.push({
          code: 'mapping.unknown-column',
          severity: 'warning',
          message: `映射文件把表头“${header}”指向 ${target}，但数据集 ${dataset.label} 没有这一列，已作为附加字段保留`,
          ...at(header),
        });
      }
    } else {
      column = matchHeader(dataset, header);
    }
    if (column && used.has(column.name)) {
      duplicates.push(header);
      diagnostics.push({
        code: times > 1 ? 'header.duplicate' : 'header.same-column',
        severity: 'warning',
        message:
          times > 1
            ? `表头“${header}”重复出现，第 ${i + 1} 列作为附加字段“${header}_${times}”保留`
            : `表头“${header}”与前面的列都对应“${column.label}”，第 ${i + 1} 列作为附加字段保留`,
        ...at(header),
      });
      columns.push(undefined);
      extraKeys.push(times > 1 ? `${header}_${times}` : header);
      return;
    }
    if (column) {
      used.add(column.name);
      columns.push(column);
      extraKeys.push(undefined);
      return;
    }
    unmapped.push(header);
    columns.push(undefined);
    extraKeys.push(times > 1 ? `${header}_${times}` : header);
  });

  if (unmapped.length) {
    diagnostics.push({
      code: 'header.unmapped',
      severity: 'warning',
      message: `${unmapped.length} 个表头不属于数据集 ${dataset.label}，作为附加字段保留：${unmapped.join('、')}`,
      ...at(unmapped.join('、')),
    });
  }
  const missingRequired = dataset.columns.filter((c) => c.required && !used.has(c.name));
  for (const column of missingRequired) {
    diagnostics.push({
      code: 'header.required-missing',
      severity: 'error',
      message: `缺少必需的列“${column.label}”（数据集 ${dataset.label}），整批不能导入；请补上该列或在映射中指定`,
      ...at(column.label),
    });
  }
  return {
    dataset,
    headers,
    columns,
    extraKeys,
    unmapped,
    duplicates,
    missingRequired,
    diagnostics,
  };
}

/** Signature of a header row for remembering mappings: the normalised headers, in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers
    .map((h) => normalizeHeader(h))
    .filter((h) => h !== '')
    .join('|');
}
