import { describe, expect, it } from 'vitest';
import { defuseCell } from '../domain/spreadsheet-cell.ts';
import { maskCell, maskText } from './masking.ts';

describe('masking and Excel defusing', () => {
  it('masks ID, account and phone cells unless revealed', () => {
    expect(maskCell({ name: 'debtor_id', type: 'id' }, '33010219800101123X', false)).toBe(
      '330102********123X',
    );
    expect(maskCell({ name: 'debtor_id', type: 'id' }, '33010219800101123X', true)).toBe(
      '33010219800101123X',
    );
    expect(maskCell({ name: 'account_no', type: 'text' }, '6222021234567890123', false)).toBe(
      '6222***********0123',
    );
    expect(maskCell({ name: 'contact_phone', type: 'text' }, '13812345678', false)).toBe(
      '138****5678',
    );
    expect(maskCell({ name: 'note', type: 'text' }, '身份证33010219800101123X', false)).toBe(
      '身份证330102********123X',
    );
    expect(maskText('被执行人（33010219800101123X）', false)).toBe(
      '被执行人（330102********123X）',
    );
  });

  it('defuses cells that Excel would run as formulas', () => {
    expect(defuseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(defuseCell('+1+1')).toBe("'+1+1");
    expect(defuseCell('-2')).toBe("'-2");
    expect(defuseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuseCell('张三')).toBe('张三');
    expect(defuseCell(null)).toBe('');
  });
});
