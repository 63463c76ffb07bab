import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../contract/vocabulary.ts';
import { AuditService } from '../audit/audit.service.ts';
import { OrgService } from '../org/org.service.ts';
import { writeBatch } from '../store/batch.repo.ts';
import { Database } from '../store/database.ts';
import { getImportBatch, rollbackImportBatch } from './batch.service.ts';

const dirs: string[] = [];
async function openDb(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-batch-service-'));
  dirs.push(dir);
  const db = await Database.open(join(dir, 'test.duckdb'));
  await new OrgService(db, new AuditService(db)).ensureUnits('33');
  return db;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function batchOf(db: Database, unitId: string | null): Promise<number> {
  const r = await writeBatch(db, {
    dataset: 'vehicles',
    kind: 'import',
    unitId,
    rows: [
      {
        values: {
          plate: `浙A${unitId ?? '0'}`,
          owner_id: '330102198001010018',
          owner_name: '张三',
        },
        row: 2,
      },
    ],
  });
  return r.batchId;
}

const as = (unitId: string, roles: Role[] = ['data_admin']) => ({ unitId, roles });
const status = async (db: Database, id: number) => (await getImportBatch(db, id))?.status;

describe('who may roll back a batch', () => {
  it('a county data admin may not roll back a shared or a province batch', async () => {
    const db = await openDb();
    const shared = await batchOf(db, null);
    const province = await batchOf(db, '330000');
    const city = await batchOf(db, '330100');
    for (const id of [shared, province, city]) {
      await expect(rollbackImportBatch(db, id, as('330102'))).rejects.toMatchObject({
        status: 403,
        message: expect.stringMatching(/只能由.*数据管理员回滚/),
      });
      expect(await status(db, id)).toBe('committed');
    }
    // A city data admin may not roll back the shared batch either: it is the province's.
    await expect(rollbackImportBatch(db, shared, as('330100'))).rejects.toThrow(/省级院/);
    await rollbackImportBatch(db, shared, as('330000'));
    await rollbackImportBatch(db, province, as('330000'));
    await rollbackImportBatch(db, city, as('330100'));
    expect([await status(db, shared), await status(db, province), await status(db, city)]).toEqual([
      'rolled_back',
      'rolled_back',
      'rolled_back',
    ]);
  });

  it("a unit's batch: its own and any unit above may; a neighbour gets not found", async () => {
    const db = await openDb();
    const a = await batchOf(db, '330102');
    const b = await batchOf(db, '330102');
    await expect(rollbackImportBatch(db, a, as('330105'))).rejects.toMatchObject({ status: 404 });
    await expect(rollbackImportBatch(db, a, as('330102', ['prosecutor']))).rejects.toMatchObject({
      status: 403,
    });
    await expect(rollbackImportBatch(db, 99999, as('330102'))).rejects.toMatchObject({
      status: 404,
    });
    await rollbackImportBatch(db, a, as('330102'));
    await rollbackImportBatch(db, b, as('330100'));
    expect([await status(db, a), await status(db, b)]).toEqual(['rolled_back', 'rolled_back']);
  });

  it('the local operator (CLI, no user) may roll back any batch', async () => {
    const db = await openDb();
    const shared = await batchOf(db, null);
    await rollbackImportBatch(db, shared);
    expect(await status(db, shared)).toBe('rolled_back');
  });
});
