import { describe, expect, it } from 'vitest';
import { maskAccount, maskId, maskIdsInText, maskPhone } from './mask.ts';

describe('masking', () => {
  it.each([
    ['330102199001011234', '330102********1234'],
    ['11010519491231002X', '110105********002X'],
    ['110105491231002', '110105*****1002'],
    ['91440300123456788M', '914403********788M'],
    ['D2143569-X', '********-X'],
    ['12', '**'],
  ])('maskId %s → %s', (input, expected) => expect(maskId(input)).toBe(expected));

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
