import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, XLSX_TYPE } from '../context.ts';

const states = (s: string | undefined) =>
  s
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** Supervision cases: parse → the casework service (scope, masking, audit, versions) → answer. */
export const caseworkRoutes = {
  'GET /api/supervision-cases': async (c, { query }) => {
    const {
      page,
      pageSize,
      state,
      open,
      handler,
      q,
      campaign,
      unitId,
      modelId,
      openedFrom,
      openedTo,
    } = query;
    const result = await c.get('platform').casework.list(operatorOf(c), {
      states: states(state),
      open,
      handler,
      q,
      campaign,
      unitId,
      modelId,
      openedFrom,
      openedTo,
      page,
      pageSize,
    });
    return { ...result, page, pageSize };
  },
  'GET /api/supervision-cases/export.xlsx': async (c, { query }) => {
    const { state, open, handler, q, campaign, unitId, modelId, openedFrom, openedTo } = query;
    const buffer = await c.get('platform').casework.workbook(operatorOf(c), {
      states: states(state),
      ...{ open, handler, q, campaign, unitId, modelId, openedFrom, openedTo },
    });
    return download(buffer, `监督案件-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },
  'POST /api/supervision-cases': async (c, { body }) =>
    c.get('platform').casework.open(operatorOf(c), body),
  'GET /api/supervision-cases/numbering': async (c) =>
    c.get('platform').casework.numbering(operatorOf(c)),
  'PUT /api/supervision-cases/numbering': async (c, { body }) =>
    c.get('platform').casework.setNumbering(operatorOf(c), body.pattern),
  'GET /api/supervision-cases/by-lead/:key': async (c, { params }) =>
    c.get('platform').casework.caseOfLead(operatorOf(c), params.key),
  'GET /api/supervision-cases/:id': async (c, { params, query }) =>
    c.get('platform').casework.get(operatorOf(c), Number(params.id), query.reveal),
  'PATCH /api/supervision-cases/:id': async (c, { params, body }) =>
    c.get('platform').casework.update(operatorOf(c), Number(params.id), body),
  'POST /api/supervision-cases/:id/move': async (c, { params, body }) =>
    c.get('platform').casework.move(operatorOf(c), Number(params.id), body),
  'POST /api/supervision-cases/:id/leads': async (c, { params, body }) =>
    c.get('platform').casework.join(operatorOf(c), Number(params.id), body),
  'POST /api/supervision-cases/:id/acts': async (c, { params, body }) =>
    c.get('platform').casework.addAct(operatorOf(c), Number(params.id), body),
} satisfies AreaHandlers;
