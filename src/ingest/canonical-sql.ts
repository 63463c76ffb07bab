import type { ColumnType } from '../catalog/column-types.ts';
import { KNOWN_TYPE_CODES } from '../domain/case-number.ts';
import { PROVINCE_ABBREVIATIONS } from '../domain/court-code.ts';
import { todayNumberInChina } from '../domain/date.ts';
import { PLATE_PATTERN } from '../domain/plate.ts';
import { convertibleCharMask } from '../domain/text.ts';
import { sqlString } from '../sql/literal.ts';

/**
 * SQL pre-screen of the CSV fast path: for a column type, a DuckDB boolean expression over a raw
 * VARCHAR cell that is TRUE only when the domain primitive would accept the cell unchanged, with no
 * warning (the cell is already canonical). Anything else — including what this screen cannot decide —
 * is FALSE and the row goes through the JS row validator, which stays the single definition of what
 * is valid. So the screen may be conservative, never permissive (canonical-sql.test.ts checks it
 * against the primitives on thousands of generated values). Pure: builds strings, no I/O.
 */

/** RE2 escape of one code point inside a character class. */
function classChar(c: number): string {
  return `\\x{${c.toString(16)}}`;
}

/** A character class from code point ranges. */
function charClass(ranges: readonly [number, number][]): string {
  return `[${ranges.map(([a, b]) => (a === b ? classChar(a) : `${classChar(a)}-${classChar(b)}`)).join('')}]`;
}

let textBad: string | undefined;

/**
 * Characters that make `normalizeText` change a (trimmed) cell, or that this screen does not try to
 * reason about: control characters and every space (ASCII text may keep inner spaces in JS, but
 * leading/trailing spaces are trimmed: conservative), ASCII []{} (unified to ()), NBSP, zero-width
 * characters (dropped), full-width forms, the ideographic space and CJK brackets, every character
 * opencc t → cn can convert, Unicode spaces, and astral characters (surrogates in JS always go
 * through opencc).
 */
function textBadClass(): string {
  if (textBad) return textBad;
  const ranges: [number, number][] = [
    [0x00, 0x20],
    [0x5b, 0x5b],
    [0x5d, 0x5d],
    [0x7b, 0x7b],
    [0x7d, 0x7d],
    [0x7f, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200d], // Unicode spaces and the zero-width characters toHalfWidth drops
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x2060],
    [0x3000, 0x3000],
    [0x3008, 0x3017],
    [0xd800, 0xdfff],
    [0xfeff, 0xfeff],
    [0xff01, 0xff5e],
  ];
  const mask = convertibleCharMask();
  let start = -1;
  for (let c = 0x80; c <= 0x10000; c++) {
    const on = c < 0x10000 && mask[c] === 1;
    if (on && start < 0) start = c;
    if (!on && start >= 0) {
      ranges.push([start, c - 1]);
      start = -1;
    }
  }
  // RE2 rejects surrogate code points in a class; astral characters are listed instead.
  const withoutSurrogates = ranges.filter(([a]) => a < 0xd800 || a > 0xdfff);
  withoutSurrogates.push([0x10000, 0x10ffff]);
  textBad = charClass(withoutSurrogates);
  return textBad;
}

/** The bad characters' class without its brackets (to negate or extend it). */
function textBadInner(): string {
  return textBadClass().slice(1, -1);
}

/** 18-digit 公民身份号码: known province prefix, a real birth date not after today, check digit. */
function citizenIdPredicate(c: string): string {
  const provinces =
    '11|12|13|14|15|21|22|23|31|32|33|34|35|36|37|41|42|43|44|45|46|50|51|52|53|54|61|62|63|64|65|71|81|82|83';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  // The 17 digits by division of the two halves cast once in a projection (canonicalHelpers):
  // measured ~35% less CPU than 17 ascii(substr(…)). DuckDB does not share repeated
  // subexpressions, so the casts must not be repeated inline.
  const sum = weights
    .map((w, i) =>
      i < 9
        ? `((${c}_hi // ${10 ** (8 - i)}) % 10) * ${w}`
        : `((${c}_lo // ${10 ** (16 - i)}) % 10) * ${w}`,
    )
    .join(' + ');
  return `(regexp_full_match(${c}, '(?:${provinces})\\d{15}[0-9X]')
    AND try_strptime(substr(${c}, 7, 8), '%Y%m%d') IS NOT NULL
    AND TRY_CAST(substr(${c}, 7, 4) AS INTEGER) >= 1800
    AND TRY_CAST(substr(${c}, 7, 8) AS INTEGER) <= ${todayNumberInChina()}
    AND substr('10X98765432', CAST((${sum}) % 11 AS INTEGER) + 1, 1) = substr(${c}, 18, 1))`;
}

/** `（2023）浙0102执1234号` exactly as `parseCaseNumber`'s common fast path returns it unchanged. */
function caseNumberPredicate(c: string): string {
  const provinces = Object.keys(PROVINCE_ABBREVIATIONS).join('');
  const types = [...KNOWN_TYPE_CODES]
    .filter((t) => t.length <= 3)
    .sort((a, b) => b.length - a.length)
    .join('|');
  const maxYear = Math.floor(todayNumberInChina() / 10000) + 1;
  // The year range in the pattern itself: one match per cell instead of a match and a cast.
  return `regexp_full_match(${c}, '（${yearPattern(1980, maxYear)}）[${provinces}](?:\\d{4}|\\d{2})?(?:${types})[1-9]\\d{0,7}号(?:之[一二三四五六七八九十]+)?')`;
}

/** A regex alternation matching exactly the 4-digit years from..to. Pure. */
export function yearPattern(from: number, to: number): string {
  const parts: string[] = [];
  for (let y = from; y <= to;) {
    // A whole decade at once when it fits, else the single year.
    if (y % 10 === 0 && y + 9 <= to) {
      parts.push(`${Math.floor(y / 10)}\\d`);
      y += 10;
    } else {
      parts.push(String(y));
      y += 1;
    }
  }
  return `(?:${parts.join('|')})`;
}

/**
 * Columns a type's predicate reads besides the cell, as SELECT items over `c` (`expr AS name`):
 * computed once per row in a projection below the screen.
 */
export function canonicalHelpers(c: string, type: ColumnType): string[] {
  return type === 'id'
    ? [
        `TRY_CAST(substr(${c}, 1, 9) AS BIGINT) AS ${c}_hi`,
        `TRY_CAST(substr(${c}, 10, 8) AS BIGINT) AS ${c}_lo`,
      ]
    : [];
}

/**
 * TRUE when a non-NULL raw cell `c` is already canonical for `type`; undefined when the type has no
 * screen (every non-empty cell goes through JS). Reads the `canonicalHelpers` columns of `c`.
 */
export function canonicalPredicate(c: string, type: ColumnType): string | undefined {
  switch (type) {
    case 'text':
      // No formula-like start (= + - @ give a warning in JS), nothing normalisation would change.
      // One anchored match: a first character that is neither bad nor = + @ -, then allowed ones
      // (measured ~20% less CPU than ascii() plus a match, ~40% less than two searches).
      return `regexp_full_match(${c}, ${sqlString(`[^${textBadInner()}=+@\\-][^${textBadInner()}]*`)})`;
    case 'id':
      return citizenIdPredicate(c);
    case 'case_no':
      return caseNumberPredicate(c);
    case 'date':
      // A cast, not strptime: measured ~2× cheaper, the same dates once the shape is fixed.
      return `(regexp_full_match(${c}, '\\d{4}-\\d{2}-\\d{2}')
        AND TRY_CAST(${c} AS DATE) BETWEEN DATE '1900-01-01' AND DATE '2100-12-31')`;
    case 'money':
      // fastPlain's output: no leading zeros, two decimals, no '-0.00' (which becomes '0.00'), at
      // most 16 digits of yuan (larger amounts are refused).
      return `regexp_full_match(${c}, '(?:0|[1-9]\\d{0,15})\\.\\d{2}|-(?:[1-9]\\d{0,15}\\.\\d{2}|0\\.(?:0[1-9]|[1-9]\\d))')`;
    case 'int':
      return `regexp_full_match(${c}, '0|-?[1-9]\\d{0,17}')`;
    case 'plate':
      // parsePlate's own pattern (JS and RE2 alike): canonical plates are returned unchanged.
      return `regexp_full_match(${c}, ${sqlString(PLATE_PATTERN)})`;
    case 'datetime':
    case 'month':
    case 'decimal':
      return undefined;
  }
}
