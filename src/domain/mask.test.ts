import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from './citizen-id.ts';
import { creditCodeCheckChar } from './credit-code.ts';
import {
  isOrganisationCode,
  maskAccount,
  maskId,
  maskIdsInText,
  maskPhone,
  personIdsIn,
} from './mask.ts';

/** Made-up identifiers built from 17 characters and their check character (GB 11643, GB 32100). */
const PERSON = ((first17: string) => first17 + citizenIdCheckChar(first17))('11010519491231002');
const COMPANY = ((first17: string) => first17 + creditCodeCheckChar(first17))('91440300192203821');

describe('masking', () => {
  it.each([
    ['330102199001011234', '330102********1234'],
    ['11010519491231002X', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['D2143569-X', '********-X'],
    ['12', '**'],
  ])('maskId %s → %s', (input, expected) => expect(maskId(input)).toBe(expected));

  it('shows a company credit code in full and keeps every person-shaped number masked', () => {
    // A 统一社会信用代码 names an organisation: not personal data (GB 32100 check character valid).
    expect(maskId('91330100716105852F')).toBe('91330100716105852F');
    expect(maskId(COMPANY)).toBe(COMPANY);
    expect(isOrganisationCode(COMPANY)).toBe(true);
    // A credit code whose check character is wrong is in doubt: masked.
    expect(maskId('91330100716105852G')).toBe('913301********852G');
    // A person's ID stays masked, also one with a typo that happens to pass the GB 32100 check.
    expect(maskId(PERSON)).toBe(`110105********${PERSON.slice(-4)}`);
    const typos = [...'0123456789X']
      .map((c) => PERSON.slice(0, 17) + c)
      .filter((v) => v !== PERSON);
    for (const v of typos) expect(maskId(v), v).toBe(`110105********${v.slice(-4)}`);
    const masked = `110105********${PERSON.slice(-4)}`;
    const text = `被执行人深圳某科技有限公司（统一社会信用代码${COMPANY}），法定代表人身份证号${PERSON}`;
    expect(personIdsIn(text)).toEqual([masked]);
    expect(maskIdsInText(text)).toBe(
      `被执行人深圳某科技有限公司（统一社会信用代码${COMPANY}），法定代表人身份证号${masked}`,
    );
  });

  it('masks phones and accounts', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAccount('6222 0212 3456 7890 123')).toBe('6222***********0123');
  });

  it('maskIdsInText replaces every 15/18-digit ID and nothing else', () => {
    const text =
      '被执行人张三（身份证号11010519491231002X，旧号110105491231002，全角３３０１０２１９９００１０１１２３４），' +
      '账号6222021234567890123，电话13812345678，案号（2023）浙0102执1234号';
    const out = maskIdsInText(text);
    expect(out).toContain('110105********002X');
    expect(out).toContain('110105*****1002');
    expect(out).toContain('330102********1234');
    expect(out).not.toMatch(/19491231|199001011234/);
    expect(out).toContain('6222021234567890123');
    expect(out).toContain('13812345678');
    expect(out).toContain('（2023）浙0102执1234号');
  });
});
