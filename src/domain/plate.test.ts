import { describe, expect, it } from 'vitest';
import { parsePlate } from './plate.ts';

describe('parsePlate', () => {
  it.each([
    ['浙A12345', '浙A12345'],
    ['浙A·12345', '浙A12345'],
    ['浙a12345', '浙A12345'],
    ['浙Ａ１２３４５', '浙A12345'],
    ['浙Ａ·１２３４５', '浙A12345'],
    [' 浙 A 12345 ', '浙A12345'],
    ['浙A-1234B', '浙A1234B'],
    ['浙AD12345', '浙AD12345'],
    ['浙A12345D', '浙A12345D'],
    ['浙ad12345', '浙AD12345'],
    ['浙A1234挂', '浙A1234挂'],
    ['浙A1234学', '浙A1234学'],
    ['浙A1234警', '浙A1234警'],
    ['蒙A12345', '蒙A12345'],
    ['粵B12345', '粤B12345'],
  ])('%j → %s', (input, expected) => {
    expect(parsePlate(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each(['', 'A12345', '浙A123', '浙A1234567', '浙12345', '内A12345', '浙A12#45'])(
    'rejects %j',
    (input) => {
      const r = parsePlate(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/号牌号码/);
    },
  );
});

// Kinds of plates gathered from other projects' plate validators and their tests (ordinary, new
// energy, 挂/学/警/港/澳, 使/领, I/O exclusion per GA 36); expectations written here.
describe('parsePlate: GA 36 families', () => {
  it.each([
    // ordinary blue/yellow plates: letter + 5 serial characters without I and O
    ['京A12345', '京A12345'],
    ['京N8P8F8', '京N8P8F8'],
    ['沪B2Z9X1', '沪B2Z9X1'],
    ['粤B88888', '粤B88888'],
    ['川A0A0A0', '川A0A0A0'],
    ['新AZ0001', '新AZ0001'],
    ['藏A1234B', '藏A1234B'],
    ['琼A5566N', '琼A5566N'],
    ['京O12345', '京O12345'], // the issuing-authority letter may be O (京O was issued)
    // new energy (8 characters)
    ['粤BD12345', '粤BD12345'],
    ['粤BF12345', '粤BF12345'],
    ['浙AD1A234', '浙AD1A234'],
    ['沪AD01234', '沪AD01234'],
    ['京A12345D', '京A12345D'],
    ['京A12345F', '京A12345F'],
    ['苏EA12345', '苏EA12345'],
    // special suffixes
    ['粤Z1234港', '粤Z1234港'],
    ['粤Z1234澳', '粤Z1234澳'],
    ['粤ZA123港', '粤ZA123港'],
    ['浙A1234挂', '浙A1234挂'],
    ['浙A123B挂', '浙A123B挂'],
    ['浙A1234学', '浙A1234学'],
    ['京A0001警', '京A0001警'],
    ['浙A1234试', '浙A1234试'],
    ['浙A1234超', '浙A1234超'],
    // consular plates: province + 3-digit mission + 2-digit serial + 领, and the older letter form
    ['沪12345领', '沪12345领'],
    ['粤22401领', '粤22401领'],
    ['沪A1234领', '沪A1234领'],
    ['沪 123·45 领', '沪12345领'],
    ['滬12345領', '沪12345领'],
    // embassy plates: 3-digit mission + 3-digit serial + 使 (and the older 使 first)
    ['224001使', '224001使'],
    ['224·001使', '224001使'],
    ['使014578', '使014578'],
    // written messily
    ['京 A·12345', '京A12345'],
    ['京A·DE123', '京ADE123'],
    ['京a-12345', '京A12345'],
    ['京A\u200b12345', '京A12345'],
    ['\ufeff京A12345', '京A12345'],
    ['京Ａ１２３４５', '京A12345'],
    ['蘇E12345', '苏E12345'],
  ])('%j → %s', (input, expected) => {
    expect(parsePlate(input)).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each([
    ['京A1234I', 'I 或 O'],
    ['京AI2345', 'I 或 O'],
    ['京A12O45', 'I 或 O'],
    ['京AO2345', 'I 或 O'],
    ['粤BD1234O', 'I 或 O'],
    ['浙A12I4挂', 'I 或 O'],
    ['京a1234o', 'I 或 O'],
    ['京A1234', '无法识别'],
    ['京A12', '无法识别'],
    ['京AB123456', '无法识别'],
    ['京1A2345', '无法识别'],
    ['AA12345', '无法识别'],
    ['京A12345挂', '无法识别'],
    ['京A123挂', '无法识别'],
    ['京A1234港澳', '无法识别'],
    ['使A12345', '无法识别'],
    ['领A12345', '无法识别'],
    ['沪1234领', '无法识别'],
    ['沪123456领', '无法识别'],
    ['22400使', '无法识别'],
    ['京A12345使', '无法识别'],
    ['台A12345', '无法识别'],
    ['港A12345', '无法识别'],
    ['京A1234!', '无法识别'],
  ])('rejects %j', (input, reason) => {
    const r = parsePlate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('plate.format');
      expect(r.error.message).toContain(reason);
    }
  });
});
