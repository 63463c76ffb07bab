/** User models (`user_models`): model files imported by users, stored whole (YAML, fixture included). */
import type { SqlExecutor } from './lead.repo.ts';

export interface StoredModel {
  readonly id: string;
  readonly version: number;
  readonly source: string;
}

export async function listUserModels(db: SqlExecutor): Promise<StoredModel[]> {
  const rows = await db.all<{ id: string; version: number; source: string }>(
    `SELECT id, version, source FROM user_models ORDER BY id`,
  );
  return rows.map((r) => ({ id: r.id, version: Number(r.version), source: r.source }));
}

export async function saveUserModel(
  db: SqlExecutor,
  model: StoredModel,
  user?: string,
): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO user_models (id, version, source, imported_at, imported_by)
     VALUES ($id, $version, $source, current_timestamp, $user)`,
    { id: model.id, version: model.version, source: model.source, user: user ?? null },
  );
}

export async function deleteUserModel(db: SqlExecutor, id: string): Promise<void> {
  await db.run(`DELETE FROM user_models WHERE id = $id`, { id });
}
