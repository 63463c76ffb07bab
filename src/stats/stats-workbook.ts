/**
 * Statistics as Excel (ExcelJS): one sheet per table, the figures' names as headers, rates as
 * percentages (— without a denominator), money with two decimals; a sheet 口径说明 states each
 * figure's formula. Labels pass through `defuseCell` (a court name is imported text).
 */
import ExcelJS from 'exceljs';
import type { StatsTable, TerminationTable } from '../contract/stats.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';
import { FIGURES, type Figures, type FigureKey } from '../domain/stats-definitions.ts';

export const DIMENSION_LABELS: Record<StatsTable['by'], string> = {
  unit: '单位',
  model: '模型',
  court: '法院',
  month: '月份',
  total: '范围',
  campaign: '专项活动',
};

/** A money text as an Excel number when a double holds it exactly, else as the text itself. */
function moneyCell(yuan: string): number | string {
  return yuan.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(yuan) : yuan;
}

function cellOf(f: Figures, key: FigureKey): ExcelJS.CellValue {
  const v = f[key];
  if (typeof v === 'object') return v.value === null ? '—' : v.value;
  if (key === 'moneyRecovered') return moneyCell(String(v));
  return v;
}

/** Adds one statistics table as a sheet of `book`. */
export function addStatsSheet(book: ExcelJS.Workbook, name: string, table: StatsTable): void {
  const sheet = book.addWorksheet(name);
  sheet.columns = [
    { header: DIMENSION_LABELS[table.by], key: 'label', width: 24 },
    ...FIGURES.map((f) => ({
      header: f.name,
      key: f.key,
      width: Math.max(10, f.name.length * 2 + 2),
    })),
  ];
  const rows = [
    ...table.rows.map((r) => ({ label: r.label, f: r.figures })),
    { label: '合计', f: table.total },
  ];
  for (const r of rows) {
    const values: Record<string, ExcelJS.CellValue> = { label: defuseCell(r.label) };
    for (const f of FIGURES) values[f.key] = cellOf(r.f, f.key);
    sheet.addRow(values);
  }
  for (const f of FIGURES) {
    const col = sheet.getColumn(f.key);
    if (f.key === 'caseRate' || f.key === 'adoptionRate') col.numFmt = '0.0%';
    if (f.key === 'moneyRecovered') col.numFmt = '#,##0.00';
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(rows.length + 1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

export function addDefinitionsSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet('口径说明');
  sheet.columns = [
    { header: '指标', key: 'name', width: 22 },
    { header: '口径', key: 'formula', width: 70 },
  ];
  for (const f of FIGURES) sheet.addRow({ name: f.name, formula: f.formula });
  sheet.addRow({ name: '单位范围', formula: '上级单位的数字包含其下级单位' });
  sheet.addRow({
    name: '专项活动',
    formula: '线索按其首次发现时的专项活动；案件及其检察建议、回复、成效按案件的专项活动',
  });
  sheet.getRow(1).font = { bold: true };
}

export function addTerminationSheet(
  book: ExcelJS.Workbook,
  name: string,
  table: TerminationTable,
  by: 'court' | 'judge',
): void {
  const sheet = book.addWorksheet(name);
  sheet.columns = [
    { header: '执行法院', key: 'court', width: 28 },
    ...(by === 'judge' ? [{ header: '承办人', key: 'judge', width: 12 }] : []),
    { header: '已结案件', key: 'closed', width: 10 },
    { header: '终本数', key: 'terminated', width: 10 },
    { header: '终本占比', key: 'share', width: 10, style: { numFmt: '0.0%' } },
    { header: '立案至结案天数（中位数）', key: 'median', width: 24 },
  ];
  for (const r of table.rows) {
    sheet.addRow({
      court: defuseCell(r.court),
      judge: defuseCell(r.judge ?? '（未填）'),
      closed: r.closed,
      terminated: r.terminated,
      share: r.share.value ?? '—',
      median: r.medianDays ?? '—',
    });
  }
  sheet.getRow(1).font = { bold: true };
}

export async function statsWorkbook(table: StatsTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addStatsSheet(book, `按${DIMENSION_LABELS[table.by]}`, table);
  addDefinitionsSheet(book);
  if (table.campaignTheme) {
    const theme = defuseCell(table.campaignTheme);
    book.getWorksheet(`按${DIMENSION_LABELS[table.by]}`)!.headerFooter.oddHeader =
      `专项活动：${theme}`;
    book.getWorksheet('口径说明')?.addRow({ name: '统计范围', formula: `专项活动「${theme}」` });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function terminationWorkbook(
  table: TerminationTable,
  by: 'court' | 'judge',
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addTerminationSheet(book, by === 'judge' ? '终本（按承办人）' : '终本（按法院）', table, by);
  return Buffer.from(await book.xlsx.writeBuffer());
}
