import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Ok } from '../contract/common.ts';
import type { LeadDetail } from '../contract/leads.ts';
import {
  ROUTES,
  routeName,
  type RouteInput,
  type RouteName,
  type RouteRequest,
  type RouteResponse,
} from '../contract/routes/index.ts';
import type { ActiveSession } from '../auth/auth.service.ts';
import { bindRoutes, type AreaHandlers, type RouteHandlers } from './bind-routes.ts';
import { CSRF_COOKIE, type ApiEnv } from './context.ts';
import { onError } from './on-error.ts';

// ── types: checked by `tsc --noEmit` (the suite's typecheck), each line fails it if it stops holding
describe('route table types', () => {
  it('derives input and answer types from the schemas', () => {
    expectTypeOf<RouteInput<'POST /api/session/login'>['body']>().toEqualTypeOf<{
      username: string;
      password: string;
    }>();
    expectTypeOf<RouteInput<'PATCH /api/units/:id'>['params']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<RouteInput<'GET /api/leads/:key'>['query']>().toEqualTypeOf<{ reveal: boolean }>();
    expectTypeOf<RouteResponse<'POST /api/session/logout'>>().toEqualTypeOf<Ok>();
    expectTypeOf<RouteResponse<'POST /api/leads/:key/notes'>>().toEqualTypeOf<LeadDetail>();
    // The client sends the query before coercion (`page` may be a string or a number).
    expectTypeOf<RouteRequest<'GET /api/audit'>['query']>().toHaveProperty('page');
    expectTypeOf<'GET /api/nope'>().not.toExtend<RouteName>();
  });

  it('rejects a misspelt handler name, a wrong answer and a missing handler', () => {
    const area = {
      // @ts-expect-error: no such route (misspelt `/api/session`)
      'GET /api/sesion': () => ({ ok: true }),
    } satisfies AreaHandlers;
    const wrongAnswer = {
      // @ts-expect-error: the route answers Ok, not a string
      'POST /api/session/logout': () => 'done',
    } satisfies AreaHandlers;
    const fileRoute = {
      // @ts-expect-error: an xlsx route answers a Response, not JSON
      'GET /api/leads/export.xlsx': () => ({ ok: true }),
    } satisfies AreaHandlers;
    // @ts-expect-error: every other route lacks its handler
    const all: RouteHandlers = { 'POST /api/session/logout': () => ({ ok: true as const }) };
    const typed = {
      'PATCH /api/units/:id': (_c, input) => {
        expectTypeOf(input.params.id).toBeString();
        expectTypeOf(input.body).toHaveProperty('name');
        throw new Error('not run');
      },
    } satisfies AreaHandlers;
    expect([area, wrongAnswer, fileRoute, all, typed]).toHaveLength(5);
  });
});

// ── runtime: the binder parses before the handler runs
const CSRF = 'test-token';

function appWith(calls: { name: string; input: unknown }[], session?: ActiveSession) {
  const hono = new Hono<ApiEnv>();
  hono.onError(onError);
  hono.use('*', async (c, next) => {
    c.set('session', session);
    await next();
  });
  // Every route answers with what it was given, so a test sees exactly what the handler received.
  const spy = (name: string) => (_c: unknown, input: unknown) => {
    calls.push({ name, input });
    return { ok: true };
  };
  const handlers = Object.fromEntries(ROUTES.map((r) => [routeName(r), spy(routeName(r))]));
  bindRoutes(hono, handlers as unknown as RouteHandlers);
  return hono;
}

function post(path: string, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': CSRF,
      cookie: `${CSRF_COOKIE}=${CSRF}`,
    },
    body: JSON.stringify(body),
  });
}

describe('bindRoutes', () => {
  it('answers 400 in Chinese naming the field when the body fails its schema; the handler never runs', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const hono = appWith(calls);
    const empty = await hono.request(post('/api/session/login', { username: '', password: 'x' }));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({
      code: 'INVALID_REQUEST',
      message: '参数 username 无效：请输入用户名',
    });
    const missing = await hono.request(post('/api/session/login', { username: 'wang' }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/^参数 password 无效/);
    const notJson = await hono.request(
      new Request('http://localhost/api/session/login', {
        method: 'POST',
        headers: { 'x-csrf-token': CSRF, cookie: `${CSRF_COOKIE}=${CSRF}` },
        body: '{',
      }),
    );
    expect(await notJson.json()).toEqual({ code: 'BAD_JSON', message: '请求体不是有效的 JSON' });
    expect(calls).toEqual([]);

    const ok = await hono.request(
      post('/api/session/login', { username: ' wang ', password: 'p' }),
    );
    expect(ok.status).toBe(200);
    // The handler gets the parsed body (trimmed by the schema), not the raw JSON.
    expect(calls).toEqual([
      {
        name: 'POST /api/session/login',
        input: { params: {}, query: undefined, body: { username: 'wang', password: 'p' } },
      },
    ]);
  });

  it('hands the handler its params and query as the schemas parsed them', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const session = {
      user: { id: 'u1', roles: ['admin'], mustChangePassword: false, canViewFullId: false },
      tokenHash: 'h',
      csrfToken: CSRF,
    } as unknown as ActiveSession;
    const hono = appWith(calls, session);
    const res = await hono.request('http://localhost/api/leads/M01%3A%E6%A1%88?reveal=1');
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      {
        name: 'GET /api/leads/:key',
        input: { params: { key: 'M01:案' }, query: { reveal: true }, body: undefined },
      },
    ]);
    const bad = await hono.request('http://localhost/api/audit?page=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^参数 page 无效/);
    expect(calls).toHaveLength(1);
  });
});
