/**
 * The attacks are real: run unguarded (the compiled query executed as a script, as before issue
 * 14), the same model files leak every password hash, read /etc/passwd and promote their author.
 * So the suite would fail if the guard let them through; and through the platform they are refused.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareModel } from '../../src/models/prepare-model.ts';
import { buildingBlockStatements } from '../../src/sql/building-blocks.ts';
import { evil, expectRefused, HASH_MARK, leadSql, M01, openArena, type Arena } from './kit.ts';

const arenas: Arena[] = [];
afterEach(() => {
  for (const a of arenas.splice(0)) a.close();
});

/** Runs the compiled query with no check, several statements allowed (the old engine's way). */
async function runUnguarded(arena: Arena, model: ReturnType<typeof evil>): Promise<string> {
  const prepared = prepareModel(model.def, '2024-12-31');
  if ('problems' in prepared) throw new Error(prepared.problems.join('\n'));
  const connection = await arena.db.connect();
  try {
    for (const sql of buildingBlockStatements()) await connection.run(sql);
    const reader = await connection.runAndReadAll(prepared.sql);
    return JSON.stringify(reader.getRowObjectsJson());
  } catch (error) {
    return String(error);
  } finally {
    connection.closeSync();
  }
}

const NESTED_CTE = evil({
  sql: leadSql(
    `(SELECT string_agg(username || ':' || password_hash, ';') FROM users)`,
    'closed_debtors d',
    'CROSS JOIN (WITH users AS (SELECT 1 AS x) SELECT * FROM users) u',
  ),
});

describe('the attacks work when nothing checks them', () => {
  it('a CTE named users in another scope leaks every hash', async () => {
    const raw = await openArena();
    arenas.push(raw);
    expect(await runUnguarded(raw, NESTED_CTE)).toContain(HASH_MARK);
    const guarded = await openArena();
    arenas.push(guarded);
    await expectRefused(guarded, NESTED_CTE, /同名|未知/);
  });

  it.runIf(existsSync('/etc/passwd'))('read_text in a lead column reads /etc/passwd', async () => {
    const model = evil({ sql: leadSql(`(SELECT content FROM read_text('/etc/passwd'))`) });
    const raw = await openArena();
    arenas.push(raw);
    expect(await runUnguarded(raw, model)).toContain('root:');
    const guarded = await openArena();
    arenas.push(guarded);
    await expectRefused(guarded, model, /read_text/);
  });

  it('stacked statements through priority.高 promote the author', async () => {
    const model = evil({
      priority: {
        ...M01().def.priority,
        高: `true THEN '高' END AS priority, '' AS summary FROM lead; UPDATE users SET roles='admin,data_admin' WHERE true; WITH lead AS (SELECT 1 AS subject_name) SELECT CASE WHEN true`,
      },
    });
    const raw = await openArena();
    arenas.push(raw);
    await runUnguarded(raw, model);
    const roles = await raw.db.all<{ roles: string }>(`SELECT DISTINCT roles FROM users`);
    expect(roles.map((r) => r.roles)).toEqual(['admin,data_admin']);
    const guarded = await openArena();
    arenas.push(guarded);
    await expectRefused(guarded, model);
  });
});
