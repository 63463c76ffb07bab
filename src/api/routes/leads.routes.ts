import { randomUUID } from 'node:crypto';
import type { SavedFilter } from '../../contract/leads.ts';
import { hasRight } from '../../contract/rights.ts';
import { AppError } from '../../domain/app-error.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import {
  actorOf,
  download,
  operatorOf,
  scopeOf,
  sessionOf,
  XLSX_TYPE,
  type Ctx,
} from '../context.ts';

/**
 * Leads: views and exports are the view service's (scope, masking, audit: org/lead-views.service.ts);
 * actions go through the access service in the user's scope and are audited here.
 */

function author(c: Ctx): string {
  return sessionOf(c).user.displayName;
}

async function assigneeUsername(c: Ctx, assigneeId: string): Promise<string> {
  const user = await c.get('platform').org.user(assigneeId);
  // Only a user of the assigner's units may receive the lead.
  if (!user || user.disabled || !scopeOf(c).unitIds.includes(user.unitId)) {
    throw new AppError('UNKNOWN_ASSIGNEE', '承办人不存在或不在本单位范围内');
  }
  return user.username;
}

export const leadRoutes = {
  'GET /api/leads': (c, { query }) => c.get('platform').views.list(operatorOf(c), query),

  'GET /api/leads/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').views.tableWorkbook(operatorOf(c), query);
    return download(buffer, `线索-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },

  'GET /api/leads/filters': async (c) => c.get('platform').org.savedFilters(sessionOf(c).user.id),

  'POST /api/leads/filters': async (c, { body }) => {
    const saved: Omit<SavedFilter, 'createdAt'> = {
      id: randomUUID(),
      name: body.name,
      filter: body.filter,
    };
    return c.get('platform').org.saveFilter(sessionOf(c).user.id, saved);
  },

  'DELETE /api/leads/filters/:id': async (c, { params }) => {
    await c.get('platform').org.deleteFilter(sessionOf(c).user.id, params.id);
    return { ok: true };
  },

  'POST /api/leads/bulk': async (c, { body }) => {
    const platform = c.get('platform');
    const scope = scopeOf(c);
    if (body.action === 'assign' && !hasRight(sessionOf(c).user.roles, 'assign_leads')) {
      throw new AppError('FORBIDDEN', '只有部门负责人可以指派线索');
    }
    const assignee = body.action === 'assign' ? await assigneeUsername(c, body.assigneeId) : '';
    let updated = 0;
    let skipped = 0;
    for (const key of [...new Set(body.leadIds)]) {
      try {
        if (body.action === 'assign') await platform.leads.assign(scope, key, assignee, author(c));
        else await platform.leads.dismiss(scope, key, body.reason, body.note, author(c));
        updated++;
      } catch (error) {
        if (error instanceof AppError && error.status === 404) skipped++;
        else throw error;
      }
    }
    await platform.audit.record(
      actorOf(c),
      'lead_update',
      body.leadIds.slice(0, 20).join(','),
      `批量${body.action === 'assign' ? '指派' : '排除'} ${updated} 条`,
    );
    return { updated, skipped };
  },

  'GET /api/leads/:key': (c, { params, query }) =>
    c.get('platform').views.lead(operatorOf(c), params.key, query.reveal),

  'POST /api/leads/:key/assign': async (c, { params, body }) => {
    const platform = c.get('platform');
    const assignee = await assigneeUsername(c, body.assigneeId);
    await platform.leads.assign(scopeOf(c), params.key, assignee, author(c));
    await platform.audit.record(actorOf(c), 'lead_update', params.key, '指派');
    return platform.views.leadAfterAction(operatorOf(c), params.key);
  },

  'POST /api/leads/:key/dismiss': async (c, { params, body }) => {
    const platform = c.get('platform');
    await platform.leads.dismiss(scopeOf(c), params.key, body.reason, body.note, author(c));
    await platform.audit.record(actorOf(c), 'lead_update', params.key, `排除：${body.reason}`);
    return platform.views.leadAfterAction(operatorOf(c), params.key);
  },

  'POST /api/leads/:key/reopen': async (c, { params, body }) => {
    const platform = c.get('platform');
    await platform.leads.reopen(scopeOf(c), params.key, body.note, author(c));
    await platform.audit.record(actorOf(c), 'lead_update', params.key, '重新研判');
    return platform.views.leadAfterAction(operatorOf(c), params.key);
  },

  'POST /api/leads/:key/notes': async (c, { params, body }) => {
    const platform = c.get('platform');
    await platform.leads.note(scopeOf(c), params.key, body.text, author(c));
    return platform.views.leadAfterAction(operatorOf(c), params.key);
  },
} satisfies AreaHandlers;
