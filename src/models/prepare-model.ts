/**
 * Static checks of a model definition (catalog, parameters, legal basis, template) and its
 * compilation to the SQL it runs with a given set of parameter values.
 */
import { DATASETS } from '../catalog/datasets.ts';
import { resolveReference } from '../legal/articles.ts';
import { BUILDING_BLOCKS } from '../sql/building-blocks.ts';
import {
  coerceParam,
  compileModelSql,
  FINDING_FILTERS,
  parseTemplate,
  type CompiledModel,
  type ParamValue,
} from '../sql/compile-model.ts';
import type { TypedParam } from '../store/bound-params.ts';
import type { ModelDefinition } from './definition.ts';

const DATASET_NAMES = new Set(DATASETS.map((d) => d.name));

/** Datasets a model may read: required, optional and stand-ins. */
export function declaredDatasets(def: ModelDefinition): string[] {
  return [
    ...new Set([
      ...def.datasets.required,
      ...def.datasets.optional,
      ...Object.values(def.datasets.standIns).flat(),
    ]),
  ];
}

/** Tables the model's SQL may reference. */
export function allowedTables(def: ModelDefinition): Set<string> {
  return new Set([...declaredDatasets(def), ...BUILDING_BLOCKS]);
}

/** Problems found without a database (Chinese, each naming the model). */
export function checkDefinition(def: ModelDefinition): string[] {
  const problems: string[] = [];
  const where = `模型 ${def.id}`;
  for (const ds of [...declaredDatasets(def), ...Object.keys(def.datasets.standIns)]) {
    if (!DATASET_NAMES.has(ds)) problems.push(`${where}：未知数据集 ${ds}`);
  }
  const names = new Set<string>();
  for (const p of def.parameters) {
    if (p.name === 'asOf') problems.push(`${where}：参数名 asOf 为保留名（运行基准日）`);
    if (names.has(p.name)) problems.push(`${where}：参数 ${p.name} 重复`);
    names.add(p.name);
    const c = coerceParam(p.type, p.default);
    if (!c.ok) problems.push(`${where}：参数 ${p.name} 的默认值${c.error}`);
  }
  for (const ref of def.legalBasis) {
    const r = resolveReference(ref);
    if (typeof r === 'string') problems.push(`${where}：${r}`);
  }
  for (const part of parseTemplate(def.finding)) {
    if (
      typeof part !== 'string' &&
      part.filter &&
      !(FINDING_FILTERS as readonly string[]).includes(part.filter)
    ) {
      problems.push(
        `${where}：结论模板中的过滤器 ${part.filter} 未知（可用：${FINDING_FILTERS.join('、')}）`,
      );
    }
  }
  return problems;
}

/** Template fields of the finding (they must be columns of the model's rows). */
export function templateFields(def: ModelDefinition): string[] {
  return parseTemplate(def.finding).flatMap((p) => (typeof p === 'string' ? [] : [p.field]));
}

export interface PreparedModel {
  readonly def: ModelDefinition;
  readonly values: Record<string, ParamValue>;
  /** The values with their types, bound to the query's `$name` placeholders when it runs. */
  readonly params: Record<string, TypedParam>;
  /** The full query (rule + priority + summary), parameters as placeholders: what the guard checks. */
  readonly sql: string;
  /** The query and each user-written fragment as placed in it (for the guard's shape check). */
  readonly compiled: CompiledModel;
}

/**
 * Resolves the parameter values (user value, else default; `asOf` always) and compiles the SQL.
 * Throws nothing: returns problems (wrong type, unknown `$name`).
 */
export function prepareModel(
  def: ModelDefinition,
  asOf: string,
  overrides: Record<string, unknown> = {},
): PreparedModel | { problems: string[] } {
  const problems: string[] = [];
  // The run's reference date comes from the caller (web, CLI, a fixture file): checked like any value.
  const day = coerceParam('date', asOf);
  if (!day.ok) problems.push(`模型 ${def.id} 的运行基准日 asOf ${day.error}`);
  const values: Record<string, ParamValue> = { asOf };
  const params: Record<string, TypedParam> = { asOf: { type: 'date', value: asOf } };
  for (const p of def.parameters) {
    const raw = Object.hasOwn(overrides, p.name) ? overrides[p.name] : p.default;
    const c = coerceParam(p.type, raw);
    if (!c.ok) {
      problems.push(`模型 ${def.id} 的参数 ${p.name}（${p.label}）${c.error}`);
      continue;
    }
    values[p.name] = c.value;
    params[p.name] = { type: p.type, value: c.value };
  }
  const compiled = compileModelSql({ sql: def.sql, finding: def.finding, priority: def.priority });
  for (const name of compiled.params) {
    if (!Object.hasOwn(params, name)) {
      problems.push(`模型 ${def.id} 的 SQL 使用了未声明的参数 $${name}`);
    }
  }
  if (problems.length > 0) return { problems };
  return { def, values, params, sql: compiled.sql, compiled };
}
