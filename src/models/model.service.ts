/**
 * The model library as a service: list (with what data each model lacks), show, validate, export,
 * import (a model travels between units as one YAML file), and fixture tests.
 */
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { DATASETS } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import { resolveReference } from '../legal/articles.ts';
import { BUILDING_BLOCK_DATASETS, buildingBlockStatements } from '../sql/building-blocks.ts';
import type { Database } from '../store/database.ts';
import { ModelSession } from '../store/model-session.ts';
import { deleteUserModel, saveUserModel } from '../store/model.repo.ts';
import { datasetRowCount, lastRuns, type LastRun } from '../store/run.repo.ts';
import { namedFixtures, type ModelDefinition } from './definition.ts';
import { runFixtures, type FixtureResult } from './fixture.ts';
import type { ActingUser } from '../org/unit-boundaries.ts';
import {
  builtInModelIds,
  findModel,
  loadLibrary,
  userModelId,
  type LibraryModel,
} from './library.ts';
import { exportModelYaml, parseModelFile } from './model-file.ts';
import { renderModelSql } from './model-sql.ts';
import { checkDefinition, declaredDatasets, prepareModel } from './prepare-model.ts';
import { validatePreparedSql } from './validate-sql.ts';

const LABELS = new Map(DATASETS.map((d) => [d.name, d.label]));

/** One row of `zhijian models`. */
export interface ModelSummary {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly category: string;
  readonly source: 'built-in' | 'user';
  readonly required: string[];
  /** Required datasets that are empty and have no stand-in with data. */
  readonly missing: string[];
  /** Required datasets that are empty but will be replaced by a stand-in. */
  readonly standIn: string[];
  readonly runnable: boolean;
}

/** The library with, per model, which of its datasets are missing or stood in for. */
export async function listModels(db: Database): Promise<ModelSummary[]> {
  const library = await loadLibrary(db);
  const counts = new Map<string, number>();
  for (const d of DATASETS) counts.set(d.name, await datasetRowCount(db, d.name));
  return library.map(({ def, source }) => {
    const missing: string[] = [];
    const standIn: string[] = [];
    for (const ds of def.datasets.required) {
      if ((counts.get(ds) ?? 0) > 0) continue;
      const alt = (def.datasets.standIns[ds] ?? []).filter((a) => (counts.get(a) ?? 0) > 0);
      if (alt.length > 0) standIn.push(`${ds}→${alt.join('/')}`);
      else missing.push(ds);
    }
    return {
      id: def.id,
      version: def.version,
      name: def.name,
      category: def.category,
      source,
      required: def.datasets.required,
      missing,
      standIn,
      runnable: missing.length === 0,
    };
  });
}

/** A model with its resolved legal texts and SQL, for `models show` and the web page. */
export async function showModel(db: Database, id: string, user?: ActingUser) {
  const model = await findModel(id, db, user);
  const legal = model.def.legalBasis.map((ref) => {
    const r = resolveReference(ref);
    return typeof r === 'string'
      ? { reference: ref, error: r }
      : { reference: ref, level: r.article.level, text: r.article.text };
  });
  return {
    ...model.def,
    source: model.source,
    datasetLabels: Object.fromEntries(
      [...model.def.datasets.required, ...model.def.datasets.optional].map((d) => [
        d,
        LABELS.get(d) ?? d,
      ]),
    ),
    legal,
    generatedSql: renderModelSql(model.def),
    fixtures: model.fixtures,
  };
}

export async function modelSql(db: Database, id: string): Promise<string> {
  return renderModelSql((await findModel(id, db)).def);
}

/** The model and its fixture as one YAML file, under the file's own id (not the unit's prefix). */
export async function exportModel(db: Database, id: string, user?: ActingUser): Promise<string> {
  const model = await findModel(id, db, user);
  return exportModelYaml({ ...model.def, id: model.fileId ?? model.def.id }, model.fixtures);
}

/**
 * Every check a model gets before it may run: schema, catalog, parameters, legal basis, the SQL
 * guard and binding against the real schema. Returns Chinese problems (empty = valid).
 */
export async function validateModel(db: Database, def: ModelDefinition): Promise<string[]> {
  const problems = checkDefinition(def);
  const prepared = prepareModel(def, new Date().toISOString().slice(0, 10));
  if ('problems' in prepared) return [...problems, ...prepared.problems];
  if (problems.length > 0) return problems;
  // Validation binds the SQL against the datasets' shape only: the sandbox gets empty tables.
  const session = await ModelSession.open(db, {
    datasets: [...new Set([...declaredDatasets(def), ...BUILDING_BLOCK_DATASETS])],
    schemaOnly: true,
  });
  try {
    for (const sql of buildingBlockStatements()) await session.run(sql);
    return (await validatePreparedSql(session, prepared)).problems;
  } finally {
    await session.close();
  }
}

/** Where attempts on a user's model are recorded, and who made them (web session or CLI user). */
export interface ModelAudit {
  readonly service: AuditService;
  readonly actor: Actor;
}

/** Long reasons (many problems) are cut: the audit row says why, the answer carries the rest. */
const reasonText = (text: string): string =>
  text.length > 2000 ? `${text.slice(0, 2000)}…` : text;

/**
 * Imports a model file (YAML, fixture embedded or not): validated, and — when it has a fixture —
 * the fixture must pass. Stored in `user_models` under the importing unit (`330102.X01`, visible
 * in that unit and below); without a user (the local operator) it is shared with every unit and
 * may not take a built-in id. A built-in model is never replaced. Every attempt, accepted or
 * refused, leaves an audit row with the reason (`audit`).
 */
export async function importModel(
  db: Database,
  text: string,
  file: string,
  user?: { readonly username: string; readonly unitId: string },
  audit?: ModelAudit,
): Promise<{ id: string; version: number; fixtures: FixtureResult[] }> {
  let target = file;
  try {
    const parsed = parseModelFile(text, file);
    if (!parsed.ok) {
      throw new AppError('MODEL_INVALID', parsed.diagnostics.map((d) => d.message).join('\n'));
    }
    const def = parsed.value;
    target = def.id;
    const unitId = user?.unitId ?? null;
    if (
      unitId === null &&
      builtInModelIds().some((b) => b.toLowerCase() === def.id.toLowerCase())
    ) {
      throw new AppError(
        'MODEL_ID_BUILT_IN',
        `${file}：模型编号 ${def.id} 是内置模型的编号，共享模型不能替换内置模型，请改用其他编号`,
      );
    }
    const id = userModelId(unitId, def.id);
    target = id;
    const problems = await validateModel(db, def);
    if (problems.length > 0) throw new AppError('MODEL_INVALID', problems.join('\n'));
    const named = namedFixtures(def);
    const fixtures =
      named.length > 0 ? await runFixtures({ def, fixtures: named, source: 'user', file }) : [];
    const failed = fixtures.filter((f) => !f.passed);
    if (failed.length > 0) {
      throw new AppError(
        'FIXTURE_FAILED',
        `模型 ${def.id} 的夹具未通过：\n${failed.flatMap((f) => f.failures).join('\n')}`,
      );
    }
    await saveUserModel(db, { id, version: def.version, source: text }, user?.username);
    await audit?.service.record(
      audit.actor,
      'model_import',
      id,
      `版本 ${def.version}，文件 ${file}` +
        (fixtures.length > 0 ? `，${passedText(fixtures)}` : '，无夹具'),
    );
    return { id, version: def.version, fixtures };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await audit?.service.record(
      audit.actor,
      'model_import_refused',
      target,
      reasonText(`文件 ${file}：${reason}`),
    );
    throw error;
  }
}

/** `夹具通过：默认 5 条线索、基准日前 2 条线索` */
function passedText(results: readonly FixtureResult[]): string {
  return `夹具通过：${results.map((r) => `${r.fixture} ${r.leads.length} 条线索`).join('、')}`;
}

/** Runs a model's named fixtures; a user model's run is audited with its outcome. */
export async function testModel(model: LibraryModel, audit?: ModelAudit): Promise<FixtureResult[]> {
  let results: FixtureResult[];
  try {
    results = await runFixtures(model);
  } catch (error) {
    if (model.source === 'user') {
      const reason = error instanceof Error ? error.message : String(error);
      await audit?.service.record(
        audit.actor,
        'model_test',
        model.def.id,
        reasonText(`出错：${reason}`),
      );
    }
    throw error;
  }
  if (model.source === 'user') {
    await audit?.service.record(
      audit.actor,
      'model_test',
      model.def.id,
      reasonText(
        results.every((r) => r.passed)
          ? `版本 ${model.def.version}，${passedText(results)}`
          : `版本 ${model.def.version}，夹具未通过：${results.flatMap((r) => r.failures).join('；')}`,
      ),
    );
  }
  return results;
}

export async function removeUserModel(db: Database, id: string): Promise<void> {
  await deleteUserModel(db, id);
}

/** Runs the fixtures of the given models (all when empty): one result per named fixture. */
export async function testModels(
  db: Database,
  ids: readonly string[] = [],
  audit?: ModelAudit,
): Promise<FixtureResult[]> {
  const library = await loadLibrary(db);
  const chosen: LibraryModel[] =
    ids.length === 0 ? library : await Promise.all(ids.map((id) => findModel(id, db)));
  const results: FixtureResult[] = [];
  for (const model of chosen) results.push(...(await testModel(model, audit)));
  return results;
}

export type { LastRun } from '../store/run.repo.ts';

/** Each model's latest finished run: time, 基准日期, parameters, leads total / new / changed. */
export async function modelLastRuns(db: Database): Promise<Map<string, LastRun>> {
  return lastRuns(db);
}
