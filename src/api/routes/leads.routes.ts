import { randomUUID } from 'node:crypto';
import type { SavedFilter } from '../../contract/leads.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, sessionOf, XLSX_TYPE } from '../context.ts';

/**
 * Leads: views and exports are the view service's, actions the action service's (each applies the
 * right, the scope and the audit for the operator: org/lead-views.service.ts, lead-actions.service.ts).
 */

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

  'POST /api/leads/bulk': (c, { body }) => c.get('platform').leadActions.bulk(operatorOf(c), body),

  'GET /api/leads/:key': (c, { params, query }) =>
    c.get('platform').views.lead(operatorOf(c), params.key, query.reveal),

  'POST /api/leads/:key/assign': (c, { params, body }) =>
    c.get('platform').leadActions.assign(operatorOf(c), params.key, body.assigneeId),

  'POST /api/leads/:key/dismiss': (c, { params, body }) =>
    c.get('platform').leadActions.dismiss(operatorOf(c), params.key, body.reason, body.note),

  'POST /api/leads/:key/reopen': (c, { params, body }) =>
    c.get('platform').leadActions.reopen(operatorOf(c), params.key, body.note),

  'POST /api/leads/:key/notes': (c, { params, body }) =>
    c.get('platform').leadActions.note(operatorOf(c), params.key, body.text),
} satisfies AreaHandlers;
