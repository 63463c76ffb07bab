import ExcelJS from 'exceljs';
import type { LeadRow } from '../contract/leads.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';

/**
 * The lead table as an Excel workbook. Every text cell is defused (= + - @ cannot start a formula:
 * a party name like `=HYPERLINK(…)` from an imported file stays text in Excel and WPS).
 */
export async function writeLeadWorkbook(rows: readonly LeadRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('线索');
  sheet.columns = [
    { header: '线索编号', key: 'id', width: 20 },
    { header: '模型', key: 'model', width: 26 },
    { header: '案号', key: 'caseNo', width: 26 },
    { header: '执行法院', key: 'court', width: 24 },
    { header: '所属单位', key: 'unitName', width: 24 },
    { header: '当事人', key: 'subjectName', width: 20 },
    { header: '证件号码', key: 'subjectId', width: 22 },
    { header: '车牌', key: 'plate', width: 12 },
    { header: '发现', key: 'summary', width: 60 },
    { header: '优先级', key: 'priority', width: 8 },
    { header: '状态', key: 'status', width: 10 },
    { header: '承办人', key: 'assigneeName', width: 12 },
    { header: '首次发现', key: 'firstSeenAt', width: 20 },
  ];
  for (const r of rows) {
    sheet.addRow({
      id: defuseCell(r.id),
      model: defuseCell(`${r.modelId} ${r.modelName}`),
      caseNo: defuseCell(r.caseNo),
      court: defuseCell(r.court),
      unitName: defuseCell(r.unitName),
      subjectName: defuseCell(r.subjectName),
      subjectId: defuseCell(r.subjectId),
      plate: defuseCell(r.plate),
      summary: defuseCell(r.summary),
      priority: r.priority,
      status: r.status,
      assigneeName: defuseCell(r.assigneeName),
      firstSeenAt: r.firstSeenAt,
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
