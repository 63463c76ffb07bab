/**
 * The files of lead exports, rendered from the contract's rows (already masked unless revealed by
 * `LeadViewService`, which checks the right and audits: see org/lead-disclosure.ts).
 * - the data export (`zhijian leads export`): JSON (the contract of issue 4: leadId, modelId,
 *   modelVersion, caseNo, subjectId, plate, summary, priority, status, evidence, legalBasis), CSV
 *   and Excel;
 * - the lead table's Excel (the web's 导出): the columns the table shows.
 * CSV/Excel cells that start with = + - @ are prefixed with ' (formula injection).
 */
import ExcelJS from 'exceljs';
import type { LeadExportRow, LeadRow } from '../contract/leads.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** The JSON export object of one lead. */
export function leadExportObject(l: LeadExportRow) {
  return {
    // The opaque id, never lead_key (which holds the subject's ID number for some models).
    leadId: l.id,
    modelId: l.modelId,
    modelVersion: Number(l.modelVersion),
    caseNo: l.caseNo,
    subjectId: l.subjectId,
    subjectName: l.subjectName,
    plate: l.plate,
    summary: l.summary,
    priority: l.priority,
    status: l.status,
    court: l.court,
    confidence: l.confidence,
    standIn: l.standIn,
    changed: l.changed,
    firstSeenRun: l.firstSeenRun,
    lastSeenRun: l.lastSeenRun,
    evidence: l.evidence.map((e) => ({
      dataset: e.dataset,
      batchId: e.batchId,
      file: e.file,
      row: e.row,
    })),
    legalBasis: l.legalBasis,
  };
}

const COLUMNS: readonly [string, string, (l: LeadExportRow) => string][] = [
  ['线索编号', 'leadId', (l) => l.id],
  ['模型', 'modelId', (l) => l.modelId],
  ['模型版本', 'modelVersion', (l) => l.modelVersion],
  ['案号', 'caseNo', (l) => l.caseNo ?? ''],
  ['证件号码', 'subjectId', (l) => l.subjectId ?? ''],
  ['姓名/名称', 'subjectName', (l) => l.subjectName ?? ''],
  ['号牌号码', 'plate', (l) => l.plate ?? ''],
  ['执行法院', 'court', (l) => l.court ?? ''],
  ['结论', 'summary', (l) => l.summary],
  ['优先级', 'priority', (l) => l.priority],
  ['状态', 'status', (l) => l.status],
  ['法律依据', 'legalBasis', (l) => l.legalBasis.join('；')],
  [
    '证据',
    'evidence',
    (l) =>
      l.evidence
        .map((e) => `${e.dataset}#批次${e.batchId}:${e.file ?? ''}:${e.row ?? ''}`)
        .join('；'),
  ],
];

function csvField(s: string): string {
  const v = defuseCell(s);
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The data export of these rows: JSON and CSV as text, xlsx as a Buffer. */
export async function renderLeadExport(
  leads: readonly LeadExportRow[],
  format: ExportFormat,
): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(leads.map(leadExportObject), null, 2)}\n`;
    case 'csv': {
      const lines = [COLUMNS.map((c) => csvField(c[0])).join(',')];
      for (const l of leads) lines.push(COLUMNS.map((c) => csvField(c[2](l))).join(','));
      // BOM: Excel opens UTF-8 CSV with Chinese correctly only with it.
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    }
    case 'xlsx': {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('线索');
      sheet.addRow(COLUMNS.map((c) => c[0]));
      sheet.getRow(1).font = { bold: true };
      for (const l of leads) sheet.addRow(COLUMNS.map((c) => defuseCell(c[2](l))));
      sheet.columns.forEach((col, i) => {
        col.width = [24, 6, 8, 24, 20, 14, 10, 20, 80, 6, 8, 40, 40][i] ?? 12;
      });
      return Buffer.from(await book.xlsx.writeBuffer());
    }
  }
}

/** The lead table as an Excel workbook (the web's export): the columns the table shows. */
export async function leadTableWorkbook(rows: readonly LeadRow[]): Promise<Buffer> {
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
