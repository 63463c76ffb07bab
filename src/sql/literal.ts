/**
 * A SQL string literal, for what cannot be a bound parameter (file paths in read_csv, SET values,
 * SQL text built from a model) or should not be: index lookups inline their keys, because DuckDB
 * plans a prepared statement before the parameters are bound and then never chooses the ART index
 * (a 1M-row scan instead of ~1 ms). Pure.
 */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
