import type { WriteSession } from './bulk-load.ts';

/**
 * A natural key repeated within one batch (the same case number twice in one file): `reject` refuses
 * the batch (the default of every import), `last` keeps the sheet's last row of each key.
 */
export type DedupePolicy = 'reject' | 'last';

/** One repeated key: its `_key` and the sheet rows that carry it, in row order. */
export interface DuplicateKey {
  readonly key: string;
  readonly rows: readonly number[];
}

/** Keys listed with their rows; the rest are counted. */
const LISTED_KEYS = 1000;

/** Thrown inside the batch transaction (which then rolls back) when `reject` found repeated keys. */
export class DuplicateKeysError extends Error {
  constructor(
    readonly duplicates: readonly DuplicateKey[],
    /** Rows beyond the first of their key, over all keys. */
    readonly extraRows: number,
  ) {
    super(`${extraRows} rows repeat a natural key of the batch`);
  }
}

/**
 * Finds the keys the batch's rows repeat, once in SQL for both import paths (the JS row path and the
 * CSV fast path write the same versions table), so they cannot disagree. `reject` throws
 * DuplicateKeysError; `last` deletes every row but the last of each key and returns how many it
 * deleted. A batch is one sheet, so `_row` orders its rows.
 */
export async function settleDuplicateKeys(
  session: WriteSession,
  table: string,
  batchId: number,
  policy: DedupePolicy,
): Promise<{ duplicates: DuplicateKey[]; removed: number }> {
  await session.run(
    `CREATE OR REPLACE TEMP TABLE _dup_keys AS
     SELECT _key, count(*) AS n, max(_row) AS keep FROM ${table}
     WHERE _batch_id = $1 GROUP BY _key HAVING count(*) > 1`,
    [batchId],
  );
  try {
    const total = await session.one<{ keys: number; extra: number | null }>(
      `SELECT count(*)::INTEGER AS keys, sum(n - 1)::INTEGER AS extra FROM _dup_keys`,
    );
    if (!total?.keys) return { duplicates: [], removed: 0 };
    const listed = await session.rows(
      `SELECT d._key, list(t._row ORDER BY t._row) AS rows
       FROM _dup_keys AS d JOIN ${table} AS t ON t._key = d._key AND t._batch_id = $1
       GROUP BY d._key ORDER BY min(t._row) LIMIT ${LISTED_KEYS}`,
      [batchId],
    );
    const duplicates = listed.map(([key, rows]) => ({
      key: String(key),
      rows: (rows as unknown[]).map(Number),
    }));
    if (policy === 'reject') throw new DuplicateKeysError(duplicates, total.extra ?? 0);
    const removed = await session.run(
      `DELETE FROM ${table} AS t USING _dup_keys AS d
       WHERE t._batch_id = $1 AND t._key = d._key AND t._row < d.keep`,
      [batchId],
    );
    return { duplicates, removed };
  } finally {
    await session.run('DROP TABLE IF EXISTS _dup_keys');
  }
}
