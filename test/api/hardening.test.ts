import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/contract/routes/index.ts';
import { SECURITY_HEADERS } from '../../src/api/security-headers.ts';
import { addUser, Client, openHarness, signedIn, type Harness } from './harness.ts';

function expectSecurityHeaders(res: Response, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
  }
  expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
}

function sessionCookie(res: Response): string {
  return res.headers.getSetCookie().find((c) => c.startsWith('zj_session=')) ?? '';
}

async function loginAt(h: Harness, base: string, headers: Record<string, string> = {}) {
  const u = await addUser(h, `u${Math.random().toString(36).slice(2, 8)}`, '330102', [
    'prosecutor',
  ]);
  const client = new Client(h.api);
  const csrf = await client.request('GET', `${base}/api/session/csrf`, undefined, headers);
  client.csrf = ((await csrf.json()) as { csrfToken: string }).csrfToken;
  const res = await client.request(
    'POST',
    `${base}/api/session/login`,
    { username: u.username, password: u.password },
    headers,
  );
  expect(res.status).toBe(200);
  return { csrf, res };
}

describe('security headers on every answer', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('JSON, errors, file downloads and the HTML carry the same CSP, frame and referrer headers', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'zhijian-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>执检</title>');
    h = await openHarness({ webDist: dist });
    const anonymous = new Client(h.api);
    expectSecurityHeaders(await anonymous.request('GET', '/api/session/csrf'), 'JSON');
    const unauthenticated = await anonymous.request('GET', '/api/session');
    expect(unauthenticated.status).toBe(401);
    expectSecurityHeaders(unauthenticated, '401');
    const missing = await anonymous.request('GET', '/api/no-such-route');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing, '404');
    const badPath = await anonymous.request('GET', '/api/leads/%00');
    expect(badPath.status).toBe(400);
    expectSecurityHeaders(badPath, '400');
    const u = await addUser(h, 'shuju', '330102', ['data_admin']);
    const data = await signedIn(h, u.username, u.password);
    const file = await data.request('GET', '/api/templates/enforcement_cases');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expectSecurityHeaders(file, 'download');
    const html = await anonymous.request('GET', '/leads');
    expect(html.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(html, 'HTML');
    // A broken escape in a page address is a 400, not a 500.
    expect((await anonymous.request('GET', '/%E4%')).status).toBe(400);
    rmSync(dist, { recursive: true, force: true });
  });
});

describe('Secure cookies and HSTS', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('plain http://127.0.0.1 by default: no Secure, no HSTS', async () => {
    h = await openHarness();
    const { csrf, res } = await loginAt(h, 'http://127.0.0.1:8080');
    expect(sessionCookie(res)).toMatch(/HttpOnly/);
    expect(sessionCookie(res)).not.toMatch(/Secure/);
    expect(csrf.headers.getSetCookie().join()).not.toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('over TLS: Secure cookies and HSTS', async () => {
    h = await openHarness();
    const { csrf, res } = await loginAt(h, 'https://zhijian.example');
    expect(sessionCookie(res)).toMatch(/; Secure/);
    expect(csrf.headers.getSetCookie().find((c) => c.startsWith('zj_csrf='))).toMatch(/; Secure/);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('X-Forwarded-Proto counts only when the proxy is trusted', async () => {
    h = await openHarness();
    const forwarded = { 'x-forwarded-proto': 'https' };
    const untrusted = await loginAt(h, 'http://127.0.0.1:8080', forwarded);
    expect(sessionCookie(untrusted.res)).not.toMatch(/Secure/);
    expect(untrusted.res.headers.get('strict-transport-security')).toBeNull();
    h.close();
    h = await openHarness({ trustProxy: true });
    const trusted = await loginAt(h, 'http://127.0.0.1:8080', forwarded);
    expect(sessionCookie(trusted.res)).toMatch(/; Secure/);
    expect(trusted.res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    // The proxy saying plain http is believed too.
    const plain = await loginAt(h, 'http://127.0.0.1:8080', { 'x-forwarded-proto': 'http' });
    expect(sessionCookie(plain.res)).not.toMatch(/Secure/);
  });

  it('--secure-cookies: always Secure and HSTS, whatever the request says', async () => {
    h = await openHarness({ secureCookies: true });
    const { res } = await loginAt(h, 'http://127.0.0.1:8080');
    expect(sessionCookie(res)).toMatch(/; Secure/);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('path parameters are validated on every route that has them', () => {
  let h: Harness;
  afterEach(() => h.close());

  const BAD: Array<[string, string]> = [
    ['NUL', '%00'],
    ['NUL inside', 'M01%00x'],
    ['a lone %', '%'],
    ['a broken escape', '%E4%B8'],
    ['an encoded %', '%25'],
    ['an encoded ..', 'x%2F..%2F..'],
    ['a control character', 'a%0Ab'],
    ['over-long', 'a'.repeat(5000)],
  ];

  it('answers 400 with a Chinese message, never 500, signed in or not', async () => {
    h = await openHarness();
    const admin = await signedIn(h, 'admin', h.admin.password);
    await admin.json('POST', '/api/session/password', {
      oldPassword: h.admin.password,
      newPassword: 'Yw7#kQ2-mTz9',
    });
    const withParams = ROUTES.filter((r) => r.path.includes('/:'));
    expect(withParams.length).toBeGreaterThan(15);
    for (const route of withParams) {
      expect(route.params, `${route.method} ${route.path} declares its params`).toBeDefined();
      for (const [what, value] of BAD) {
        const url = route.path.replace(/:\w+/, value);
        for (const client of [admin, new Client(h.api)]) {
          const res = await client.request(route.method, url, route.body ? {} : undefined);
          const label = `${route.method} ${route.path} with ${what}`;
          expect(res.status, label).toBe(400);
          const body = (await res.json()) as { code: string; message: string };
          expect(body.code, label).toBe('INVALID_PATH');
          expect(body.message, label).toMatch(/^网址中的参数 \w+ 无效：\p{Script=Han}/u);
        }
      }
      // `..` (plain or %2e-encoded) is resolved by the URL parser: another path, never a 500.
      for (const dots of ['..', '%2e%2e', '.']) {
        const res = await admin.request(route.method, route.path.replace(/:\w+/, dots));
        expect(res.status, `${route.method} ${route.path} with ${dots}`).toBeLessThan(500);
      }
    }
  });

  it('the OpenAPI document describes the declared path parameters', async () => {
    h = await openHarness();
    const doc = await new Client(h.api).json<{
      paths: Record<
        string,
        Record<string, { parameters: Array<{ name: string; schema: object }> }>
      >;
    }>('GET', '/api/openapi.json');
    const key = doc.body.paths['/api/leads/{key}']?.get?.parameters[0];
    expect(key).toMatchObject({ name: 'key', schema: { type: 'string', maxLength: 300 } });
  });

  it('the reported cases: a NUL in a lead key, a % in a template name', async () => {
    h = await openHarness();
    const u = await addUser(h, 'jiancha', '330102', ['prosecutor', 'data_admin']);
    const client = await signedIn(h, u.username, u.password);
    const lead = await client.json<{ message: string }>('GET', '/api/leads/M01%00');
    expect(lead).toEqual({
      status: 400,
      body: { code: 'INVALID_PATH', message: '网址中的参数 key 无效：含控制字符' },
    });
    const template = await client.json<{ message: string }>('GET', '/api/templates/%');
    expect(template.status).toBe(400);
    expect(template.body.message).toBe('网址中的参数 dataset 无效：含无效的 % 编码');
    // Good values still pass: a model's template and an unknown lead (404, not 400).
    expect((await client.request('GET', '/api/templates/model%3AM01')).status).toBe(200);
    const unknown = await client.json(
      'GET',
      `/api/leads/${encodeURIComponent('M01:（2023）浙0102执1号')}`,
    );
    expect(unknown.status).toBe(404);
  });
});
