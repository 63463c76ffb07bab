import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './harness.ts';

/** A self-signed certificate for 127.0.0.1, made for the test (Debian's openssl). */
function selfSigned(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' }); // prettier-ignore
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function listen(server: ServerType): Promise<number> {
  return new Promise((resolve) =>
    server.once('listening', () => resolve((server.address() as AddressInfo).port)),
  );
}

function get(
  tls: boolean,
  port: number,
  path: string,
): Promise<{ status: number; headers: IncomingMessage['headers'] }> {
  return new Promise((resolve, reject) => {
    const done = (res: IncomingMessage) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    };
    const options = { host: '127.0.0.1', port, path };
    const req = tls
      ? httpsRequest({ ...options, rejectUnauthorized: false }, done)
      : httpRequest(options, done);
    req.on('error', reject);
    req.end();
  });
}

describe('over a real socket', () => {
  let h: Harness;
  let server: ServerType | undefined;
  afterEach(() => {
    server?.close();
    h.close();
  });

  it('a TLS socket gets Secure cookies and HSTS', async () => {
    h = await openHarness();
    server = serve({
      fetch: h.api.hono.fetch,
      port: 0,
      hostname: '127.0.0.1',
      createServer: createHttpsServer,
      serverOptions: selfSigned(h.dir),
    });
    const res = await get(true, await listen(server), '/api/session/csrf');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']?.join()).toMatch(/zj_csrf=.*; Secure/);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('plain http: an absolute https:// request line does not make it secure', async () => {
    h = await openHarness();
    server = serve({ fetch: h.api.hono.fetch, port: 0, hostname: '127.0.0.1' });
    const port = await listen(server);
    for (const path of ['/api/session/csrf', 'https://127.0.0.1/api/session/csrf']) {
      const res = await get(false, port, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['set-cookie']?.join(), path).not.toMatch(/Secure/);
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
  });
});
