import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATASETS } from '../catalog/datasets.ts';
import { Database } from './database.ts';
import { versionsTable } from './schema.ts';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-db-'));
  dirs.push(dir);
  return join(dir, 'test.duckdb');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Database', () => {
  it('creates a versions table and a current-rows view for every dataset', async () => {
    const db = await Database.open(tempDb());
    for (const dataset of DATASETS) {
      const cols = await db.all<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1`,
        [versionsTable(dataset)],
      );
      const names = cols.map((c) => c.column_name);
      for (const column of dataset.columns) expect(names).toContain(column.name);
      expect(names).toContain('_batch_id');
    }
    db.close();
  });

  it('rolls back a failed transaction and keeps the earlier state', async () => {
    const path = tempDb();
    const db = await Database.open(path);
    await db.run(`INSERT INTO batches (dataset) VALUES ('deaths')`);
    await expect(
      db.transaction(async () => {
        await db.run(`INSERT INTO batches (dataset) VALUES ('vehicles')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.all<{ dataset: string }>(`SELECT dataset FROM batches`);
    expect(rows.map((r) => r.dataset)).toEqual(['deaths']);
    db.close();
    const reopened = await Database.open(path);
    expect(await reopened.all(`SELECT * FROM batches`)).toHaveLength(1);
    reopened.close();
  });
});
