/**
 * Supervision cases (监督案件) for every entry point, web and CLI alike. The service owns the rules:
 * unit scope (a case belongs to the unit that opened it; another unit's case is "not found"),
 * masking of the leads it shows, audit of every change and view, optimistic concurrency (a save
 * names the version it was made on; a stale one is refused and nothing is written), and the
 * leads' status (已成案 / 已合并, through the lead access service, in the same transaction).
 */
import type {
  CaseNumbering,
  LeadCaseRef,
  SupervisionCase,
  SupervisionCaseDetail,
} from '../contract/casework.ts';
import { AppError } from '../domain/app-error.ts';
import { CASE_STATES, isCaseState, type CaseKind } from '../domain/vocabulary.ts';
import { disclose, type Operator } from '../org/lead-disclosure.ts';
import {
  caseById,
  caseLeads,
  caseOfLead,
  insertAct,
  insertCase,
  insertTransition,
  lastSerial,
  listCases,
  numberPattern,
  saveNumberPattern,
  takeSerial,
  updateCaseIfVersion,
} from '../store/casework.repo.ts';
import { campaignsOfLeads, setCaseCampaign } from '../store/campaign.repo.ts';
import { caseCampaign } from './campaign-rules.ts';
import { visibleCampaign } from './campaign.service.ts';
import { checkActKind, checkJoin, kindFor } from './case-rules.ts';
import { checkTransition, INITIAL_CASE_STATE, isOpenState } from './case-states.ts';
import { toCaseSummary } from './case-view.ts';
import { casesWorkbook } from './table-workbooks.ts';
import { checkDate, conflict, yearInChina } from './casework-checks.ts';
import { CaseworkCore, caseLeadOf, type ScopedLead } from './casework-core.ts';
import {
  checkNumberPattern,
  defaultNumberPattern,
  formatCaseNumber,
  nextSerial,
} from './supervision-number.ts';

export type { CaseworkDeps } from './casework-core.ts';

export interface OpenCaseInput {
  leadIds: readonly string[];
  kind?: CaseKind | undefined;
  title?: string | undefined;
  /** User id or user name; omitted = the operator, null = nobody yet. */
  handler?: string | null | undefined;
  dueDate?: string | null | undefined;
  /** Omitted: the campaign its leads share (campaign-rules.ts caseCampaign). */
  campaignId?: number | null | undefined;
  note?: string | undefined;
}

export interface CaseListInput {
  states?: readonly string[] | undefined;
  open?: boolean | undefined;
  handler?: string | undefined;
  q?: string | undefined;
  campaign?: string | undefined;
  /** A unit of the scope: its cases and those of the units below. */
  unitId?: string | undefined;
  modelId?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  page: number;
  pageSize: number;
}

export interface CaseUpdateInput {
  version: number;
  handler?: string | null | undefined;
  dueDate?: string | null | undefined;
  title?: string | undefined;
  campaignId?: number | null | undefined;
}

/** Rows one export of the case list holds at most. */
const CASE_EXPORT_LIMIT = 100_000;

export class CaseworkService extends CaseworkCore {
  async list(op: Operator, q: CaseListInput): Promise<{ items: SupervisionCase[]; total: number }> {
    const scope = await this.scopeOf(op);
    const states = q.states?.length ? [...q.states] : undefined;
    if (states && !states.every(isCaseState)) {
      throw new AppError('BAD_CASE_STATE', `案件状态不正确：${states.join('、')}`);
    }
    const openStates = q.open ? CASE_STATES.filter(isOpenState) : undefined;
    // A unit outside the scope yields nothing (no hint that it exists).
    const unitIds = q.unitId
      ? scope.unitIds.includes(q.unitId)
        ? (await this.deps.org.scope(q.unitId)).unitIds
        : []
      : scope.unitIds;
    if (unitIds.length === 0) return { total: 0, items: [] };
    const { total, rows } = await listCases(this.deps.db, {
      unitIds,
      ...(q.campaign ? { campaignId: Number(q.campaign) } : {}),
      states: states ?? openStates,
      ...(q.handler ? { handler: q.handler } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.modelId ? { modelId: q.modelId } : {}),
      ...(q.openedFrom ? { openedFrom: q.openedFrom } : {}),
      ...(q.openedTo ? { openedTo: q.openedTo } : {}),
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const names = await this.names();
    return { total, items: rows.map((r) => toCaseSummary(r, names)) };
  }

  /** The list (every page, at most CASE_EXPORT_LIMIT rows) as Excel; audited as a report export. */
  async workbook(op: Operator, q: Omit<CaseListInput, 'page' | 'pageSize'>): Promise<Buffer> {
    const { total, items } = await this.list(op, { ...q, page: 1, pageSize: CASE_EXPORT_LIMIT });
    const buffer = await casesWorkbook(items);
    const names = await this.names();
    const shown = [
      q.unitId ? names.unitName(q.unitId) : names.unitName(op.unitId ?? ''),
      q.campaign && `专项活动 #${q.campaign}`,
      q.states?.length && q.states.join('、'),
      q.open && '未结案',
      q.openedFrom && `${q.openedFrom} 起`,
      q.openedTo && `至 ${q.openedTo}`,
    ].filter(Boolean);
    const detail = `${shown.join('，')}，${Math.min(total, CASE_EXPORT_LIMIT)} 条`;
    await this.record(op, 'export_report', '监督案件', detail);
    return buffer;
  }

  /** One case as lists show it (no findings, so not audited as a view). */
  async summary(op: Operator, id: number): Promise<SupervisionCase> {
    const scope = await this.scopeOf(op);
    return toCaseSummary(await this.visible(scope, id), await this.names());
  }

  /** The case page: audited as a view of personal data (the leads' findings), masked unless revealed. */
  async get(op: Operator, id: number, reveal = false): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    return disclose(
      this.deps.audit,
      op,
      { action: 'view_supervision_case', reveal },
      (r) => this.detail(scope, id, r),
      (d) => ({ target: d.caseNo, detail: `${d.kind}，${d.leadCount} 条线索` }),
    );
  }

  async open(op: Operator, input: OpenCaseInput): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const unitId = scope.unitId;
    const leads = await this.leadsOf(scope, input.leadIds);
    const kind = kindFor(leads.map(caseLeadOf), input.kind);
    const handler = await this.handlerOf(
      scope,
      input.handler === undefined ? (op.userId ? op.username : null) : input.handler,
    );
    const dueDate = input.dueDate ? checkDate(input.dueDate, '办理期限') : null;
    const year = yearInChina(this.deps.now?.() ?? Date.now());
    const title = input.title?.trim() || (await this.defaultTitle(kind, leads));
    const units = await this.deps.org.units();
    // A chosen campaign must be one the operator sees (another unit's is 404).
    if (input.campaignId) await visibleCampaign(this.deps.db, scope, input.campaignId);
    const opened = await this.write(async (db) => {
      kindFor(await this.fresh(db, leads), kind);
      const pattern = (await numberPattern(db, unitId)) ?? defaultNumberPattern(units, unitId);
      const serial = await takeSerial(db, unitId, year);
      const caseNo = formatCaseNumber(pattern, year, serial);
      const id = await insertCase(db, {
        unitId,
        caseNo,
        year,
        serial,
        kind,
        modelId: kind === '类案' ? (leads[0]?.modelId ?? null) : null,
        title,
        state: INITIAL_CASE_STATE,
        handler,
        dueDate,
        createdBy: op.username,
      });
      const note = input.note?.trim() || `由 ${leads.length} 条线索立案`;
      await insertTransition(db, {
        caseId: id,
        from: null,
        to: INITIAL_CASE_STATE,
        by: op.username,
        note,
      });
      await this.link(db, scope, op, { id, caseNo, kind }, leads);
      const keys = leads.map((l) => l.leadKey);
      const campaignId = caseCampaign(await campaignsOfLeads(db, keys), input.campaignId);
      if (campaignId !== null) await setCaseCampaign(db, id, campaignId);
      return { id, caseNo };
    }).finally(() => this.leadsChanged());
    await this.record(
      op,
      'case_open',
      opened.caseNo,
      `立案（${kind}）：线索 ${leads.map((l) => l.leadId).join(',')}`,
    );
    return this.detail(scope, opened.id);
  }

  private async defaultTitle(kind: CaseKind, leads: readonly ScopedLead[]): Promise<string> {
    const first = leads[0];
    if (!first) return '';
    if (kind === '个案') return `${first.caseNo ?? ''} ${first.subjectName ?? ''}`.trim();
    // No count in the title: leads of other cases may join later.
    const model = (await this.deps.leads.modelNames()).get(first.modelId);
    return `${model?.name ?? first.modelId}类案`;
  }

  /** 并入案件: leads join an open case (个案: its enforcement case; 类案: its model). */
  async join(
    op: Operator,
    id: number,
    input: { leadIds: readonly string[]; note?: string | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const leads = await this.leadsOf(scope, input.leadIds);
    const caseNo = await this.write(async (db) => {
      const row = await this.visible(scope, id, db);
      if (!isOpenState(row.state)) {
        throw new AppError('CASE_CLOSED', `监督案件 ${row.case_no} 已结案，不能再并入线索`);
      }
      const kind = row.kind as CaseKind;
      const links = await caseLeads(db, id);
      const members = {
        modelId: row.model_id,
        caseNos: [...new Set(links.map((l) => l.enforcement_case_no ?? ''))].filter(Boolean),
      };
      const fresh = await this.fresh(db, leads);
      kindFor(fresh); // duplicates and statuses
      for (const l of fresh) checkJoin(kind, members, l);
      await this.link(db, scope, op, { id, caseNo: row.case_no, kind }, leads);
      return row.case_no;
    }).finally(() => this.leadsChanged());
    const note = input.note?.trim();
    await this.record(
      op,
      'case_update',
      caseNo,
      `并入线索 ${leads.map((l) => l.leadId).join(',')}${note ? `：${note}` : ''}`,
    );
    return this.detail(scope, id);
  }

  /** A state change: allowed moves only, on the version the user saw; recorded with who/when/note. */
  async move(
    op: Operator,
    id: number,
    input: { to: string; version: number; note?: string | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const note = input.note?.trim() ?? '';
    const moved = await this.write(async (db) => {
      const row = await this.visible(scope, id, db);
      if (Number(row.version) !== input.version) throw conflict(row, input.version);
      const to = checkTransition(row.state, input.to);
      const saved = await updateCaseIfVersion(db, id, input.version, { state: to });
      if (saved === undefined) throw conflict(row, input.version);
      await insertTransition(db, { caseId: id, from: row.state, to, by: op.username, note });
      return { caseNo: row.case_no, from: row.state, to };
    });
    await this.record(
      op,
      'case_update',
      moved.caseNo,
      `状态 ${moved.from} → ${moved.to}${note ? `：${note}` : ''}`,
    );
    return this.detail(scope, id);
  }

  /** Handler, due date, title: on the version the user saw. */
  async update(op: Operator, id: number, input: CaseUpdateInput): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const handler =
      input.handler === undefined ? undefined : await this.handlerOf(scope, input.handler);
    const dueDate =
      input.dueDate === undefined || input.dueDate === null
        ? input.dueDate
        : checkDate(input.dueDate, '办理期限');
    const title = input.title?.trim();
    if (title === '') throw new AppError('BAD_CASE_INPUT', '标题不能为空');
    const campaign = input.campaignId
      ? await visibleCampaign(this.deps.db, scope, input.campaignId)
      : undefined;
    const changes = [
      input.campaignId !== undefined ? `专项活动 ${campaign?.theme ?? '（无）'}` : '',
      handler !== undefined ? `承办人 ${handler ?? '（无）'}` : '',
      dueDate !== undefined ? `办理期限 ${dueDate ?? '（无）'}` : '',
      title !== undefined ? `标题 ${title}` : '',
    ].filter(Boolean);
    if (changes.length === 0) throw new AppError('BAD_CASE_INPUT', '没有要保存的修改');
    const caseNo = await this.write(async (db) => {
      const row = await this.visible(scope, id, db);
      if (Number(row.version) !== input.version) throw conflict(row, input.version);
      const saved = await updateCaseIfVersion(db, id, input.version, {
        ...(handler !== undefined ? { handler } : {}),
        ...(dueDate !== undefined ? { dueDate } : {}),
        ...(title !== undefined ? { title } : {}),
      });
      if (saved === undefined) throw conflict(row, input.version);
      if (input.campaignId !== undefined) await setCaseCampaign(db, id, input.campaignId);
      return row.case_no;
    });
    await this.record(op, 'case_update', caseNo, changes.join('；'));
    return this.detail(scope, id);
  }

  /** A verification act (调阅卷宗, 询问, 调取, 查询银行流水, 听证) with its date and note. */
  async addAct(
    op: Operator,
    id: number,
    input: { kind: string; date: string; note?: string | undefined },
  ): Promise<SupervisionCaseDetail> {
    const scope = await this.scopeOf(op);
    const kind = checkActKind(input.kind);
    const date = checkDate(input.date, '措施日期');
    const note = input.note?.trim() ?? '';
    const caseNo = await this.write(async (db) => {
      const row = await this.visible(scope, id, db);
      if (!isOpenState(row.state)) {
        throw new AppError('CASE_CLOSED', `监督案件 ${row.case_no} 已结案，不能再记录调查核实措施`);
      }
      await insertAct(db, { caseId: id, kind, date, note, by: op.username });
      return row.case_no;
    });
    await this.record(
      op,
      'case_update',
      caseNo,
      `调查核实：${kind}（${date}）${note ? `：${note}` : ''}`,
    );
    return this.detail(scope, id);
  }

  /** The case a lead is in, if the operator sees both (the lead page's link). */
  async caseOfLead(op: Operator, leadId: string): Promise<LeadCaseRef> {
    const scope = await this.scopeOf(op);
    const lead = await this.deps.leads.get(scope, leadId);
    const caseId = await caseOfLead(this.deps.db, lead.row.lead_key);
    if (caseId === undefined) return null;
    const row = await caseById(this.deps.db, caseId);
    if (!row || !scope.unitIds.includes(row.unit_id)) return null;
    const summary = toCaseSummary(row, await this.names());
    return { id: summary.id, caseNo: summary.caseNo, state: summary.state, kind: summary.kind };
  }

  /** The operator's unit's numbering: its pattern (or the default) and this year's next number. */
  async numbering(op: Operator): Promise<CaseNumbering> {
    const scope = await this.scopeOf(op);
    const units = await this.deps.org.units();
    const own = await numberPattern(this.deps.db, scope.unitId);
    const pattern = own ?? defaultNumberPattern(units, scope.unitId);
    const year = yearInChina(this.deps.now?.() ?? Date.now());
    const last = await lastSerial(this.deps.db, scope.unitId, year);
    return {
      unitId: scope.unitId,
      pattern,
      isDefault: own === undefined,
      example: formatCaseNumber(pattern, year, nextSerial(last)),
    };
  }

  /** A new pattern for the operator's unit; the serials go on counting (never reused). */
  async setNumbering(op: Operator, pattern: string): Promise<CaseNumbering> {
    const scope = await this.scopeOf(op);
    const checked = checkNumberPattern(pattern);
    await this.write((db) => saveNumberPattern(db, scope.unitId, checked, op.username));
    await this.record(op, 'case_settings', scope.unitId, `监督案号格式：${checked}`);
    return this.numbering(op);
  }
}
