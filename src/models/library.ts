/**
 * The model library: built-in models (`models/<ID>.model.yaml` + `<ID>.fixture.yaml` in the repo)
 * and user models imported into the database. User models are namespaced by the importing unit
 * (`330102.X01`; see `userModelId`) and never replace a built-in model; each user sees the built-ins,
 * the shared models and those of their own unit and the units above it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { AppError } from '../domain/app-error.ts';
import { modelUnitsOf, type ActingUser } from '../org/unit-boundaries.ts';
import type { Database } from '../store/database.ts';
import { listUserModels } from '../store/model.repo.ts';
import { listUnits } from '../store/unit.repo.ts';
import { namedFixtures, type ModelDefinition, type NamedFixture } from './definition.ts';
import { parseFixtureFile, parseModelFile } from './model-file.ts';

/** Folder of the built-in models. */
export const BUILT_IN_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

export interface LibraryModel {
  readonly def: ModelDefinition;
  /** Its named fixtures (a file of one unnamed fixture gives one named 默认). */
  readonly fixtures: readonly NamedFixture[];
  readonly source: 'built-in' | 'user';
  readonly file: string;
  /** A user model's unit (null: shared with every unit, imported by the local operator). */
  readonly unitId?: string | null;
  /** The id written in the model file (`X01` of `330102.X01`); `def.id` is the library id. */
  readonly fileId?: string;
}

/**
 * Between the unit and the file's id of a user model. Model ids cannot contain it (definition.ts),
 * so `330102.X01` is never a built-in id, nor another unit's, and lead keys (`<id>:<案号>`) stay
 * unambiguous.
 */
const UNIT_SEPARATOR = '.';

/** The library id of a user model: `<unit>.<file id>`, or the file id alone for a shared model. */
export function userModelId(unitId: string | null, fileId: string): string {
  return unitId === null ? fileId : `${unitId}${UNIT_SEPARATOR}${fileId}`;
}

/** `330102.X01` → unit 330102, file id X01; `X01` → shared. */
export function splitUserModelId(id: string): { unitId: string | null; fileId: string } {
  const at = id.lastIndexOf(UNIT_SEPARATOR);
  return at < 0
    ? { unitId: null, fileId: id }
    : { unitId: id.slice(0, at), fileId: id.slice(at + 1) };
}

/** Loads one built-in model and its fixture; throws AppError naming file and line on a bad file. */
export function loadBuiltInModel(id: string, dir = BUILT_IN_DIR): LibraryModel {
  const file = join(dir, `${id}.model.yaml`);
  if (!existsSync(file)) throw new AppError('MODEL_NOT_FOUND', `没有模型 ${id}`);
  const parsed = parseModelFile(readFileSync(file, 'utf8'), `${id}.model.yaml`);
  if (!parsed.ok) {
    throw new AppError('MODEL_INVALID', parsed.diagnostics.map((d) => d.message).join('\n'));
  }
  const fixtureFile = join(dir, `${id}.fixture.yaml`);
  let fixtures = namedFixtures(parsed.value);
  if (existsSync(fixtureFile)) {
    const f = parseFixtureFile(readFileSync(fixtureFile, 'utf8'), `${id}.fixture.yaml`);
    if (!f.ok)
      throw new AppError('FIXTURE_INVALID', f.diagnostics.map((d) => d.message).join('\n'));
    fixtures = f.value;
  }
  return { def: parsed.value, fixtures, source: 'built-in', file };
}

/** Ids of the built-in models, sorted (M01, M02 …). */
export function builtInModelIds(dir = BUILT_IN_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.model.yaml'))
    .map((f) => f.slice(0, -'.model.yaml'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Built-in and user models as `user` sees them (undefined: the trusted local operator, who sees
 * every model). A stored model with a built-in id (a file imported before user models were
 * namespaced) is ignored: the built-in stays.
 */
export async function loadLibrary(db?: Database, user?: ActingUser): Promise<LibraryModel[]> {
  const models = new Map<string, LibraryModel>();
  for (const id of builtInModelIds()) models.set(id, loadBuiltInModel(id));
  if (db) {
    const visible = user ? new Set(modelUnitsOf(await listUnits(db), user.unitId)) : undefined;
    for (const stored of await listUserModels(db)) {
      const { unitId, fileId } = splitUserModelId(stored.id);
      if (unitId !== null && visible && !visible.has(unitId)) continue;
      if ([...models.keys()].some((k) => k.toLowerCase() === stored.id.toLowerCase())) continue;
      const parsed = parseModelFile(stored.source, `${stored.id}（用户模型）`);
      if (parsed.ok) {
        models.set(stored.id, {
          def: { ...parsed.value, id: stored.id },
          fixtures: namedFixtures(parsed.value),
          source: 'user',
          file: `user_models:${stored.id}`,
          unitId,
          fileId,
        });
      }
    }
  }
  return [...models.values()].sort((a, b) =>
    a.def.id.localeCompare(b.def.id, 'en', { numeric: true }),
  );
}

/** One model of the library by id (case-insensitive), as `user` sees it (another unit's is 404). */
export async function findModel(
  id: string,
  db?: Database,
  user?: ActingUser,
): Promise<LibraryModel> {
  const all = await loadLibrary(db, user);
  const found = all.find((m) => m.def.id.toLowerCase() === id.toLowerCase());
  if (!found) throw new AppError('MODEL_NOT_FOUND', `没有模型 ${id}`);
  return found;
}
