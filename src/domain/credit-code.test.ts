import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  orgCodeCheckChar,
  orgCodeOfCreditCode,
  parseCreditCode,
  parseOrgCode,
} from './credit-code.ts';

describe('parseCreditCode', () => {
  // legal-basis.md §8.2: codes that pass both checks.
  it.each([
    ['91440300123456788M', '91440300123456788M'],
    ['914403001922038216', '914403001922038216'],
    ['9144030071526726XG', '9144030071526726XG'],
    ['91110000802100433B', '91110000802100433B'],
    ['91330100716105852F', '91330100716105852F'],
    ['  91440300123456788m ', '91440300123456788M'],
    ['９１４４０３００１２３４５６７８８Ｍ', '91440300123456788M'],
    ['9144 0300 1234 5678 8M', '91440300123456788M'],
  ])('accepts %j', (input, value) => {
    expect(parseCreditCode(input)).toEqual({ ok: true, value, warnings: [] });
  });

  it.each(['91350100M0001TGQXM', '91350211M0000XUF46', '91350203M0001FUE2P'])(
    'keeps the early pilot code %s with a checksum warning, not an error',
    (code) => {
      const r = parseCreditCode(code);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value).toBe(code);
        expect(r.warnings.map((w) => w.code)).toContain('credit-code.checksum');
        expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
      }
    },
  );

  it.each([
    ['91440300123456788', 'credit-code.length'],
    ['91440300123456788MM', 'credit-code.length'],
    ['9144030012345678OM', 'credit-code.chars'], // O is not in the charset
    ['91A40300123456788M', 'credit-code.chars'], // region code must be digits
    ['', 'credit-code.empty'],
  ])('rejects %j', (input, code) => {
    const r = parseCreditCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('computes the worked example check character M', () => {
    expect(creditCodeCheckChar('91440300123456788')).toBe('M');
    expect(creditCodeCheckChar('91350100M0001TGQX')).toBe('1');
  });
});

describe('organisation code (GB 11714)', () => {
  it.each([
    ['D2143569', 'X'],
    ['12345678', '8'],
  ])('%s → check %s', (body, check) => expect(orgCodeCheckChar(body)).toBe(check));

  it.each([
    ['D2143569-X', 'D2143569-X'],
    ['D2143569X', 'D2143569-X'],
    ['d2143569－x', 'D2143569-X'],
    ['12345678-8', '12345678-8'],
  ])('parses %j', (input, value) => {
    expect(parseOrgCode(input)).toEqual({ ok: true, value, warnings: [] });
  });

  it('warns on a wrong org-code check character', () => {
    const r = parseOrgCode('D2143569-1');
    expect(r.ok && r.warnings[0]?.code).toBe('org-code.checksum');
  });

  it('rejects malformed org codes', () => {
    expect(parseOrgCode('D214-X').ok).toBe(false);
  });

  it('extracts the embedded org code of a USCC', () => {
    expect(orgCodeOfCreditCode('91440300123456788M')).toBe('12345678-8');
  });
});
