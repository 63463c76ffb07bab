import type { SqlExecutor } from './lead.repo.ts';
import type { SqlParams } from './database.ts';

/** The id an `INSERT … RETURNING id` gave its row; `what` names the insert if none came back. */
export async function insertedId(
  db: SqlExecutor,
  sql: string,
  params: SqlParams,
  what: string,
): Promise<number> {
  const [row] = await db.all<{ id: number | bigint | string }>(sql, params);
  if (!row) throw new Error(`${what}: no row`);
  return Number(row.id);
}
