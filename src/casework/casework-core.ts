/**
 * The plumbing every casework operation shares: one writing connection with its queue, the
 * operator's scope, audit rows, names for views, the visible-case check, handlers, and linking
 * leads (their status through the lead access service).
 */
import type { AuditAction } from '../contract/audit.ts';
import type { SupervisionCaseDetail } from '../contract/casework.ts';
import type { CaseKind } from '../domain/vocabulary.ts';
import { AppError } from '../domain/app-error.ts';
import type { LeadAccessService, LeadWithNotes } from '../org/lead-access.service.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { ServiceContext } from '../org/operator.ts';
import type { OrgService } from '../org/org.service.ts';
import type { Scope } from '../org/unit-tree.ts';
import {
  caseActs,
  caseById,
  caseLeads,
  caseOfLead,
  caseTransitions,
  insertCaseLead,
  type CaseRow,
} from '../store/casework.repo.ts';
import type { Database } from '../store/database.ts';
import { leadRowByKey } from '../store/lead-table.repo.ts';
import { leadStatusFor, type CaseLead } from './case-rules.ts';
import { toCaseDetail, type LinkedLead, type ViewNames } from './case-view.ts';
import { CaseWriter } from './case-writer.ts';
import { notFound } from './casework-checks.ts';
import { followUpOf } from './recommendation-view.ts';
import { todayInChina } from '../domain/date.ts';

/** The service context (db, audit, change signal) and the services casework reads through. */
export interface CaseworkDeps extends ServiceContext {
  readonly org: OrgService;
  readonly leads: LeadAccessService;
  /** The clock (tests move it across a year). */
  readonly now?: () => number;
  /** The writing connection shared by the casework services; each makes its own without one. */
  readonly writer?: CaseWriter;
}

/** What casework keeps of a lead it read in the operator's scope. */
export interface ScopedLead extends CaseLead {
  readonly leadKey: string;
  readonly subjectName: string | null;
}

function scopedLead({ row }: LeadWithNotes): ScopedLead {
  return {
    leadKey: row.lead_key,
    leadId: row.lead_id,
    modelId: row.model_id,
    caseNo: row.case_no,
    subjectName: row.subject_name,
    status: row.status,
  };
}

export function caseLeadOf(l: {
  leadId: string;
  modelId: string;
  caseNo: string | null;
  status: string;
}): CaseLead {
  return { leadId: l.leadId, modelId: l.modelId, caseNo: l.caseNo, status: l.status };
}

export abstract class CaseworkCore {
  /** Shared with the other casework services when the platform passes one (see `CaseWriter`). */
  private readonly writer: CaseWriter;

  constructor(protected readonly deps: CaseworkDeps) {
    this.writer = deps.writer ?? new CaseWriter(deps.db);
  }

  /** Closes the writing connection (after the writes already queued). */
  async close(): Promise<void> {
    await this.writer.close();
  }

  /** Runs `fn` in a transaction on the casework writing connection, after the writes before it. */
  protected write<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    return this.writer.write(fn).then((value) => {
      // Statistics cache their answers: a recorded reply or payment shows at once.
      this.deps.changes.changed('casework');
      return value;
    });
  }

  protected async scopeOf(op: Operator): Promise<Scope> {
    if (!op.unitId) {
      throw new AppError('FORBIDDEN', '办理监督案件须以平台用户身份操作（命令行请用 --as 用户名）');
    }
    return this.deps.org.scope(op.unitId);
  }

  /**
   * Lead statuses moved inside a write: signalled once it has ended (committed or not), since the
   * lead service's own bump came before the commit and a read in between may have cached old rows.
   */
  protected leadsChanged(): void {
    this.deps.changes.changed('leads');
  }

  protected async record(op: Operator, action: AuditAction, target: string, detail: string) {
    const { userId, username, unitId, ip } = op;
    await this.deps.audit.record({ userId, username, unitId, ip }, action, target, detail);
  }

  protected async names(): Promise<ViewNames> {
    const [units, users] = await Promise.all([this.deps.org.units(), this.deps.org.users()]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const userNames = new Map(users.map((u) => [u.username, u.displayName]));
    return {
      unitName: (id) => unitNames.get(id) ?? id,
      userName: (name) => userNames.get(name),
    };
  }

  /** The case if the scope sees it; another unit's case is 404, like a missing one. */
  protected async visible(scope: Scope, id: number, db: Database = this.deps.db): Promise<CaseRow> {
    const row = await caseById(db, id);
    if (!row || !scope.unitIds.includes(row.unit_id)) throw notFound();
    return row;
  }

  /** A handler named by user id or user name: an enabled user of the scope; stored by user name. */
  protected async handlerOf(scope: Scope, ref: string | null): Promise<string | null> {
    if (ref === null) return null;
    const users = await this.deps.org.users();
    const user = users.find((u) => u.id === ref || u.username === ref);
    if (!user || user.disabled || !scope.unitIds.includes(user.unitId)) {
      throw new AppError('UNKNOWN_ASSIGNEE', `承办人 ${ref} 不存在或不在本单位范围内`);
    }
    return user.username;
  }

  /** A case as answers to actions show it (masked, not audited as a view). */
  protected async detail(scope: Scope, id: number, reveal = false): Promise<SupervisionCaseDetail> {
    const db = this.deps.db;
    const row = await this.visible(scope, id);
    const links = await caseLeads(db, id);
    const transitions = await caseTransitions(db, id);
    const acts = await caseActs(db, id);
    const leads = new Map<string, LinkedLead>();
    for (const l of links) {
      // A lead the viewer may not see (or that is gone) shows only its link.
      const lead = await this.deps.leads.get(scope, l.lead_id).catch(() => undefined);
      if (lead) {
        const { subject_name, summary, status, priority } = lead.row;
        leads.set(l.lead_id, { subjectName: subject_name, summary, status, priority });
      }
    }
    const shown = toCaseDetail(
      row,
      await this.names(),
      { links, leads, transitions, acts },
      reveal,
    );
    return { ...shown, ...(await followUpOf(db, id, this.today())) };
  }

  /** Today in China by the service's clock (deadlines, issue dates). */
  protected today(): string {
    return todayInChina(this.deps.now?.() ?? Date.now());
  }

  /** Leads by opaque id, in the scope (another unit's lead is 404). */
  protected async leadsOf(scope: Scope, ids: readonly string[]): Promise<ScopedLead[]> {
    const leads = await Promise.all(ids.map((id) => this.deps.leads.get(scope, id)));
    return leads.map(scopedLead);
  }

  /** The leads' current rows inside the transaction: statuses may have moved since they were read. */
  protected async fresh(db: Database, leads: readonly ScopedLead[]): Promise<CaseLead[]> {
    const out: CaseLead[] = [];
    for (const l of leads) {
      const row = await leadRowByKey(db, l.leadKey);
      if (!row) throw new AppError('NOT_FOUND', '线索不存在或不在本单位范围内');
      const inCase = await caseOfLead(db, l.leadKey);
      const status = inCase === undefined ? row.status : '已成案';
      out.push(caseLeadOf({ ...l, status }));
    }
    return out;
  }

  /** Links leads to a case and moves them to 已成案 / 已合并 (lead history names the case). */
  protected async link(
    db: Database,
    scope: Scope,
    op: Operator,
    c: { id: number; caseNo: string; kind: CaseKind },
    leads: readonly ScopedLead[],
  ): Promise<void> {
    const user = op.username ?? op.ip ?? '';
    const note = `${c.kind === '类案' ? '并入类案' : '立案'} ${c.caseNo}`;
    for (const l of leads) {
      await insertCaseLead(db, c.id, {
        leadKey: l.leadKey,
        leadId: l.leadId,
        modelId: l.modelId,
        caseNo: l.caseNo,
        by: op.username,
      });
      await this.deps.leads.setStatus(scope, l.leadId, leadStatusFor(c.kind), user, note, db);
    }
  }
}
