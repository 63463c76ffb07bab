/**
 * The ledger (一本账) and the work list (我的待办) for an operator: the ledger is the operator's unit
 * with the units below it (a city sees its counties, never a sibling), optionally of one campaign
 * they see; its Excel export is audited like the other exports. The work list is the operator's
 * own open leads and cases with their next deadline, exported to Excel the same way.
 */
import ExcelJS from 'exceljs';
import type { Ledger, LedgerRow, WorkItem, WorkList } from '../contract/campaigns.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';
import { CASE_STATES } from '../domain/vocabulary.ts';
import type { Operator } from '../org/operator.ts';
import { SharedAnswers } from '../org/shared-answers.ts';
import { ledgerCounts, workRows } from '../store/ledger.repo.ts';
import { visibleCampaign } from './campaign.service.ts';
import { isOpenState } from './case-states.ts';
import { CaseworkCore } from './casework-core.ts';
import { flattenLedger, rollUpLedger } from './ledger-rollup.ts';
import { workListWorkbook } from './table-workbooks.ts';

const LEDGER_COLUMNS: { header: string; key: keyof LedgerRow; width: number }[] = [
  { header: '线索数', key: 'leads', width: 10 },
  { header: '已研判', key: 'judged', width: 10 },
  { header: '成案数', key: 'cases', width: 10 },
  { header: '检察建议数', key: 'recommendations', width: 12 },
  { header: '采纳数', key: 'adopted', width: 10 },
  { header: '恢复执行数', key: 'resumed', width: 12 },
];

/** Days between two YYYY-MM-DD dates (b − a). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export class LedgerService extends CaseworkCore {
  /**
   * The unit counts are the same for every viewer (the scope only picks the rows): at 1M leads one
   * computation costs ~0.1–0.3 s, so concurrent asks share it and reuse it briefly; any data or
   * casework change drops it.
   */
  private readonly answers = new SharedAnswers(this.deps.changes, () => 15_000);

  override async close(): Promise<void> {
    this.answers.close();
    await super.close();
  }

  /** The operator's unit and those below, optionally of one campaign they see. */
  async ledger(op: Operator, q: { campaignId?: number | undefined } = {}): Promise<Ledger> {
    const scope = await this.scopeOf(op);
    const campaign =
      q.campaignId === undefined
        ? undefined
        : await visibleCampaign(this.deps.db, scope, q.campaignId);
    const [units, counts] = await Promise.all([
      this.deps.org.units(),
      this.answers.get(`ledger:${campaign ? Number(campaign.id) : ''}`, () =>
        ledgerCounts(this.deps.db, campaign ? Number(campaign.id) : null),
      ),
    ]);
    return {
      campaignId: campaign ? Number(campaign.id) : null,
      campaignTheme: campaign?.theme ?? null,
      rows: rollUpLedger(units, scope.unitId, counts),
    };
  }

  /** The ledger as Excel, one row per unit indented by depth; audited as a report export. */
  async ledgerWorkbook(op: Operator, q: { campaignId?: number | undefined } = {}): Promise<Buffer> {
    const ledger = await this.ledger(op, q);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('一本账');
    sheet.columns = [
      { header: '单位', key: 'unit', width: 30 },
      ...LEDGER_COLUMNS,
      { header: '执行到位金额（元）', key: 'money', width: 20 },
    ];
    for (const [row, depth] of flattenLedger(ledger.rows)) {
      const added = sheet.addRow({
        unit: `${'　'.repeat(depth)}${defuseCell(row.unitName)}`,
        ...Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, row[c.key]])),
        money: Number(row.money),
      });
      added.getCell('money').numFmt = '#,##0.00';
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    if (ledger.campaignTheme) {
      sheet.headerFooter.oddHeader = `专项活动：${ledger.campaignTheme}`;
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await this.record(
      op,
      'export_report',
      '一本账',
      `${ledger.rows[0]?.unitName ?? ''}${ledger.campaignTheme ? `，专项活动「${ledger.campaignTheme}」` : ''}，${flattenLedger(ledger.rows).length} 个单位`,
    );
    return buffer;
  }

  /** The operator's open leads (研判中, assigned to them) and cases (they handle), by deadline. */
  async workList(op: Operator, q: { dueWithin?: number | undefined } = {}): Promise<WorkList> {
    const scope = await this.scopeOf(op);
    const today = this.today();
    if (!op.username) return { items: [], today };
    const rows = await workRows(this.deps.db, op.username, scope, CASE_STATES.filter(isOpenState));
    const items: WorkItem[] = rows.map((r) => ({
      kind: r.kind,
      id: String(r.id),
      title: r.title.trim(),
      state: r.state,
      deadline: r.deadline,
      deadlineKind: r.deadline_kind,
      overdue: r.deadline !== null && r.deadline < today,
    }));
    const within = q.dueWithin;
    return {
      today,
      items:
        within === undefined
          ? items
          : items.filter((i) => i.deadline !== null && daysBetween(today, i.deadline) <= within),
    };
  }

  /** The work list as Excel (titles with ID numbers masked); audited as a report export. */
  async workListWorkbook(op: Operator, q: { dueWithin?: number | undefined } = {}) {
    const { items } = await this.workList(op, q);
    const buffer = await workListWorkbook(items);
    const within = q.dueWithin === undefined ? '' : `，${q.dueWithin} 天内到期`;
    const detail = `${op.username ?? ''}${within}，${items.length} 项`;
    await this.record(op, 'export_report', '工作清单', detail);
    return buffer;
  }
}
