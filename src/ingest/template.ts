import ExcelJS from 'exceljs';
import type { DatasetDef } from '../catalog/column-types.ts';

/** Column types whose cells must stay text in Excel (leading zeros, 18 digits, trailing X). */
const TEXT_TYPES = new Set(['id', 'case_no', 'plate', 'text']);

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
export function sheetNameOf(dataset: DatasetDef): string {
  return dataset.label.replace(/[:\\/?*[\]]/g, '、').slice(0, 31);
}

/**
 * The import template of one or more datasets (one sheet each): row 1 the canonical Chinese headers
 * (required ones in red), row 2 the descriptions, ID and case-number columns formatted as text so
 * Excel keeps 18-digit numbers intact. The importer reads a filled template as it is.
 */
export async function writeTemplate(path: string, datasets: readonly DatasetDef[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '执检';
  for (const dataset of datasets) {
    const sheet = workbook.addWorksheet(sheetNameOf(dataset), {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    sheet.columns = dataset.columns.map((c) => ({
      width: Math.max(12, Math.min(40, c.label.length * 2.4 + 4)),
      ...(TEXT_TYPES.has(c.type) ? { style: { numFmt: '@' } } : {}),
    }));
    const header = sheet.getRow(1);
    const description = sheet.getRow(2);
    dataset.columns.forEach((c, i) => {
      const h = header.getCell(i + 1);
      h.value = c.label;
      h.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
      h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      h.alignment = { vertical: 'middle', horizontal: 'center' };
      h.numFmt = '@';
      const d = description.getCell(i + 1);
      d.value = c.description;
      d.font = { italic: true, color: { argb: 'FF7F7F7F' }, size: 9 };
      d.alignment = { wrapText: true, vertical: 'top' };
      d.numFmt = '@';
    });
    header.height = 22;
    description.height = 42;
  }
  await workbook.xlsx.writeFile(path);
}
