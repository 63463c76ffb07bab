/**
 * Dates as they come in court and agency exports (datasets.md "Values come messy"): ISO, slashes,
 * dots, `2023年5月6日`/`号`, `20230506`, date-times, Chinese numerals, Excel serials, full-width digits.
 * Canonical output: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-01`. Never throws.
 */
import { fail, ok, type Parsed } from './diagnostic.ts';
import { CN_DIGIT_VALUE, readSmallNumber } from './chinese-numeral.ts';
import { isAscii, toHalfWidth } from './text.ts';
import { readTimeOfDay } from './time-of-day.ts';

/** Plausible years for enforcement data; anything outside is a typo, not a date. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
}

/** True when y-m-d is a day of the Gregorian calendar (any year). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Why y-m-d is not a date, in Chinese, or undefined when it is one. */
function ymdProblem(y: number, m: number, d: number): string | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR) return `年份 ${y} 超出合理范围（${MIN_YEAR}–${MAX_YEAR}）`;
  if (m < 1 || m > 12) return `月份 ${m} 不存在`;
  if (d < 1 || d > daysInMonth(y, m)) return `${y}年${m}月没有${d}日`;
  return undefined;
}

/** Year digits: the numeral digits plus the round zeros (○, Latin O) that typists and OCR put for 〇. */
const YEAR_ZERO = new Set(['○', 'O', 'o']);

/** `二〇二一` → 2021 (digit by digit, as years are written). */
function cnYear(s: string): number | undefined {
  let n = 0;
  for (const ch of s) {
    const v = YEAR_ZERO.has(ch)
      ? 0
      : (CN_DIGIT_VALUE[ch] ?? (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : undefined));
    if (v === undefined) return undefined;
    n = n * 10 + v;
  }
  return n;
}

const WHITESPACE = /\s+/g;
const cnSmall = readSmallNumber;

const CN_NUMERAL_DATE =
  /^([〇零○Oo0-9一二三四五六七八九]{4})年([〇零一二两三四五六七八九十\d]{1,3})月(?:([〇零一二两三四五六七八九十\d]{1,3})[日号])?$/;

// One pattern for the separated forms; the separator classes are loose on purpose (`2023.5.6`,
// `2023年5月6号`, `2023-05-06T12:30:00.000+08:00`). Time zones are ignored: sources write wall-clock
// China time, and ExcelJS hands dates over as "UTC" that really is the sheet's wall clock.
const SEPARATED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s+|T|(?<=[日号])\s*)(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2}):?(\d{2})?)?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;

interface DateParts {
  y: number;
  m: number;
  d: number;
  hh: number;
  mi: number;
  ss: number;
  hasTime: boolean;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Excel 1900 serials (`45000` → 2023-03-15). Only 10000–80000 (1927–2119) is taken as a serial, and only
 * when the whole cell is that number, so an 8-digit `20230506` is never misread.
 */
function fromSerial(n: number): DateParts {
  const ms = EXCEL_EPOCH_MS + Math.round(n * 86400) * 1000;
  const dt = new Date(ms);
  return {
    y: dt.getUTCFullYear(),
    m: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    hh: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
    ss: dt.getUTCSeconds(),
    hasTime: n % 1 !== 0,
  };
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

/** Reads any accepted spelling into parts, or returns a Chinese reason. */
function readParts(raw: string): DateParts | string {
  let s = raw.trim();
  if (s === '') return '日期为空';
  if (!isAscii(s)) s = toHalfWidth(s).trim();
  // Both spellings capture year, month, day, then an optional hour, minute, second.
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (m) {
    return {
      y: num(m[1]),
      m: num(m[2]),
      d: num(m[3]),
      hh: num(m[4]),
      mi: num(m[5]),
      ss: num(m[6]),
      hasTime: m[4] !== undefined,
    };
  }
  if (SERIAL.test(s)) {
    const n = Number(s);
    if (n >= 10000 && n <= 80000) return fromSerial(n);
    return `数字 ${s} 不是有效的 Excel 日期序号`;
  }
  const compact = s.replace(WHITESPACE, '');
  const cn = CN_NUMERAL_DATE.exec(compact);
  if (cn) {
    const y = cnYear(cn[1] ?? '');
    const mo = cnSmall(cn[2] ?? '');
    const d = cn[3] === undefined ? undefined : cnSmall(cn[3]);
    if (y !== undefined && mo !== undefined && d !== undefined) {
      return { y, m: mo, d, hh: 0, mi: 0, ss: 0, hasTime: false };
    }
  }
  return withTimeWords(s, compact) ?? `无法识别的日期格式：“${raw.trim().slice(0, 40)}”`;
}

// A date, then a time in words or on a 12-hour clock (`2023年5月6日下午3:45`, `2023-05-06 3点45分`,
// `二〇二三年五月六日下午三点`): the time is read by time-of-day.ts.
const DATE_THEN_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*[日号]\s*|\s+|T)(\S.*)$/;
const CN_DATE_THEN_TIME =
  /^([〇零○Oo0-9一二三四五六七八九]{4})年([〇零一二两三四五六七八九十\d]{1,3})月([〇零一二两三四五六七八九十\d]{1,3})[日号](.+)$/;

function withTimeWords(s: string, compact: string): DateParts | string | undefined {
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let rest: string;
  const m = DATE_THEN_TIME.exec(s);
  if (m) {
    [y, mo, d, rest] = [num(m[1]), num(m[2]), num(m[3]), m[4] ?? ''];
  } else {
    const cn = CN_DATE_THEN_TIME.exec(compact);
    if (!cn) return undefined;
    [y, mo, d, rest] = [
      cnYear(cn[1] ?? ''),
      cnSmall(cn[2] ?? ''),
      cnSmall(cn[3] ?? ''),
      cn[4] ?? '',
    ];
    if (y === undefined || mo === undefined || d === undefined) return undefined;
  }
  const t = readTimeOfDay(rest);
  if (typeof t === 'string') return t;
  return { y, m: mo, d, hh: t.hh, mi: t.mi, ss: t.ss, hasTime: true };
}

/** Fast path: already `YYYY-MM-DD` (what our own exports and most systems write). */
function fastIso(s: string): Parsed<string> | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  let mo = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) mo = mo * 10 + c;
    else d = d * 10 + c;
  }
  const problem = ymdProblem(y, mo, d);
  return problem ? fail('date.invalid', `日期不存在：${problem}`, s) : ok(s);
}

/** A calendar date → `YYYY-MM-DD`. A time part, if present, is dropped. */
export function parseDate(s: string): Parsed<string> {
  const fast = fastIso(s);
  if (fast) return fast;
  const p = readParts(s);
  if (typeof p === 'string') return fail('date.format', p, s);
  const problem = ymdProblem(p.y, p.m, p.d);
  if (problem) return fail('date.invalid', `日期不存在：${problem}`, s);
  return ok(ymd(p.y, p.m, p.d));
}

/** A date-time → `YYYY-MM-DD HH:MM:SS`; a bare date means midnight. */
export function parseDateTime(s: string): Parsed<string> {
  const p = readParts(s);
  if (typeof p === 'string') return fail('datetime.format', p, s);
  const problem = ymdProblem(p.y, p.m, p.d);
  if (problem) return fail('datetime.invalid', `日期不存在：${problem}`, s);
  if (p.hh > 23 || p.mi > 59 || p.ss > 59) {
    return fail('datetime.invalid', `时间不存在：${p.hh}:${pad2(p.mi)}:${pad2(p.ss)}`, s);
  }
  return ok(`${ymd(p.y, p.m, p.d)} ${pad2(p.hh)}:${pad2(p.mi)}:${pad2(p.ss)}`);
}

const MONTH_ONLY = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})|(\d{2}))\s*月?(?:份)?$/;

/** `二〇一二年五月`, `2012年五月份`: the month spelling of Chinese-numeral dates. */
const CN_MONTH =
  /^([〇零○Oo0-9一二三四五六七八九]{4})年([〇零一二两三四五六七八九十\d]{1,3})月份?$/;

/** A month (`2023-05`, `2023年5月`, `二〇一二年五月`, `202305`, or any full date) → `YYYY-MM-01`. */
export function parseMonth(s: string): Parsed<string> {
  const t = toHalfWidth(s.trim());
  const m = MONTH_ONLY.exec(t);
  if (m) {
    const y = num(m[1]);
    const mo = num(m[2] ?? m[3]);
    const problem = ymdProblem(y, mo, 1);
    if (problem) return fail('month.invalid', `月份不存在：${problem}`, s);
    return ok(ymd(y, mo, 1));
  }
  const cn = CN_MONTH.exec(t.replace(WHITESPACE, ''));
  if (cn) {
    const y = cnYear(cn[1] ?? '');
    const mo = cnSmall(cn[2] ?? '');
    if (y !== undefined && mo !== undefined) {
      const problem = ymdProblem(y, mo, 1);
      if (problem) return fail('month.invalid', `月份不存在：${problem}`, s);
      return ok(ymd(y, mo, 1));
    }
  }
  const d = parseDate(s);
  if (!d.ok) return fail('month.format', `无法识别的月份：“${s.trim().slice(0, 40)}”`, s);
  return ok(d.value.slice(0, 8) + '01', d.warnings);
}

/** Today in China (UTC+8) as `YYYY-MM-DD`; cached for a minute because ID parsing asks per row. */
let todayCache = '';
let todayNumber = 0;
let todayExpires = 0;
export function todayInChina(now: number = Date.now()): string {
  if (now < todayExpires && now >= todayExpires - 60_000) return todayCache;
  todayCache = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
  todayNumber = Number(todayCache.replaceAll('-', ''));
  todayExpires = now + 60_000;
  return todayCache;
}

/** Today in China as the number YYYYMMDD (for cheap comparisons in hot paths). */
export function todayNumberInChina(): number {
  todayInChina();
  return todayNumber;
}
