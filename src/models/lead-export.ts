/**
 * Lead exports for data staff: JSON (the contract of issue 4: leadId, modelId, modelVersion, caseNo,
 * subjectId, plate, summary, priority, status, evidence, legalBasis), CSV and Excel. ID numbers are
 * masked in every format unless `reveal` (the caller has checked the right and audits: see
 * org/lead-disclosure.ts). CSV/Excel cells that start with = + - @ are prefixed with ' (formula
 * injection).
 */
import ExcelJS from 'exceljs';
import { maskId, maskIdsInText } from '../domain/mask.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';
import type { Database } from '../store/database.ts';
import type { LeadFilter } from '../store/lead-query.repo.ts';
import { listLeads, type Lead } from './lead.service.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** A lead as exported: its subject ID and free text masked unless revealed. */
function disclosed(l: Lead, reveal: boolean): Lead {
  if (reveal) return l;
  return {
    ...l,
    subjectId: l.subjectId === null ? null : maskId(l.subjectId),
    summary: maskIdsInText(l.summary),
  };
}

/** The JSON export object of one lead. */
export function leadExportObject(l: Lead) {
  return {
    // The opaque id, never lead_key (which holds the subject's ID number for some models).
    leadId: l.leadId,
    modelId: l.modelId,
    modelVersion: l.modelVersion,
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

const COLUMNS: readonly [string, string, (l: Lead) => string][] = [
  ['线索编号', 'leadId', (l) => l.leadId],
  ['模型', 'modelId', (l) => l.modelId],
  ['模型版本', 'modelVersion', (l) => String(l.modelVersion)],
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

async function allLeads(db: Database, filter: LeadFilter): Promise<Lead[]> {
  const out: Lead[] = [];
  const page = 50_000;
  for (let offset = 0; ; offset += page) {
    const { items } = await listLeads(db, { ...filter, sort: 'model', limit: page, offset });
    out.push(...items);
    if (items.length < page) return out;
  }
}

function csvField(s: string): string {
  const v = defuseCell(s);
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/**
 * Exports the leads matching `filter`: JSON and CSV as text, xlsx as a Buffer, and how many leads.
 * IDs are masked unless `reveal`.
 */
export async function exportLeads(
  db: Database,
  format: ExportFormat,
  filter: LeadFilter = {},
  options: { reveal?: boolean } = {},
): Promise<{ data: string | Buffer; count: number }> {
  const reveal = options.reveal ?? false;
  const leads = (await allLeads(db, filter)).map((l) => disclosed(l, reveal));
  return { data: await render(leads, format), count: leads.length };
}

async function render(leads: readonly Lead[], format: ExportFormat): Promise<string | Buffer> {
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
