import type { ColumnType } from '../catalog/column-types.ts';
import { parseCaseNumber } from '../domain/case-number.ts';
import { parseDate, parseDateTime, parseMonth } from '../domain/date.ts';
import { fail, ok, warning, type Parsed } from '../domain/diagnostic.ts';
import { parseMoney, parseMoneyInWan } from '../domain/money.ts';
import { parsePartyId } from '../domain/party-id.ts';
import { parsePlate } from '../domain/plate.ts';
import { moneyUnitOfHeader, normalizeText } from '../domain/text.ts';

/** A parsed cell: the canonical string to store, plus facts the validator reports on. */
export interface CellValue {
  readonly value: string;
  readonly masked?: boolean;
  readonly from15?: boolean;
  readonly kind?: 'person' | 'organisation';
}

export type CellParser = (text: string) => Parsed<CellValue>;

const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** 持股比例 and other ratios: `35%` → 0.35, `0.35` stays; `35` (no sign) is read as a percentage, with a warning. */
export function parseRatio(s: string): Parsed<string> {
  const t = s.trim().replaceAll(',', '');
  const percent = PERCENT.exec(t);
  if (percent) return ok(String(Number(percent[1]) / 100));
  if (!PLAIN_NUMBER.test(t)) return fail('decimal.format', `不是数值：“${s.slice(0, 40)}”`, s);
  const n = Number(t);
  if (n > 1 && n <= 100) {
    return ok(String(n / 100), [
      warning('decimal.percent-assumed', `比例 ${t} 大于 1，按百分数 ${t}% 读取`, s),
    ]);
  }
  return ok(String(n));
}

/** Whole numbers (`int` columns), thousands separators allowed. */
export function parseInteger(s: string): Parsed<string> {
  const t = s.trim().replaceAll(',', '');
  if (!/^[+-]?\d+$/.test(t)) return fail('int.format', `不是整数：“${s.slice(0, 40)}”`, s);
  return ok(String(BigInt(t)));
}

const asValue = (r: Parsed<string>): Parsed<CellValue> =>
  r.ok ? { ok: true, value: { value: r.value }, warnings: r.warnings } : r;

/**
 * The parser of a column type; every one returns the canonical string writeBatch stores. `header`
 * (as written in the file) matters for money: a 万元 header scales plain numbers.
 */
export function parserFor(type: ColumnType, header = ''): CellParser {
  switch (type) {
    case 'text':
      return (s) => ok({ value: normalizeText(s) });
    case 'id':
      return (s) => {
        const r = parsePartyId(s);
        if (!r.ok) return r;
        // Only a shorter input can have been a 15-digit number converted to 18.
        const from15 =
          s.length < 18 &&
          r.value.value.length === 18 &&
          s.replace(/[\s\u3000]/g, '').length === 15;
        return {
          ok: true,
          value: { value: r.value.value, masked: r.value.masked, from15, kind: r.value.kind },
          warnings: r.warnings,
        };
      };
    case 'case_no':
      return (s) => {
        const r = parseCaseNumber(s);
        return r.ok ? { ok: true, value: { value: r.value.canonical }, warnings: r.warnings } : r;
      };
    case 'plate':
      return (s) => asValue(parsePlate(s));
    case 'date':
      return (s) => asValue(parseDate(s));
    case 'datetime':
      return (s) => asValue(parseDateTime(s));
    case 'month':
      return (s) => asValue(parseMonth(s));
    case 'money':
      return moneyUnitOfHeader(header) === 'wan'
        ? (s) => asValue(parseMoneyInWan(s))
        : (s) => asValue(parseMoney(s));
    case 'decimal':
      return (s) => asValue(parseRatio(s));
    case 'int':
      return (s) => asValue(parseInteger(s));
  }
}

/**
 * Wraps a parser with a memo: ledger columns repeat (courts, judges, dates, closure types), so most
 * cells are answered from the cache. The cache turns itself off for columns that hardly repeat (IDs,
 * case numbers) so they pay no hashing for nothing, and is cleared when it grows large.
 */
export function memoize(parser: CellParser, limit = 50_000): CellParser {
  let cache: Map<string, Parsed<CellValue>> | undefined = new Map();
  let lookups = 0;
  let hits = 0;
  return (s) => {
    if (!cache) return parser(s);
    lookups += 1;
    const cached = cache.get(s);
    if (cached) {
      hits += 1;
      return cached;
    }
    const result = parser(s);
    if (cache.size >= limit) cache.clear();
    cache.set(s, result);
    // Hashing a value that never comes back costs more than it saves: stop below 50% hits.
    if (lookups === 10_000 && hits < 5_000) cache = undefined;
    return result;
  };
}
