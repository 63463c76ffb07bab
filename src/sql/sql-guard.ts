/**
 * What a model's SQL may do: read the dataset views, the building blocks and its own CTEs, nothing
 * else. Checked on DuckDB's own parse tree (`json_serialize_sql`), not on the text: only a SELECT
 * serialises, and the tree names every table, function and parameter the statement touches.
 *
 * Allowlists, not blocklists: query-node and table-reference node types the checker does not know
 * are refused; table names resolve scope by scope (a CTE counts only inside the WITH that defines
 * it); only generator table functions; scalar functions that reach outside are refused by name.
 */

/** Table functions a model may use (generators only). */
const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Query-node types a model may contain (SELECT, UNION/EXCEPT/INTERSECT, WITH RECURSIVE). */
const QUERY_NODES = new Set(['SELECT_NODE', 'SET_OPERATION_NODE', 'RECURSIVE_CTE_NODE']);

/**
 * Table-reference node types a model may contain. Not SHOW_REF (SHOW / DESCRIBE / SUMMARIZE),
 * PIVOT, COLUMN_DATA, DELIM_GET or anything a later DuckDB adds.
 */
const TABLE_REFS = new Set([
  'BASE_TABLE',
  'SUBQUERY',
  'JOIN',
  'TABLE_FUNCTION',
  'EXPRESSION_LIST',
  'EMPTY',
]);

/** Scalar functions that reach outside the database, the session or its settings. */
const FORBIDDEN_FUNCTIONS = new Set([
  'getenv',
  'getvariable',
  'current_setting',
  'current_query',
  'current_database',
  'current_catalog',
  'current_schema',
  'current_schemas',
  'current_user',
  'session_user',
  'user',
  'nextval',
  'currval',
  'setseed',
  'glob',
  'query',
  'query_table',
  'sniff_csv',
  'system',
  'load_extension',
  'make_secret',
  'which_secret',
  'read_text',
  'read_blob',
  'parquet_scan',
  'json_deserialize_sql',
  'json_serialize_sql',
  'json_serialize_plan',
  // side effects and waits: the DuckDB log, the clock of the whole connection
  'write_log',
  'sleep_ms',
  'current_connection_id',
  'current_query_id',
  'current_transaction_id',
  'txid_current',
  'current_role',
  'in_search_path',
  'get_block_size',
  'st_read',
  'sql_auto_complete',
  'checkpoint',
  'force_checkpoint',
]);
const FORBIDDEN_PREFIXES = [
  'has_',
  'read_',
  'duckdb_',
  'pragma_',
  'parquet_',
  'json_execute',
  'sqlite_',
  'pg_',
  'iceberg_',
  'delta_',
];
const FORBIDDEN_SUFFIXES = ['_scan', '_metadata', '_schema'];

/** Catalog names a table may never have, even were it declared (system views, other databases). */
const SYSTEM_NAME = /^(duckdb_|pg_|sqlite_|information_schema$|pragma_|system$|temp$|main$)/i;

/** A string constant that looks like a file path or URL. */
const PATH_OR_URL =
  /^(?:\/|\.{1,2}[\\/]|~[\\/]|\\\\|[A-Za-z]:[\\/]|[a-z][a-z0-9+.-]*:\/\/|file:)|\.(?:csv|tsv|txt|parquet|json|jsonl|ndjson|db|duckdb|sqlite|wal|xlsx|xls|gz|zst)$/i;

/** A CTE name: a plain identifier (a name like 'x.csv' would invite a replacement scan). */
const CTE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

export interface SqlGuardOptions {
  /** Names a CTE may not take although they are not readable here (every dataset of the catalog). */
  readonly reservedNames?: ReadonlySet<string>;
  /** Declared parameter names (`$asOf` …); any other parameter is refused. Unchecked when absent. */
  readonly parameters?: ReadonlySet<string>;
  /** Names readable without a declaration in this fragment (the compiled query's `lead`). */
  readonly outerScope?: ReadonlySet<string>;
}

export interface SqlGuardResult {
  /** Chinese messages; empty when the statement is acceptable. */
  readonly problems: string[];
  /** Tables/views referenced (CTE names excluded). */
  readonly tables: string[];
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The one statement of a `json_serialize_sql` answer, or a Chinese problem: a syntax error, a
 * statement that is not a SELECT, or several statements.
 */
export function parseSerialized(serialized: string): { node: JsonObject } | { problem: string } {
  let tree: Json;
  try {
    tree = JSON.parse(serialized) as Json;
  } catch {
    return { problem: 'SQL 无法解析' };
  }
  if (!isObject(tree)) return { problem: 'SQL 无法解析' };
  if (tree.error === true) {
    const message = String(tree.error_message ?? '');
    return {
      problem: /Only SELECT statements/i.test(message)
        ? 'SQL 只能是一条查询语句（SELECT / WITH … SELECT），不得写入、删除或修改数据库，不得执行 SHOW、PIVOT、COPY、ATTACH、PRAGMA、SET 等命令'
        : `SQL 语法错误：${message}`,
    };
  }
  const statements = Array.isArray(tree.statements) ? tree.statements : [];
  const first = statements[0];
  if (statements.length !== 1 || !isObject(first) || !isObject(first.node)) {
    return { problem: `SQL 只能包含一条查询语句，实际为 ${statements.length} 条` };
  }
  return { node: first.node };
}

function cteEntries(node: JsonObject): { name: string; query: Json }[] {
  const map = isObject(node.cte_map) ? node.cte_map.map : undefined;
  if (!Array.isArray(map)) return [];
  return map.filter(isObject).map((e) => ({
    name: String(e.key ?? ''),
    query: isObject(e.value) ? (e.value.query ?? null) : null,
  }));
}

class Checker {
  readonly problems: string[] = [];
  readonly tables = new Set<string>();

  constructor(
    private readonly allowed: ReadonlySet<string>,
    private readonly options: SqlGuardOptions,
  ) {}

  /** A query node: its CTEs are visible to later CTEs of the same WITH and to its body only. */
  query(node: JsonObject, scope: ReadonlySet<string>): void {
    const type = String(node.type ?? '');
    if (!QUERY_NODES.has(type)) {
      this.problems.push(`SQL 含有不允许的查询结构 ${type}（模型只能是 SELECT 查询）`);
      return;
    }
    const visible = new Set(scope);
    const seen = new Set<string>();
    for (const { name, query } of cteEntries(node)) {
      const key = name.toLowerCase();
      this.cteName(name, key, visible, seen);
      seen.add(key);
      const q = isObject(query) && isObject(query.node) ? query.node : null;
      if (q && q.type === 'RECURSIVE_CTE_NODE' && String(q.cte_name ?? '').toLowerCase() === key) {
        // WITH RECURSIVE: only the recursive term sees the CTE itself; the anchor does not.
        this.recursive(q, visible, key);
      } else {
        // A plain CTE does not see itself (DuckDB would bind its own name to a real table).
        this.any(query, visible);
      }
      visible.add(key);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'cte_map') this.any(v, visible);
  }

  private recursive(node: JsonObject, scope: ReadonlySet<string>, self: string): void {
    const withSelf = new Set([...scope, self]);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'right') this.any(v, withSelf);
      else if (k !== 'cte_map') this.any(v, scope);
    }
    if (cteEntries(node).length > 0) this.problems.push('SQL 的递归 CTE 内不得再定义 CTE');
  }

  private cteName(name: string, key: string, scope: ReadonlySet<string>, seen: Set<string>): void {
    if (!CTE_NAME.test(name)) {
      this.problems.push(`SQL 的 CTE 名称“${name}”只能由字母、数字和下划线组成`);
    } else if (seen.has(key)) {
      this.problems.push(`SQL 的 CTE 名称 ${name} 重复`);
    } else if (
      scope.has(key) ||
      this.allowed.has(key) ||
      this.options.reservedNames?.has(key) ||
      this.options.outerScope?.has(key) ||
      SYSTEM_NAME.test(name)
    ) {
      this.problems.push(`SQL 的 CTE 名称 ${name} 与数据集、基础视图或外层 CTE 同名，请换一个名称`);
    }
  }

  private tableRef(ref: JsonObject, scope: ReadonlySet<string>): void {
    const type = String(ref.type ?? '');
    if (!TABLE_REFS.has(type)) {
      this.problems.push(
        type === 'SHOW_REF'
          ? 'SQL 不得使用 SHOW、DESCRIBE 或 SUMMARIZE（模型只能读取已声明的数据集）'
          : `SQL 不得使用 ${type} 形式的表引用（模型只能读取已声明的数据集、基础视图和本查询的 CTE）`,
      );
      return;
    }
    if (type === 'BASE_TABLE') this.baseTable(ref, scope);
    if (type === 'TABLE_FUNCTION') {
      const fn = isObject(ref.function) ? ref.function : {};
      const name = String(fn.function_name ?? '');
      if (
        !ALLOWED_TABLE_FUNCTIONS.has(name.toLowerCase()) ||
        fn.catalog ||
        (fn.schema && fn.schema !== 'main')
      ) {
        this.problems.push(`SQL 不得调用表函数 ${name}（模型只能读取已导入的数据集）`);
      }
    }
    for (const v of Object.values(ref)) this.any(v, scope);
  }

  private baseTable(ref: JsonObject, scope: ReadonlySet<string>): void {
    const name = String(ref.table_name ?? '');
    const key = name.toLowerCase();
    if (ref.schema_name || ref.catalog_name) {
      const full = [ref.catalog_name, ref.schema_name, name].filter(Boolean).join('.');
      this.problems.push(`SQL 不得指定模式或数据库：${full}`);
      return;
    }
    if (/[\\/]|\.[A-Za-z0-9]+$|:/.test(name) || PATH_OR_URL.test(name)) {
      this.problems.push(`SQL 不得读取文件或网址：${name}（模型只能读取已声明的数据集）`);
      return;
    }
    if (ref.at_clause) this.problems.push(`SQL 不得读取表 ${name} 的历史版本（AT 子句）`);
    if (scope.has(key) || this.options.outerScope?.has(key)) return;
    this.tables.add(name);
    if (!this.allowed.has(key) || SYSTEM_NAME.test(name)) {
      this.problems.push(`SQL 引用了未知或未在 datasets 中声明的表：${name}`);
    }
  }

  private expression(e: JsonObject, scope: ReadonlySet<string>): void {
    if (e.class === 'FUNCTION' && typeof e.function_name === 'string') {
      const name = e.function_name.toLowerCase();
      const qualified = Boolean(e.catalog) || (Boolean(e.schema) && e.schema !== 'main');
      if (
        qualified ||
        FORBIDDEN_FUNCTIONS.has(name) ||
        FORBIDDEN_PREFIXES.some((p) => name.startsWith(p)) ||
        FORBIDDEN_SUFFIXES.some((s) => name.endsWith(s))
      ) {
        this.problems.push(
          `SQL 不得调用函数 ${e.function_name}（不得读取文件、环境、设置或系统目录）`,
        );
      }
    }
    if (e.class === 'CONSTANT' && isObject(e.value)) {
      const v = e.value.value;
      if (typeof v === 'string' && PATH_OR_URL.test(v.trim())) {
        this.problems.push(`SQL 不得包含文件路径或网址：${v}`);
      }
    }
    if (e.class === 'PARAMETER' && this.options.parameters) {
      const id = String(e.identifier ?? '');
      if (/^\d+$/.test(id))
        this.problems.push('SQL 只能使用已声明的命名参数（$名称），不得使用 ? 或 $1');
      else if (!this.options.parameters.has(id))
        this.problems.push(`SQL 使用了未声明的参数 $${id}`);
    }
    for (const v of Object.values(e)) this.any(v, scope);
  }

  /** Any part of the tree: dispatches on what the object is (expression, query node, table ref). */
  any(v: Json | undefined, scope: ReadonlySet<string>): void {
    if (Array.isArray(v)) for (const x of v) this.any(x, scope);
    else if (!isObject(v)) return;
    else if ('class' in v) this.expression(v, scope);
    else if ('cte_map' in v) this.query(v, scope);
    else if ('sample' in v && 'type' in v) this.tableRef(v, scope);
    else for (const x of Object.values(v)) this.any(x, scope);
  }
}

/** Checks one parsed query node (see parseSerialized). */
export function checkQueryNode(
  node: JsonObject,
  allowedTables: ReadonlySet<string>,
  options: SqlGuardOptions = {},
): SqlGuardResult {
  const checker = new Checker(lower(allowedTables), {
    ...options,
    ...(options.reservedNames ? { reservedNames: lower(options.reservedNames) } : {}),
    ...(options.outerScope ? { outerScope: lower(options.outerScope) } : {}),
  });
  checker.query(node, new Set());
  return { problems: [...new Set(checker.problems)], tables: [...checker.tables] };
}

function lower(names: ReadonlySet<string>): Set<string> {
  return new Set([...names].map((n) => n.toLowerCase()));
}
