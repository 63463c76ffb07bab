import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { z } from 'zod';
import {
  ROUTES,
  routeName,
  type RouteDef,
  type RouteInput,
  type RouteMap,
  type RouteName,
  type RouteResponse,
} from '../contract/routes/index.ts';
import { hasRight } from '../contract/rights.ts';
import { CSRF_HEADER } from '../contract/session.ts';
import { AppError } from '../domain/app-error.ts';
import { CSRF_COOKIE, SESSION_COOKIE, type ApiEnv, type Ctx } from './context.ts';

/** A JSON route answers its declared response; a file or stream route answers a Response. */
type Answer<N extends RouteName> = RouteMap[N] extends { response: z.ZodType }
  ? RouteResponse<N>
  : Response;

/** Gets the request already parsed by the route's params, query and body schemas. */
export type RouteHandler<N extends RouteName> = (
  c: Ctx,
  input: RouteInput<N>,
) => Promise<Answer<N>> | Answer<N>;

/** One handler for every route of the contract: a missing or misspelt name is a compile error. */
export type RouteHandlers = { [N in RouteName]: RouteHandler<N> };

/** What one area's route file provides (`satisfies AreaHandlers` rejects unknown names). */
export type AreaHandlers = Partial<RouteHandlers>;

/** The handlers as the binder sees them: the name → handler pairing is checked by the types above. */
type AnyHandler = (c: Ctx, input: Parsed) => Promise<unknown> | unknown;
interface Parsed {
  params: unknown;
  query: unknown;
  body: unknown;
}

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF (double submit): every state-changing request carries the token in `x-csrf-token`, equal
 * to the `zj_csrf` cookie and, once signed in, to the session's own token. A cross-site form can
 * neither read the cookie nor set the header.
 */
function checkCsrf(c: Ctx): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  const header = c.req.header(CSRF_HEADER);
  const session = c.get('session');
  const ok = session
    ? sameToken(header, session.csrfToken)
    : sameToken(header, getCookie(c, CSRF_COOKIE));
  if (!ok) throw new AppError('CSRF', '安全令牌无效或缺失，请刷新页面后重试');
}

/**
 * Path parameters against the route's schema. Runs first, before the session is even looked at, so
 * a NUL byte, a broken `%` escape or an over-long key never reaches a service. Hono has decoded
 * them; an escape it could not decode is left as it was (a `%` the schema refuses).
 */
function checkParams(c: Ctx, def: RouteDef): unknown {
  if (!def.params) return {};
  const result = def.params.safeParse(c.req.param());
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.map(String).join('.') ?? '';
  throw new AppError('INVALID_PATH', `网址中的参数 ${name} 无效：${issue?.message ?? ''}`);
}

/** Query and body by their schemas (zod → 400 naming the field, in Chinese); before the handler. */
async function parseInput(c: Ctx, def: RouteDef, params: unknown): Promise<Parsed> {
  const query = def.query ? def.query.parse(c.req.query()) : undefined;
  let body: unknown;
  if (def.body) {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw new AppError('BAD_JSON', '请求体不是有效的 JSON');
    }
    body = def.body.parse(json);
  }
  return { params, query, body };
}

/** Checks the session, the route's right (`ROLE_RIGHTS`), CSRF and the input, in that order, then runs the handler. */
function guarded(def: RouteDef, handler: AnyHandler) {
  return async (c: Ctx): Promise<Response> => {
    const params = checkParams(c, def);
    if (def.access !== 'public') {
      const session = c.get('session');
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
      if (session.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(routeName(def))) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
      }
      if (def.access !== 'user' && !hasRight(session.user.roles, def.access)) {
        throw new AppError('FORBIDDEN', '没有权限执行此操作');
      }
    }
    checkCsrf(c);
    const input = await parseInput(c, def, params);
    const result = await handler(c, input);
    return result instanceof Response ? result : c.json(result as object);
  };
}

/** A user who must change the one-time password may do only this until they have. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>([
  'GET /api/session',
  'POST /api/session/password',
  'POST /api/session/logout',
]);

/**
 * Registers the handler of every route of the contract, in its order (so `/api/leads/filters` is
 * matched before `/api/leads/:key`).
 */
export function bindRoutes(hono: Hono<ApiEnv>, handlers: RouteHandlers): void {
  const byName = handlers as unknown as Record<string, AnyHandler | undefined>;
  for (const def of ROUTES) {
    const handler = byName[routeName(def)];
    // Unreachable while the types hold; a cast somewhere must not turn into a silent 404.
    if (!handler) throw new Error(`路由 ${routeName(def)} 没有处理函数`);
    hono.on(def.method, def.path, guarded(def, handler));
  }
}

export { SESSION_COOKIE };
