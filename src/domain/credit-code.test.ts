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

// Kinds of cases gathered from other projects' GB 32100 validators and their tests (department and
// category table, region, checksum, charset); the synthetic codes below were computed for this file
// by an independent script of the GB 32100 / GB 11714 algorithms (legal-basis.md §8.2–8.3).
describe('parseCreditCode: GB 32100 structure', () => {
  it.each([
    '91330201MA282UF146',
    '91330401MA28ADM67R',
    '11110000000012343B', // 机构编制 · 机关
    '12330102470001235C', // 机构编制 · 事业单位
    '131000005001234532', // national registration (region 100000)
    '21110000717849335T', // 外交
    '31440300G34567896G', // 司法行政 · 律师执业机构
    '32330100MA2B3C4D1D', // 公证处
    '513301005012345694', // 民政 · 社会团体
    '52110105MJ00123422', // 民办非企业单位
    '5310000050000012XJ', // 基金会
    '59440305D2143569XT',
    '61310000A12345674F', // 旅游
    '71320500H00123450G', // 宗教
    '81420100MB1234562A', // 工会
    '92330102L123456745', // 工商 · 个体工商户
    '93510100MA6C7D8E88', // 农民专业合作社
    'A1110000B87654321F', // 中央军委改革和编制办公室
    'N2330183N123456798', // 农业 · 村级集体经济组织
    'Y1650100Q2345678XD', // 其他
    '91540100MA6T123477',
    '91820000123456788Q', // 澳门
    '91810000MA00KQ2261', // 香港
    ' 9133 0201 MA28 2UF1 46 ',
    '91330201ma282uf146',
    '91330201-MA282UF1-46',
    '\u200b91330201MA282UF146\u200b',
    '9133\u20600201MA282UF146',
  ])('accepts %j', (input) => {
    const r = parseCreditCode(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);
      expect(r.warnings).toEqual([]);
    }
  });

  it.each([
    ['000000000000000000', 'credit-code.department'],
    ['011100000000123430', 'credit-code.department'],
    ['B1110000123456788M', 'credit-code.department'],
    ['Z1110000123456788M', 'credit-code.chars'], // Z is outside the charset
    ['9I440300123456788M', 'credit-code.chars'],
    ['91440300I23456788M', 'credit-code.chars'],
    ['9144030012345678SM', 'credit-code.chars'],
    ['9144030012345678VM', 'credit-code.chars'],
    ['914403A0123456788M', 'credit-code.chars'],
    ['91440300123456788M1', 'credit-code.length'],
    ['9144030012345678', 'credit-code.length'],
    ['9144030012345678８', 'credit-code.length'],
    ['\u200b', 'credit-code.empty'],
  ])('rejects %j with %s', (input, code) => {
    const r = parseCreditCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toContain('统一社会信用代码');
    }
  });

  it.each([
    ['94110000123456788C', ['credit-code.category']], // 工商 has categories 1–3 only
    ['14110000123456788L', ['credit-code.category']],
    ['Y2110000123456788W', ['credit-code.category']], // 其他 is always 1
    ['A3110000123456788E', ['credit-code.category']],
    ['91990000123456788C', ['credit-code.region']],
    ['91000000123456788T', ['credit-code.region']],
    ['91440300123456788A', ['credit-code.checksum']],
    ['914403001234567890', ['credit-code.checksum', 'credit-code.org-checksum']],
  ])('keeps %j with warnings %j', (input, codes) => {
    const r = parseCreditCode(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => w.code)).toEqual(codes);
  });
});

describe('parseOrgCode: GB 11714', () => {
  it.each([
    ['00000000-0', false],
    ['000000000', false],
    ['12345678-8', true],
    ['D2143569-X', true],
    ['MA282UF1-4', true],
    ['47000123-5', true],
    ['50000012X', true],
    ['12345678-', false],
    ['1234567-8', false],
    ['12345678-Y', false],
  ])('%j valid: %s', (input, valid) => {
    const r = parseOrgCode(input);
    expect(r.ok && r.warnings.length === 0).toBe(valid);
  });
});
