import { AppError } from '../domain/app-error.ts';
import type { BatchStatus } from '../domain/vocabulary.ts';
import { actingUserWith, type Operator, type ServiceContext } from '../org/operator.ts';
import { checkRollback, type ActingUser } from '../org/unit-boundaries.ts';
import { scopeOf } from '../org/unit-tree.ts';
import {
  getBatch,
  listBatches,
  rollbackBatch,
  type BatchInfo,
  type RollbackResult,
} from '../store/batch.repo.ts';
import type { Database } from '../store/database.ts';
import { listUnits } from '../store/unit.repo.ts';

export type { BatchInfo, RollbackResult };

/** Import batches, newest first, unscoped (the engine's view; operators go through `batchesFor`). */
export async function listImportBatches(
  db: Database,
  filter: { dataset?: string; limit?: number } = {},
): Promise<BatchInfo[]> {
  return listBatches(db, filter);
}

/**
 * The batches an operator sees, newest first: their unit's, the units' below and above (province
 * data is shared down) and shared ones (no unit); the local operator (no unit) sees every batch.
 */
export async function batchesFor(
  db: Database,
  operator: Operator,
  filter: { dataset?: string; status?: BatchStatus; limit?: number } = {},
): Promise<BatchInfo[]> {
  const all = await listBatches(db, {
    ...(filter.dataset ? { dataset: filter.dataset } : {}),
    ...(filter.limit ? { limit: filter.limit } : {}),
  });
  const units = operator.unitId === null ? undefined : await listUnits(db);
  const visible = units && new Set(scopeOf(units, operator.unitId ?? '').dataUnitIds);
  return all.filter(
    (b) =>
      (!visible || b.unitId === null || visible.has(b.unitId)) &&
      (!filter.status || b.status === filter.status),
  );
}

/** One batch with its validation summary. */
export async function getImportBatch(db: Database, id: number) {
  return getBatch(db, id);
}

/**
 * Removes a batch; the versions it had superseded come back. `user` is who asks: only a data
 * administrator of the owning unit or a unit above it may, and only a province-level one for a
 * shared batch; another unit's batch is "not found" (org/unit-boundaries.ts). Without a user (the
 * trusted local operator) any batch may be rolled back. Operators go through `rollbackBatchAs`.
 */
export async function rollbackImportBatch(
  db: Database,
  id: number,
  user?: ActingUser,
): Promise<RollbackResult> {
  if (user) {
    const batch = Number.isInteger(id) ? await getBatch(db, id) : undefined;
    checkRollback(await listUnits(db), batch, user);
  }
  return rollbackBatch(db, id);
}

/**
 * Rolls a batch back for an operator (web user or CLI): the unit rule above, then an audit row
 * naming the operator, the dataset and the files, and the change signal (cached lead pages and
 * counts are dropped). Returns the rolled-back batch.
 */
export async function rollbackBatchAs(
  ctx: ServiceContext,
  operator: Operator,
  id: number,
): Promise<{ result: RollbackResult; batch: BatchInfo }> {
  const acting = await actingUserWith(ctx.db, operator, 'rollback_batches');
  const result = await rollbackImportBatch(ctx.db, id, acting);
  ctx.changes.changed('data');
  const batch = await getBatch(ctx.db, id);
  if (!batch) throw new AppError('NOT_FOUND', '批次不存在');
  await ctx.audit.record(
    operator,
    'rollback',
    String(id),
    `${batch.dataset} ${batch.files.map((f) => f.file).join('、')}；删除 ${result.deleted} 行，恢复 ${result.reactivated} 行`,
  );
  return { result, batch };
}
