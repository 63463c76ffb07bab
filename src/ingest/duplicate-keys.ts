import type { DatasetDef } from '../catalog/column-types.ts';
import type { Diagnostic } from '../domain/diagnostic.ts';
import { maskId } from '../domain/mask.ts';
import type { DedupePolicy, DuplicateKey } from '../store/batch-dedupe.ts';
import { KEY_SEPARATOR, naturalKeyOf } from '../store/bulk-load.ts';
import type { DiagnosticSink, ValidatedRow } from './row-validator.ts';

/** The natural key as a user reads it: its columns' labels and values (IDs masked). */
function describeKey(dataset: DatasetDef, key: string): { labels: string; values: string } {
  const parts = key.split(KEY_SEPARATOR);
  const columns = dataset.naturalKey.map((name) => dataset.columns.find((c) => c.name === name));
  return {
    labels: columns.map((c) => c?.label ?? '').join('、'),
    values: parts
      .map((v, i) => (v === '' ? '（空）' : columns[i]?.type === 'id' ? maskId(v) : v))
      .join('、'),
  };
}

/**
 * One diagnostic per later row of a repeated natural key, naming that row and the first one:
 * errors when the batch is refused, warnings when only the last row of each key was kept.
 */
export function duplicateKeyDiagnostics(
  dataset: DatasetDef,
  duplicates: readonly DuplicateKey[],
  policy: DedupePolicy,
  where: { file: string; sheet?: string },
): Diagnostic[] {
  return duplicates.flatMap(({ key, rows }) => {
    const { labels, values } = describeKey(dataset, key);
    const first = rows[0] ?? 0;
    const last = rows[rows.length - 1] ?? 0;
    return rows.slice(1).map((row) => ({
      code: 'row.duplicate-key',
      severity: policy === 'reject' ? ('error' as const) : ('warning' as const),
      message:
        policy === 'reject'
          ? `第 ${row} 行与第 ${first} 行的${labels}相同（${values}）：同一文件中不能重复，整批未导入；可修正后重新导入，或加 --dedupe last（网页导入选“重复时保留最后一行”）只保留最后一行`
          : `第 ${row} 行与第 ${first} 行的${labels}相同（${values}）：只保留最后一行（第 ${last} 行）`,
      ...where,
      row,
      column: labels,
      value: values,
    }));
  });
}

/** What one sheet's import knows of its repeated keys; the store finds them, a dry run finds them here. */
export class DuplicateTracker {
  /** Earlier rows of repeated keys left out (`last`). */
  removed = 0;
  /** The batch's refusal, once repeated keys refused it. */
  message: string | undefined;
  private readonly dryRunKeys: Map<string, number[]> | undefined;

  constructor(
    private readonly dataset: DatasetDef,
    private readonly policy: DedupePolicy,
    private readonly where: { file: string; sheet?: string },
    private readonly sink: DiagnosticSink,
    dryRun: boolean,
  ) {
    this.dryRunKeys = dryRun ? new Map() : undefined;
  }

  /** A good row (dry runs only keep its key). */
  see(row: ValidatedRow): void {
    if (!this.dryRunKeys) return;
    const key = naturalKeyOf(this.dataset, row.values);
    const rows = this.dryRunKeys.get(key);
    if (rows) rows.push(row.row);
    else this.dryRunKeys.set(key, [row.row]);
  }

  /** The repeated keys a dry run saw, if any. */
  inDryRun(): { found: DuplicateKey[]; extraRows: number } | undefined {
    const found = [...(this.dryRunKeys?.entries() ?? [])]
      .filter(([, rows]) => rows.length > 1)
      .map(([key, rows]) => ({ key, rows }));
    if (!found.length) return undefined;
    return { found, extraRows: found.reduce((n, d) => n + d.rows.length - 1, 0) };
  }

  /** The batch is refused: errors naming both rows; returns the later rows (bad rows). */
  refuse(found: readonly DuplicateKey[], extraRows: number): number[] {
    for (const d of duplicateKeyDiagnostics(this.dataset, found, 'reject', this.where)) {
      this.sink.add(d);
    }
    const labels = this.dataset.naturalKey
      .map((k) => this.dataset.columns.find((c) => c.name === k)?.label ?? k)
      .join('、');
    this.message = `${extraRows} 行的${labels}与前面的行重复，整批未导入（可修正后重新导入，或加 --dedupe last 只保留最后一行）`;
    return found.flatMap((d) => d.rows.slice(1));
  }

  /** Only the last row of each key was kept: warnings, counted. */
  kept(found: readonly DuplicateKey[], removed: number): void {
    for (const d of duplicateKeyDiagnostics(this.dataset, found, 'last', this.where)) {
      this.sink.count(d);
    }
    this.removed = removed;
  }
}
