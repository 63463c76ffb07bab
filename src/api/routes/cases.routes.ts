import type { AreaHandlers } from '../bind-routes.ts';
import { operatorOf } from '../context.ts';

/** Cases and persons: scope, masking and audit are the view service's (org/lead-views.service.ts). */
export const caseRoutes = {
  /** A case of the user's units (another unit's case is 404), audited. */
  'GET /api/cases/:caseNo': (c, { params, query }) =>
    c.get('platform').views.case(operatorOf(c), params.caseNo, query.reveal),

  /** A person or company by opaque reference: cases and leads in scope, audited. */
  'GET /api/persons/:ref': (c, { params, query }) =>
    c.get('platform').views.person(operatorOf(c), params.ref, query.reveal),
} satisfies AreaHandlers;
