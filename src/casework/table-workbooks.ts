/**
 * The Excel files of the supervision-case list and the 成效台账 (pure: rows in, bytes out). Every
 * text cell goes through `defuseCell` (a title or note may start with "="); money is exact: a
 * number cell only when the stored decimal string round-trips through Number, else text.
 */
import ExcelJS from 'exceljs';
import type { SupervisionCase } from '../contract/casework.ts';
import type { OutcomeListItem, OutcomeTotal } from '../contract/recommendations.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';

/** `2025-01-31T02:03:04Z` → `2025-01-31 10:03` (China time, as the pages show it). */
function chinaMinute(ts: string): string {
  const t = Date.parse(ts);
  if (Number.isNaN(t)) return ts;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An amount cell: a 2-decimal number if it is exactly the stored value, else the text itself. */
export function moneyCell(amount: string | null): number | string {
  if (amount === null || amount === '') return '';
  const n = Number(amount);
  return Number.isFinite(n) && sameCents(amount, n) ? n : amount;
}

/** Whether the decimal text and the float print the same to the cent (no rounding lost). */
function sameCents(amount: string, n: number): boolean {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return false;
  const text = `${m[1]}${m[2]!.replace(/^0+(?=\d)/, '')}.${(m[3] ?? '').padEnd(2, '0')}`;
  return n.toFixed(2) === text && Math.abs(n) < 2 ** 53 / 100;
}

function finish(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function casesWorkbook(items: readonly SupervisionCase[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('监督案件');
  sheet.columns = [
    { header: '案号', key: 'caseNo', width: 30 },
    { header: '类型', key: 'kind', width: 8 },
    { header: '标题', key: 'title', width: 40 },
    { header: '状态', key: 'state', width: 10 },
    { header: '承办人', key: 'handler', width: 12 },
    { header: '办理期限', key: 'dueDate', width: 12 },
    { header: '线索数', key: 'leadCount', width: 8 },
    { header: '办案单位', key: 'unitName', width: 30 },
    { header: '立案时间', key: 'createdAt', width: 18 },
  ];
  for (const c of items) {
    sheet.addRow({
      caseNo: defuseCell(c.caseNo),
      kind: c.kind,
      title: defuseCell(c.title),
      state: c.state,
      handler: defuseCell(c.handlerName ?? ''),
      dueDate: c.dueDate ?? '',
      leadCount: c.leadCount,
      unitName: defuseCell(c.unitName),
      createdAt: chinaMinute(c.createdAt),
    });
  }
  finish(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function outcomesWorkbook(
  items: readonly OutcomeListItem[],
  totals: readonly OutcomeTotal[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成效台账');
  sheet.columns = [
    { header: '成效日期', key: 'date', width: 12 },
    { header: '成效类型', key: 'kind', width: 14 },
    { header: '监督案件', key: 'caseNo', width: 30 },
    { header: '金额（元）', key: 'amount', width: 16 },
    { header: '执行案号', key: 'enforcementCaseNo', width: 30 },
    { header: '罪名', key: 'crime', width: 20 },
    { header: '人数', key: 'persons', width: 8 },
    { header: '备注', key: 'note', width: 40 },
    { header: '办案单位', key: 'unitName', width: 30 },
  ];
  sheet.getColumn('amount').numFmt = '#,##0.00';
  for (const o of items) {
    sheet.addRow({
      date: o.date,
      kind: o.kind,
      caseNo: defuseCell(o.caseNo),
      amount: moneyCell(o.amount),
      enforcementCaseNo: defuseCell(o.enforcementCaseNo),
      crime: o.crime ?? '',
      persons: o.persons ?? '',
      note: defuseCell(o.note),
      unitName: defuseCell(o.unitName),
    });
  }
  // Totals of every match, one row per kind (as the page shows them).
  for (const t of totals) {
    const row = sheet.addRow({
      date: '合计',
      kind: t.kind,
      caseNo: `${t.count} 项`,
      amount: moneyCell(t.amount),
      persons: t.persons ?? '',
    });
    row.font = { bold: true };
  }
  finish(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
