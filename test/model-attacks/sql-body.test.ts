/**
 * Attacks through a user model's `sql` body (issue 14): every one is refused with a Chinese reason
 * on import, validation and run, is audited, and leaves roles, leads, files and settings as they were.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { evil, expectRefused, leadSql, openArena, TMP_DB, TMP_LEAK, type Arena } from './kit.ts';

let arena: Arena;
beforeAll(async () => {
  arena = await openArena();
});
afterAll(() => arena.close());

const HASHES = `(SELECT string_agg(username || ':' || password_hash, ';') FROM users)`;
const NOT_ONE_SELECT = /只能是一条查询语句|只能包含一条查询语句|语法错误/;
const UNKNOWN_TABLE = /未知或未在 datasets 中声明的表|不得指定模式或数据库|同名/;
const NO_FILES = /不得调用(表)?函数|文件路径|表引用|SHOW/;

/** [shape, sql, reason] */
const ATTACKS: [string, string, RegExp][] = [
  // Writes and commands, alone and stacked behind a valid query.
  ['UPDATE users', `UPDATE users SET roles = 'admin,data_admin'`, NOT_ONE_SELECT],
  [
    'stacked UPDATE after a valid SELECT',
    `${leadSql("'x'")}; UPDATE users SET roles = 'admin,data_admin'`,
    NOT_ONE_SELECT,
  ],
  [
    'stacked UPDATE hidden behind a block comment',
    `${leadSql("'x'")} /* harmless */; UPDATE users SET roles = 'admin' /* */`,
    NOT_ONE_SELECT,
  ],
  ['DELETE', `DELETE FROM users`, NOT_ONE_SELECT],
  ['DROP', `DROP TABLE users`, NOT_ONE_SELECT],
  ['INSERT', `INSERT INTO users SELECT * FROM users`, NOT_ONE_SELECT],
  ['CREATE MACRO', `CREATE MACRO case_type(x) AS 'x'`, NOT_ONE_SELECT],
  ['COPY … TO a file', `COPY (SELECT * FROM users) TO '${TMP_LEAK}'`, NOT_ONE_SELECT],
  ['stacked COPY', `${leadSql("'x'")}; COPY users TO '${TMP_LEAK}'`, NOT_ONE_SELECT],
  ['ATTACH', `ATTACH '${TMP_DB}' AS x`, NOT_ONE_SELECT],
  ['stacked ATTACH', `${leadSql("'x'")}; ATTACH '${TMP_DB}' AS x`, NOT_ONE_SELECT],
  ['DETACH', `DETACH platform`, NOT_ONE_SELECT],
  ['INSTALL', `INSTALL httpfs`, NOT_ONE_SELECT],
  ['LOAD', `LOAD httpfs`, NOT_ONE_SELECT],
  ['PRAGMA', `PRAGMA database_list`, NOT_ONE_SELECT],
  ['SET', `SET enable_external_access = true`, NOT_ONE_SELECT],
  ['RESET', `RESET threads`, NOT_ONE_SELECT],
  ['CALL', `CALL duckdb_tables()`, NOT_ONE_SELECT],
  ['EXPORT DATABASE', `EXPORT DATABASE '${TMP_LEAK}'`, NOT_ONE_SELECT],
  ['IMPORT DATABASE', `IMPORT DATABASE '/tmp'`, NOT_ONE_SELECT],
  ['CHECKPOINT', `CHECKPOINT`, NOT_ONE_SELECT],
  ['BEGIN + UPDATE', `BEGIN; UPDATE users SET roles = 'admin'; COMMIT`, NOT_ONE_SELECT],
  ['EXPLAIN ANALYZE', `EXPLAIN ANALYZE SELECT * FROM users`, NOT_ONE_SELECT],
  ['SHOW TABLES', `SHOW TABLES`, /SHOW/],
  ['SUMMARIZE', `SUMMARIZE users`, /SHOW/],
  ['PIVOT statement', `PIVOT users ON roles USING count(*)`, NOT_ONE_SELECT],
  ['USE another schema', `USE system.main`, NOT_ONE_SELECT],
  ['VACUUM', `VACUUM`, NOT_ONE_SELECT],
  // Table references outside the declared datasets.
  ['FROM users', leadSql(HASHES), UNKNOWN_TABLE],
  ['FROM (SHOW TABLES)', leadSql('t.name', 'closed_debtors d, (SHOW TABLES) t'), /SHOW/],
  [
    'FROM (DESCRIBE users)',
    leadSql('t.column_name', 'closed_debtors d, (DESCRIBE users) t'),
    /SHOW/,
  ],
  [
    'FROM (SUMMARIZE users)',
    leadSql('t.column_name', 'closed_debtors d, (SUMMARIZE users) t'),
    /SHOW/,
  ],
  [
    'PIVOT table reference',
    leadSql("'x'", "closed_debtors d, (FROM users PIVOT (count(*) FOR roles IN ('admin'))) p"),
    /PIVOT|未知/,
  ],
  [
    'UNPIVOT table reference',
    leadSql("'x'", 'closed_debtors d, (FROM users UNPIVOT (v FOR k IN (roles, password_hash))) p'),
    /UNPIVOT|PIVOT|未知/,
  ],
  ['main.users', leadSql('u.password_hash', 'closed_debtors d, main.users u'), UNKNOWN_TABLE],
  [
    '"main"."users"',
    leadSql('u.password_hash', 'closed_debtors d, "main"."users" u'),
    UNKNOWN_TABLE,
  ],
  [
    'platform.main.users',
    leadSql('u.password_hash', 'closed_debtors d, platform.main.users u'),
    UNKNOWN_TABLE,
  ],
  ['quoted "users"', leadSql('u.password_hash', 'closed_debtors d, "users" u'), UNKNOWN_TABLE],
  ['upper-case USERS', leadSql('u.password_hash', 'closed_debtors d, USERS u'), UNKNOWN_TABLE],
  ['mixed-case "Users"', leadSql('u.password_hash', 'closed_debtors d, "Users" u'), UNKNOWN_TABLE],
  [
    'Cyrillic look-alike "usеrs"',
    leadSql('u.password_hash', 'closed_debtors d, "usеrs" u'),
    UNKNOWN_TABLE,
  ],
  [
    'full-width "ｕｓｅｒｓ"',
    leadSql('u.password_hash', 'closed_debtors d, "ｕｓｅｒｓ" u'),
    UNKNOWN_TABLE,
  ],
  [
    'TABLE users',
    `${leadSql("'x'")} UNION ALL ${leadSql('u.password_hash', 'closed_debtors d, (TABLE users) u')}`,
    UNKNOWN_TABLE,
  ],
  [
    'FROM-first users',
    leadSql('u.password_hash', 'closed_debtors d, (FROM users) u'),
    UNKNOWN_TABLE,
  ],
  [
    'users AT (VERSION)',
    leadSql("'x'", 'closed_debtors d, users AT (VERSION => 1)'),
    /AT|未知|语法错误/,
  ],
  ['platform table sessions', leadSql('s.id', 'closed_debtors d, sessions s'), UNKNOWN_TABLE],
  ['platform table audit_log', leadSql('a.detail', 'closed_debtors d, audit_log a'), UNKNOWN_TABLE],
  ['platform table leads', leadSql('l.summary', 'closed_debtors d, leads l'), UNKNOWN_TABLE],
  [
    'platform table user_models',
    leadSql('m.source', 'closed_debtors d, user_models m'),
    UNKNOWN_TABLE,
  ],
  [
    'raw versions table',
    leadSql('v.owner_id', 'closed_debtors d, vehicles__versions v'),
    UNKNOWN_TABLE,
  ],
  ['undeclared dataset', leadSql('p.name', 'closed_debtors d, pension_payments p'), UNKNOWN_TABLE],
  [
    'information_schema',
    leadSql('t.table_name', 'closed_debtors d, information_schema.tables t'),
    UNKNOWN_TABLE,
  ],
  ['pg_catalog', leadSql('t.relname', 'closed_debtors d, pg_catalog.pg_class t'), UNKNOWN_TABLE],
  ['sqlite_master', leadSql('t.name', 'closed_debtors d, sqlite_master t'), UNKNOWN_TABLE],
  ['duckdb_tables()', leadSql('t.table_name', 'closed_debtors d, duckdb_tables() t'), NO_FILES],
  ['duckdb_settings()', leadSql('t.value', 'closed_debtors d, duckdb_settings() t'), NO_FILES],
  ['duckdb_databases()', leadSql('t.path', 'closed_debtors d, duckdb_databases() t'), NO_FILES],
  [
    'pragma_table_info()',
    leadSql('t.name', "closed_debtors d, pragma_table_info('users') t"),
    NO_FILES,
  ],
  // Files, URLs and dynamic SQL.
  [
    'read_text in a subquery of a lead column',
    leadSql("(SELECT content FROM read_text('/etc/passwd'))"),
    NO_FILES,
  ],
  [
    'read_text with a built path',
    leadSql("(SELECT content FROM read_text('/et' || 'c/passwd'))"),
    NO_FILES,
  ],
  ['read_csv', leadSql('f.column0', "closed_debtors d, read_csv('/etc/passwd') f"), NO_FILES],
  [
    'read_csv_auto',
    leadSql('f.column0', "closed_debtors d, read_csv_auto('/etc/passwd') f"),
    NO_FILES,
  ],
  ['read_parquet', leadSql("'x'", "closed_debtors d, read_parquet('/tmp/x.parquet') f"), NO_FILES],
  ['read_json', leadSql("'x'", "closed_debtors d, read_json('/tmp/x.json') f"), NO_FILES],
  ['read_blob', leadSql("(SELECT content::VARCHAR FROM read_blob('/etc/passwd'))"), NO_FILES],
  ['glob', leadSql("(SELECT string_agg(file, ',') FROM glob('/*'))"), NO_FILES],
  [
    'replacement scan of a path',
    leadSql('f.column0', "closed_debtors d, '/etc/passwd' f"),
    /不得读取文件/,
  ],
  ['replacement scan of a CSV', leadSql("'x'", "closed_debtors d, 'data.csv' f"), /不得读取文件/],
  ['URL constant', leadSql("'https://example.org/x.csv'"), /文件路径或网址/],
  ['path in VALUES', leadSql('v.p', "closed_debtors d, (VALUES ('/etc/passwd')) v(p)"), /文件路径/],
  [
    'query()',
    leadSql('q.password_hash', "closed_debtors d, query('SELECT * FROM users') q"),
    NO_FILES,
  ],
  [
    'query_table()',
    leadSql('q.password_hash', "closed_debtors d, query_table('users') q"),
    NO_FILES,
  ],
  [
    'json_execute_serialized_sql',
    leadSql(
      "'x'",
      "closed_debtors d, json_execute_serialized_sql(json_serialize_sql('SELECT 1')) q",
    ),
    NO_FILES,
  ],
  ['getenv', leadSql("getenv('HOME')"), NO_FILES],
  ['current_setting', leadSql("current_setting('enable_external_access')::VARCHAR"), NO_FILES],
  ['write_log (a write)', leadSql("write_log('x')::VARCHAR"), NO_FILES],
  ['sleep_ms (a wait)', leadSql('sleep_ms(100000)::VARCHAR'), NO_FILES],
  [
    'st_read (an extension reader)',
    leadSql("'x'", "closed_debtors d, st_read('/etc/passwd') f"),
    NO_FILES,
  ],
  ['nextval (a write)', leadSql("nextval('audit_id_seq')::VARCHAR"), NO_FILES],
  ['schema-qualified function', leadSql("main.getenv('HOME')"), NO_FILES],
  ['positional parameter', leadSql('$1'), /命名参数/],
  ['undeclared parameter', leadSql('$secret'), /未声明的参数/],
  // CTE names that would let a table through.
  [
    'CTE named users in a sibling scope (the issue\u2019s leak)',
    leadSql(
      HASHES,
      'closed_debtors d',
      'CROSS JOIN (WITH users AS (SELECT 1 AS x) SELECT * FROM users) u',
    ),
    /同名|未知/,
  ],
  [
    'CTE named users defined later in the same WITH',
    `WITH a AS (SELECT * FROM users), users AS (SELECT 1 AS x) ${leadSql('(SELECT max(password_hash) FROM a)')}`,
    /同名|未知/,
  ],
  [
    'CTE reading its own name (binds to the real table)',
    `WITH leaked AS (SELECT * FROM leaked) ${leadSql('(SELECT 1 FROM leaked)')}`,
    /未知/,
  ],
  [
    'recursive CTE whose anchor reads users',
    `WITH RECURSIVE users AS (SELECT password_hash FROM users UNION ALL SELECT password_hash FROM users WHERE false) ${leadSql('(SELECT max(password_hash) FROM users)')}`,
    /同名|未知/,
  ],
  [
    'CTE nested two levels down, used outside it',
    leadSql(
      HASHES,
      'closed_debtors d',
      'CROSS JOIN (SELECT * FROM (WITH users AS (SELECT 1 AS x) SELECT * FROM users)) u',
    ),
    /同名|未知/,
  ],
  [
    'CTE named like a file path + replacement scan',
    `WITH "/etc/passwd" AS (SELECT 1 AS x) ${leadSql("'x'", 'closed_debtors d', 'CROSS JOIN (SELECT * FROM "/etc/passwd") p')}`,
    /CTE 名称|文件路径/,
  ],
  [
    'CTE named like a CSV, the file read in another scope',
    `${leadSql("'x'", 'closed_debtors d', 'CROSS JOIN (SELECT * FROM \'x.csv\') a CROSS JOIN (WITH "x.csv" AS (SELECT 1) SELECT 1) b')}`,
    /CTE 名称|未知/,
  ],
  ['CTE shadowing a dataset', `WITH vehicles AS (SELECT * FROM users) ${leadSql("'x'")}`, /同名/],
  [
    'CTE shadowing a building block',
    `WITH closed_debtors AS (SELECT 1 AS x) ${leadSql("'x'")}`,
    /同名/,
  ],
  [
    'CTE shadowing the compiler\u2019s lead',
    `WITH lead AS (SELECT 1 AS x) ${leadSql("'x'")}`,
    /同名/,
  ],
  // Subqueries everywhere an expression may stand.
  [
    'users in a lambda',
    leadSql('list_transform([1], x -> (SELECT max(password_hash) FROM users))[1]'),
    UNKNOWN_TABLE,
  ],
  [
    'users in WHERE',
    leadSql("'x'", 'closed_debtors d', 'WHERE EXISTS (SELECT 1 FROM users)'),
    UNKNOWN_TABLE,
  ],
  [
    'users in a JOIN condition',
    leadSql("'x'", 'closed_debtors d JOIN vehicles v ON v.owner_id IN (SELECT id FROM users)'),
    UNKNOWN_TABLE,
  ],
  [
    'users in LATERAL',
    leadSql('u.password_hash', 'closed_debtors d, LATERAL (SELECT * FROM users) u'),
    UNKNOWN_TABLE,
  ],
  [
    'users in ORDER BY',
    `${leadSql("'x'")} ORDER BY (SELECT max(password_hash) FROM users)`,
    UNKNOWN_TABLE,
  ],
  ['users in QUALIFY', `${leadSql("'x'")} QUALIFY (SELECT count(*) FROM users) > 0`, UNKNOWN_TABLE],
  [
    'users in a UNION arm',
    `${leadSql("'x'")} UNION ALL ${leadSql('u.password_hash', 'closed_debtors d, users u')}`,
    UNKNOWN_TABLE,
  ],
  [
    'users in the recursive term of a CTE',
    `WITH RECURSIVE r(h) AS (SELECT 'x' UNION ALL SELECT password_hash FROM users) ${leadSql('(SELECT max(h) FROM r)')}`,
    UNKNOWN_TABLE,
  ],
  [
    'an alias named users, then users in a subquery',
    leadSql('(SELECT max(password_hash) FROM users)', 'closed_debtors d, vehicles AS users'),
    UNKNOWN_TABLE,
  ],
  [
    'POSITIONAL JOIN users',
    leadSql('u.password_hash', 'closed_debtors d POSITIONAL JOIN users u'),
    UNKNOWN_TABLE,
  ],
  [
    'ASOF JOIN users',
    leadSql(
      'u.password_hash',
      'closed_debtors d ASOF JOIN users u ON d.closed_date >= u.created_at',
    ),
    UNKNOWN_TABLE,
  ],
  [
    'unnest of a subquery on users',
    leadSql('x.u', 'closed_debtors d, unnest((SELECT list(password_hash) FROM users)) x(u)'),
    UNKNOWN_TABLE,
  ],
  [
    'a comment between schema and table',
    leadSql('u.password_hash', 'closed_debtors d, main/**/.users u'),
    UNKNOWN_TABLE,
  ],
  [
    'a unicode-escaped identifier',
    leadSql('u.password_hash', `closed_debtors d, U&"\\0075sers" u`),
    /未知|语法错误|不得/,
  ],
  [
    'a trailing-space "users "',
    leadSql('u.password_hash', 'closed_debtors d, "users " u'),
    UNKNOWN_TABLE,
  ],
  [
    'a MATERIALIZED CTE reading users',
    `WITH m AS MATERIALIZED (SELECT * FROM users) ${leadSql('(SELECT max(password_hash) FROM m)')}`,
    UNKNOWN_TABLE,
  ],
  [
    'ev() naming the users table',
    leadSql(
      "'x'",
      'closed_debtors d',
      "WHERE ev('users', d) IS NULL AND EXISTS (SELECT 1 FROM users)",
    ),
    UNKNOWN_TABLE,
  ],
  ['users behind a line comment trick', `${leadSql("'x'")} -- harmless\n, users u`, UNKNOWN_TABLE],
];

describe('user model sql body attacks', () => {
  it.each(ATTACKS)('refuses %s', async (_shape, sql, reason) => {
    await expectRefused(arena, evil({ sql }), reason);
  });
});
