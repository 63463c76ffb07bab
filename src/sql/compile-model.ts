/**
 * Model → the SQL it runs: named parameters (`$asOf`, `$watchYears` …) stay placeholders, bound
 * with their DuckDB types when the query runs (never spliced as text); the priority rule becomes a CASE, and the finding template becomes a string expression, so one query
 * yields finished leads (no per-row work in JS, which matters at a million leads).
 */
import { sqlString } from './literal.ts';

export type ParamValue = string | number | boolean | readonly string[] | null;
export type ParamType = 'int' | 'money' | 'date' | 'text' | 'boolean' | 'list';

/** Result of turning a user value into a parameter value; `error` is Chinese. */
export type Coerced = { ok: true; value: ParamValue } | { ok: false; error: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks (and converts from CLI text) a parameter value against its declared type. */
export function coerceParam(type: ParamType, value: unknown): Coerced {
  if (value === null || value === undefined) return { ok: true, value: null };
  switch (type) {
    case 'int': {
      const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n)
        ? { ok: true, value: n }
        : { ok: false, error: `应为整数，实际为“${String(value)}”` };
    }
    case 'money': {
      const s = String(value).replaceAll(',', '').trim();
      return /^-?\d+(\.\d{1,2})?$/.test(s)
        ? { ok: true, value: s }
        : { ok: false, error: `应为金额（元，最多两位小数），实际为“${String(value)}”` };
    }
    case 'date': {
      const s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
      return isValidDate(s)
        ? { ok: true, value: s }
        : { ok: false, error: `应为日期 YYYY-MM-DD，实际为“${String(value)}”` };
    }
    case 'text':
      return typeof value === 'string' || typeof value === 'number'
        ? { ok: true, value: String(value) }
        : { ok: false, error: `应为文本，实际为“${String(value)}”` };
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === '是') return { ok: true, value: true };
      if (value === 'false' || value === '否') return { ok: true, value: false };
      return { ok: false, error: `应为 true/false，实际为“${String(value)}”` };
    }
    case 'list': {
      if (Array.isArray(value)) return { ok: true, value: value.map(String) };
      if (typeof value === 'string') {
        return {
          ok: true,
          value: value
            .split(/[,，、;；]/)
            .map((s) => s.trim())
            .filter(Boolean),
        };
      }
      return { ok: false, error: `应为列表，实际为“${String(value)}”` };
    }
  }
}

/**
 * The `$name` parameters used outside string literals, quoted identifiers and comments, in order
 * of first use. They stay placeholders in the SQL: values are bound at execution, never spliced.
 */
export function paramNames(sql: string): string[] {
  const names = new Set<string>();
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const quoted = /^('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
    if (quoted?.[0]) {
      i += quoted[0].length;
      continue;
    }
    const param = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (param?.[1]) {
      names.add(param[1]);
      i += param[0].length;
      continue;
    }
    i++;
  }
  return [...names];
}

export const FINDING_FILTERS = ['mask', 'money', 'list', 'date', 'text'] as const;

/** One `{{field|filter}}` of a finding template. */
export interface TemplateField {
  readonly field: string;
  readonly filter?: string;
}

/** Splits a finding template into literal text and fields. */
export function parseTemplate(raw: string): (string | TemplateField)[] {
  // YAML folding turns line breaks into spaces; Chinese text has none, so drop them next to CJK.
  const cjk = '\u3000-\u303f\u4e00-\u9fff\uff00-\uffef';
  const template = raw
    .trim()
    .replace(new RegExp(`([${cjk}])\\s+`, 'g'), '$1')
    .replace(new RegExp(`\\s+([${cjk}])`, 'g'), '$1');
  const parts: (string | TemplateField)[] = [];
  const re = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push(m[2] ? { field: m[1] ?? '', filter: m[2] } : { field: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

function fieldSql(f: TemplateField): string {
  const col = `lead."${f.field}"`;
  switch (f.filter) {
    case 'mask':
      return `coalesce(mask_id(${col}), '')`;
    case 'money':
      return `yuan(${col})`;
    case 'list':
      // Sorted: list_distinct's order follows its input, which parallel aggregates vary, and the
      // sentence is the lead's fingerprint (a changed order would reopen dismissed leads).
      return `coalesce(array_to_string(list_sort(list_distinct(${col})), '、'), '')`;
    case 'date':
      return `coalesce(cn_date(${col}), '')`;
    case undefined:
    default:
      return `coalesce(CAST(${col} AS VARCHAR), '')`;
  }
}

/** The finding template as a SQL expression over the lead row; any 18-char ID left is masked. */
export function findingSql(template: string): string {
  const parts = parseTemplate(template).map((p) =>
    typeof p === 'string' ? sqlString(p) : fieldSql(p),
  );
  const concat = parts.length > 0 ? parts.join(' || ') : "''";
  // Safety net: an ID that slipped through unmasked (e.g. inside a list) is masked here.
  return `regexp_replace(${concat}, '(\\d{6})\\d{8}([0-9X]{4})', '\\1********\\2', 'g')`;
}

/**
 * `ev('dataset', alias)` → `{'dataset': 'dataset', 'batch_id': alias._batch_id, 'file': alias._file,
 * 'row': alias._row}` outside string literals and comments. The `ev` macro receives the alias as
 * the whole row packed into a struct, so DuckDB reads every column of the table (JSON `_extra`
 * included) for it: on 7.6M case actions that scan took ~5 s of CPU instead of ~0.5 s. Spelled
 * out, only the three provenance columns are read. Same value, same semantics.
 */
export function expandEv(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const quoted = /^('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
    if (quoted?.[0]) {
      out += quoted[0];
      i += quoted[0].length;
      continue;
    }
    const call = /^ev\(\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)/.exec(
      rest,
    );
    if (call?.[1] && call[2] && !/[A-Za-z0-9_.]$/.test(out)) {
      const [, ds, alias] = call;
      out += `{'dataset': '${ds}', 'batch_id': ${alias}._batch_id, 'file': ${alias}._file, 'row': ${alias}._row}`;
      i += call[0].length;
      continue;
    }
    out += sql[i] ?? '';
    i++;
  }
  return out;
}

export interface CompileInput {
  readonly sql: string;
  readonly finding: string;
  readonly priority: { readonly 高?: string; readonly 中?: string; readonly default: string };
}

/** A fragment as parsed on its own: `SELECT <expression>` (see validate-sql's shape check). */
export const expressionProbe = (expression: string): string => `SELECT ${expression}`;

/** The compiled query and each user-written fragment exactly as it was placed in it. */
export interface CompiledModel {
  /** The full query (rule + priority + summary), `$name` parameters left as placeholders. */
  readonly sql: string;
  /** The rule's own SQL (ev() spelled out): the body of the `lead` CTE. */
  readonly body: string;
  /** The priority conditions and the finding expression, as spliced into the CASE / select list. */
  readonly high: string;
  readonly medium: string;
  readonly finding: string;
  /** `$name` parameters used anywhere in the query. */
  readonly params: string[];
}

/** The full query of one model: the rule's rows plus `priority` and `summary`. */
export function compileModelSql(input: CompileInput): CompiledModel {
  const body = expandEv(input.sql.trim().replace(/;\s*$/, ''));
  const high = input.priority.高 ?? 'false';
  const medium = input.priority.中 ?? 'false';
  const finding = findingSql(input.finding);
  const sql = `WITH lead AS (
${body}
)
SELECT lead.*,
  CASE WHEN ${high} THEN '高' WHEN ${medium} THEN '中' ELSE ${sqlString(input.priority.default)} END AS priority,
  ${finding} AS summary
FROM lead`;
  const params = [...new Set([body, high, medium].flatMap(paramNames))];
  return { sql, body, high, medium, finding, params };
}
