/**
 * DuckDB's error messages in Chinese, for what a user sees (a model check, a failed run). DuckDB
 * speaks English and quotes values: the sentence names identifiers (columns, tables, functions)
 * but never a value, since a value may be a person's ID or name.
 */

/** DuckDB's error classes (the text before `Error:`), as a user would name them. */
const CLASSES: readonly [RegExp, string][] = [
  [
    /^Conversion Error/i,
    '数据类型转换失败（某个值不能转换为所需类型，请检查数据或在 SQL 中用 TRY_CAST）',
  ],
  [/^Out of Memory Error/i, '内存不足（请缩小数据范围或减少同时运行的模型）'],
  [/^Out of Range Error/i, '数值超出范围'],
  [/^Parser Error/i, 'SQL 语法错误'],
  [/^Binder Error/i, 'SQL 引用的列、表或函数不正确'],
  [/^Catalog Error/i, 'SQL 引用的对象不存在'],
  [/^Invalid Input Error/i, '输入数据格式不正确'],
  [/^Interrupt Error|INTERRUPT/i, '运行已中断'],
  [/^IO Error/i, '读写数据文件失败（请检查磁盘空间和权限）'],
  [/^(Constraint Error|TransactionContext Error)/i, '数据写入冲突，请稍后重试'],
  [/Divide by zero|division by zero/i, '除数为零'],
];

/** A DuckDB message as one Chinese sentence about `subject` (`模型 M01 的 SQL `, `模型 M01 运行时`). */
export function explainDuckDbError(subject: string, message: string): string {
  const column =
    /Referenced column "([^"]+)" not found/.exec(message) ??
    /does not have a column named "([^"]+)"/.exec(message) ??
    /Could not find key "([^"]+)" in struct/.exec(message);
  if (column) return `${subject}引用了不存在的列 ${column[1]}`;
  const table = /Table with name ([^\s!]+) does not exist/.exec(message);
  if (table) return `${subject}引用了不存在的表 ${table[1]}`;
  const fn = /(?:Scalar |Table |Aggregate )?Function with name ([^\s!]+) does not exist/.exec(
    message,
  );
  if (fn) return `${subject}调用了不存在的函数 ${fn[1]}`;
  if (/multiple statements/i.test(message)) return `${subject}只能包含一条查询语句`;
  if (/Could not choose a best candidate function/.test(message)) {
    return `${subject}无法执行：函数或运算的参数类型不匹配（请用 CAST 显式转换类型）`;
  }
  const known = CLASSES.find(([pattern]) => pattern.test(message.trim()));
  return `${subject}无法执行：${known ? known[1] : '数据库执行失败'}`;
}
