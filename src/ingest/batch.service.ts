import {
  getBatch,
  listBatches,
  rollbackBatch,
  type BatchInfo,
  type RollbackResult,
} from '../store/batch.repo.ts';
import type { Database } from '../store/database.ts';

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

/** Removes a batch; the versions it had superseded come back. */
export async function rollbackImportBatch(db: Database, id: number): Promise<RollbackResult> {
  return rollbackBatch(db, id);
}
