import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.ts';
import { OrgService } from '../org/org.service.ts';
import type { ActingUser } from '../org/unit-boundaries.ts';
import { Database } from '../store/database.ts';
import { insertFixtureRows } from '../store/fixture.repo.ts';
import { saveUserModel } from '../store/model.repo.ts';
import { findModel, loadBuiltInModel, loadLibrary } from './library.ts';
import { exportModelYaml, parseModelFile } from './model-file.ts';
import { exportModel, importModel } from './model.service.ts';
import { runModels } from './run.service.ts';

const dirs: string[] = [];
async function openDb(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-user-models-'));
  dirs.push(dir);
  const db = await Database.open(join(dir, 'test.duckdb'));
  await new OrgService(db, new AuditService(db)).ensureUnits('33');
  return db;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const user = (unitId: string): ActingUser & { username: string } => ({
  unitId,
  roles: ['data_admin'],
  username: `u${unitId}`,
});

/** M01's file with another name (and id), fixture embedded: what a unit would send around. */
function m01File(id = 'M01', name = '县院改写的车辆模型'): string {
  const m = loadBuiltInModel('M01');
  return exportModelYaml({ ...m.def, id, name }, m.fixtures);
}

describe('user models are namespaced by unit', () => {
  it("a county's model with a built-in id replaces the built-in for nobody", async () => {
    const db = await openDb();
    const shangcheng = user('330102');
    const imported = await importModel(db, m01File(), 'M01.yaml', shangcheng);
    expect(imported.id).toBe('330102.M01');
    for (const viewer of [shangcheng, user('330105'), user('330000'), undefined]) {
      const m01 = await findModel('M01', db, viewer);
      expect(m01.source).toBe('built-in');
      expect(m01.def.name).toBe(loadBuiltInModel('M01').def.name);
    }
    // The county sees its own copy beside the built-in; its neighbour and the province do not.
    const ids = async (viewer?: ActingUser) =>
      (await loadLibrary(db, viewer)).filter((m) => m.source === 'user').map((m) => m.def.id);
    expect(await ids(shangcheng)).toEqual(['330102.M01']);
    expect(await ids(user('330105'))).toEqual([]);
    expect(await ids(user('330000'))).toEqual([]);
    await expect(findModel('330102.M01', db, user('330105'))).rejects.toMatchObject({
      status: 404,
    });
    // The trusted operator sees every unit's models.
    expect(await ids()).toEqual(['330102.M01']);
  });

  it('a shared (operator) import may not take a built-in id; a legacy stored M01 is ignored', async () => {
    const db = await openDb();
    await expect(importModel(db, m01File(), 'M01.yaml')).rejects.toThrow(/内置模型的编号/);
    await saveUserModel(db, { id: 'M01', version: 9, source: m01File('M01', '旧的覆盖') });
    expect((await findModel('M01', db)).source).toBe('built-in');
  });

  it("the province imports a county's export; province models are seen everywhere", async () => {
    const db = await openDb();
    await importModel(db, m01File('X01', '县院模型'), 'X01.yaml', user('330102'));
    const file = await exportModel(db, '330102.X01', user('330102'));
    // The file carries the model's own id, so it imports anywhere.
    const parsed = parseModelFile(file, 'X01.yaml');
    expect(parsed.ok && parsed.value.id).toBe('X01');
    const province = await importModel(db, file, 'X01.yaml', user('330000'));
    expect(province.id).toBe('330000.X01');
    for (const viewer of [user('330105'), user('330100'), user('330000')]) {
      expect((await findModel('330000.X01', db, viewer)).def.name).toBe('县院模型');
    }
    await expect(exportModel(db, '330102.X01', user('330000'))).rejects.toMatchObject({
      status: 404,
    });
  });

  it("lead keys of a unit's model cannot collide with the built-in's", async () => {
    const db = await openDb();
    await importModel(db, m01File(), 'M01.yaml', user('330000'));
    const m = loadBuiltInModel('M01');
    const fixture = m.fixtures[0];
    if (!fixture) throw new Error('M01 has no fixture');
    await insertFixtureRows(db, fixture.given);
    const both = await runModels(db, {
      models: ['M01', '330000.M01'],
      asOf: fixture.asOf ?? '2025-01-01',
      user: user('330000'),
    });
    expect(both.outcomes.map((o) => o.status)).toEqual(['ran', 'ran']);
    const rows = await db.all<{ model_id: string; lead_key: string }>(
      `SELECT model_id, lead_key FROM leads ORDER BY lead_key`,
    );
    const builtIn = rows.filter((r) => r.model_id === 'M01');
    const mine = rows.filter((r) => r.model_id === '330000.M01');
    expect(builtIn.length).toBeGreaterThan(0);
    expect(mine.length).toBe(builtIn.length);
    expect(mine.every((r) => r.lead_key.startsWith('330000.M01:'))).toBe(true);
    // A county user cannot run another county's model.
    await importModel(db, m01File('X02'), 'X02.yaml', user('330102'));
    await expect(
      runModels(db, { models: ['330102.X02'], user: user('330105') }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
