/**
 * Writes a model fixture's `given` rows straight into `<dataset>__versions` under one fake batch, so
 * a fixture test runs the model against real DuckDB tables without going through the importer.
 */
import { DATASETS } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import type { Database } from './database.ts';
import { versionsTable } from './schema.ts';

export type FixtureRows = Record<string, readonly Record<string, string | number | null>[]>;

/** Inserts the rows (values as strings, cast by DuckDB to the column types); returns the first batch id. */
export async function insertFixtureRows(db: Database, given: FixtureRows): Promise<number> {
  let first = 0;
  for (const [dataset, rows] of Object.entries(given)) {
    const def = DATASETS.find((d) => d.name === dataset);
    // Fixtures are written by users (model files), so every problem is theirs, never a 500.
    if (!def) throw new AppError('FIXTURE_INVALID', `夹具中的数据集 ${dataset} 不在数据目录中`);
    const batch = await db.one<{ id: number }>(
      `INSERT INTO batches (dataset, kind, source) VALUES ($1, 'demo', 'fixture') RETURNING id`,
      [dataset],
    );
    const batchId = Number(batch?.id);
    first ||= batchId;
    const known = new Set(def.columns.map((c) => c.name));
    for (const [i, row] of rows.entries()) {
      const cols = Object.keys(row);
      const unknown = cols.filter((c) => !known.has(c));
      if (unknown.length > 0) {
        throw new AppError(
          'FIXTURE_INVALID',
          `夹具中数据集 ${dataset} 第 ${i + 1} 行有未知列：${unknown.join('、')}（可用列：${[...known].join('、')}）`,
        );
      }
      const key = def.naturalKey.map((k) => String(row[k] ?? '')).join('\u241f');
      const names = [...cols.map((c) => `"${c}"`), '_batch_id', '_file', '_sheet', '_row', '_key'];
      const values = [
        ...cols.map((c) =>
          row[c] === null || row[c] === undefined || row[c] === '' ? null : String(row[c]),
        ),
        batchId,
        `${dataset}.fixture`,
        dataset,
        i + 1,
        `${key}\u241f${i}`,
      ];
      try {
        await db.run(
          `INSERT INTO ${versionsTable(def)} (${names.join(', ')}) VALUES (${values.map((_, j) => `$${j + 1}`).join(', ')})`,
          values,
        );
      } catch (error) {
        // A value DuckDB cannot cast to its column's type (a date 'abc').
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new AppError(
          'FIXTURE_INVALID',
          `夹具中数据集 ${dataset} 第 ${i + 1} 行的值无法写入：${reason}`,
        );
      }
    }
  }
  return first;
}
