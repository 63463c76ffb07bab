import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, XLSX_TYPE } from '../context.ts';

/** Recommendations, replies, outcomes: parse → the recommendations service → answer. */
export const recommendationRoutes = {
  'GET /api/recommendations/due': async (c, { query }) =>
    c.get('platform').recommendations.due(operatorOf(c), query.days),
  'GET /api/recommendations/due/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').recommendations.dueWorkbook(operatorOf(c), query.days);
    return download(
      buffer,
      `逾期未回复检察建议-${new Date().toISOString().slice(0, 10)}.xlsx`,
      XLSX_TYPE,
    );
  },
  'GET /api/recommendations': async (c, { query }) =>
    c.get('platform').recommendationList.list(operatorOf(c), query),
  'GET /api/recommendations/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').recommendationList.workbook(operatorOf(c), query);
    return download(
      buffer,
      `检察建议台账-${new Date().toISOString().slice(0, 10)}.xlsx`,
      XLSX_TYPE,
    );
  },
  'GET /api/recommendations/:id': async (c, { params }) =>
    c.get('platform').recommendations.get(operatorOf(c), Number(params.id)),
  'POST /api/supervision-cases/:id/recommendations': async (c, { params, body }) =>
    c.get('platform').recommendations.create(operatorOf(c), Number(params.id), body),
  'POST /api/recommendations/:id/issue': async (c, { params, body }) =>
    c.get('platform').recommendations.issue(operatorOf(c), Number(params.id), body),
  'POST /api/recommendations/:id/extend': async (c, { params, body }) =>
    c.get('platform').recommendations.extend(operatorOf(c), Number(params.id), body),
  'POST /api/recommendations/:id/replies': async (c, { params, body }) =>
    c.get('platform').recommendations.reply(operatorOf(c), Number(params.id), body),
  'POST /api/recommendations/:id/escalate': async (c, { params, body }) =>
    c.get('platform').recommendations.escalate(operatorOf(c), Number(params.id), body),
  'GET /api/supervision-cases/:id/outcomes': async (c, { params }) =>
    c.get('platform').recommendations.outcomes(operatorOf(c), Number(params.id)),
  'GET /api/outcomes': async (c, { query }) =>
    c.get('platform').recommendationList.outcomes(operatorOf(c), query),
  'GET /api/outcomes/export.xlsx': async (c, { query }) => {
    const buffer = await c
      .get('platform')
      .recommendationList.outcomesWorkbook(operatorOf(c), query);
    return download(buffer, `成效台账-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },
  'POST /api/supervision-cases/:id/outcomes': async (c, { params, body }) =>
    c.get('platform').recommendations.addOutcome(operatorOf(c), Number(params.id), body),
  'GET /api/units/:id/recommendation-numbering': async (c, { params }) =>
    c.get('platform').recommendations.numbering(operatorOf(c), params.id),
  'PUT /api/units/:id/recommendation-numbering': async (c, { params, body }) =>
    c.get('platform').recommendations.setNumbering(operatorOf(c), params.id, body.pattern),
} satisfies AreaHandlers;
