import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime, parseMonth, todayInChina } from './date.ts';

describe('parseDate', () => {
  it.each([
    ['2023-05-06', '2023-05-06'],
    ['2023/5/6', '2023-05-06'],
    ['2023/05/06', '2023-05-06'],
    ['2023.5.6', '2023-05-06'],
    ['2023-5-6', '2023-05-06'],
    ['2023年5月6日', '2023-05-06'],
    ['2023 年 5 月 6 日', '2023-05-06'],
    ['20230506', '2023-05-06'],
    ['2021年1月14号', '2021-01-14'],
    ['2023-05-06 12:30:00', '2023-05-06'],
    ['2023/5/6 12:30', '2023-05-06'],
    ['2023-05-06T12:30:00', '2023-05-06'],
    ['2023-05-06T12:30:00.000Z', '2023-05-06'],
    ['二〇二一年一月二十五日', '2021-01-25'],
    ['二Ｏ一八年六月十二日', '2018-06-12'],
    ['二零一九年十二月三十一日', '2019-12-31'],
    ['二〇二〇年十月十日', '2020-10-10'],
    ['45000', '2023-03-15'],
    ['44927', '2023-01-01'],
    ['45000.75', '2023-03-15'],
    ['２０２３－０５－０６', '2023-05-06'],
    ['２０２３年５月６日', '2023-05-06'],
    ['  2023-05-06  ', '2023-05-06'],
    ['2024-02-29', '2024-02-29'],
    ['2000/2/29', '2000-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([
    ['2023-02-30', 'date.invalid', '2023年2月没有30日'],
    ['2023-02-29', 'date.invalid', '2023年2月没有29日'],
    ['1900-02-29', 'date.invalid', '1900年2月没有29日'],
    ['2023-13-01', 'date.invalid', '月份 13'],
    ['2023年4月31日', 'date.invalid', '4月没有31日'],
    ['二〇二一年二月三十日', 'date.invalid', '2月没有30日'],
    ['18000101', 'date.invalid', '年份'],
    ['abc', 'date.format', '无法识别'],
    ['', 'date.format', '为空'],
    ['2023年5月', 'date.format', '无法识别'],
    ['1.5', 'date.format', '无法识别'],
    ['99999', 'date.format', 'Excel'],
    ['5000', 'date.format', '无法识别'],
    ['2023-05-06-07', 'date.format', '无法识别'],
  ])('rejects %j', (input, code, reason) => {
    const r = parseDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toContain(reason);
    }
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2023-05-06 12:30:00', '2023-05-06 12:30:00'],
    ['2023/5/6 12:30', '2023-05-06 12:30:00'],
    ['2023-05-06T08:05:09+08:00', '2023-05-06 08:05:09'],
    ['2023年5月6日 9时5分', '2023-05-06 09:05:00'],
    ['2023年5月6日12时30分', '2023-05-06 12:30:00'],
    ['2023-05-06', '2023-05-06 00:00:00'],
    ['20230506 123000', '2023-05-06 12:30:00'],
    ['45000.5', '2023-03-15 12:00:00'],
  ])('%j → %s', (input, expected) => {
    expect(parseDateTime(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each(['2023-05-06 25:00:00', '2023-05-06 12:60', '2023-02-30 10:00'])('rejects %j', (s) => {
    expect(parseDateTime(s).ok).toBe(false);
  });
});

describe('parseMonth', () => {
  it.each([
    ['2023-05', '2023-05-01'],
    ['2023/5', '2023-05-01'],
    ['2023年5月', '2023-05-01'],
    ['2023年05月份', '2023-05-01'],
    ['202305', '2023-05-01'],
    ['2023-05-17', '2023-05-01'],
    ['二〇二三年五月十七日', '2023-05-01'],
  ])('%j → %s', (input, expected) => {
    expect(parseMonth(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each(['2023-13', '五月', ''])('rejects %j', (s) => expect(parseMonth(s).ok).toBe(false));
});

describe('todayInChina', () => {
  it('is the UTC+8 calendar day', () => {
    // 2023-05-05 17:00 UTC is already 2023-05-06 01:00 in Beijing.
    expect(todayInChina(Date.UTC(2023, 4, 5, 17, 0))).toBe('2023-05-06');
    expect(todayInChina(Date.UTC(2023, 4, 5, 15, 59))).toBe('2023-05-05');
    expect(todayInChina()).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  });
});
