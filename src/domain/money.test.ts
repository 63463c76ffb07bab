import { describe, expect, it } from 'vitest';
import { fromCents, parseMoney, toCents } from './money.ts';

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
    ['99999999999999999.99', '99999999999999999.99'], // beyond float precision, still exact
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
    for (const a of ['0.00', '0.10', '1234.56', '-12.00', '99999999999999999.99']) {
      expect(fromCents(toCents(a))).toBe(a);
    }
    expect(toCents('0.10') + toCents('0.20')).toBe(30n);
  });
});
