/**
 * What a model's SQL may do: read the dataset views and building blocks, nothing else. Checked on
 * DuckDB's own parse tree (`json_serialize_sql`), not on the text: only a SELECT serialises, and the
 * tree names every table and function the statement touches.
 */

/** Scalar functions that reach outside the database or the session. */
const FORBIDDEN_FUNCTIONS = new Set([
  'getenv',
  'read_text',
  'read_blob',
  'read_csv',
  'read_csv_auto',
  'read_parquet',
  'parquet_scan',
  'read_json',
  'read_json_auto',
  'read_json_objects',
  'read_ndjson',
  'glob',
  'query',
  'query_table',
  'current_setting',
  'sniff_csv',
  'system',
]);

/** Table functions a model may use (generators only). */
const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** A string constant that looks like a file path or URL. */
const PATH_OR_URL =
  /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/]|[a-z][a-z0-9+.-]*:\/\/)|\.(?:csv|parquet|json|db|duckdb|xlsx)$/i;

export interface SqlGuardResult {
  /** Chinese messages; empty when the statement is acceptable. */
  readonly problems: string[];
  /** Tables/views referenced (CTE names excluded). */
  readonly tables: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function walk(node: Json, visit: (obj: { [k: string]: Json }) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/**
 * Checks the output of `json_serialize_sql(sql)`. `allowedTables` are the names the statement may
 * read (dataset views, building blocks); CTEs defined in the statement are allowed too.
 */
export function checkSerializedSql(
  serialized: string,
  allowedTables: ReadonlySet<string>,
): SqlGuardResult {
  let tree: Json;
  try {
    tree = JSON.parse(serialized) as Json;
  } catch {
    return { problems: ['SQL 无法解析'], tables: [] };
  }
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
    return { problems: ['SQL 无法解析'], tables: [] };
  }
  if (tree.error === true) {
    const message = String(tree.error_message ?? '');
    const notSelect = /Only SELECT statements/i.test(message);
    return {
      problems: [
        notSelect
          ? 'SQL 只能是一条查询语句（SELECT / WITH … SELECT），不得写入、删除或修改数据库'
          : `SQL 语法错误：${message}`,
      ],
      tables: [],
    };
  }
  const statements = Array.isArray(tree.statements) ? tree.statements : [];
  if (statements.length !== 1) {
    return { problems: [`SQL 只能包含一条查询语句，实际为 ${statements.length} 条`], tables: [] };
  }
  const problems: string[] = [];
  const ctes = new Set<string>();
  const tables = new Set<string>();
  walk(statements, (obj) => {
    const cteMap = obj.cte_map;
    if (
      cteMap &&
      typeof cteMap === 'object' &&
      !Array.isArray(cteMap) &&
      Array.isArray(cteMap.map)
    ) {
      for (const entry of cteMap.map) {
        if (entry && typeof entry === 'object' && !Array.isArray(entry))
          ctes.add(String(entry.key));
      }
    }
  });
  walk(statements, (obj) => {
    if (obj.type === 'BASE_TABLE') {
      const name = String(obj.table_name ?? '');
      if (obj.schema_name || obj.catalog_name) {
        problems.push(
          `SQL 不得指定模式或数据库：${[obj.catalog_name, obj.schema_name, name].filter(Boolean).join('.')}`,
        );
      } else if (!ctes.has(name)) {
        tables.add(name);
        if (!allowedTables.has(name)) {
          problems.push(`SQL 引用了未知或未在 datasets 中声明的表：${name}`);
        }
      }
    }
    if (obj.type === 'TABLE_FUNCTION') {
      const fn = obj.function;
      const name =
        fn && typeof fn === 'object' && !Array.isArray(fn) ? String(fn.function_name ?? '') : '';
      if (!ALLOWED_TABLE_FUNCTIONS.has(name.toLowerCase())) {
        problems.push(`SQL 不得调用表函数 ${name}（模型只能读取已导入的数据集）`);
      }
    }
    if (obj.class === 'FUNCTION' && typeof obj.function_name === 'string') {
      const name = obj.function_name.toLowerCase();
      if (FORBIDDEN_FUNCTIONS.has(name) || name.startsWith('read_') || name.endsWith('_scan')) {
        problems.push(`SQL 不得调用函数 ${obj.function_name}（不得读取文件、环境或设置）`);
      }
    }
    if (
      obj.class === 'CONSTANT' &&
      obj.value &&
      typeof obj.value === 'object' &&
      !Array.isArray(obj.value)
    ) {
      const v = obj.value.value;
      if (typeof v === 'string' && PATH_OR_URL.test(v)) {
        problems.push(`SQL 不得包含文件路径或网址：${v}`);
      }
    }
  });
  return { problems: [...new Set(problems)], tables: [...tables] };
}
