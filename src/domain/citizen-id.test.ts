import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, isMaskedId, parseCitizenId, type CitizenId } from './citizen-id.ts';

// Examples from legal-basis.md §8.1; others computed independently with the MOD 11-2 weights.
const valid: Array<[string, Partial<CitizenId>]> = [
  [
    '11010519491231002X',
    { value: '11010519491231002X', birthDate: '1949-12-31', sex: '女', regionCode: '110105' },
  ],
  ['440524188001010014', { value: '440524188001010014', birthDate: '1880-01-01', sex: '男' }],
  ['11010519491231002x', { value: '11010519491231002X' }],
  ['  11010519491231002X\t', { value: '11010519491231002X' }],
  ['１１０１０５１９４９１２３１００２Ｘ', { value: '11010519491231002X' }],
  ['110105 19491231 002X', { value: '11010519491231002X' }],
  ['330102-19900101-1234', { value: '330102199001011234', sex: '男', birthDate: '1990-01-01' }],
  ['110105491231002', { value: '11010519491231002X', from15: true, birthDate: '1949-12-31' }],
  ['330102198802291235', { birthDate: '1988-02-29' }],
  ['33010220000229004x', { value: '33010220000229004X', sex: '女' }],
];

const masked: Array<[string, Partial<CitizenId>]> = [
  ['330102********1234', { value: '330102********1234', masked: true, regionCode: '330102' }],
  ['3301**********123X', { value: '3301**********123X', masked: true }],
  ['330102****', { value: '330102****', masked: true, regionCode: '330102' }],
  ['×××', { value: '***', masked: true }],
  ['３３０１０２＊＊＊＊＊＊＊＊１２３４', { value: '330102********1234', masked: true }],
  ['33010219900101XXXX', { value: '33010219900101****', birthDate: '1990-01-01' }],
  ['330102××××××××1234', { value: '330102********1234' }],
];

const invalid: Array<[string, string]> = [
  ['11010519491231002Y', 'id.chars'],
  ['110105194912310023', 'id.checksum'],
  ['440524188001010015', 'id.checksum'],
  ['330102199002301234', 'id.birth'],
  ['330102198902291234', 'id.birth'],
  ['110105209912310029', 'id.birth'], // born 2099: in the future
  ['1101051949123100', 'id.length'],
  ['', 'id.empty'],
  ['   ', 'id.empty'],
  ['abcdefghijklmnopqr', 'id.chars'],
  ['11010549123100A', 'id.chars'],
  ['110105491331002', 'id.birth'], // 15-digit with month 13
  ['3301********************', 'id.length'],
];

describe('parseCitizenId', () => {
  it.each(valid)('accepts %j', (input, expected) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ masked: false, ...expected });
  });

  it.each(masked)('keeps masked %j', (input, expected) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ masked: true, ...expected });
  });

  it.each(invalid)('rejects %j with %s', (input, code) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.severity).toBe('error');
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names the expected check digit without echoing the number', () => {
    const r = parseCitizenId('110105194912310023');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('X');
      expect(r.error.message).not.toContain('110105194912310023');
    }
  });

  it('warns about an unknown province prefix but keeps the number', () => {
    const first17 = '99010519491231002';
    const r = parseCitizenId(first17 + citizenIdCheckChar(first17));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['id.region']);
  });
});

describe('citizenIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['33010219900101123', '4'],
  ])('%s → %s', (first17, check) => expect(citizenIdCheckChar(first17)).toBe(check));
});

describe('isMaskedId', () => {
  it.each([
    ['330102********1234', true],
    ['×××', true],
    ['33010219900101XXXX', true],
    ['11010519491231002X', false],
    ['11010519491231002x', false],
  ])('%s → %s', (s, expected) => expect(isMaskedId(s)).toBe(expected));
});
