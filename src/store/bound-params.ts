/**
 * Model parameters as DuckDB values with their types: a model's `$name` stays a placeholder in its
 * SQL and the value is bound at execution, so no parameter value is ever read as SQL.
 */
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DECIMAL,
  INTEGER,
  LIST,
  VARCHAR,
  dateValue,
  decimalValue,
  listValue,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { ParamType, ParamValue } from '../sql/compile-model.ts';

/** A checked parameter value (see coerceParam) and its declared type. */
export interface TypedParam {
  readonly type: ParamType;
  readonly value: ParamValue;
}

const DAY_MS = 86_400_000;

function duckType(p: TypedParam): DuckDBType {
  switch (p.type) {
    case 'int':
      return typeof p.value === 'number' && Math.abs(p.value) >= 2 ** 31 ? BIGINT : INTEGER;
    case 'money':
      return DECIMAL(18, 2);
    case 'date':
      return DATE;
    case 'text':
      return VARCHAR;
    case 'boolean':
      return BOOLEAN;
    case 'list':
      return LIST(VARCHAR);
  }
}

/** Yuan text with at most two decimals ("-12.5") → the DECIMAL(18,2) value in cents. */
function cents(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`金额参数不合法：${text}`);
  const value = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

function duckValue(p: TypedParam): DuckDBValue {
  const v = p.value;
  if (v === null) return null;
  switch (p.type) {
    case 'int':
      return Math.abs(Number(v)) >= 2 ** 31 ? BigInt(Number(v)) : Number(v);
    case 'money':
      return decimalValue(cents(String(v)), 18, 2);
    case 'date':
      return dateValue(Math.round(Date.parse(`${String(v)}T00:00:00Z`) / DAY_MS));
    case 'text':
      return String(v);
    case 'boolean':
      return v === true;
    case 'list':
      return listValue((v as readonly string[]).map(String));
  }
}

/**
 * Binds every parameter the prepared statement uses; one it uses but that is not given is an error
 * (the SQL guard has already refused undeclared names, so this is a programming error).
 */
export function bindParams(
  prepared: DuckDBPreparedStatement,
  params: Readonly<Record<string, TypedParam>>,
): void {
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const p = Object.hasOwn(params, name) ? params[name] : undefined;
    if (!p) throw new Error(`SQL 使用了未提供的参数 $${name}`);
    prepared.bindValue(i, duckValue(p), duckType(p));
  }
}
