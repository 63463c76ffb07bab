import { describe, expect, it } from 'vitest';
import { fromCents, parseMoney, parseMoneyInWan, toCents } from './money.ts';

describe('parseMoney', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1234.5', '1234.50'],
    ['1234', '1234.00'],
    ['0', '0.00'],
    ['0.1', '0.10'],
    ['007', '7.00'],
    ['1,234.56', '1234.56'],
    ['1,234,567.89', '1234567.89'],
    ['400，000元', '400000.00'],
    ['55，810.54元', '55810.54'],
    ['¥1,234', '1234.00'],
    ['￥1234', '1234.00'],
    ['12.5万元', '125000.00'],
    ['12.5万', '125000.00'],
    ['0.0001万元', '1.00'],
    ['3.25亿元', '325000000.00'],
    ['人民币3650.00元', '3650.00'],
    ['人民币 3,650.00 元', '3650.00'],
    ['3650元整', '3650.00'],
    ['RMB 100', '100.00'],
    ['-12.00', '-12.00'],
    ['-0', '0.00'],
    ['−12.5', '-12.50'],
    ['(1,234.00)', '-1234.00'],
    ['１２３４．５６', '1234.56'],
    ['１，２３４元', '1234.00'],
    ['1.2E+5', '120000.00'],
    ['.5', '0.50'],
    ['1234.5600000000001', '1234.56'], // float noise from a JS number is dropped silently
    ['0.30000000000000004', '0.30'],
    ['9999999999999999.99', '9999999999999999.99'], // beyond float precision, still exact
    ['人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分', '123456.78'],
    ['壹万元整', '10000.00'],
    ['十二万元', '120000.00'],
    ['壹亿贰仟万元', '120000000.00'],
    ['叁仟陆佰伍拾元整', '3650.00'],
    ['伍角', '0.50'],
    ['3万5千元', '35000.00'],
    ['壹佰零伍元零伍分', '105.05'],
  ])('%j → %s', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it('rounds a third decimal half-up with a warning', () => {
    const r = parseMoney('1234.565');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe('1234.57');
      expect(r.warnings[0]?.code).toBe('money.rounded');
    }
    const neg = parseMoney('-0.005');
    expect(neg.ok && neg.value).toBe('-0.01');
  });

  it.each([
    ['abc', 'money.format'],
    ['1.2.3', 'money.format'],
    ['1,23', 'money.format'],
    ['12,34.5', 'money.format'],
    ['', 'money.empty'],
    ['   ', 'money.empty'],
    ['元', 'money.format'],
    ['12.5万万', 'money.format'],
    ['--5', 'money.format'],
    ['5-', 'money.format'],
    ['壹万元伍', 'money.format'],
    ['壹万abc', 'money.format'],
  ])('rejects %j', (input, code) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/金额/);
    }
  });
});

describe('cents', () => {
  it('round-trips canonical amounts exactly', () => {
    for (const a of ['0.00', '0.10', '1234.56', '-12.00', '9999999999999999.99']) {
      expect(fromCents(toCents(a))).toBe(a);
    }
    expect(toCents('0.10') + toCents('0.20')).toBe(30n);
  });
});

// Vectors in the spirit of Chinese-numeral converters' suites (cn2an, numcn, pnlp and the like):
// read there for the kinds of cases, written here with the amounts a court ledger means.
describe('parseMoney: Chinese numerals', () => {
  it.each([
    // plain 小写 integers
    ['零', '0.00'],
    ['〇', '0.00'],
    ['七', '7.00'],
    ['十', '10.00'],
    ['十一', '11.00'],
    ['十六', '16.00'],
    ['六十', '60.00'],
    ['七十八', '78.00'],
    ['八十八', '88.00'],
    ['一百', '100.00'],
    ['一百零一', '101.00'],
    ['一百一十', '110.00'],
    ['一百一十四', '114.00'],
    ['七百六十九', '769.00'],
    ['八百〇一', '801.00'],
    ['一千', '1000.00'],
    ['一千零一', '1001.00'],
    ['一千零一十', '1010.00'],
    ['一千零五十', '1050.00'],
    ['七千零一', '7001.00'],
    ['一万', '10000.00'],
    ['十万', '100000.00'],
    ['一万零五', '10005.00'],
    ['一万零五百', '10500.00'],
    ['一万四千六百二十三', '14623.00'],
    ['一万五千六百三十八', '15638.00'],
    ['二十万零五百', '200500.00'],
    ['一百万零五十四', '1000054.00'],
    ['一千五百万零三百零一', '15000301.00'],
    ['三千万', '30000000.00'],
    ['一亿', '100000000.00'],
    ['一亿三千万', '130000000.00'],
    ['一亿零二千', '100002000.00'],
    ['一亿〇二千〇四', '100002004.00'],
    ['一亿〇二千一百五十四', '100002154.00'],
    ['一亿四千三百二十五万二千一百五十四', '143252154.00'],
    ['八十亿三千万', '8030000000.00'],
    ['八千三百亿〇二千一百五十四', '830000002154.00'],
    ['一千八百〇一亿〇五', '180100000005.00'],
    ['一百零二亿五千零一万一千零三十八', '10250011038.00'],
    ['五十万亿', '50000000000000.00'],
    ['五十万亿零三千一百万零二十四', '50000031000024.00'],
    // 两 and 大写
    ['两千', '2000.00'],
    ['两百二十', '220.00'],
    ['壹仟两百', '1200.00'],
    ['壹仟两百零三', '1203.00'],
    ['壹仟两百一十五', '1215.00'],
    ['壹仟两百九十', '1290.00'],
    ['柒仟壹佰肆拾', '7140.00'],
    ['贰亿叁仟肆佰贰拾叁万肆仟贰佰贰拾叁', '234234223.00'],
    ['壹拾万元整', '100000.00'],
    ['玖万玖仟玖佰玖拾玖元玖角玖分', '99999.99'],
    ['人民币伍仟元整', '5000.00'],
    ['人民币贰拾叁万肆仟伍佰陆拾柒元捌角', '234567.80'],
    ['陆佰元零捌分', '600.08'],
    ['叁元伍角', '3.50'],
    ['伍元整', '5.00'],
    ['伍元正', '5.00'],
    ['捌分', '0.08'],
    ['零元零角伍分', '0.05'],
    // traditional script
    ['壹萬貳仟圓整', '12000.00'],
    ['貳拾萬圓', '200000.00'],
    ['參仟陸佰圓', '3600.00'],
    ['壹億圓', '100000000.00'],
    ['兩萬', '20000.00'],
    ['12.5萬元', '125000.00'],
    ['3億元', '300000000.00'],
    ['12.5萬', '125000.00'],
    // elision: a final digit right after a unit is the next lower unit
    ['一百二', '120.00'],
    ['三百五', '350.00'],
    ['千三', '1300.00'],
    ['百二', '120.00'],
    ['三千二', '3200.00'],
    ['两万二', '22000.00'],
    ['一万五', '15000.00'],
    ['十万二', '102000.00'],
    ['一亿二', '120000000.00'],
    ['一万二千五', '12500.00'],
    ['一百零二', '102.00'],
    ['一万零二', '10002.00'],
    // spoken 块/毛
    ['十块', '10.00'],
    ['十块三毛', '10.30'],
    ['两块五', '2.50'],
    ['一块零五', '1.05'],
    ['三块五毛六', '3.56'],
    ['五毛', '0.50'],
    ['三毛五', '0.35'],
    ['一百块', '100.00'],
    ['一百二十块五毛', '120.50'],
    ['塊', undefined],
    // mixed Arabic and Chinese
    ['3万5千元', '35000.00'],
    ['5千元', '5000.00'],
    ['10万零500元', '100500.00'],
    ['2亿3千万元', '230000000.00'],
    // decimals with 点, signs
    ['一百二十三点四五', '123.45'],
    ['零点五', '0.50'],
    ['十二点零五', '12.05'],
    ['负一百', '-100.00'],
    ['-壹佰元', '-100.00'],
    ['负五毛', '-0.50'],
  ])('%j → %s', (input, expected) => {
    if (expected === undefined) {
      expect(parseMoney(input).ok).toBe(false);
      return;
    }
    expect(parseMoney(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([
    '一一',
    '一百一二三',
    '二二',
    '一十一百',
    '十十',
    '百百',
    '一万一万',
    '一千零',
    '零百',
    '一百十五', // a bare 十 inside a group: write 一百一十五
    '壹万元伍', // 大写 always names the 角
    '壹元零伍', // and the 分
    '伍角柒',
    '三元四元',
    '亿',
    '万元万',
    '一点二三四',
    '一百二十三点',
    '3万5', // Arabic elision is too unusual to guess (35000 or 30005)
    '五分三',
    '十二分',
    '一百a',
  ])('refuses the malformed %j', (input) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('money.format');
      expect(r.error.message).toContain('金额');
    }
  });
});

describe('parseMoney: range', () => {
  it.each([
    '1e309',
    '1E17',
    '10000000000000000',
    '99999999999999999.99',
    '-10000000000000000',
    '1' + '0'.repeat(400),
    '一亿二千万亿',
    '100000000000亿',
  ])('refuses %j, beyond 16 digits of yuan', (input) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('money.range');
      expect(r.error.message).toContain('16 位');
    }
  });

  it.each([
    ['9999999999999999.99', '9999999999999999.99'],
    ['-9999999999999999.99', '-9999999999999999.99'],
    ['1e15', '1000000000000000.00'],
    ['0000000000000000001', '1.00'], // leading zeros do not count
  ])('keeps %j', (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });
});

describe('parseMoneyInWan', () => {
  it.each([
    ['12.5', '125000.00'],
    ['3', '30000.00'],
    ['12.5万', '125000.00'],
    ['3000元', '3000.00'],
    ['壹万元', '10000.00'],
    ['12.5萬', '125000.00'],
    ['十块', '10.00'],
  ])('%j → %s', (input, expected) => {
    expect(parseMoneyInWan(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it('refuses a figure that 万 pushes out of range', () => {
    const r = parseMoneyInWan('9999999999999');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('money.range');
  });
});
