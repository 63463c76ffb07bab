import { describe, expect, it } from 'vitest';
import type { RawRow } from '../cell.ts';
import { RowScanner } from './row-scanner.ts';
import { SheetParser } from './sheet-parser.ts';
import type { WorkbookParts } from './workbook-parts.ts';

const BOOK: WorkbookParts = {
  sheets: [],
  sharedStrings: ['共享', null],
  dateStyles: [false, true],
  date1904: false,
};

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1:H8"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData>\n';

const REGULAR =
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45052.5</v></c>' +
  '<c r="C1" t="inlineStr"><is><t xml:space="preserve"> 中&#x6587; &amp; &#25991;&lt;</t></is></c></row>\n' +
  '<row r="3"><c r="B3" t="b"><v>0</v></c><c t="e"><v>#DIV/0!</v></c><c r="E3"><f>SUM(A1)</f><v>7</v></c>' +
  '<c r="F3" t="str"><f t="shared" ref="F3:F4" si="0"/><v>x</v></c><c r="G3" s="1"/><c r="H3"><v/></c></row>\n' +
  '<row spans="1:1"><c r="A4" t="s"><v>1</v></c></row>\n' +
  "<row r='5' />\n";

const IRREGULAR =
  '<!-- from here on, saxes -->\n' +
  '<row r="6"><c r="A6" t="inlineStr"><is><r><rPr><b/></rPr><t>富</t></r><r><t>文</t></r>' +
  '<rPh sb="0" eb="1"><t>fu</t></rPh></is></c></row>\n' +
  '<row r="7"><c r="A7" t="str"><v><![CDATA[<cdata> & ]]></v></c></row>\n' +
  '<row r="8"><c r="A8"><v>1</v></c></row>\n';

const TAIL = '</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';

const EXPECTED: RawRow[] = [
  { row: 1, cells: ['共享', '2023-05-06 12:00:00', ' 中文 & 文<'] },
  { row: 3, cells: [null, 'FALSE', '#DIV/0!', null, 7, 'x'] },
  { row: 4, cells: [] },
  { row: 5, cells: [] },
  { row: 6, cells: ['富文'] },
  { row: 7, cells: ['<cdata> & '] },
  { row: 8, cells: [1] },
];

function scan(xml: string, chunk: number, parser: RowScanner | SheetParser): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i < xml.length; i += chunk) {
    parser.write(xml.slice(i, i + chunk));
    rows.push(...parser.takeRows());
  }
  parser.end();
  rows.push(...parser.takeRows());
  return rows;
}

describe('RowScanner', () => {
  it('reads regular rows itself and hands the rest to saxes, wherever the chunks are cut', () => {
    const xml = HEAD + REGULAR + IRREGULAR + TAIL;
    expect(scan(xml, xml.length, new SheetParser(BOOK))).toEqual(EXPECTED);
    for (const chunk of [1, 2, 3, 7, 16, 61, 256, xml.length]) {
      const scanner = new RowScanner(BOOK);
      expect(scan(xml, chunk, scanner), `chunks of ${chunk}`).toEqual(EXPECTED);
      expect(scanner.delegated).toBe(true);
    }
  });

  it('reads a sheet with only regular rows, and one without rows', () => {
    const xml = HEAD + REGULAR + TAIL;
    for (const chunk of [1, 5, xml.length]) {
      const scanner = new RowScanner(BOOK);
      expect(scan(xml, chunk, scanner)).toEqual(EXPECTED.slice(0, 4));
      expect(scanner.delegated).toBe(false);
    }
    expect(
      scan(HEAD.replace('<sheetData>', '<sheetData/>') + '</worksheet>', 9, new RowScanner(BOOK)),
    ).toEqual([]);
  });

  it('reads prefixed element names (Open XML SDK) through saxes', () => {
    const xml = (HEAD + REGULAR + IRREGULAR + TAIL)
      .replace(/<(\/?)(?!\?|!|cdata)/g, '<$1x:')
      .replace('<x:worksheet xmlns=', '<x:worksheet xmlns:x=');
    expect(scan(xml, 100, new RowScanner(BOOK))).toEqual(EXPECTED);
  });

  it('lets saxes report broken XML', () => {
    const broken = HEAD + REGULAR + '<row r="6"><c r="A6"><v>1</v></c>';
    expect(() => scan(broken, 64, new RowScanner(BOOK))).toThrow();
    const badEntity = HEAD + '<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>' + TAIL;
    expect(() => scan(badEntity, 64, new RowScanner(BOOK))).toThrow();
  });
});
