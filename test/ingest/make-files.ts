/**
 * Builders of real input files for the import tests and the benchmark: valid ID numbers, GBK
 * encoding (Node has no GBK encoder; the table is built from TextDecoder), CSV and XLSX writers.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { citizenIdCheckChar } from '../../src/domain/citizen-id.ts';
import { parsePartyId } from '../../src/domain/party-id.ts';

/** A valid 18-digit citizen ID: region 330102, birth date from `n`, check digit computed. */
export function validId(n: number, region = '330102'): string {
  const year = 1950 + (n % 50);
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = String(1 + (n % 28)).padStart(2, '0');
  const seq = String(n % 1000).padStart(3, '0');
  const first17 = `${region}${year}${month}${day}${seq}`;
  return first17 + citizenIdCheckChar(first17);
}

/**
 * The same ID with a wrong check digit (one that does not happen to make a valid numeric credit
 * code either, which the ID parser would accept as an organisation).
 */
export function badId(n: number): string {
  const id = validId(n);
  for (const last of '0123456789X') {
    const candidate = id.slice(0, 17) + last;
    if (!parsePartyId(candidate).ok) return candidate;
  }
  throw new Error(`no bad variant of ${id}`);
}

let gbkTable: Map<string, number[]> | undefined;

/** Encodes text as GBK/GB18030 two-byte sequences (ASCII as is). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out[n++] = code;
    else {
      const pair = gbkTable.get(text.charAt(i));
      if (!pair) throw new Error(`no GBK code for ${text.charAt(i)}`);
      out[n++] = pair[0] as number;
      out[n++] = pair[1] as number;
    }
  }
  return Buffer.from(out.buffer, 0, n);
}

/** CSV text of rows (fields quoted when needed). */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return (
    rows
      .map((r) =>
        r
          .map((v) => {
            const s = v === null ? '' : String(v);
            return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
          })
          .join(','),
      )
      .join('\n') + '\n'
  );
}

export function writeCsv(
  path: string,
  rows: readonly (readonly (string | number | null)[])[],
  options: { bom?: boolean; gbk?: boolean } = {},
): void {
  const text = csvText(rows);
  if (options.gbk) writeFileSync(path, encodeGbk(text));
  else writeFileSync(path, (options.bom ? '\ufeff' : '') + text);
}

/** An .xlsx with one sheet per entry; cells are ExcelJS values (formulas, dates, rich text …). */
export async function writeXlsx(
  path: string,
  sheets: Record<string, readonly (readonly ExcelJS.CellValue[])[]>,
  decorate?: (sheet: ExcelJS.Worksheet, name: string) => void,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, i) => {
      const r = sheet.getRow(i + 1);
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) r.getCell(c + 1).value = value;
      });
      r.commit();
    });
    decorate?.(sheet, name);
  }
  await workbook.xlsx.writeFile(path);
}
