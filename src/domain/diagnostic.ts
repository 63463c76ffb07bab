/** How bad a finding is: an `error` rejects the value (or row), a `warning` keeps it but tells the user. */
export type Severity = 'error' | 'warning';

/** 诊断: one problem found in user data, with a Chinese message and where it was found. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Chinese, shown to the user as is. */
  message: string;
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
}

/** Result of every domain parser: a value (possibly with warnings) or one error. Parsers never throw. */
export type Parsed<T> =
  { ok: true; value: T; warnings: Diagnostic[] } | { ok: false; error: Diagnostic };

/** A successful result. Each gets its own warnings array, so a caller may push to it safely. */
export function ok<T>(value: T, warnings: Diagnostic[] = []): Parsed<T> {
  return { ok: true, value, warnings };
}

/** A failed result with an `error` diagnostic. */
export function fail<T = never>(code: string, message: string, value?: string): Parsed<T> {
  const error: Diagnostic = { code, severity: 'error', message };
  if (value !== undefined) error.value = value;
  return { ok: false, error };
}

/** A `warning` diagnostic, to attach to an ok result. */
export function warning(code: string, message: string, value?: string): Diagnostic {
  const d: Diagnostic = { code, severity: 'warning', message };
  if (value !== undefined) d.value = value;
  return d;
}
