/**
 * The warning and overdue list (逾期未回复, the web's /recommendations page): issued recommendations
 * of the scope with no reply, past their deadline or due within some days; its Excel export is
 * audited like the other tables'.
 */
import type { DueRecommendations, RecommendationDetail } from '../contract/recommendations.ts';
import type { CaseState } from '../domain/vocabulary.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import { unansweredDueBy } from '../store/recommendation.repo.ts';
import { RecommendationBase } from './recommendation-base.ts';
import { toRecommendationItem } from './recommendation-view.ts';
import { addDays, DEFAULT_WARN_DAYS } from './reply-deadline.ts';
import { dueWorkbook } from './table-workbooks.ts';

export abstract class RecommendationDue extends RecommendationBase {
  /** The warning and overdue list of the scope: issued, unanswered, past due or due within `days`. */
  async due(op: Operator, days: number = DEFAULT_WARN_DAYS): Promise<DueRecommendations> {
    const scope = await this.scopeOf(op);
    const today = this.today();
    const until = addDays(today, days);
    const rows = await unansweredDueBy(this.deps.db, scope.unitIds, until);
    const names = await this.names();
    // Unanswered by definition: no replies to read; the case's fields come with the row.
    const items: RecommendationDetail[] = rows.map((r) => ({
      ...toRecommendationItem(r, [], today),
      caseNo: r.case_no,
      caseTitle: r.case_title,
      caseState: r.case_state as CaseState,
      unitName: names.unitName(r.unit_id),
      enforcementCases: [...r.enforcement_cases],
    }));
    return {
      today,
      days,
      overdue: items.filter((i) => i.deadline === '已逾期'),
      dueSoon: items.filter((i) => i.deadline !== '已逾期'),
    };
  }

  /** The list as Excel (已逾期 and 即将到期 sheets); audited as a report export. */
  async dueWorkbook(op: Operator, days: number = DEFAULT_WARN_DAYS): Promise<Buffer> {
    const { overdue, dueSoon } = await this.due(op, days);
    const buffer = await dueWorkbook(overdue, dueSoon);
    const names = await this.names();
    await this.record(
      op,
      'export_report',
      '逾期未回复检察建议',
      `${names.unitName(op.unitId ?? '')}，已逾期 ${overdue.length} 件，${days} 天内到期 ${dueSoon.length} 件`,
    );
    return buffer;
  }
}
