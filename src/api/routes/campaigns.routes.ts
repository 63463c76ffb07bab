import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, XLSX_TYPE } from '../context.ts';

const campaignOf = (q: { campaign?: string | undefined }) =>
  q.campaign ? { campaignId: Number(q.campaign) } : {};

/** Campaigns, the ledger, the work list: parse → the casework services (scope, audit) → answer. */
export const campaignRoutes = {
  'GET /api/campaigns': async (c, { query }) =>
    c.get('platform').campaigns.list(operatorOf(c), { mine: query.mine }),
  'GET /api/campaigns/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').campaigns.listWorkbook(operatorOf(c), query);
    return download(buffer, `专项活动-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },
  'POST /api/campaigns': async (c, { body }) =>
    c.get('platform').campaigns.create(operatorOf(c), body),
  'GET /api/campaigns/:id': async (c, { params }) =>
    c.get('platform').campaigns.get(operatorOf(c), Number(params.id)),
  'PUT /api/campaigns/:id': async (c, { params, body }) =>
    c.get('platform').campaigns.update(operatorOf(c), Number(params.id), body),
  'GET /api/ledger': async (c, { query }) =>
    c.get('platform').ledger.ledger(operatorOf(c), campaignOf(query)),
  'GET /api/ledger/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').ledger.ledgerWorkbook(operatorOf(c), campaignOf(query));
    return download(buffer, `一本账-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },
  'GET /api/worklist': async (c, { query }) =>
    c.get('platform').ledger.workList(operatorOf(c), { dueWithin: query.dueWithin }),
  'GET /api/worklist/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').ledger.workListWorkbook(operatorOf(c), query);
    return download(buffer, `工作清单-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },
} satisfies AreaHandlers;
