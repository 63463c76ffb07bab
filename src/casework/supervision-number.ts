/**
 * Numbers of supervision cases (案号 of the procuratorate, e.g. 浙杭上检民执监〔2025〕12号): a pattern
 * per unit with `{year}` and `{serial}`, the serial counted per unit and year and never reused (the
 * store keeps the counter; a number once given stays given). Pure.
 */
import { PROVINCE_ABBREVIATIONS } from '../domain/court-code.ts';
import { AppError } from '../domain/app-error.ts';
import { ancestorsOf, type UnitNode } from '../org/unit-tree.ts';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const KNOWN = new Set(['year', 'serial']);
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Refuses a pattern that could give two cases one number or names an unknown placeholder. */
export function checkNumberPattern(pattern: string): string {
  const p = pattern.trim();
  if (!p || p.length > 60 || CONTROL.test(p)) {
    throw new AppError('BAD_CASE_PATTERN', '案号格式应为 1–60 个字符，不含控制字符');
  }
  const names = [...p.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (unknown.length) {
    throw new AppError(
      'BAD_CASE_PATTERN',
      `案号格式含未知占位符：${unknown.map((n) => `{${n}}`).join('、')}（只能用 {year} 和 {serial}）`,
    );
  }
  for (const name of KNOWN) {
    const count = names.filter((n) => n === name).length;
    // Serials restart each year: without the year two cases would share a number.
    if (count !== 1) {
      throw new AppError('BAD_CASE_PATTERN', `案号格式须恰好包含一次 {${name}}`);
    }
  }
  if (/[{}]/.test(p.replace(PLACEHOLDER, ''))) {
    throw new AppError('BAD_CASE_PATTERN', '案号格式中的花括号不成对');
  }
  return p;
}

/** The number of the `serial`-th case of `year` under `pattern`. */
export function formatCaseNumber(pattern: string, year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new AppError('INTERNAL', `年份 ${year} 无效`);
  }
  if (!Number.isInteger(serial) || serial < 1)
    throw new AppError('INTERNAL', `序号 ${serial} 无效`);
  return checkNumberPattern(pattern)
    .replace('{year}', String(year))
    .replace('{serial}', String(serial));
}

/** The serial after `last` (the counter of a unit and year; undefined = none given yet). */
export function nextSerial(last: number | undefined): number {
  return (last ?? 0) + 1;
}

const UNIT_SUFFIX = /人民检察院$/;
const ABBREVIATION_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(PROVINCE_ABBREVIATIONS).map(([abbr, code]) => [code, abbr]),
);

/**
 * A unit's short name as procuratorates write it in their numbers: the province's one character,
 * then the first character of the city and of the county (浙 → 浙杭 → 浙杭上 for 杭州市上城区).
 */
export function unitAbbreviation(units: readonly UnitNode[], unitId: string): string {
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', `没有单位 ${unitId}`);
  const chain = [...ancestorsOf(units, unitId).reverse(), unit];
  let out = '';
  let parentName = '';
  for (const u of chain) {
    const name = u.name.replace(UNIT_SUFFIX, '');
    if (u.level === 'province') {
      out += ABBREVIATION_OF.get(u.regionCode.slice(0, 2)) ?? name.slice(0, 1);
    } else {
      // 杭州市上城区 under 杭州市: the county's own name starts after its city's.
      const own = parentName && name.startsWith(parentName) ? name.slice(parentName.length) : name;
      out += own.slice(0, 1);
    }
    parentName = name;
  }
  return out;
}

/** The pattern a unit uses until it sets its own: 〈short name〉检民执监〔year〕serial号. */
export function defaultNumberPattern(units: readonly UnitNode[], unitId: string): string {
  return `${unitAbbreviation(units, unitId)}检民执监〔{year}〕{serial}号`;
}
