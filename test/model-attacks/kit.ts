/**
 * The arena of the model attack suite: a real DuckDB file holding the platform's tables (two users,
 * one of them a county data administrator with a recognisable password hash), M01's fixture data,
 * and a canary directory. Each attack is a user model file (M01 with one field replaced) that must
 * be refused with a Chinese reason on every path — import, validation, run — and leave everything
 * as it was: roles, user models, leads, files, attached databases and settings.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AuditService, type Actor } from '../../src/audit/audit.service.ts';
import type { ModelDefinition } from '../../src/models/definition.ts';
import { loadBuiltInModel, type LibraryModel } from '../../src/models/library.ts';
import { exportModelYaml } from '../../src/models/model-file.ts';
import { importModel, removeUserModel, type ModelAudit } from '../../src/models/model.service.ts';
import { runModels } from '../../src/models/run.service.ts';
import { Database } from '../../src/store/database.ts';
import { insertFixtureRows } from '../../src/store/fixture.repo.ts';

/** Marks that must never show up in a lead: the users' password hashes and /etc/passwd. */
export const HASH_MARK = 'SECRETHASH';
export const PASSWD_MARK = 'root:x:0:0';
/** A file an attack tries to write outside its arena (checked to stay absent). */
export const TMP_LEAK = join(tmpdir(), 'zhijian-attack-leak.csv');
/** A database file an attack tries to ATTACH (created, it would stay behind). */
export const TMP_DB = join(tmpdir(), 'zhijian-attack-x.db');

const ROLES = { 'u-admin': 'admin', 'u-county': 'data_admin' };
const CHINESE = /[\u4e00-\u9fff]/;

export interface Arena {
  readonly dir: string;
  readonly db: Database;
  readonly audit: ModelAudit;
  /** The county data administrator importing the models. */
  readonly user: { readonly username: string; readonly unitId: string };
  close(): void;
}

export const M01 = (): LibraryModel => loadBuiltInModel('M01');

export async function openArena(): Promise<Arena> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-attack-'));
  const db = await Database.open(join(dir, 'platform.duckdb'));
  for (const [id, roles] of Object.entries(ROLES)) {
    await db.run(
      `INSERT INTO users (id, username, display_name, unit_id, roles, password_hash)
       VALUES ($1, $2, $3, '33', $4, $5)`,
      [id, id.slice(2), id, roles, `scrypt$${HASH_MARK}$${id}`],
    );
  }
  const fixture = M01().fixtures[0];
  if (!fixture) throw new Error('M01 has no fixture');
  await insertFixtureRows(db, fixture.given);
  const actor: Actor = { userId: 'u-county', username: 'county', unitId: '33', ip: '127.0.0.1' };
  return {
    dir,
    db,
    audit: { service: new AuditService(db), actor },
    user: { username: 'county', unitId: '33' },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** M01 as a user model EVIL1 with some fields replaced. */
export function evil(patch: Partial<ModelDefinition>): LibraryModel {
  const base = M01();
  return {
    ...base,
    def: { ...base.def, id: 'EVIL1', name: '恶意模型', ...patch },
    source: 'user',
    file: 'evil.model.yaml',
  };
}

/**
 * A lead query that would work if nothing stopped it: every column M01's finding and the lead
 * contract need, `subjectName` as the leaked value, over `from` (closed debtors by default).
 */
export function leadSql(subjectName: string, from = 'closed_debtors d', tail = ''): string {
  return `SELECT d.case_no, NULL AS subject_id, ${subjectName} AS subject_name, NULL AS plate,
  NULL AS court, NULL AS closed_date, NULL AS unpaid_amount, NULL AS special_group,
  [] AS plates, [] AS debtor_names, [d._ev] AS evidence
FROM ${from} ${tail}`;
}

/** The database and the file system are as the arena left them. */
export async function expectNothingHappened(arena: Arena): Promise<void> {
  const { db, dir } = arena;
  const users = await db.all<{ id: string; roles: string }>(
    `SELECT id, roles FROM users ORDER BY id`,
  );
  expect(Object.fromEntries(users.map((u) => [u.id, u.roles]))).toEqual(ROLES);
  expect(await db.all(`SELECT id FROM user_models`)).toEqual([]);
  const leads = JSON.stringify(await db.all(`SELECT * FROM leads`));
  expect(leads).not.toContain(HASH_MARK);
  expect(leads).not.toContain(PASSWD_MARK);
  expect(readdirSync(dir).filter((f) => !f.startsWith('platform.duckdb'))).toEqual([]);
  expect(existsSync(TMP_LEAK)).toBe(false);
  expect(existsSync(TMP_DB)).toBe(false);
  const attached = await db.all<{ name: string }>(
    `SELECT database_name AS name FROM duckdb_databases() WHERE NOT internal`,
  );
  expect(attached.map((a) => a.name)).toEqual(['platform']);
  const tables = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('users', 'audit_log', 'leads', 'sessions')`,
  );
  expect(tables[0]?.n).toBe(4);
}

/** A refusal is Chinese, names what is wrong (`reason`), and never echoes a secret. */
function expectReason(message: string, reason?: RegExp): void {
  expect(message).toMatch(CHINESE);
  if (reason) expect(message).toMatch(reason);
  expect(message).not.toContain(HASH_MARK);
  expect(message).not.toContain(PASSWD_MARK);
}

/**
 * The model is refused when imported (validation and fixture included; the refusal is audited
 * with its reason) and when run; and nothing happened.
 */
export async function expectRefused(
  arena: Arena,
  model: LibraryModel,
  reason?: RegExp,
  /** Only the file is bad (its fixture): the model itself may run. */
  importOnly = false,
): Promise<string> {
  const yaml = exportModelYaml(model.def, model.fixtures);
  let message = '';
  await importModel(arena.db, yaml, 'evil.model.yaml', arena.user, arena.audit).then(
    () => expect.fail('the import was accepted'),
    (e: unknown) => {
      message = e instanceof Error ? e.message : String(e);
    },
  );
  expectReason(message, reason);
  const audited = await arena.db.all<{ action: string; username: string; detail: string }>(
    `SELECT action, username, detail FROM audit_log ORDER BY id DESC LIMIT 1`,
  );
  expect(audited[0]?.action).toBe('model_import_refused');
  expect(audited[0]?.detail ?? '').toMatch(CHINESE);
  expect(audited[0]?.username).toBe('county');

  if (importOnly) {
    await expectNothingHappened(arena);
    return message;
  }
  let runMessage = '';
  try {
    const result = await runModels(arena.db, { definitions: [model], asOf: '2024-12-31' });
    const outcome = result.outcomes[0];
    expect(outcome?.status).toBe('failed');
    runMessage = outcome?.reason ?? '';
  } catch (e) {
    runMessage = e instanceof Error ? e.message : String(e);
  }
  expectReason(runMessage, reason);
  await expectNothingHappened(arena);
  return message;
}

/** The model is accepted (a harmless value) and nothing happened beyond its leads. */
export async function expectHarmless(arena: Arena, model: LibraryModel): Promise<void> {
  const result = await runModels(arena.db, { definitions: [model], asOf: '2024-12-31' });
  expect(result.outcomes[0]?.status).toBe('ran');
  await expectNothingHappened(arena);
}

/**
 * Either refused (a Chinese reason) or accepted and harmless: what it can name is only a CTE of its
 * own (the sandbox holds no platform table), its leads carry no secret, nothing else changed.
 */
export async function expectRefusedOrHarmless(arena: Arena, model: LibraryModel): Promise<void> {
  const yaml = exportModelYaml(model.def, model.fixtures);
  try {
    const imported = await importModel(arena.db, yaml, 'evil.model.yaml', arena.user, arena.audit);
    await removeUserModel(arena.db, imported.id);
    await expectHarmless(arena, model);
  } catch (e) {
    expectReason(e instanceof Error ? e.message : String(e));
    await expectNothingHappened(arena);
  }
}
