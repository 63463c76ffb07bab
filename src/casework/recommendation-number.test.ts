import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import {
  checkRecommendationPattern,
  DEFAULT_RECOMMENDATION_PATTERN,
  formatRecommendationNumber,
} from './recommendation-number.ts';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${e.message}` : String(e);
  }
  return 'no error';
}

describe('recommendation numbers', () => {
  it('the default is today’s number: 〈简称〉检民执建〔年〕号号', () => {
    expect(formatRecommendationNumber(DEFAULT_RECOMMENDATION_PATTERN, '浙杭上', 2025, 3)).toBe(
      '浙杭上检民执建〔2025〕3号',
    );
  });

  it('a unit’s own pattern places 简称, 年 and 号 where it wants them', () => {
    expect(formatRecommendationNumber('{简称}检执建〔{年}〕第{号}号', '浙杭拱', 2026, 12)).toBe(
      '浙杭拱检执建〔2026〕第12号',
    );
    expect(formatRecommendationNumber('  上城检建[{年}]{号}  ', '浙杭上', 2026, 1)).toBe(
      '上城检建[2026]1',
    );
  });

  it('refuses unknown placeholders, naming them, and patterns that could repeat a number', () => {
    expect(refusal(() => checkRecommendationPattern('{简称}〔{year}〕{号}{单位}号'))).toBe(
      'BAD_RECOMMENDATION_PATTERN 检察建议文号格式含未知占位符：{year}、{单位}（只能用 {简称}、{年}、{号}）',
    );
    expect(refusal(() => checkRecommendationPattern('{简称}检民执建{号}号'))).toContain(
      '须恰好包含一次 {年}',
    );
    expect(refusal(() => checkRecommendationPattern('〔{年}〕{号}{号}'))).toContain(
      '须恰好包含一次 {号}',
    );
    expect(refusal(() => checkRecommendationPattern('〔{年}〕{号}号}'))).toContain('花括号不成对');
    expect(refusal(() => checkRecommendationPattern('   '))).toContain('1–60 个字符');
    expect(refusal(() => formatRecommendationNumber('〔{年}〕{号}', 'x', 2025, 0))).toContain(
      'INTERNAL',
    );
  });
});
