import type { AreaHandlers } from '../bind-routes.ts';
import { operatorOf } from '../context.ts';

/** Recommendations, replies, outcomes: parse → the recommendations service → answer. */
export const recommendationRoutes = {
  'GET /api/recommendations/due': async (c, { query }) =>
    c.get('platform').recommendations.due(operatorOf(c), query.days),
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
  'POST /api/supervision-cases/:id/outcomes': async (c, { params, body }) =>
    c.get('platform').recommendations.addOutcome(operatorOf(c), Number(params.id), body),
} satisfies AreaHandlers;
