/**
 * Checks of a prepared model against the database schema: the SQL guard on DuckDB's parse tree,
 * then DESCRIBE, which binds every table and column without running the query.
 */
import { checkSerializedSql } from '../sql/sql-guard.ts';
import type { ModelSession } from '../store/model-session.ts';
import { LEAD_COLUMNS } from './definition.ts';
import { allowedTables, templateFields, type PreparedModel } from './prepare-model.ts';

/** Turns DuckDB's binder/catalog messages into a Chinese sentence naming the column or table. */
export function explainDuckDbError(modelId: string, message: string): string {
  const column = /Referenced column "([^"]+)" not found/.exec(message);
  if (column)
    return `模型 ${modelId} 的 SQL 引用了不存在的列 ${column[1]}（${message.split('\n')[0]}）`;
  const table = /Table with name ([^\s!]+) does not exist/.exec(message);
  if (table) return `模型 ${modelId} 的 SQL 引用了不存在的表 ${table[1]}`;
  const fn =
    /Function with name ([^\s!]+) does not exist|Scalar Function with name ([^\s!]+) does not exist/.exec(
      message,
    );
  if (fn) return `模型 ${modelId} 的 SQL 调用了不存在的函数 ${fn[1] ?? fn[2]}`;
  return `模型 ${modelId} 的 SQL 无法执行：${message.split('\n')[0]}`;
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
  const guard = checkSerializedSql(await session.serialize(prepared.body), allowedTables(def));
  const problems = guard.problems.map((p) => `模型 ${def.id}：${p}`);
  if (problems.length > 0) return { columns: [], problems };
  let columns: string[];
  try {
    const rows = await session.all<{ column_name: string }>(`DESCRIBE ${prepared.sql}`);
    columns = rows.map((r) => r.column_name);
  } catch (error) {
    return {
      columns: [],
      problems: [explainDuckDbError(def.id, String((error as Error).message))],
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
