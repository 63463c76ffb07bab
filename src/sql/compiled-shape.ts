/**
 * The compiled model query must have exactly the shape the compiler gave it: `WITH lead AS (<body>)
 * SELECT lead.*, CASE WHEN <高> THEN '高' WHEN <中> THEN '中' ELSE <default> END AS priority,
 * <finding> AS summary FROM lead`, where each <fragment> is the tree that fragment has on its own.
 * A fragment that breaks out of its place (`true THEN '高' END …; UPDATE …`, a `--` that comments
 * out the rest, a `/*` closed in the next fragment) changes that shape and is refused, whatever it
 * turned the query into.
 */
import type { Json, JsonObject } from './sql-guard.ts';

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tree without source positions (they differ between a fragment alone and in place). */
function strip(v: Json | undefined, dropAlias = false): Json {
  if (Array.isArray(v)) return v.map((x) => strip(x));
  if (!isObject(v)) return v ?? null;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'query_location' || (dropAlias && k === 'alias')) continue;
    out[k] = strip(x);
  }
  return out;
}

const same = (a: Json | undefined, b: Json | undefined, dropAlias = false): boolean =>
  JSON.stringify(strip(a, dropAlias)) === JSON.stringify(strip(b, dropAlias));

/** The single expression of a parsed `SELECT <expression>` probe, or null if it is anything more. */
export function probeExpression(node: JsonObject): JsonObject | null {
  const list = node.select_list;
  const from = node.from_table;
  const plain =
    node.type === 'SELECT_NODE' &&
    Array.isArray(list) &&
    list.length === 1 &&
    isObject(from) &&
    from.type === 'EMPTY' &&
    node.where_clause === null &&
    node.having === null &&
    node.qualify === null &&
    node.sample === null &&
    Array.isArray(node.group_expressions) &&
    node.group_expressions.length === 0 &&
    Array.isArray(node.modifiers) &&
    node.modifiers.length === 0 &&
    isObject(node.cte_map) &&
    Array.isArray(node.cte_map.map) &&
    node.cte_map.map.length === 0;
  const expr = plain ? list[0] : undefined;
  return isObject(expr) && expr.alias === '' ? expr : null;
}

export interface ShapeParts {
  /** The body's own statement node (parsed alone). */
  readonly body: JsonObject;
  /** The expressions of the 高 / 中 conditions and the finding (parsed alone, see probeExpression). */
  readonly high: JsonObject;
  readonly medium: JsonObject;
  readonly finding: JsonObject;
  /** The priorities the ELSE may name (the model vocabulary's 高 / 中 / 低). */
  readonly priorities: readonly string[];
}

/** Chinese problems when the compiled query is not the compiler's shape around those parts. */
export function checkCompiledShape(full: JsonObject, parts: ShapeParts): string[] {
  const broken = [
    '模型的 SQL、优先级条件或结论模板越出了各自的位置（例如以分号、注释或括号截断了平台生成的查询），已拒绝',
  ];
  const ctes = isObject(full.cte_map) ? full.cte_map.map : undefined;
  const list = full.select_list;
  const from = full.from_table;
  if (
    full.type !== 'SELECT_NODE' ||
    !Array.isArray(ctes) ||
    ctes.length !== 1 ||
    !Array.isArray(list) ||
    list.length !== 3 ||
    !isObject(from) ||
    from.type !== 'BASE_TABLE' ||
    from.table_name !== 'lead' ||
    full.where_clause !== null ||
    full.having !== null ||
    full.qualify !== null ||
    !Array.isArray(full.modifiers) ||
    full.modifiers.length !== 0 ||
    !Array.isArray(full.group_expressions) ||
    full.group_expressions.length !== 0
  ) {
    return broken;
  }
  const lead = ctes[0];
  const leadQuery = isObject(lead) && isObject(lead.value) ? lead.value.query : undefined;
  const leadNode = isObject(leadQuery) ? leadQuery.node : undefined;
  if (!isObject(lead) || lead.key !== 'lead' || !same(leadNode, parts.body)) return broken;
  const [star, priority, summary] = list;
  if (!isObject(star) || star.class !== 'STAR' || star.relation_name !== 'lead') return broken;
  const checks = isObject(priority) ? priority.case_checks : undefined;
  const fallback = isObject(priority) && isObject(priority.else_expr) ? priority.else_expr : null;
  const fallbackValue = isObject(fallback?.value) ? fallback.value.value : undefined;
  if (
    !isObject(priority) ||
    priority.class !== 'CASE' ||
    priority.alias !== 'priority' ||
    !Array.isArray(checks) ||
    checks.length !== 2 ||
    fallback?.class !== 'CONSTANT' ||
    !parts.priorities.includes(String(fallbackValue))
  ) {
    return broken;
  }
  const [h, m] = checks;
  const when = (c: Json | undefined, label: string, expr: JsonObject): boolean =>
    isObject(c) &&
    same(c.when_expr, expr) &&
    isObject(c.then_expr) &&
    isObject(c.then_expr.value) &&
    c.then_expr.value.value === label;
  if (!when(h, '高', parts.high) || !when(m, '中', parts.medium)) return broken;
  if (!isObject(summary) || summary.alias !== 'summary' || !same(summary, parts.finding, true)) {
    return broken;
  }
  return [];
}
