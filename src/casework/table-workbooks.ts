/**
 * The Excel files of the supervision-case list, the 成效台账, the 逾期未回复 list, the work list and
 * the campaign list (pure: rows in, bytes out). Every
 * text cell goes through `defuseCell` (a title or note may start with "="); money is exact: a
 * number cell only when the stored decimal string round-trips through Number, else text.
 */
import ExcelJS from 'exceljs';
import type { Campaign, WorkItem } from '../contract/campaigns.ts';
import type { SupervisionCase } from '../contract/casework.ts';
import type {
  OutcomeListItem,
  OutcomeTotal,
  RecommendationDetail,
} from '../contract/recommendations.ts';
import { maskIdsInText } from '../domain/mask.ts';
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

/** Free text that may quote a party (a title, a lead's subject): ID numbers masked, defused. */
const textCell = (v: string): string => defuseCell(maskIdsInText(v));

/** 逾期未回复 / 即将到期: one sheet per tab of the page, in its order. */
export async function dueWorkbook(
  overdue: readonly RecommendationDetail[],
  dueSoon: readonly RecommendationDetail[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, items] of [
    ['已逾期', overdue],
    ['即将到期', dueSoon],
  ] as const) {
    const sheet = workbook.addWorksheet(name);
    sheet.columns = [
      { header: '文号', key: 'docNo', width: 30 },
      { header: '监督案件', key: 'caseNo', width: 30 },
      { header: '案件名称', key: 'caseTitle', width: 40 },
      { header: '案件状态', key: 'caseState', width: 12 },
      { header: '主送法院', key: 'addressee', width: 30 },
      { header: '办案单位', key: 'unitName', width: 30 },
      { header: '发出日期', key: 'issuedOn', width: 12 },
      { header: '回复期限', key: 'due', width: 18 },
      { header: '剩余天数', key: 'daysLeft', width: 10 },
      { header: '执行案件', key: 'cases', width: 40 },
    ];
    for (const r of items) {
      sheet.addRow({
        docNo: defuseCell(r.docNo ?? `草稿 #${r.id}`),
        caseNo: defuseCell(r.caseNo),
        caseTitle: textCell(r.caseTitle),
        caseState: r.caseState,
        addressee: defuseCell(r.addressee),
        unitName: defuseCell(r.unitName),
        issuedOn: r.issuedOn ?? '',
        due: r.due ? `${r.due}${r.extendedDue ? '（已延长）' : ''}` : '',
        daysLeft: r.daysLeft ?? '',
        cases: defuseCell(r.enforcementCases.join('、')),
      });
    }
    finish(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 工作清单 (我的待办): leads under judgement and open cases with their next deadline. */
export async function workListWorkbook(items: readonly WorkItem[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工作清单');
  sheet.columns = [
    { header: '类别', key: 'kind', width: 8 },
    { header: '事项', key: 'title', width: 50 },
    { header: '状态', key: 'state', width: 12 },
    { header: '期限类别', key: 'deadlineKind', width: 14 },
    { header: '期限', key: 'deadline', width: 12 },
    { header: '是否逾期', key: 'overdue', width: 10 },
  ];
  for (const i of items) {
    sheet.addRow({
      kind: i.kind === 'case' ? '监督案件' : '线索',
      title: textCell(i.title),
      state: i.state,
      deadlineKind: i.deadlineKind ?? '',
      deadline: i.deadline ?? '',
      overdue: i.overdue ? '已逾期' : '',
    });
  }
  finish(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 专项活动: the campaigns of the list page with their counts in the operator's units. */
export async function campaignsWorkbook(items: readonly Campaign[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('专项活动');
  sheet.columns = [
    { header: '编号', key: 'id', width: 8 },
    { header: '主题', key: 'theme', width: 40 },
    { header: '开始日期', key: 'startsOn', width: 12 },
    { header: '结束日期', key: 'endsOn', width: 12 },
    { header: '发起单位', key: 'unitName', width: 30 },
    { header: '参加单位', key: 'participants', width: 40 },
    { header: '模型', key: 'models', width: 30 },
    { header: '运行', key: 'runCount', width: 8 },
    { header: '线索', key: 'leadCount', width: 8 },
    { header: '案件', key: 'caseCount', width: 8 },
  ];
  for (const c of items) {
    sheet.addRow({
      id: c.id,
      theme: textCell(c.theme),
      startsOn: c.startsOn ?? '',
      endsOn: c.endsOn ?? '',
      unitName: defuseCell(c.unitName),
      participants: defuseCell(c.participantNames.join('、')),
      models: defuseCell(c.modelIds.join('、') || '不限'),
      runCount: c.runCount,
      leadCount: c.leadCount,
      caseCount: c.caseCount,
    });
  }
  finish(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
