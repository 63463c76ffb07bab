import { AUDIT_ROUTES } from './audit.ts';
import { CAMPAIGN_ROUTES } from './campaigns.ts';
import { CASEWORK_ROUTES } from './casework.ts';
import { DATA_ROUTES } from './data.ts';
import { DOCUMENT_ROUTES } from './documents.ts';
import type {
  NameOf,
  ParsedInput,
  RequestInput,
  ResponseOf,
  RouteDef,
  RouteMapOf,
} from './define.ts';
import { EXTRACT_ROUTES } from './extract.ts';
import { JOB_ROUTES } from './jobs.ts';
import { LEAD_ROUTES } from './leads.ts';
import { MODEL_ROUTES } from './models.ts';
import { ORG_ROUTES } from './org.ts';
import { RECOMMENDATION_ROUTES } from './recommendations.ts';
import { SESSION_ROUTES } from './session.ts';
import { STATS_ROUTES } from './stats.ts';

export type { RouteAccess, RouteDef } from './define.ts';

/**
 * Every route of the API, in matching order (`/api/leads/filters` before `/api/leads/:key`). The
 * server must bind a handler to each (a compile error otherwise), the OpenAPI document is generated
 * from them, and the web client takes its request and response types from them.
 */
export const ROUTE_TABLE = [
  ...SESSION_ROUTES,
  ...ORG_ROUTES,
  ...DATA_ROUTES,
  ...MODEL_ROUTES,
  ...JOB_ROUTES,
  ...LEAD_ROUTES,
  ...CASEWORK_ROUTES,
  ...DOCUMENT_ROUTES,
  ...RECOMMENDATION_ROUTES,
  ...CAMPAIGN_ROUTES,
  ...STATS_ROUTES,
  ...EXTRACT_ROUTES,
  ...AUDIT_ROUTES,
] as const satisfies readonly RouteDef[];

/** The same list, widened for code that walks every route (binding, OpenAPI, tests). */
export const ROUTES: readonly RouteDef[] = ROUTE_TABLE;

export type RouteMap = RouteMapOf<typeof ROUTE_TABLE>;
/** `METHOD /api/path` of every route. */
export type RouteName = keyof RouteMap;
export type RouteInput<N extends RouteName> = ParsedInput<RouteMap[N]>;
export type RouteRequest<N extends RouteName> = RequestInput<RouteMap[N]>;
export type RouteResponse<N extends RouteName> = ResponseOf<RouteMap[N]>;

export function routeName(def: Pick<RouteDef, 'method' | 'path'>): string {
  return `${def.method} ${def.path}`;
}

export type { NameOf };
