/**
 * The 检察建议台账: the recommendations of a unit and the units below it, inside the operator's
 * scope (another unit's never listed; a unit outside the scope lists nothing, with no hint that it
 * exists), filtered by campaign, state, the reply in force and the issue date; its Excel export is
 * audited like the ledger's; and the 成效台账 (outcomes with their totals) the same way. Apart from RecommendationsService (which writes) to keep both small.
 */
import ExcelJS from 'exceljs';
import type {
  OutcomeList,
  OutcomeListQuery,
  RecommendationList,
  RecommendationListItem,
  RecommendationListQuery,
} from '../contract/recommendations.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';
import { OUTCOME_KINDS } from '../domain/vocabulary.ts';
import type { DeadlineStatus, RecommendationState, ReplyResult } from '../domain/vocabulary.ts';
import type { Operator } from '../org/operator.ts';
import {
  listRecommendations,
  type RecommendationListFilter,
  type RecommendationListRow,
} from '../store/recommendation-list.repo.ts';
import { listOutcomes } from '../store/outcome-list.repo.ts';
import { CaseworkCore } from './casework-core.ts';
import { AMOUNT_KINDS } from './outcome-rules.ts';
import { toOutcomeItem } from './recommendation-view.ts';
import { outcomesWorkbook } from './table-workbooks.ts';
import { daysBetween, deadlineStatus } from './reply-deadline.ts';

/** Rows one export holds at most (a province's years of recommendations fit). */
const EXPORT_LIMIT = 20_000;

/** A row as the list shows it on `today`: the deadline only while issued and unanswered. */
export function toListItem(
  r: RecommendationListRow,
  today: string,
  unitName: string,
): RecommendationListItem {
  const due = r.extended_due ?? r.reply_due;
  const waiting = r.state === '已发出' && r.latest_result === null && due !== null;
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    caseNo: r.case_no,
    caseTitle: r.case_title,
    unitId: r.unit_id,
    unitName,
    addressee: r.addressee,
    state: r.state as RecommendationState,
    docNo: r.doc_no,
    issuedOn: r.issued_on,
    due,
    extendedDue: r.extended_due,
    deadline: waiting ? (deadlineStatus(due, today) as DeadlineStatus) : null,
    daysLeft: waiting ? daysBetween(today, due) : null,
    latestResult: r.latest_result as ReplyResult | null,
    latestReplyDate: r.latest_reply_date,
  };
}

type ListFilters = Omit<RecommendationListQuery, 'page' | 'pageSize'>;

export class RecommendationListService extends CaseworkCore {
  /** The filter's units: the chosen one of the scope with those below; else the whole scope. */
  private async unitsOf(op: Operator, unitId: string | undefined): Promise<string[]> {
    const scope = await this.scopeOf(op);
    if (!unitId) return [...scope.unitIds];
    return scope.unitIds.includes(unitId) ? [...(await this.deps.org.scope(unitId)).unitIds] : [];
  }

  private async filterOf(op: Operator, q: ListFilters): Promise<RecommendationListFilter | null> {
    const unitIds = await this.unitsOf(op, q.unitId);
    if (unitIds.length === 0) return null;
    return {
      unitIds,
      ...(q.campaign ? { campaignId: Number(q.campaign) } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.result ? { result: q.result === '未回复' ? null : q.result } : {}),
      ...(q.issuedFrom ? { issuedFrom: q.issuedFrom } : {}),
      ...(q.issuedTo ? { issuedTo: q.issuedTo } : {}),
      ...(q.repliedFrom ? { repliedFrom: q.repliedFrom } : {}),
      ...(q.repliedTo ? { repliedTo: q.repliedTo } : {}),
      limit: 1,
      offset: 0,
    };
  }

  async list(op: Operator, q: RecommendationListQuery): Promise<RecommendationList> {
    const { page, pageSize } = q;
    const filter = await this.filterOf(op, q);
    if (!filter) return { items: [], total: 0, page, pageSize };
    const { total, rows } = await listRecommendations(this.deps.db, {
      ...filter,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const names = await this.names();
    const today = this.today();
    const items = rows.map((r) => toListItem(r, today, names.unitName(r.unit_id)));
    return { items, total, page, pageSize };
  }

  /** The list (every page, at most EXPORT_LIMIT rows) as Excel; audited as a report export. */
  async workbook(op: Operator, q: ListFilters): Promise<Buffer> {
    const filter = await this.filterOf(op, q);
    const { total, rows } = filter
      ? await listRecommendations(this.deps.db, { ...filter, limit: EXPORT_LIMIT })
      : { total: 0, rows: [] };
    const names = await this.names();
    const today = this.today();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('检察建议台账');
    sheet.columns = [
      { header: '文号', key: 'docNo', width: 30 },
      { header: '监督案件', key: 'caseNo', width: 30 },
      { header: '主送法院', key: 'addressee', width: 30 },
      { header: '发出日期', key: 'issuedOn', width: 12 },
      { header: '回复期限', key: 'due', width: 12 },
      { header: '期限状态', key: 'deadline', width: 14 },
      { header: '最新回复结果', key: 'result', width: 14 },
      { header: '办案单位', key: 'unitName', width: 30 },
    ];
    for (const r of rows) {
      const item = toListItem(r, today, names.unitName(r.unit_id));
      sheet.addRow({
        docNo: defuseCell(item.docNo ?? `草稿 #${item.id}`),
        caseNo: defuseCell(item.caseNo),
        addressee: defuseCell(item.addressee),
        issuedOn: item.issuedOn ?? '',
        due: item.due ? `${item.due}${item.extendedDue ? '（已延长）' : ''}` : '',
        deadline: item.deadline === '未到期' ? '' : (item.deadline ?? ''),
        result: item.latestResult ?? (item.state === '已发出' ? '未回复' : ''),
        unitName: defuseCell(item.unitName),
      });
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const shown = [
      q.state,
      q.result,
      q.issuedFrom && `${q.issuedFrom} 起`,
      q.issuedTo && `至 ${q.issuedTo}`,
    ]
      .filter(Boolean)
      .join('，');
    await this.record(
      op,
      'export_report',
      '检察建议台账',
      `${q.unitId ? names.unitName(q.unitId) : names.unitName(op.unitId ?? '')}${q.campaign ? `，专项活动 #${q.campaign}` : ''}${shown ? `，${shown}` : ''}，${Math.min(total, EXPORT_LIMIT)} 条`,
    );
    return buffer;
  }

  /** The 成效台账: outcomes of the cases of the units, newest first, with totals of every match. */
  async outcomes(op: Operator, q: OutcomeListQuery): Promise<OutcomeList> {
    return this.outcomesOf(op, q);
  }

  /** The 成效台账 (every page, at most EXPORT_LIMIT rows, with the totals) as Excel; audited. */
  async outcomesWorkbook(op: Operator, q: Omit<OutcomeListQuery, 'page' | 'pageSize'>) {
    const list = await this.outcomesOf(op, { ...q, page: 1, pageSize: EXPORT_LIMIT });
    const buffer = await outcomesWorkbook(list.items, list.totals);
    const names = await this.names();
    const shown = [
      q.unitId ? names.unitName(q.unitId) : names.unitName(op.unitId ?? ''),
      q.campaign && `专项活动 #${q.campaign}`,
      q.kind,
      q.from && `${q.from} 起`,
      q.to && `至 ${q.to}`,
    ].filter(Boolean);
    const detail = `${shown.join('，')}，${list.items.length} 条`;
    await this.record(op, 'export_report', '成效台账', detail);
    return buffer;
  }

  private async outcomesOf(op: Operator, q: OutcomeListQuery): Promise<OutcomeList> {
    const { page, pageSize } = q;
    const unitIds = await this.unitsOf(op, q.unitId);
    if (unitIds.length === 0) return { items: [], total: 0, page, pageSize, totals: [] };
    const { total, rows, totals } = await listOutcomes(this.deps.db, {
      unitIds,
      ...(q.campaign ? { campaignId: Number(q.campaign) } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const names = await this.names();
    const items = rows.map((r) => ({
      ...toOutcomeItem(r),
      caseNo: r.case_no,
      unitId: r.unit_id,
      unitName: names.unitName(r.unit_id),
    }));
    const byKind = new Map(totals.map((t) => [t.kind, t]));
    return {
      items,
      total,
      page,
      pageSize,
      totals: OUTCOME_KINDS.flatMap((kind) => {
        const t = byKind.get(kind);
        if (!t) return [];
        return [
          {
            kind,
            count: Number(t.n),
            amount: AMOUNT_KINDS.has(kind) ? String(t.amount) : null,
            persons: kind === '公安立案' ? Number(t.persons) : null,
          },
        ];
      }),
    };
  }
}
