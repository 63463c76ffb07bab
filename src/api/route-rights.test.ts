import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hasRight, RIGHTS, ROLE_RIGHTS, rolesWith } from '../contract/rights.ts';
import { ROUTES, routeName, type RouteDef } from '../contract/routes/index.ts';
import { ROLES, type Role } from '../contract/vocabulary.ts';
import type { ActiveSession } from '../auth/auth.service.ts';
import { bindRoutes, type RouteHandlers } from './bind-routes.ts';
import type { ApiEnv } from './context.ts';
import { onError } from './on-error.ts';

const CSRF = 'test-token';
const guardedRoutes = ROUTES.filter((r) => r.access !== 'public' && r.access !== 'user');

/** The binder with a session of the given roles; every handler records that it ran. */
function appAs(roles: Role[], ran: string[]) {
  const hono = new Hono<ApiEnv>();
  hono.onError(onError);
  const session = {
    user: { id: 'u1', roles, mustChangePassword: false, canViewFullId: false },
    tokenHash: 'h',
    csrfToken: CSRF,
  } as unknown as ActiveSession;
  hono.use('*', async (c, next) => {
    c.set('session', session);
    await next();
  });
  const handlers = Object.fromEntries(
    ROUTES.map((r) => [routeName(r), () => (ran.push(routeName(r)), { ok: true })]),
  );
  bindRoutes(hono, handlers as unknown as RouteHandlers);
  return hono;
}

/** A request the route's params accept ('1' fits every parameter schema), with the CSRF header. */
function requestFor(def: RouteDef): Request {
  const path = def.path.replace(/:\w+/g, '1');
  const write = def.method !== 'GET';
  return new Request(`http://localhost${path}`, {
    method: def.method,
    headers: write ? { 'content-type': 'application/json', 'x-csrf-token': CSRF } : {},
    ...(write ? { body: '{}' } : {}),
  });
}

describe('route rights', () => {
  it('grants the right of every route to at least one role, and every right to someone', () => {
    expect(guardedRoutes.length).toBeGreaterThan(10);
    for (const def of guardedRoutes) {
      expect(RIGHTS as readonly string[], routeName(def)).toContain(def.access);
    }
    for (const right of RIGHTS) expect(rolesWith(right), right).not.toEqual([]);
    for (const role of ROLES)
      for (const right of ROLE_RIGHTS[role]) expect(RIGHTS).toContain(right);
  });

  it('answers 403 to a role without the route’s right, before the handler; lets a holder through', async () => {
    for (const role of ROLES) {
      const ran: string[] = [];
      const hono = appAs([role], ran);
      for (const def of guardedRoutes) {
        if (def.access === 'public' || def.access === 'user') continue;
        const res = await hono.request(requestFor(def));
        const name = `${role} ${routeName(def)}`;
        if (hasRight([role], def.access)) {
          expect(res.status, name).not.toBe(403);
        } else {
          expect(res.status, name).toBe(403);
          expect(await res.json(), name).toEqual({
            code: 'FORBIDDEN',
            message: '没有权限执行此操作',
          });
          expect(ran, name).not.toContain(routeName(def));
        }
      }
    }
  });

  it('keeps the split the pages rely on: only data administrators roll back, only heads assign and number cases', () => {
    expect(rolesWith('rollback_batches')).toEqual(['data_admin']);
    expect(rolesWith('assign_leads')).toEqual(['dept_head']);
    expect(rolesWith('number_cases')).toEqual(['dept_head']);
    expect(rolesWith('work_cases')).toEqual(['data_admin', 'prosecutor', 'dept_head']);
    expect(rolesWith('manage_users')).toEqual(['admin']);
    expect(hasRight(['prosecutor', 'dept_head'], 'assign_leads')).toBe(true);
    expect(hasRight([], 'work_leads')).toBe(false);
  });
});
