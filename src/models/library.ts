/**
 * The model library: built-in models (`models/<ID>.model.yaml` + `<ID>.fixture.yaml` in the repo)
 * and user models imported into the database. A user model with the id of a built-in one overrides it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../domain/app-error.ts';
import type { Database } from '../store/database.ts';
import { listUserModels } from '../store/model.repo.ts';
import type { Fixture, ModelDefinition } from './definition.ts';
import { parseFixtureFile, parseModelFile } from './model-file.ts';

/** Folder of the built-in models. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

export interface LibraryModel {
  readonly def: ModelDefinition;
  readonly fixture?: Fixture;
  readonly source: 'built-in' | 'user';
  readonly file: string;
}

/** Loads one built-in model and its fixture; throws AppError naming file and line on a bad file. */
export function loadBuiltInModel(id: string, dir = BUILT_IN_DIR): LibraryModel {
  const file = join(dir, `${id}.model.yaml`);
  if (!existsSync(file)) throw new AppError('MODEL_NOT_FOUND', `没有模型 ${id}`, 404);
  const parsed = parseModelFile(readFileSync(file, 'utf8'), `${id}.model.yaml`);
  if (!parsed.ok) {
    throw new AppError('MODEL_INVALID', parsed.diagnostics.map((d) => d.message).join('\n'));
  }
  const fixtureFile = join(dir, `${id}.fixture.yaml`);
  let fixture = parsed.value.fixture;
  if (existsSync(fixtureFile)) {
    const f = parseFixtureFile(readFileSync(fixtureFile, 'utf8'), `${id}.fixture.yaml`);
    if (!f.ok)
      throw new AppError('FIXTURE_INVALID', f.diagnostics.map((d) => d.message).join('\n'));
    fixture = f.value;
  }
  return { def: parsed.value, fixture, source: 'built-in', file };
}

/** Ids of the built-in models, sorted (M01, M02 …). */
export function builtInModelIds(dir = BUILT_IN_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.model.yaml'))
    .map((f) => f.slice(0, -'.model.yaml'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Built-in and user models; user models override built-in ones with the same id. */
export async function loadLibrary(db?: Database): Promise<LibraryModel[]> {
  const models = new Map<string, LibraryModel>();
  for (const id of builtInModelIds()) models.set(id, loadBuiltInModel(id));
  if (db) {
    for (const stored of await listUserModels(db)) {
      const parsed = parseModelFile(stored.source, `${stored.id}（用户模型）`);
      if (parsed.ok) {
        models.set(stored.id, {
          def: parsed.value,
          fixture: parsed.value.fixture,
          source: 'user',
          file: `user_models:${stored.id}`,
        });
      }
    }
  }
  return [...models.values()].sort((a, b) =>
    a.def.id.localeCompare(b.def.id, 'en', { numeric: true }),
  );
}

/** One model of the library by id (case-insensitive). */
export async function findModel(id: string, db?: Database): Promise<LibraryModel> {
  const all = await loadLibrary(db);
  const found = all.find((m) => m.def.id.toLowerCase() === id.toLowerCase());
  if (!found) throw new AppError('MODEL_NOT_FOUND', `没有模型 ${id}`, 404);
  return found;
}
