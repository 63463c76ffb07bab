import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawRow } from './cell.ts';
import { readXlsx, toCell } from './xlsx-reader.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function readAll(path: string): Promise<Map<string, RawRow[]>> {
  const sheets = new Map<string, RawRow[]>();
  for await (const sheet of readXlsx(path)) {
    const rows: RawRow[] = [];
    for await (const chunk of sheet.rows) rows.push(...chunk);
    sheets.set(sheet.name ?? '', rows);
  }
  return sheets;
}

describe('readXlsx', () => {
  it('keeps Chinese text intact across zip chunk boundaries (inline and shared strings)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhijian-xlsx-'));
    dirs.push(dir);
    const text = (i: number): string => `（2021）浙0302民初${i}号，被执行人张三丰的财产线索说明`;
    for (const shared of [false, true]) {
      const path = join(dir, `t-${shared}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useSharedStrings: shared,
      });
      const one = workbook.addWorksheet('一');
      const two = workbook.addWorksheet('二');
      for (let i = 0; i < 20_000; i++) one.addRow([text(i), i]).commit();
      two.addRow(['表头']).commit();
      one.commit();
      two.commit();
      await workbook.commit();
      const sheets = await readAll(path);
      const rows = sheets.get('一') ?? [];
      expect(rows).toHaveLength(20_000);
      const broken = rows.filter((r, i) => r.cells[0] !== text(i));
      expect(broken.map((r) => r.cells[0]).slice(0, 3)).toEqual([]);
      expect(rows[5]).toEqual({ row: 6, cells: [text(5), 5] });
      expect(sheets.get('二')).toEqual([{ row: 1, cells: ['表头'] }]);
    }
  });

  it('turns formulas, rich text, hyperlinks, errors and dates into plain cells', () => {
    expect(toCell({ formula: 'A1+1', result: 3 })).toBe(3);
    expect(toCell({ formula: 'NOW()' })).toBeNull();
    expect(toCell({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(toCell({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(toCell({ error: '#N/A' })).toBe('#N/A');
    expect(toCell(new Date(Date.UTC(2023, 4, 6)))).toBe('2023-05-06');
    expect(toCell(new Date(Date.UTC(2023, 4, 6, 8, 30)))).toBe('2023-05-06 08:30:00');
    expect(toCell({ formula: 'DATE(2023,5,6)', result: 45052 }, () => true)).toBe('2023-05-06');
  });
});
