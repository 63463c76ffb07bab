import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { ROUTES, type RouteDef } from '../contract/routes.ts';
import { CSRF_HEADER } from '../contract/session.ts';
import { AppError } from '../domain/app-error.ts';
import { CSRF_COOKIE, SESSION_COOKIE, type ApiEnv, type Ctx } from './context.ts';

export type RouteHandler = (c: Ctx) => Promise<Response | object> | Response | object;

/** Handlers keyed `METHOD /api/path` exactly as in the contract's route list. */
export type RouteHandlers = Partial<Record<string, RouteHandler>>;

export function routeKey(def: Pick<RouteDef, 'method' | 'path'>): string {
  return `${def.method} ${def.path}`;
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
  if (!ok) throw new AppError('CSRF', '安全令牌无效或缺失，请刷新页面后重试', 403);
}

/**
 * Path parameters against the route's schema. Runs first, before the session is even looked at, so
 * a NUL byte, a broken `%` escape or an over-long key never reaches a service. Hono has decoded
 * them; an escape it could not decode is left as it was (a `%` the schema refuses).
 */
function checkParams(c: Ctx, def: RouteDef): void {
  if (!def.params) return;
  const result = def.params.safeParse(c.req.param());
  if (result.success) return;
  const issue = result.error.issues[0];
  const name = issue?.path.map(String).join('.') ?? '';
  throw new AppError('INVALID_PATH', `网址中的参数 ${name} 无效：${issue?.message ?? ''}`, 400);
}

async function parseInput(c: Ctx, def: RouteDef): Promise<void> {
  if (def.query) c.set('query', def.query.parse(c.req.query()));
  if (def.body) {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      throw new AppError('BAD_JSON', '请求体不是有效的 JSON', 400);
    }
    c.set('body', def.body.parse(json));
  }
}

/** Checks the session, the role, CSRF and the input, in that order, then runs the handler. */
function guarded(def: RouteDef, handler: RouteHandler) {
  return async (c: Ctx): Promise<Response> => {
    checkParams(c, def);
    if (def.access !== 'public') {
      const session = c.get('session');
      if (!session) throw new AppError('UNAUTHENTICATED', '请先登录', 401);
      if (session.user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(routeKey(def))) {
        throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码', 403);
      }
      if (def.access !== 'user' && !session.user.roles.some((r) => def.access.includes(r))) {
        throw new AppError('FORBIDDEN', '没有权限执行此操作', 403);
      }
    }
    checkCsrf(c);
    await parseInput(c, def);
    const result = await handler(c);
    return result instanceof Response ? result : c.json(result);
  };
}

/** A user who must change the one-time password may do only this until they have. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/session',
  'POST /api/session/password',
  'POST /api/session/logout',
]);

/**
 * Registers a handler for every route of the contract, in its order (so `/api/leads/filters` is
 * matched before `/api/leads/:key`). A route without a handler answers 501; returns their keys.
 */
export function bindRoutes(hono: Hono<ApiEnv>, handlers: RouteHandlers): string[] {
  const missing: string[] = [];
  for (const def of ROUTES) {
    const key = routeKey(def);
    let handler = handlers[key];
    if (!handler) {
      missing.push(key);
      handler = () => {
        throw new AppError('NOT_AVAILABLE', '此功能尚未提供', 501);
      };
    }
    hono.on(def.method, def.path, guarded(def, handler));
  }
  return missing;
}

export { SESSION_COOKIE };
