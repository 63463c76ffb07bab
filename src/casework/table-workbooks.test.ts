import { describe, expect, it } from 'vitest';
import { moneyCell } from './table-workbooks.ts';

describe('moneyCell', () => {
  it('is a number only when it is exactly the stored amount', () => {
    expect(moneyCell('1234.50')).toBe(1234.5);
    expect(moneyCell('0.10')).toBe(0.1);
    expect(moneyCell('-3')).toBe(-3);
    expect(moneyCell('12345678901234567.89')).toBe('12345678901234567.89');
    expect(moneyCell('abc')).toBe('abc');
    expect(moneyCell(null)).toBe('');
  });
});
