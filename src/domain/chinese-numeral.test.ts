import { describe, expect, it } from 'vitest';
import { readChineseInteger, readSmallNumber } from './chinese-numeral.ts';

describe('readChineseInteger', () => {
  it.each([
    ['零', 0n],
    ['十', 10n],
    ['十二', 12n],
    ['二十', 20n],
    ['一百二', 120n],
    ['一百零二', 102n],
    ['千三', 1300n],
    ['两万二', 22000n],
    ['一亿二', 120000000n],
    ['3万5千', 35000n],
    ['壹萬貳仟', 12000n],
    ['一亿零一', 100000001n],
  ])('%s → %s', (s, n) => expect(readChineseInteger(s)).toBe(n));

  it.each(['', '一一', '一百一二三', '一十一百', '十十', '一千零', '万', '一万一万', '3万5', 'x'])(
    'refuses %j',
    (s) => expect(readChineseInteger(s)).toBeUndefined(),
  );
});

describe('readSmallNumber', () => {
  it.each([
    ['5', 5],
    ['05', 5],
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十五', 25],
    ['三十一', 31],
    ['五十九', 59],
    ['〇五', 5],
  ])('%s → %d', (s, n) => expect(readSmallNumber(s)).toBe(n));

  // Elision belongs to amounts: 一百二 as a day or a minute is no number.
  it.each(['一百二', '一百', '千三', '', '一一', '123'])('refuses %j', (s) =>
    expect(readSmallNumber(s)).toBeUndefined(),
  );
});
