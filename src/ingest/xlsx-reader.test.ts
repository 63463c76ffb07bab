import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawRow, SheetSource } from './cell.ts';
import { readWorkbook } from './xlsx/read-workbook.ts';
import { isDateFormatCode } from './xlsx/workbook-parts.ts';
import { excelDateText, readXlsx } from './xlsx-reader.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-xlsx-'));
  dirs.push(dir);
  return dir;
}

async function readAll(sheets: AsyncIterable<SheetSource>): Promise<Map<string, RawRow[]>> {
  const out = new Map<string, RawRow[]>();
  for await (const sheet of sheets) {
    const rows: RawRow[] = [];
    for await (const chunk of sheet.rows) rows.push(...chunk);
    out.set(sheet.name ?? '', rows);
  }
  return out;
}

/** Reads with the row scanner and with saxes alone; both must give the same rows. */
async function readBothWays(path: string): Promise<Map<string, RawRow[]>> {
  const fast = await readAll(readXlsx(path));
  const sax = await readAll(readWorkbook(path, { scanner: false }));
  expect([...fast]).toEqual([...sax]);
  return fast;
}

const cellsOf = (rows: RawRow[] | undefined, row: number): RawRow['cells'] | undefined =>
  rows?.find((r) => r.row === row)?.cells;

/** A workbook with every kind of cell the reader must understand. */
async function writeKitchenSink(path: string, options: { date1904?: boolean } = {}) {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const one = workbook.addWorksheet('台账');
  one.getCell('A1').value = '案号';
  one.getCell('B1').value = '金额';
  one.getCell('C1').value = '立案日期';
  // Row 2: shared string, number, date (built-in format 14).
  one.getCell('A2').value = '（2023）浙0102执1号';
  one.getCell('B2').value = 125000.5;
  one.getCell('C2').value = new Date(Date.UTC(2023, 4, 6));
  one.getCell('C2').numFmt = 'mm-dd-yy';
  // Row 4 (row 3 left empty): rich text, boolean, error, date-time with a custom Chinese format.
  one.getCell('A4').value = {
    richText: [{ text: '张', font: { bold: true } }, { text: '三&<丰>' }],
  };
  one.getCell('B4').value = true;
  one.getCell('C4').value = { error: '#N/A' };
  one.getCell('D4').value = new Date(Date.UTC(2023, 4, 6, 8, 30));
  one.getCell('D4').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
  // Row 6: formulas with cached results (never evaluated), and a formula-injection text cell.
  one.getCell('A6').value = { formula: 'B2*2', result: 251001 };
  one.getCell('B6').value = { formula: 'DATE(2023,5,6)', result: 45052 };
  one.getCell('B6').numFmt = 'yyyy-mm-dd';
  one.getCell('C6').value = { formula: 'A2&"x"', result: '（2023）浙0102执1号x' };
  one.getCell('D6').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
  one.getCell('E6').value = '=HYPERLINK("http://evil","点我")';
  one.getCell('F6').value = { formula: '1=1', result: false };
  one.getCell('G6').value = { formula: 'NA()', result: { error: '#N/A' } };
  // Row 7: a number with a non-date format, a gap before column H, a hyperlink's text.
  one.getCell('A7').value = 1234.5;
  one.getCell('A7').numFmt = '#,##0.00_);[Red](#,##0.00)';
  one.getCell('H7').value = { text: '链接', hyperlink: 'http://example.com' };
  // Row 8: a merged range keeps its value in the top-left cell only.
  one.getCell('A8').value = '合并';
  one.mergeCells('A8:C8');
  one.getCell('D8').value = 0;
  // Row 9: a line break written as CR LF reads as LF (XML end-of-line handling); a number far
  // beyond any date in a date-formatted cell stays a number.
  one.getCell('A9').value = '第一行\r\n第二行';
  one.getCell('B9').value = 1e300;
  one.getCell('B9').numFmt = 'yyyy-mm-dd';
  const two = workbook.addWorksheet('二');
  two.getCell('B3').value = 'b3';
  workbook.addWorksheet('空');
  await workbook.xlsx.writeFile(path);
}

describe('readXlsx', () => {
  it('keeps Chinese text intact across zip chunk boundaries (inline and shared strings)', async () => {
    const dir = tempDir();
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
      const sheets = await readBothWays(path);
      const rows = sheets.get('一') ?? [];
      expect(rows).toHaveLength(20_000);
      const broken = rows.filter((r, i) => r.cells[0] !== text(i));
      expect(broken.map((r) => r.cells[0]).slice(0, 3)).toEqual([]);
      expect(rows[5]).toEqual({ row: 6, cells: [text(5), 5] });
      expect(sheets.get('二')).toEqual([{ row: 1, cells: ['表头'] }]);
    }
  });

  it('turns every kind of cell into text or a number, sheets in workbook order', async () => {
    const path = join(tempDir(), 'sink.xlsx');
    await writeKitchenSink(path);
    const sheets = await readBothWays(path);
    expect([...sheets.keys()]).toEqual(['台账', '二', '空']);
    const rows = sheets.get('台账');
    expect(rows?.map((r) => r.row)).toEqual([1, 2, 4, 6, 7, 8, 9]);
    expect(cellsOf(rows, 2)).toEqual(['（2023）浙0102执1号', 125000.5, '2023-05-06']);
    expect(cellsOf(rows, 4)).toEqual(['张三&<丰>', 'TRUE', '#N/A', '2023-05-06 08:30:00']);
    expect(cellsOf(rows, 6)).toEqual([
      251001,
      '2023-05-06',
      '（2023）浙0102执1号x',
      null,
      '=HYPERLINK("http://evil","点我")',
      'FALSE',
      '#N/A',
    ]);
    expect(cellsOf(rows, 7)).toEqual([1234.5, null, null, null, null, null, null, '链接']);
    expect(cellsOf(rows, 8)).toEqual(['合并', null, null, 0]);
    expect(cellsOf(rows, 9)).toEqual(['第一行\n第二行', 1e300]);
    expect(sheets.get('二')).toEqual([{ row: 3, cells: [null, 'b3'] }]);
    expect(sheets.get('空')).toEqual([]);
  });

  it('reads dates of a 1904-based workbook', async () => {
    const path = join(tempDir(), '1904.xlsx');
    await writeKitchenSink(path, { date1904: true });
    const rows = (await readBothWays(path)).get('台账');
    expect(cellsOf(rows, 2)?.[2]).toBe('2023-05-06');
    expect(cellsOf(rows, 4)?.[3]).toBe('2023-05-06 08:30:00');
  });

  it('reads inline rich text, and a sheet whose rows stop being regular half-way', async () => {
    const path = join(tempDir(), 'inline.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet('混合');
    for (let i = 1; i <= 5000; i++) {
      sheet
        .addRow(
          i % 1000 === 0
            ? [{ richText: [{ text: '富', font: { italic: true } }, { text: `文本${i}` }] }, i]
            : [`行${i} &amp; <x>`, i, true, i === 2 ? '第一行\r\n第二行' : null],
        )
        .commit();
    }
    sheet.commit();
    await workbook.commit();
    const rows = (await readBothWays(path)).get('混合') ?? [];
    expect(rows).toHaveLength(5000);
    expect(rows[0]).toEqual({ row: 1, cells: ['行1 &amp; <x>', 1, 'TRUE'] });
    expect(rows[1]?.cells[3]).toBe('第一行\n第二行');
    expect(rows[999]).toEqual({ row: 1000, cells: ['富文本1000', 1000] });
    expect(rows[4999]).toEqual({ row: 5000, cells: ['富文本5000', 5000] });
  });

  it('lets a consumer stop reading a sheet early and go on with the next', async () => {
    const path = join(tempDir(), 'early.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const big = workbook.addWorksheet('大');
    for (let i = 0; i < 10_000; i++) big.addRow([`r${i}`]).commit();
    big.commit();
    const small = workbook.addWorksheet('小');
    small.addRow(['last']).commit();
    small.commit();
    await workbook.commit();
    const seen: [string | null, RawRow | undefined][] = [];
    for await (const sheet of readXlsx(path)) {
      const iterator = sheet.rows[Symbol.asyncIterator]();
      const first = await iterator.next();
      seen.push([sheet.name, first.done ? undefined : first.value[0]]);
    }
    expect(seen).toEqual([
      ['大', { row: 1, cells: ['r0'] }],
      ['小', { row: 1, cells: ['last'] }],
    ]);
    // A second loop over the same sheet goes on where the first broke off.
    for await (const sheet of readXlsx(path)) {
      let n = 0;
      for await (const chunk of sheet.rows) {
        n += chunk.length;
        break;
      }
      for await (const chunk of sheet.rows) n += chunk.length;
      expect(n).toBe(sheet.name === '大' ? 10_000 : 1);
    }
  });

  it('fails on a workbook whose sheet data is damaged, instead of reading garbage', async () => {
    const path = join(tempDir(), 'damaged.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const sheet = workbook.addWorksheet('台账');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`（2023）浙0102执${i}号`, i]).commit();
    sheet.commit();
    await workbook.commit();
    const bytes = readFileSync(path);
    // The worksheet is the largest part: its compressed bytes fill the middle of the file.
    const middle = Math.floor(bytes.length / 2);
    bytes.fill(0x5a, middle, middle + 64);
    writeFileSync(path, bytes);
    await expect(readAll(readXlsx(path))).rejects.toThrow();
  });

  it('tells date formats from number formats', () => {
    for (const code of [
      'yyyy-mm-dd',
      'yyyy"年"m"月"d"日"',
      'h:mm',
      '[h]:mm:ss',
      '[$-804]yyyy年m月',
    ]) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of [
      'General',
      '0.00',
      '#,##0.00_);[Red](#,##0.00)',
      '0"天"',
      '@',
      '0.00E+00',
    ]) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
    expect(excelDateText(new Date(Date.UTC(2023, 4, 6, 8, 30)))).toBe('2023-05-06 08:30:00');
  });
});
