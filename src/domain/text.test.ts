import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import {
  moneyUnitOfHeader,
  normalizeHeader,
  normalizeName,
  normalizeText,
  removeSpacesInChinese,
  toHalfWidth,
  toSimplified,
  unifyBrackets,
} from './text.ts';

describe('text normalisation', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['（北京）', '(北京)'],
    ['４００，０００', '400,000'],
    ['a\u3000b', 'a b'],
    ['plain ascii', 'plain ascii'],
    ['〇', '〇'],
  ])('toHalfWidth %j → %j', (input, expected) => expect(toHalfWidth(input)).toBe(expected));

  it.each([
    ['執行裁定書', '执行裁定书'],
    ['臺灣銀行', '台湾银行'],
    ['劃撥', '划拨'],
    ['abc', 'abc'],
  ])('toSimplified %j → %j', (input, expected) => expect(toSimplified(input)).toBe(expected));

  it.each([
    ['红谷 滩区', '红谷滩区'],
    ['南昌市 红谷滩区 红谷中大道', '南昌市红谷滩区红谷中大道'],
    ['ABC Trading Co', 'ABC Trading Co'],
    ['张 三 ABC Co', '张三ABC Co'],
    ['  前后空格  ', '前后空格'],
  ])('removeSpacesInChinese %j → %j', (input, expected) =>
    expect(removeSpacesInChinese(input)).toBe(expected),
  );

  it.each([
    ['〔2016〕', '(2016)'],
    ['【注】[a]', '(注)(a)'],
    ['（x）', '(x)'],
  ])('unifyBrackets %j → %j', (input, expected) => expect(unifyBrackets(input)).toBe(expected));

  it('normalizeText applies every step', () => {
    expect(normalizeText(' 南昌市 紅谷 灘區（分部） ')).toBe('南昌市红谷滩区(分部)');
    expect(normalizeText('ABC  Ltd')).toBe('ABC  Ltd');
  });

  it('normalizeName gives the same key to spellings of one party', () => {
    const key = normalizeName('某某（北京）有限公司');
    expect(normalizeName('某某(北京)有限公司')).toBe(key);
    expect(normalizeName(' 某某 (北京) 有限公司')).toBe(key);
    expect(normalizeName('某某〔北京〕有限公司')).toBe(key);
    expect(normalizeName('阿卜杜·热合曼')).toBe(normalizeName('阿卜杜热合曼'));
    expect(normalizeName('張三')).toBe(normalizeName('张三'));
    expect(normalizeName('张三')).not.toBe(normalizeName('张四'));
  });

  it.each([
    ['金额（元）', '金额'],
    ['执行标的金额(万元)', '执行标的金额'],
    [' 被执行人 姓名* ', '被执行人姓名'],
    ['立案日期：', '立案日期'],
    ['證件號碼', '证件号码'],
    ['被执行人(法定代表人)', '被执行人法定代表人'],
    ['ＩＤ', 'ID'],
  ])('normalizeHeader %j → %j', (input, expected) => expect(normalizeHeader(input)).toBe(expected));
});

describe('toSimplified shortcut', () => {
  it('agrees with the plain opencc converter on random CJK strings', () => {
    // The bitmap pre-check must never skip a string opencc would change.
    const opencc = Converter({ from: 't', to: 'cn' });
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let differences = 0;
    for (let k = 0; k < 20000; k++) {
      let s = '';
      const len = 1 + Math.floor(next() * 6);
      for (let i = 0; i < len; i++) s += String.fromCharCode(0x4e00 + Math.floor(next() * 0x51ff));
      if (toSimplified(s) !== opencc(s)) differences++;
    }
    expect(differences).toBe(0);
    for (const s of ['一目瞭然', '乾隆皇帝', '么麼', '終結本次執行程序', '杭州某某有限公司']) {
      expect(toSimplified(s)).toBe(opencc(s));
    }
  });
});

describe('moneyUnitOfHeader', () => {
  it.each([
    ['执行标的金额（万元）', 'wan'],
    ['标的额(万元)', 'wan'],
    ['标的额万元', 'wan'],
    ['金额（元）', 'yuan'],
    ['金额', 'yuan'],
    ['万元户名单', 'yuan'],
  ] as const)('%s → %s', (header, unit) => expect(moneyUnitOfHeader(header)).toBe(unit));
});

describe('zero-width characters', () => {
  const ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
  it.each(ZW)('U+%s is dropped by every normaliser', (z) => {
    expect(toHalfWidth(`浙${z}A${z}12345`)).toBe('浙A12345');
    expect(normalizeText(`${z}杭州${z}市`)).toBe('杭州市');
    expect(normalizeName(`张${z}三`)).toBe('张三');
    expect(normalizeHeader(`${z}身份证号${z}`)).toBe('身份证号');
    expect(normalizeText(`${z}abc`)).not.toContain(z);
    expect(removeSpacesInChinese(`红谷${z} 滩区`)).toBe('红谷滩区');
    expect(removeSpacesInChinese(`ABC${z} Trading`)).toBe('ABC Trading');
  });

  it('leaves clean text untouched', () => {
    expect(normalizeText('杭州市上城区')).toBe('杭州市上城区');
    expect(toHalfWidth('无零宽字符')).toBe('无零宽字符');
  });
});
