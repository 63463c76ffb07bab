/**
 * The sandbox holds even when the SQL check is bypassed: these statements go straight to the
 * sandbox connection, as if a model had slipped them past src/sql/sql-guard.ts.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { insertFixtureRows } from './fixture.repo.ts';
import { ModelSession } from './model-session.ts';
import { memoryBytes } from './model-sandbox.ts';

let dir: string;
let db: Database;
let batchIds: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-sandbox-test-'));
  db = await Database.open(join(dir, 'platform.duckdb'));
  await db.run(
    `INSERT INTO users (id, username, display_name, unit_id, roles, password_hash) VALUES ('u1', 'admin', '管理员', '33', 'admin', 'scrypt$secret-hash')`,
  );
  const first = await insertFixtureRows(db, {
    vehicles: [
      { plate: '浙A10001', owner_id: 'X1', owner_name: '张三', registered_date: '2020-01-01' },
    ],
  });
  const second = await insertFixtureRows(db, {
    vehicles: [
      { plate: '浙A10002', owner_id: 'X2', owner_name: '李四', registered_date: '2021-01-01' },
    ],
  });
  batchIds = [first, second];
  writeFileSync(join(dir, 'secret.txt'), 'top secret');
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function refused(session: ModelSession, sql: string): Promise<string> {
  try {
    await session.run(sql);
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error(`sandbox accepted: ${sql}`);
}

describe('model sandbox', () => {
  it('holds only the datasets of the run: no platform table is reachable', async () => {
    const session = await ModelSession.open(db, { datasets: ['vehicles'] });
    try {
      const tables = await session.all<{ t: string }>(
        `SELECT table_name AS t FROM duckdb_tables() WHERE NOT temporary ORDER BY 1`,
      );
      expect(tables.map((r) => r.t)).toEqual(['_sandbox_meta', 'vehicles']);
      for (const sql of [
        'SELECT * FROM users',
        'SELECT password_hash FROM main.users',
        'SELECT * FROM sessions',
        'SELECT * FROM audit_log',
        'SELECT * FROM leads',
        'SELECT * FROM user_models',
        'SELECT * FROM vehicles__versions',
        'SELECT * FROM enforcement_cases',
        "SELECT * FROM query('SELECT * FROM users')",
      ]) {
        expect(await refused(session, sql)).toMatch(/does not exist|not found/i);
      }
      const rows = await session.all<{ n: number }>('SELECT count(*)::INT AS n FROM vehicles');
      expect(rows[0]?.n).toBe(2);
    } finally {
      await session.close();
    }
  });

  it('cannot read or write files, attach, install, re-enable access or write the datasets', async () => {
    const session = await ModelSession.open(db, { datasets: ['vehicles'] });
    try {
      const outside = join(dir, 'written.csv');
      for (const sql of [
        `SELECT * FROM read_text(${JSON.stringify(join(dir, 'secret.txt')).replaceAll('"', "'")})`,
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM glob('/*')",
        `COPY (SELECT 1) TO '${outside}'`,
        `ATTACH '${join(dir, 'platform.duckdb')}' AS p`,
        `ATTACH '${join(dir, 'other.duckdb')}' AS o`,
        'INSTALL httpfs',
        'SET enable_external_access = true',
        "SET allowed_directories = ['/']",
        "SET memory_limit = '100GB'",
        'RESET enable_external_access',
        "INSERT INTO vehicles (plate) VALUES ('x')",
        'DELETE FROM vehicles',
        'DROP TABLE vehicles',
        'CREATE TABLE stolen AS SELECT 1',
        "SELECT * FROM 'secret.txt'",
      ]) {
        await refused(session, sql);
      }
      expect(existsSync(outside)).toBe(false);
      expect(existsSync(join(dir, 'other.duckdb'))).toBe(false);
      // What a run needs still works: TEMP objects, and the staged leads out through Parquet.
      await session.run('CREATE TEMP TABLE _stage AS SELECT plate FROM vehicles');
      const file = await session.exportTable('_stage', 'stage-M01');
      const back = await db.all<{ n: number }>(
        `SELECT count(*)::INT AS n FROM read_parquet('${file}')`,
      );
      expect(back[0]?.n).toBe(2);
    } finally {
      await session.close();
    }
  });

  it('copies only the batches the scope may see, and leaves no one-off copy behind', async () => {
    const session = await ModelSession.open(db, {
      datasets: ['vehicles'],
      batches: { vehicles: [batchIds[1] ?? 0] },
    });
    try {
      const plates = await session.all<{ plate: string }>('SELECT plate FROM vehicles');
      expect(plates.map((r) => r.plate)).toEqual(['浙A10002']);
    } finally {
      await session.close();
    }
    expect(readdirSync(db.sandboxDir).filter((f) => f.startsWith('once-'))).toEqual([]);
  });

  it('a cached copy is refreshed when a batch arrives and reused otherwise', async () => {
    const open = async (): Promise<number> => {
      const s = await ModelSession.open(db, { datasets: ['vehicles'], cacheKey: 'all' });
      try {
        const r = await s.all<{ n: number }>('SELECT count(*)::INT AS n FROM vehicles');
        return r[0]?.n ?? -1;
      } finally {
        await s.close();
      }
    };
    expect(await open()).toBe(2);
    expect(await open()).toBe(2);
    await insertFixtureRows(db, {
      vehicles: [
        { plate: '浙A10003', owner_id: 'X3', owner_name: '王五', registered_date: '2022-01-01' },
      ],
    });
    expect(await open()).toBe(3);
  });

  it('an incremental refresh drops the versions a new batch superseded', async () => {
    const open = async (): Promise<string[]> => {
      const s = await ModelSession.open(db, { datasets: ['vehicles'], cacheKey: 'supersede' });
      try {
        const r = await s.all<{ p: string }>(
          `SELECT plate || ':' || owner_name AS p FROM vehicles ORDER BY 1`,
        );
        return r.map((x) => x.p);
      } finally {
        await s.close();
      }
    };
    const before = await open();
    // What writeBatch does for a row whose natural key comes again: the old version goes inactive.
    const next = await insertFixtureRows(db, {
      vehicles: [
        { plate: '浙A10001', owner_id: 'X1', owner_name: '张三丰', registered_date: '2020-01-01' },
      ],
    });
    const old = await db.one<{ k: string }>(
      `SELECT _key AS k FROM vehicles__versions WHERE plate = '浙A10001' AND _batch_id <> $1`,
      [next],
    );
    await db.run(`UPDATE vehicles__versions SET _key = $1 WHERE _batch_id = $2`, [
      old?.k ?? '',
      next,
    ]);
    await db.run(
      `UPDATE vehicles__versions SET _active = false WHERE _key = $1 AND _batch_id <> $2`,
      [old?.k ?? '', next],
    );
    const after = await open();
    expect(before).toContain('浙A10001:张三');
    expect(after).toContain('浙A10001:张三丰');
    expect(after).not.toContain('浙A10001:张三');
    expect(after.length).toBe(before.length);
    // A correction in place (extraction review) bumps the batch's revision: copied again.
    await db.run(`UPDATE vehicles__versions SET owner_name = '张君宝' WHERE _batch_id = $1`, [
      next,
    ]);
    await db.run(`UPDATE batches SET revision = coalesce(revision, 0) + 1 WHERE id = $1`, [next]);
    expect(await open()).toContain('浙A10001:张君宝');
  });

  it("leaves the platform's memory limit as configured after evicting its cached pages", async () => {
    const limited = await Database.open(join(dir, 'limited.duckdb'), { memoryLimit: '1GB' });
    try {
      const before = await limited.one<{ v: string }>(
        `SELECT current_setting('memory_limit') AS v`,
      );
      for (let i = 0; i < 3; i++)
        await (await ModelSession.open(limited, { datasets: ['vehicles'] })).close();
      const after = await limited.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`);
      expect(after?.v).toBe(before?.v);
    } finally {
      limited.close();
    }
  });

  it('shares the configured limit: the platform keeps a quarter (≤ 1 GiB) while a sandbox is open', async () => {
    const limited = await Database.open(join(dir, 'shared.duckdb'), { memoryLimit: '2GiB' });
    const limit = async (): Promise<string | undefined> =>
      (await limited.one<{ v: string }>(`SELECT current_setting('memory_limit') AS v`))?.v;
    try {
      const before = await limit();
      const session = await ModelSession.open(limited, { datasets: ['vehicles'] });
      const other = await ModelSession.open(limited, { datasets: ['vehicles'] });
      try {
        expect(await limit()).toBe('512.0 MiB');
        const rows = await session.all<{ v: string }>(
          `SELECT current_setting('memory_limit') AS v`,
        );
        expect(rows[0]?.v).toBe('1.5 GiB');
        await other.close();
        // Still shared: one sandbox is open.
        expect(await limit()).toBe('512.0 MiB');
      } finally {
        await session.close();
      }
      expect(await limit()).toBe(before);
    } finally {
      limited.close();
    }
  });

  it('reads memory settings as written and as DuckDB prints them', () => {
    expect(memoryBytes('4GB')).toBe(4e9);
    expect(memoryBytes('3.7 GiB')).toBe(Math.floor(3.7 * 2 ** 30));
    expect(memoryBytes('512.0 MiB')).toBe(512 * 2 ** 20);
    expect(memoryBytes('lots')).toBeUndefined();
  });

  it('schema-only sandboxes have the shape and no rows', async () => {
    const session = await ModelSession.open(db, { datasets: ['vehicles'], schemaOnly: true });
    try {
      const cols = await session.all<{ column_name: string }>('DESCRIBE vehicles');
      expect(cols.map((c) => c.column_name)).toContain('owner_id');
      const r = await session.all<{ n: number }>('SELECT count(*)::INT AS n FROM vehicles');
      expect(r[0]?.n).toBe(0);
    } finally {
      await session.close();
    }
  });
});
