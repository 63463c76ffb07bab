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
