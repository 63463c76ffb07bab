/**
 * A JSON column as DuckDB hands it over: a string to parse, or already a value; a broken or
 * missing one gives `fallback` (a lead page must open even if one stored field is damaged).
 */
export function parseJsonOr<T>(v: unknown, fallback: T): T {
  if (typeof v !== 'string') return (v as T) ?? fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}
