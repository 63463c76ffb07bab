import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPasswordProblem } from '../../src/auth/password-policy.ts';
import { addUser, Client, openHarness, SETUP, signedIn, type Harness } from './harness.ts';

describe('sign-in, session, CSRF, lockout, password change', () => {
  let h: Harness;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2026-03-02T09:00:00Z');
    h = await openHarness({ auth: { now: () => now } });
  });
  afterEach(() => h.close());

  it('first start creates an administrator with a one-time password that must be changed', async () => {
    expect(h.admin.username).toBe('admin');
    expect(h.admin.password).toMatch(/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{14}$/);
    // A second bootstrap creates nobody and prints nothing.
    expect(await h.api.platform.org.bootstrap('33')).toBeUndefined();
    const client = await signedIn(h, 'admin', h.admin.password);
    const me = await client.json<{ user: { mustChangePassword: boolean; unitName: string } }>(
      'GET',
      '/api/session',
    );
    expect(me.body.user.mustChangePassword).toBe(true);
    expect(me.body.user.unitName).toBe('浙江省人民检察院');
    // Until the password is changed, nothing else is allowed.
    const users = await client.json('GET', '/api/users');
    expect(users.status).toBe(403);
    expect(users.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const change = await client.json('POST', '/api/session/password', {
      oldPassword: h.admin.password,
      newPassword: 'NewSecret2026',
    });
    expect(change.status).toBe(200);
    expect((await client.json('GET', '/api/users')).status).toBe(200);
  });

  it('signs in and out; the session cookie is HTTP-only and SameSite=Strict', async () => {
    const u = await addUser(h, 'wang', '330102', ['prosecutor']);
    const client = new Client(h.api);
    const res = await client.login(u.username, u.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zj_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie?.split(';')[0]?.length).toBeGreaterThan('zj_session='.length + 40);
    const me = await client.json<{ user: { username: string; unitName: string } }>(
      'GET',
      '/api/session',
    );
    expect(me.body.user).toMatchObject({ username: 'wang', unitName: '杭州市上城区人民检察院' });
    expect((await client.json('POST', '/api/session/logout')).status).toBe(200);
    expect((await client.json('GET', '/api/session')).status).toBe(401);
  });

  it('refuses requests without a session', async () => {
    const anonymous = new Client(h.api);
    for (const path of ['/api/session', '/api/leads', '/api/units', '/api/audit', '/api/jobs']) {
      const res = await anonymous.json<{ code: string; message: string }>('GET', path);
      expect(res.status, path).toBe(401);
      expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    // A forged cookie is no session either.
    anonymous.cookies.set('zj_session', 'forged-token');
    expect((await anonymous.json('GET', '/api/session')).status).toBe(401);
  });

  it('refuses a state change without the CSRF token, or with another token', async () => {
    const u = await addUser(h, 'li', '330102', ['prosecutor']);
    const client = await signedIn(h, u.username, u.password);
    client.sendCsrf = false;
    const missing = await client.json<{ code: string }>('POST', '/api/session/logout');
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('CSRF');
    client.sendCsrf = true;
    const real = client.csrf;
    client.csrf = 'x'.repeat(43);
    expect((await client.json('POST', '/api/session/logout')).status).toBe(403);
    // Still signed in: the refused logout did nothing.
    client.csrf = real;
    expect((await client.json('GET', '/api/session')).status).toBe(200);
    // Login itself needs the double-submit token.
    const fresh = new Client(h.api);
    const res = await fresh.request('POST', '/api/session/login', u);
    expect(res.status).toBe(403);
  });

  it('locks the account after 10 wrong passwords, for 15 minutes, even for the right one', async () => {
    const u = await addUser(h, 'zhao', '330102', ['prosecutor']);
    const client = new Client(h.api);
    for (let i = 0; i < 9; i++) {
      expect((await client.login(u.username, 'wrong-password')).status).toBe(401);
    }
    const tenth = await client.login(u.username, 'wrong-password');
    expect(tenth.status).toBe(423);
    expect(((await tenth.json()) as { message: string }).message).toContain('锁定');
    expect((await client.login(u.username, u.password)).status).toBe(423);
    now = new Date(now.getTime() + 14 * 60_000);
    expect((await client.login(u.username, u.password)).status).toBe(423);
    now = new Date(now.getTime() + 2 * 60_000);
    expect((await client.login(u.username, u.password)).status).toBe(200);
    const audit = await h.api.platform.audit.list(
      { action: 'login_failed' },
      { page: 1, pageSize: 50 },
    );
    expect(audit.total).toBe(12);
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const client = new Client(h.api);
    const res = await client.login('nobody', 'whatever1');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
  });

  it('changes the password only with the old one; other sessions end', async () => {
    const u = await addUser(h, 'qian', '330102', ['prosecutor']);
    const a = await signedIn(h, u.username, u.password);
    const b = await signedIn(h, u.username, u.password);
    const wrong = await a.json<{ code: string; message: string }>('POST', '/api/session/password', {
      oldPassword: 'not-it-1',
      newPassword: 'Another2026x',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('原密码不正确');
    const weak = await a.json<{ message: string }>('POST', '/api/session/password', {
      oldPassword: u.password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toBe('密码至少 10 位');
    const ok = await a.json('POST', '/api/session/password', {
      oldPassword: u.password,
      newPassword: 'Another2026x',
    });
    expect(ok.status).toBe(200);
    expect((await a.json('GET', '/api/session')).status).toBe(200);
    expect((await b.json('GET', '/api/session')).status).toBe(401);
    expect((await new Client(h.api).login(u.username, u.password)).status).toBe(401);
    expect((await new Client(h.api).login(u.username, 'Another2026x')).status).toBe(200);
  });

  it('every path that sets a password applies the policy, in Chinese', async () => {
    // First-login change of the bootstrap administrator.
    const admin = await signedIn(h, 'admin', h.admin.password);
    for (const [weak, message] of [
      ['password1', '密码至少 10 位'],
      ['Password123!', '密码过于常见'],
      ['Admin-Harbour-2026', '密码不能包含用户名'],
      ['qwertyuiop12', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      ['Qwer1234!@#$', '密码过于常见'],
    ] as const) {
      const res = await admin.json<{ code: string; message: string }>(
        'POST',
        '/api/session/password',
        { oldPassword: h.admin.password, newPassword: weak },
      );
      expect(res.status, weak).toBe(400);
      expect(res.body.code, weak).toBe('WEAK_PASSWORD');
      expect(res.body.message, weak).toContain(message);
    }
    const strong = 'Yw7#kQ2-mTz9';
    const ok = await admin.json('POST', '/api/session/password', {
      oldPassword: h.admin.password,
      newPassword: strong,
    });
    expect(ok.status).toBe(200);
    // An administrator creating a user with a password.
    const user = { displayName: '钱', unitId: '330102', roles: ['prosecutor'] };
    const refused = await admin.json<{ message: string }>('POST', '/api/users', {
      ...user,
      username: 'qianjin',
      password: 'Qianjin@2026',
    });
    expect(refused).toEqual({
      status: 400,
      body: { code: 'WEAK_PASSWORD', message: '密码不能包含用户名' },
    });
    const made = await admin.json<{ user: { id: string }; oneTimePassword: string | null }>(
      'POST',
      '/api/users',
      { ...user, username: 'qianjin', password: 'Harbour-Lamp-2026' },
    );
    expect(made.status).toBe(200);
    expect(made.body.oneTimePassword).toBeNull();
    // A reset answers a one-time password the policy accepts.
    const reset = await admin.json<{ oneTimePassword: string }>(
      'POST',
      `/api/users/${made.body.user.id}/reset-password`,
    );
    expect(reset.status).toBe(200);
    expect(newPasswordProblem(reset.body.oneTimePassword, 'qianjin')).toBeUndefined();
    expect(newPasswordProblem(h.admin.password, 'admin')).toBeUndefined();
  });

  it('answers unknown, known, locked and disabled users in the same time', async () => {
    const known = await addUser(h, 'kaoshi', '330102', ['prosecutor']);
    const locked = await addUser(h, 'suoding', '330102', ['prosecutor']);
    const disabled = await addUser(h, 'tingyong', '330102', ['prosecutor']);
    const client = new Client(h.api);
    for (let i = 0; i < 10; i++) await client.login(locked.username, 'wrong-password');
    await h.api.platform.org.updateUser(SETUP, disabled.id, { disabled: true });
    const time = async (username: string): Promise<number> => {
      const start = performance.now();
      const res = await client.login(username, 'Wrong-Guess-2026');
      expect([401, 423]).toContain(res.status);
      return performance.now() - start;
    };
    const cases = { unknown: 'niemand', known: known.username, locked: locked.username };
    const runs: Record<string, number[]> = { unknown: [], known: [], locked: [], disabled: [] };
    await time('warm-up');
    // Interleaved, so a busy moment of the machine falls on all of them alike.
    for (let i = 0; i < 7; i++) {
      for (const [name, username] of Object.entries(cases)) runs[name]?.push(await time(username));
      runs.disabled?.push(await time(disabled.username));
      // Keep the known user below the lockout: the failures are reset by a good sign-in.
      if (i % 4 === 3) await client.login(known.username, known.password);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
    const base = m.unknown ?? 0;
    // One scrypt (tens of ms) dominates every answer; without it a lookup answers in ~1 ms.
    expect(base).toBeGreaterThan(10);
    for (const [name, ms] of Object.entries(m)) {
      expect(ms / base, `${name}: ${JSON.stringify(m)}`).toBeGreaterThan(0.5);
      expect(ms / base, `${name}: ${JSON.stringify(m)}`).toBeLessThan(2);
    }
  });

  it('an expired session is refused', async () => {
    const u = await addUser(h, 'sun', '330102', ['prosecutor']);
    const client = await signedIn(h, u.username, u.password);
    now = new Date(now.getTime() + 13 * 3_600_000);
    expect((await client.json('GET', '/api/session')).status).toBe(401);
  });

  it('checks roles: a prosecutor cannot manage users', async () => {
    const u = await addUser(h, 'zhou', '330102', ['prosecutor']);
    const client = await signedIn(h, u.username, u.password);
    const res = await client.json<{ code: string; message: string }>('GET', '/api/users');
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('没有权限执行此操作');
  });
});
