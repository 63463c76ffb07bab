/**
 * What the recommendation services share: the visible-recommendation check (another unit's
 * recommendation or case is "not found"), the detail the document and lists need, saving on the
 * version the user saw (a stale one: 409, nothing written) and the case moves issuing, replying
 * and escalating make. Apart from `recommendations.service.ts` (the writes) and
 * `recommendation-due.ts` (the warning list) to keep each under 400 lines.
 */
import type { RecommendationDetail } from '../contract/recommendations.ts';
import type { CaseState } from '../domain/vocabulary.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { Scope } from '../org/unit-tree.ts';
import {
  caseById,
  insertTransition,
  updateCaseIfVersion,
  type CaseRow,
} from '../store/casework.repo.ts';
import type { Database } from '../store/database.ts';
import {
  caseEnforcementNos,
  caseReplies,
  recommendationById,
  updateRecommendationIfVersion,
  type RecommendationPatch,
  type RecommendationRow,
} from '../store/recommendation.repo.ts';
import { checkTransition } from './case-states.ts';
import { conflict } from './casework-checks.ts';
import { CaseworkCore } from './casework-core.ts';
import { recConflict, recNotFound } from './recommendation-rules.ts';
import { toRecommendationItem } from './recommendation-view.ts';

export abstract class RecommendationBase extends CaseworkCore {
  /** A recommendation and its case, if the scope sees the case; else 404. */
  protected async visibleRec(
    scope: Scope,
    id: number,
    db: Database = this.deps.db,
  ): Promise<{ rec: RecommendationRow; row: CaseRow }> {
    const rec = await recommendationById(db, id);
    if (!rec || !scope.unitIds.includes(rec.unit_id)) throw recNotFound();
    const row = await caseById(db, Number(rec.case_id));
    if (!row || !scope.unitIds.includes(row.unit_id)) throw recNotFound();
    return { rec, row };
  }

  /** The recommendation as the document and the lists need it (number, date, addressee, cases). */
  async get(op: Operator, id: number): Promise<RecommendationDetail> {
    const scope = await this.scopeOf(op);
    const { rec, row } = await this.visibleRec(scope, id);
    return this.detailOf(rec, row);
  }

  private async detailOf(rec: RecommendationRow, row: CaseRow): Promise<RecommendationDetail> {
    const db = this.deps.db;
    const replies = await caseReplies(db, Number(row.id));
    const names = await this.names();
    return {
      ...toRecommendationItem(rec, replies, this.today()),
      caseNo: row.case_no,
      caseTitle: row.title,
      caseState: row.state as CaseState,
      unitName: names.unitName(rec.unit_id),
      enforcementCases: await caseEnforcementNos(db, Number(row.id)),
    };
  }

  /** Saves a recommendation on the version the user saw (a stale one: 409, nothing written). */
  protected async saveRec(
    db: Database,
    rec: RecommendationRow,
    version: number,
    patch: RecommendationPatch,
  ): Promise<void> {
    const saved = await updateRecommendationIfVersion(db, Number(rec.id), version, patch);
    if (saved === undefined) throw recConflict(rec, version);
  }

  /** A case move made by this service, checked by the state machine and recorded like any other. */
  protected async moveCase(
    db: Database,
    row: CaseRow,
    to: CaseState,
    op: Operator,
    note: string,
  ): Promise<void> {
    const state = checkTransition(row.state, to);
    const version = Number(row.version);
    if ((await updateCaseIfVersion(db, Number(row.id), version, { state })) === undefined) {
      throw conflict(row, version);
    }
    await insertTransition(db, {
      caseId: Number(row.id),
      from: row.state,
      to,
      by: op.username,
      note,
    });
  }
}
