/**
 * Recommendations (检察建议) of supervision cases, the court's replies and the outcomes, for every
 * entry point. Same rules as the case service: unit scope (another unit's recommendation or case
 * is "not found"), audit of every change, optimistic concurrency on the recommendation's `version`
 * (a stale save is refused with 409 and nothing is written), writes on the shared `CaseWriter`.
 * Issuing and replying move the case along its state machine when the move is allowed there.
 * The shared lookups are in `recommendation-base.ts`, the warning list in `recommendation-due.ts`.
 */
import { log } from '../audit/logger.ts';
import type { SupervisionCaseDetail } from '../contract/casework.ts';
import type { CaseOutcomes, RecommendationNumbering } from '../contract/recommendations.ts';
import { AppError } from '../domain/app-error.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { UnitNode } from '../org/unit-tree.ts';
import { caseOutcomes, insertOutcome } from '../store/case-outcome.repo.ts';
import type { CaseRow } from '../store/casework.repo.ts';
import type { Database } from '../store/database.ts';
import {
  caseCourts,
  caseEnforcementNos,
  docNoTaken,
  insertRecommendation,
  insertReply,
  lastRecommendationSerial,
  recommendationById,
  recommendationPattern,
  replyCount,
  saveRecommendationPattern,
  takeRecommendationSerial,
} from '../store/recommendation.repo.ts';
import { isOpenState } from './case-states.ts';
import { checkDate, yearInChina } from './casework-checks.ts';
import type { CaseworkDeps } from './casework-core.ts';
import { checkOutcome, outcomeTotals, type OutcomeInput } from './outcome-rules.ts';
import { RecommendationDue } from './recommendation-due.ts';
import {
  checkRecommendationPattern,
  DEFAULT_RECOMMENDATION_PATTERN,
  formatRecommendationNumber,
} from './recommendation-number.ts';
import {
  checkEscalation,
  checkExtension,
  checkIssueDate,
  checkReply,
  checkResumedCaseNo,
  factsOf,
  recConflict,
  recNotFound,
  type ReplyInput,
} from './recommendation-rules.ts';
import { toOutcomeItem } from './recommendation-view.ts';
import { recordReplyResumption } from './resumed-link.ts';
import { extendedDue, replyDue } from './reply-deadline.ts';
import { unitAbbreviation } from './supervision-number.ts';

export type { CaseworkDeps } from './casework-core.ts';

export interface RecommendationsDeps extends CaseworkDeps {
  /**
   * After a recommendation is issued: its 定稿 (the Word document with the number and date fixed,
   * `DocumentsService.renderIssued`). A failure there does not undo the issue: the draft stays and
   * the 定稿 can be made again from the 文书 card.
   */
  readonly onIssued?: (op: Operator, recommendationId: number) => Promise<unknown>;
}

export class RecommendationsService extends RecommendationDue {
  constructor(protected override readonly deps: RecommendationsDeps) {
    super(deps);
  }

  /** 起草: a draft for an open case; its kind and count from the case, the court from its cases. */
  async create(
    op: Operator,
    caseId: number,
    input: { addressee?: string | undefined; note?: string | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const made = await this.write(async (db) => {
      const row = await this.visible(scope, caseId, db);
      if (!isOpenState(row.state)) {
        throw new AppError('CASE_CLOSED', `监督案件 ${row.case_no} 已结案，不能再起草检察建议`);
      }
      const addressee = input.addressee?.trim() || (await this.courtOf(db, row));
      const cases = await caseEnforcementNos(db, caseId);
      const id = await insertRecommendation(db, {
        caseId,
        unitId: row.unit_id,
        kind: row.kind,
        caseCount: Math.max(1, cases.length),
        addressee,
        note: input.note?.trim() ?? '',
        by: op.username,
      });
      return { id, caseNo: row.case_no, addressee, count: cases.length };
    });
    await this.record(
      op,
      'recommendation_create',
      made.caseNo,
      `起草检察建议 #${made.id}：致 ${made.addressee}，涉及 ${made.count} 件执行案件`,
    );
    return this.detail(scope, caseId);
  }

  /** The one court the case's leads (else its ledger rows) name; several or none: must be given. */
  private async courtOf(db: Database, row: CaseRow): Promise<string> {
    const courts = await caseCourts(db, Number(row.id));
    if (courts.length === 1 && courts[0]) return courts[0];
    throw new AppError(
      'BAD_RECOMMENDATION',
      courts.length === 0
        ? `监督案件 ${row.case_no} 的执行案件未载明执行法院，请填写检察建议的主送法院`
        : `监督案件 ${row.case_no} 涉及多个法院（${courts.join('、')}），请填写检察建议的主送法院`,
    );
  }

  /** 发出: the number (per unit and year of issue, never reused), the date, the reply deadline. */
  async issue(
    op: Operator,
    id: number,
    input: { version: number; issuedOn: string; addressee?: string | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const issuedOn = checkIssueDate(checkDate(input.issuedOn, '发出日期'), this.today());
    const units = await this.deps.org.units();
    const done = await this.write(async (db) => {
      const { rec, row } = await this.visibleRec(scope, id, db);
      if (Number(rec.version) !== input.version) throw recConflict(rec, input.version);
      if (rec.state !== '草稿') {
        throw new AppError(
          'RECOMMENDATION_STATE',
          `检察建议 ${rec.doc_no ?? ''} 已发出，不能再次发出`,
        );
      }
      if (!isOpenState(row.state)) {
        throw new AppError('CASE_CLOSED', `监督案件 ${row.case_no} 已结案，不能再发出检察建议`);
      }
      const docNo = await this.nextDocNo(db, units, rec.unit_id, Number(issuedOn.slice(0, 4)));
      const due = replyDue(issuedOn);
      await this.saveRec(db, rec, input.version, {
        state: '已发出',
        docNo,
        issuedOn,
        replyDue: due,
        issuedBy: op.username,
        ...(input.addressee?.trim() ? { addressee: input.addressee.trim() } : {}),
      });
      // The chain moves on: a case whose review ended is now at 制发检察建议.
      if (row.state === '审查终结')
        await this.moveCase(db, row, '制发检察建议', op, `发出 ${docNo}`);
      return { caseId: Number(row.id), caseNo: row.case_no, docNo, due };
    });
    await this.record(
      op,
      'recommendation_issue',
      done.docNo,
      `监督案件 ${done.caseNo}：${issuedOn} 发出，法院应于 ${done.due} 前回复`,
    );
    await this.deps.onIssued?.(op, id).catch((error: unknown) => {
      log('warn', `检察建议 ${done.docNo} 已发出，定稿文书生成失败：${String(error)}`);
    });
    return this.detail(scope, done.caseId);
  }

  /** 延长: once, by one month (第十三条), with the reason. */
  async extend(
    op: Operator,
    id: number,
    input: { version: number; note: string },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const note = input.note.trim();
    const done = await this.write(async (db) => {
      const { rec, row } = await this.visibleRec(scope, id, db);
      if (Number(rec.version) !== input.version) throw recConflict(rec, input.version);
      checkExtension(factsOf(rec), (await replyCount(db, id)) > 0, note);
      const due = extendedDue(rec.issued_on ?? '');
      await this.saveRec(db, rec, input.version, { extendedDue: due, extensionNote: note });
      return { caseId: Number(row.id), docNo: rec.doc_no ?? '', due };
    });
    await this.record(
      op,
      'recommendation_update',
      done.docNo,
      `回复期限延长至 ${done.due}：${note}`,
    );
    return this.detail(scope, done.caseId);
  }

  /** 法院回复: appended (the latest in force); 恢复执行 also counts as an outcome. */
  async reply(
    op: Operator,
    id: number,
    input: ReplyInput & { version: number },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const date = checkDate(input.date, '回复日期');
    const done = await this.write(async (db) => {
      const { rec, row } = await this.visibleRec(scope, id, db);
      if (Number(rec.version) !== input.version) throw recConflict(rec, input.version);
      const reply = checkReply(factsOf(rec), { ...input, date }, this.today());
      await this.saveRec(db, rec, input.version, {});
      await insertReply(db, { recommendationId: id, ...reply, by: op.username });
      const caseId = Number(row.id);
      if (reply.actions.includes('恢复执行')) {
        await recordReplyResumption(db, { caseId, recommendationId: id, reply, by: op.username });
      }
      if (row.state === '制发检察建议' || row.state === '跟进监督') {
        await this.moveCase(
          db,
          row,
          '法院回复',
          op,
          `${rec.doc_no ?? ''} 法院回复：${reply.result}`,
        );
      }
      return { caseId, docNo: rec.doc_no ?? '', reply };
    });
    const { reply } = done;
    await this.record(
      op,
      'court_reply',
      done.docNo,
      `${reply.date} 法院回复：${reply.result}` +
        (reply.actions.length ? `；${reply.actions.join('、')}` : '') +
        (reply.resumedCaseNo ? `（${reply.resumedCaseNo}）` : ''),
    );
    return this.detail(scope, done.caseId);
  }

  /** 跟进监督 (第十四条): overdue without a reply, or an improper reply; the case moves there. */
  async escalate(
    op: Operator,
    id: number,
    input: { version: number; note?: string | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const note = input.note?.trim() ?? '';
    const today = this.today();
    const done = await this.write(async (db) => {
      const { rec, row } = await this.visibleRec(scope, id, db);
      if (Number(rec.version) !== input.version) throw recConflict(rec, input.version);
      const why = checkEscalation(factsOf(rec), (await replyCount(db, id)) > 0, today, note);
      const text = note || (why === 'overdue' ? '法院逾期未回复' : '法院回复不当');
      await this.saveRec(db, rec, input.version, { escalatedOn: today, escalationNote: text });
      if (row.state !== '跟进监督') {
        await this.moveCase(db, row, '跟进监督', op, `${rec.doc_no ?? ''}：${text}`);
      }
      return { caseId: Number(row.id), docNo: rec.doc_no ?? '', text };
    });
    await this.record(op, 'recommendation_update', done.docNo, `跟进监督：${done.text}`);
    return this.detail(scope, done.caseId);
  }

  /** An outcome (成效) of a case, open or closed (money may arrive after closing). */
  async addOutcome(
    op: Operator,
    caseId: number,
    input: OutcomeInput & { recommendationId?: number | null | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const date = checkDate(input.date, '成效日期');
    if (date > this.today()) {
      throw new AppError('BAD_OUTCOME', `成效日期 ${date} 晚于今天，请核对`);
    }
    const outcome = checkOutcome({ ...input, date }, checkResumedCaseNo);
    const done = await this.write(async (db) => {
      const row = await this.visible(scope, caseId, db);
      const recId = input.recommendationId ?? null;
      if (recId !== null) {
        const rec = await recommendationById(db, recId);
        if (!rec || Number(rec.case_id) !== caseId) throw recNotFound();
      }
      await insertOutcome(db, {
        caseId,
        recommendationId: recId,
        ...outcome,
        source: '手工',
        by: op.username,
      });
      return row.case_no;
    });
    const extra = [
      outcome.amount && `${outcome.amount} 元`,
      outcome.crime,
      outcome.persons && `${outcome.persons} 人`,
      outcome.enforcementCaseNo,
    ]
      .filter(Boolean)
      .join('，');
    await this.record(
      op,
      'outcome_add',
      done,
      `${date} ${outcome.kind}${extra ? `：${extra}` : ''}`,
    );
    return this.detail(scope, caseId);
  }

  /** A case's outcomes with their totals per kind (exact sums). */
  async outcomes(op: Operator, caseId: number): Promise<CaseOutcomes> {
    const scope = await this.scopeOf(op);
    await this.visible(scope, caseId);
    const items = (await caseOutcomes(this.deps.db, caseId)).map(toOutcomeItem);
    return { items, totals: outcomeTotals(items) };
  }

  /**
   * The next number of the unit and year, by its pattern (or the default). A serial once taken is
   * never given again; one whose number an earlier pattern already gave is skipped (and stays taken).
   */
  private async nextDocNo(
    db: Database,
    units: readonly UnitNode[],
    unitId: string,
    year: number,
  ): Promise<string> {
    const pattern = (await recommendationPattern(db, unitId)) ?? DEFAULT_RECOMMENDATION_PATTERN;
    const abbreviation = unitAbbreviation(units, unitId);
    for (;;) {
      const serial = await takeRecommendationSerial(db, unitId, year);
      const docNo = formatRecommendationNumber(pattern, abbreviation, year, serial);
      if (!(await docNoTaken(db, docNo))) return docNo;
    }
  }

  /** A unit's numbering (one of the operator's scope, else 404): pattern and this year's next. */
  async numbering(op: Operator, unitId?: string): Promise<RecommendationNumbering> {
    const unit = await this.unitOf(op, unitId);
    const units = await this.deps.org.units();
    const own = await recommendationPattern(this.deps.db, unit);
    const pattern = own ?? DEFAULT_RECOMMENDATION_PATTERN;
    const year = yearInChina(this.deps.now?.() ?? Date.now());
    const last = (await lastRecommendationSerial(this.deps.db, unit, year)) ?? 0;
    return {
      unitId: unit,
      pattern,
      isDefault: own === undefined,
      example: formatRecommendationNumber(pattern, unitAbbreviation(units, unit), year, last + 1),
    };
  }

  /** A new pattern for a unit of the scope; the serials go on counting (never reused). */
  async setNumbering(
    op: Operator,
    unitId: string | undefined,
    pattern: string,
  ): Promise<RecommendationNumbering> {
    const unit = await this.unitOf(op, unitId);
    const checked = checkRecommendationPattern(pattern);
    await this.write((db) => saveRecommendationPattern(db, unit, checked, op.username));
    await this.record(op, 'recommendation_settings', unit, `检察建议文号格式：${checked}`);
    return this.numbering(op, unit);
  }

  private async unitOf(op: Operator, unitId: string | undefined): Promise<string> {
    const scope = await this.scopeOf(op);
    const unit = unitId ?? scope.unitId;
    if (!scope.unitIds.includes(unit)) {
      throw new AppError('UNIT_NOT_FOUND', '单位不存在或不在本单位范围内');
    }
    return unit;
  }
}
