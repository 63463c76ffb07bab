/**
 * Checks of a prepared model against the database schema: the SQL guard on DuckDB's parse tree of
 * the whole compiled statement (every user-written fragment in it), the compiled shape, then
 * DESCRIBE, which binds every table and column without running the query.
 */
import { DATASETS } from '../catalog/datasets.ts';
import { BUILDING_BLOCKS } from '../sql/building-blocks.ts';
import { explainDuckDbError } from '../sql/duckdb-errors.ts';
import { expressionProbe } from '../sql/compile-model.ts';
import { checkCompiledShape, probeExpression } from '../sql/compiled-shape.ts';
import { checkQueryNode, parseSerialized, type JsonObject } from '../sql/sql-guard.ts';
import type { ModelSession } from '../store/model-session.ts';
import { PRIORITIES } from '../domain/vocabulary.ts';
import { LEAD_COLUMNS } from './definition.ts';
import { allowedTables, templateFields, type PreparedModel } from './prepare-model.ts';

/** Names a model's CTE may not take: every dataset and every building block. */
const RESERVED = new Set([...DATASETS.map((d) => d.name), ...BUILDING_BLOCKS]);
/** In the user's own fragments, the compiler's `lead` too. */
const RESERVED_IN_FRAGMENTS = new Set([...RESERVED, 'lead']);

/**
 * Every table and view this connection could reach by name: no CTE may take one of them, so a
 * name means one thing whichever way DuckDB resolves it (a scoping slip cannot turn a reference
 * to "users" into the platform's table).
 */
async function catalogNames(session: ModelSession): Promise<string[]> {
  const rows = await session.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views()`,
  );
  return rows.map((r) => r.name);
}

const FIELD_LABELS = {
  sql: 'SQL（sql）',
  high: '高优先级条件（priority.高）',
  medium: '中优先级条件（priority.中）',
  finding: '结论模板（finding）',
} as const;

/**
 * The SQL guard over a prepared model: each fragment on its own (so the message names the field),
 * then the whole compiled statement as one unit, then its shape (no fragment left its place).
 * Returns Chinese problems, each naming the model.
 */
export async function guardPreparedSql(
  session: ModelSession,
  prepared: PreparedModel,
): Promise<string[]> {
  const { def, compiled } = prepared;
  const where = `模型 ${def.id}`;
  const allowed = allowedTables(def);
  const options = {
    reservedNames: new Set([...RESERVED_IN_FRAGMENTS, ...(await catalogNames(session))]),
    parameters: new Set(Object.keys(prepared.params)),
  };
  const problems: string[] = [];
  const nodes: Partial<Record<keyof typeof FIELD_LABELS, JsonObject>> = {};
  const fields = [
    ['sql', compiled.body],
    ['high', expressionProbe(compiled.high)],
    ['medium', expressionProbe(compiled.medium)],
    ['finding', expressionProbe(compiled.finding)],
  ] as const;
  for (const [field, text] of fields) {
    const label = `${where} 的${FIELD_LABELS[field]}`;
    const parsed = parseSerialized(await session.serialize(text));
    if ('problem' in parsed) {
      problems.push(`${label}：${parsed.problem}`);
      continue;
    }
    const node = field === 'sql' ? parsed.node : probeExpression(parsed.node);
    if (!node) {
      problems.push(`${label}必须是单个条件表达式，不得含有 FROM、AS、分号或截断查询的注释`);
      continue;
    }
    nodes[field] = node;
    const scope = field === 'sql' ? {} : { outerScope: new Set(['lead']) };
    const guard = checkQueryNode(field === 'sql' ? node : parsed.node, allowed, {
      ...options,
      ...scope,
    });
    problems.push(...guard.problems.map((p) => `${label}：${p}`));
  }
  if (problems.length > 0) return [...new Set(problems)];
  // The whole statement that will run, as one unit: authoritative whatever the fragments did.
  const whole = await guardStatement(session, prepared, prepared.sql);
  if (whole.problems.length > 0 || !whole.node) return whole.problems;
  const { sql, high, medium, finding } = nodes;
  if (!sql || !high || !medium || !finding) return [`${where}：SQL 无法解析`];
  return checkCompiledShape(whole.node, {
    body: sql,
    high,
    medium,
    finding,
    priorities: PRIORITIES,
  }).map((p) => `${where}：${p}`);
}

/**
 * The guard over one complete SELECT that embeds the model's query (the compiled query itself, or
 * the run's staging query around it): exactly the text that is then prepared and run.
 */
export async function guardStatement(
  session: ModelSession,
  prepared: PreparedModel,
  sql: string,
): Promise<{ problems: string[]; node?: JsonObject }> {
  const where = `模型 ${prepared.def.id}`;
  const parsed = parseSerialized(await session.serialize(sql));
  if ('problem' in parsed) return { problems: [`${where}：${parsed.problem}`] };
  const guard = checkQueryNode(parsed.node, allowedTables(prepared.def), {
    reservedNames: RESERVED,
    parameters: new Set(Object.keys(prepared.params)),
  });
  return { problems: guard.problems.map((p) => `${where}：${p}`), node: parsed.node };
}

/**
 * Validates a prepared model on a session that has the building blocks. Returns the result columns
 * when valid, or problems.
 */
export async function validatePreparedSql(
  session: ModelSession,
  prepared: PreparedModel,
): Promise<{ columns: string[]; problems: string[] }> {
  const { def } = prepared;
  const problems = await guardPreparedSql(session, prepared);
  if (problems.length > 0) return { columns: [], problems };
  let columns: string[];
  try {
    const rows = await session.allBound<{ column_name: string }>(
      `DESCRIBE ${prepared.sql}`,
      prepared.params,
    );
    columns = rows.map((r) => r.column_name);
  } catch (error) {
    return {
      columns: [],
      problems: [explainDuckDbError(`模型 ${def.id} 的 SQL `, String((error as Error).message))],
    };
  }
  for (const c of LEAD_COLUMNS) {
    if (!columns.includes(c)) problems.push(`模型 ${def.id} 的 SQL 缺少必需的结果列 ${c}`);
  }
  for (const f of templateFields(def)) {
    if (!columns.includes(f)) problems.push(`模型 ${def.id} 的结论模板引用了结果中没有的列 ${f}`);
  }
  return { columns, problems };
}
