import type { AuditService } from '../audit/audit.service.ts';
import { maskIdValue } from '../audit/masking.ts';
import type { PersonRefs } from '../auth/person-ref.ts';
import type { Page } from '../contract/common.ts';
import type {
  CaseDetail,
  LeadDetail,
  LeadExportQuery,
  LeadFilter,
  LeadQuery,
  LeadRow,
  LeadSort,
  PersonDetail,
} from '../contract/leads.ts';
import { AppError } from '../domain/app-error.ts';
import { leadTableWorkbook, renderLeadExport, type ExportFormat } from '../models/lead-export.ts';
import type { LeadAccessService, LeadPageQuery } from './lead-access.service.ts';
import { checkReveal, disclose, discloseLeadExport, type Operator } from './lead-disclosure.ts';
import { caseDetailOf, leadDetailOf, personDetailOf } from './lead-pages.ts';
import { leadEvidence, toLeadExportRow, toLeadRow, type LeadViewContext } from './lead-rows.ts';
import type { OrgService } from './org.service.ts';
import { scopeOf, type Scope } from './unit-tree.ts';

/** A list of the contract's query (comma-separated multi-values). */
const list = (s: string | undefined): string[] | undefined => {
  const values = s
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return values && values.length > 0 ? values : undefined;
};

/** Nothing is visible (no unit tree yet). */
const NO_SCOPE: Scope = { unitId: '', unitIds: [], dataUnitIds: [], courtPrefixes: [] };

/** Most leads one web Excel export holds (the table's export, not the data export). */
const TABLE_EXPORT_LIMIT = 100_000;

/** The data export's request (`zhijian leads export`): the list's filter and sort, a format. */
export interface DataExportRequest {
  format: ExportFormat;
  filter: LeadFilter;
  sort: LeadSort;
  order: 'asc' | 'desc';
  reveal: boolean;
}

/**
 * Every view of leads for an operator — the lead list, the lead, case and person pages, and both
 * exports — for the web API and the CLI alike. Given the `Operator`, it applies the operator's unit
 * scope (another unit's lead, case or person is 404), masks ID numbers unless the operator asks to
 * reveal and holds the right, and audits each view and export (`disclose`). The list is not
 * audited: it shows masked IDs only, and reveal is refused on it. Reads go through
 * `LeadAccessService` (two-step pages, caches, read pool).
 */
export class LeadViewService {
  constructor(
    private readonly leads: LeadAccessService,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly personRefs: PersonRefs,
  ) {}

  /**
   * The operator's scope: their unit and the units below. An operator with no unit (the local CLI
   * operator who is no platform user) sees the province (the root of the unit tree).
   */
  async scopeOf(operator: Operator): Promise<Scope> {
    if (operator.unitId) return this.org.scope(operator.unitId);
    const units = await this.org.units();
    const root = units.find((u) => u.parentId === null);
    return root ? scopeOf(units, root.id) : NO_SCOPE;
  }

  private async context(reveal: boolean): Promise<LeadViewContext> {
    const [units, users, models] = await Promise.all([
      this.org.units(),
      this.org.users(),
      this.leads.modelNames(),
    ]);
    return { units, usersByName: new Map(users.map((u) => [u.username, u])), models, reveal };
  }

  /** The contract's filter → the store's, inside the scope. */
  private async storeFilter(scope: Scope, f: LeadFilter): Promise<LeadPageQuery['filter']> {
    let unitPrefixes: string[] | undefined;
    if (f.unitId) {
      // A unit outside the scope yields nothing (no hint that it exists).
      unitPrefixes = scope.unitIds.includes(f.unitId)
        ? [...scopeOf(await this.org.units(), f.unitId).courtPrefixes]
        : [];
    }
    let assignee: string | undefined;
    // An unknown user matches nobody (NUL is never a username).
    if (f.assigneeId) assignee = (await this.org.user(f.assigneeId))?.username ?? '\u0000';
    const models = list(f.modelId);
    const statuses = list(f.status);
    const priorities = list(f.priority);
    const courts = list(f.court);
    return {
      ...(models ? { models } : {}),
      ...(statuses ? { statuses } : {}),
      ...(priorities ? { priorities } : {}),
      ...(courts ? { courts } : {}),
      ...(unitPrefixes ? { unitPrefixes } : {}),
      ...(assignee ? { assignee } : {}),
      ...(f.campaign ? { campaignId: Number(f.campaign) } : {}),
      ...(f.dateFrom ? { createdFrom: f.dateFrom } : {}),
      ...(f.dateTo ? { createdTo: f.dateTo } : {}),
      ...(f.q ? { text: f.q } : {}),
    };
  }

  /** A page of the lead list in the operator's scope (masked; see the class comment on audit). */
  async list(operator: Operator, q: LeadQuery): Promise<Page<LeadRow>> {
    const scope = await this.scopeOf(operator);
    const [result, ctx] = await Promise.all([
      this.storeFilter(scope, q).then((filter) =>
        this.leads.page(scope, {
          filter,
          sort: q.sort,
          desc: q.order === 'desc',
          page: q.page,
          pageSize: q.pageSize,
        }),
      ),
      this.context(false),
    ]);
    return {
      items: result.items.map((r) => toLeadRow(r, ctx)),
      total: result.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** The lead table as Excel (the web's export): the filter's leads or chosen ids; audited. */
  async tableWorkbook(operator: Operator, q: LeadExportQuery): Promise<Buffer> {
    const scope = await this.scopeOf(operator);
    const ids = list(q.leadIds);
    const filter = { ...(await this.storeFilter(scope, q)), ...(ids ? { ids } : {}) };
    return discloseLeadExport(
      this.audit,
      operator,
      { reveal: q.reveal === '1', ...(ids ? { ids } : {}), conditions: JSON.stringify(q) },
      async (reveal) => {
        const rows = await this.leads.all(
          scope,
          { filter, sort: 'priority', desc: true },
          TABLE_EXPORT_LIMIT,
        );
        const ctx = await this.context(reveal);
        return {
          value: await leadTableWorkbook(rows.map((r) => toLeadRow(r, ctx))),
          count: rows.length,
        };
      },
    );
  }

  /** The data export (JSON / CSV / Excel with evidence) of the filter's leads in scope; audited. */
  async dataExport(operator: Operator, r: DataExportRequest): Promise<string | Buffer> {
    const scope = await this.scopeOf(operator);
    const filter = await this.storeFilter(scope, r.filter);
    return discloseLeadExport(
      this.audit,
      operator,
      { reveal: r.reveal, conditions: JSON.stringify({ format: r.format, ...r.filter }) },
      async (reveal) => {
        const rows = await this.leads.all(
          scope,
          { filter, sort: r.sort, desc: r.order === 'desc' },
          Number.MAX_SAFE_INTEGER,
        );
        const ctx = await this.context(reveal);
        const value = await renderLeadExport(
          rows.map((row) => toLeadExportRow(row, ctx)),
          r.format,
        );
        return { value, count: rows.length };
      },
    );
  }

  /** The lead page, audited (`view_lead`, and `reveal_id` when revealed). */
  async lead(operator: Operator, id: string, reveal: boolean): Promise<LeadDetail> {
    return disclose(
      this.audit,
      operator,
      { action: 'view_lead', reveal },
      (allowed) => this.leadDetail(operator, id, allowed),
      (d) => ({ target: id, detail: d.lead.caseNo }),
    );
  }

  /** The lead page as the answer to an action on it: masked, not a view of its own. */
  async leadAfterAction(operator: Operator, id: string): Promise<LeadDetail> {
    return this.leadDetail(operator, id, false);
  }

  private async leadDetail(operator: Operator, id: string, reveal: boolean): Promise<LeadDetail> {
    const scope = await this.scopeOf(operator);
    const lead = await this.leads.get(scope, id);
    // Evidence rows, the subject's other leads and cases: one query (cached) on a read connection.
    const [ctx, page] = await Promise.all([
      this.context(reveal),
      this.leads.leadPage(scope, lead.row.subject_id, leadEvidence(lead.row)),
    ]);
    return leadDetailOf(lead, page, ctx, (x) => this.personRefs.encode(x));
  }

  /** A case of the operator's units (another unit's case is 404), audited. */
  async case(operator: Operator, caseNo: string, reveal: boolean): Promise<CaseDetail> {
    const scope = await this.scopeOf(operator);
    // Refused before anything is looked up (no hint whether the case or person exists).
    checkReveal(operator, reveal);
    const found = await this.leads.caseDetail(scope, caseNo);
    return disclose(
      this.audit,
      operator,
      { action: 'view_case', reveal },
      async (allowed) => {
        const [ctx, leads] = await Promise.all([
          this.context(allowed),
          this.leads.ofCase(scope, caseNo),
        ]);
        return caseDetailOf(caseNo, found, leads, ctx, (x) => this.personRefs.encode(x));
      },
      () => ({ target: caseNo }),
    );
  }

  /** A person or company by opaque reference: cases and leads in scope, audited. */
  async person(operator: Operator, ref: string, reveal: boolean): Promise<PersonDetail> {
    const id = this.personRefs.decode(ref);
    if (!id) throw new AppError('NOT_FOUND', '当事人不存在或链接已失效');
    // Refused before anything is looked up (no hint whether the case or person exists).
    checkReveal(operator, reveal);
    const scope = await this.scopeOf(operator);
    const [cases, leads] = await Promise.all([
      this.leads.partyCases(scope, id),
      this.leads.ofSubject(scope, id),
    ]);
    // Someone with no case and no lead in the scope is not disclosed.
    if (cases.length === 0 && leads.length === 0) {
      throw new AppError('NOT_FOUND', '当事人不存在或不在本单位范围内');
    }
    const name = (await this.leads.partyName(id)) ?? leads[0]?.subject_name ?? null;
    return disclose(
      this.audit,
      operator,
      { action: 'view_person', reveal },
      async (allowed) =>
        personDetailOf({ ref, id, name }, cases, leads, await this.context(allowed)),
      // The target is the masked ID (the audit log never holds a full one).
      () => ({ target: maskIdValue(id, false), detail: name }),
    );
  }
}
