import { checkRollback, type ActingUser } from '../org/unit-boundaries.ts';
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

/** Import batches, newest first (CLI `zhijian batches`, the web's batch list). */
export async function listImportBatches(
  db: Database,
  filter: { dataset?: string; limit?: number } = {},
): Promise<BatchInfo[]> {
  return listBatches(db, filter);
}

/** One batch with its validation summary. */
export async function getImportBatch(db: Database, id: number) {
  return getBatch(db, id);
}

/**
 * Removes a batch; the versions it had superseded come back. `user` is who asks (the web): only a
 * data administrator of the owning unit or a unit above it may, and only a province-level one for
 * a shared batch (org/unit-boundaries.ts). Without a user (the CLI, a trusted local operator) any
 * batch may be rolled back.
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
