/**
 * Numbers (文号) of recommendations from a per-unit pattern with the placeholders {简称} (the unit's
 * short name, 浙杭上), {年} and {号} (the serial of the unit and year of issue, never reused: the
 * counter lives in the store). The default is the number procuratorates write today,
 * 〈简称〉检民执建〔年〕号号. Pure.
 */
import { AppError } from '../domain/app-error.ts';

export const RECOMMENDATION_PLACEHOLDERS = ['简称', '年', '号'] as const;

/** 浙杭上检民执建〔2025〕3号 (建 = 检察建议). */
export const DEFAULT_RECOMMENDATION_PATTERN = '{简称}检民执建〔{年}〕{号}号';

const PLACEHOLDER = /\{([^{}]*)\}/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const KNOWN: ReadonlySet<string> = new Set(RECOMMENDATION_PLACEHOLDERS);

function refuse(message: string): never {
  throw new AppError('BAD_RECOMMENDATION_PATTERN', message);
}

/** Refuses a pattern naming an unknown placeholder, or one that could give two numbers alike. */
export function checkRecommendationPattern(pattern: string): string {
  const p = pattern.trim();
  if (!p || p.length > 60 || CONTROL.test(p)) {
    refuse('检察建议文号格式应为 1–60 个字符，不含控制字符');
  }
  const names = [...p.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const unknown = [...new Set(names.filter((n) => !KNOWN.has(n)))];
  if (unknown.length) {
    refuse(
      `检察建议文号格式含未知占位符：${unknown.map((n) => `{${n}}`).join('、')}（只能用 {简称}、{年}、{号}）`,
    );
  }
  // The serial restarts each year: without the year (or the serial) two numbers would be alike.
  for (const name of ['年', '号']) {
    if (names.filter((n) => n === name).length !== 1) {
      refuse(`检察建议文号格式须恰好包含一次 {${name}}`);
    }
  }
  if (/[{}]/.test(p.replace(PLACEHOLDER, ''))) refuse('检察建议文号格式中的花括号不成对');
  return p;
}

/** The number of the `serial`-th recommendation of `year` of the unit `abbreviation` names. */
export function formatRecommendationNumber(
  pattern: string,
  abbreviation: string,
  year: number,
  serial: number,
): string {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new AppError('INTERNAL', `年份 ${year} 无效`);
  }
  if (!Number.isInteger(serial) || serial < 1) {
    throw new AppError('INTERNAL', `序号 ${serial} 无效`);
  }
  const values: Record<string, string> = {
    简称: abbreviation,
    年: String(year),
    号: String(serial),
  };
  return checkRecommendationPattern(pattern).replace(PLACEHOLDER, (_, n: string) => values[n]!);
}
