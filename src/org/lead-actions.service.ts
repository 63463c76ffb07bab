import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { BulkLeadRequest, LeadDetail } from '../contract/leads.ts';
import type { Right } from '../contract/rights.ts';
import { AppError } from '../domain/app-error.ts';
import type { Database } from '../store/database.ts';
import type { LeadAccessService } from './lead-access.service.ts';
import type { LeadViewService } from './lead-views.service.ts';
import { actingUserWith, type Operator } from './operator.ts';
import type { OrgService } from './org.service.ts';
import type { Scope } from './unit-tree.ts';

/** The audit log's columns of an operator. */
function actorOf(operator: Operator): Actor {
  const { userId, username, unitId, ip } = operator;
  return { userId, username, unitId, ip };
}

/** What one action on a lead needs to know of the operator: scope, name for the history. */
interface Acting {
  readonly scope: Scope;
  readonly author: string;
}

/**
 * The actions on leads — assign, dismiss, reopen, note, and the bulk forms — for an operator, from
 * the web API and any other entry point alike. The service applies the operator's right (a user's
 * roles as stored now; the trusted local operator may do all), their unit scope (another unit's
 * lead is 404, and an assignee must belong to the operator's units) and writes the audit row; the
 * lead caches learn of the change in `LeadAccessService`. Answers are the lead page as the
 * operator sees it, masked.
 */
export class LeadActionService {
  constructor(
    private readonly db: Database,
    private readonly leads: LeadAccessService,
    private readonly views: LeadViewService,
    private readonly org: OrgService,
    private readonly audit: AuditService,
  ) {}

  private async acting(operator: Operator, right: Right): Promise<Acting> {
    await actingUserWith(this.db, operator, right);
    const profile = operator.userId ? await this.org.user(operator.userId) : undefined;
    return {
      scope: await this.views.scopeOf(operator),
      author: profile?.displayName ?? operator.username ?? '本机操作员',
    };
  }

  /** The assignee's user name; only a user of the operator's units may receive a lead. */
  private async assignee(scope: Scope, assigneeId: string): Promise<string> {
    const user = await this.org.user(assigneeId);
    if (!user || user.disabled || !scope.unitIds.includes(user.unitId)) {
      throw new AppError('UNKNOWN_ASSIGNEE', '承办人不存在或不在本单位范围内');
    }
    return user.username;
  }

  async assign(operator: Operator, id: string, assigneeId: string): Promise<LeadDetail> {
    const { scope, author } = await this.acting(operator, 'assign_leads');
    await this.leads.assign(scope, id, await this.assignee(scope, assigneeId), author);
    await this.audit.record(actorOf(operator), 'lead_update', id, '指派');
    return this.views.leadAfterAction(operator, id);
  }

  async dismiss(operator: Operator, id: string, reason: string, note: string): Promise<LeadDetail> {
    const { scope, author } = await this.acting(operator, 'work_leads');
    await this.leads.dismiss(scope, id, reason, note, author);
    await this.audit.record(actorOf(operator), 'lead_update', id, `排除：${reason}`);
    return this.views.leadAfterAction(operator, id);
  }

  async reopen(operator: Operator, id: string, note: string): Promise<LeadDetail> {
    const { scope, author } = await this.acting(operator, 'work_leads');
    await this.leads.reopen(scope, id, note, author);
    await this.audit.record(actorOf(operator), 'lead_update', id, '重新研判');
    return this.views.leadAfterAction(operator, id);
  }

  /** A note is part of the lead's history, which is its record: not audited twice. */
  async note(operator: Operator, id: string, text: string): Promise<LeadDetail> {
    const { scope, author } = await this.acting(operator, 'work_leads');
    await this.leads.note(scope, id, text, author);
    return this.views.leadAfterAction(operator, id);
  }

  /** Assigns or dismisses many leads; those outside the scope are counted as skipped, not failed. */
  async bulk(
    operator: Operator,
    request: BulkLeadRequest,
  ): Promise<{ updated: number; skipped: number }> {
    const right = request.action === 'assign' ? 'assign_leads' : 'work_leads';
    const { scope, author } = await this.acting(operator, right);
    const assignee =
      request.action === 'assign' ? await this.assignee(scope, request.assigneeId) : '';
    let updated = 0;
    let skipped = 0;
    for (const id of new Set(request.leadIds)) {
      try {
        if (request.action === 'assign') await this.leads.assign(scope, id, assignee, author);
        else await this.leads.dismiss(scope, id, request.reason, request.note, author);
        updated++;
      } catch (error) {
        if (error instanceof AppError && error.status === 404) skipped++;
        else throw error;
      }
    }
    await this.audit.record(
      actorOf(operator),
      'lead_update',
      request.leadIds.slice(0, 20).join(','),
      `批量${request.action === 'assign' ? '指派' : '排除'} ${updated} 条`,
    );
    return { updated, skipped };
  }
}
