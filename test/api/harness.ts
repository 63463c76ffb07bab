import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/contract/vocabulary.ts';
import { createApiApp, type ApiApp, type CreateApiOptions } from '../../src/api/server.ts';
import { SYSTEM_OPERATOR, type Operator } from '../../src/org/operator.ts';
import { Database } from '../../src/store/database.ts';

/** Who sets a test up (users made before any client signs in): named so in the audit log. */
export const SETUP: Operator = { ...SYSTEM_OPERATOR, username: 'test-setup' };

/** A real DuckDB in a temp dir, the API app on it, and the bootstrap admin's one-time password. */
export interface Harness {
  dir: string;
  db: Database;
  api: ApiApp;
  admin: { username: string; password: string };
  close(): void;
}

export async function openHarness(options: CreateApiOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-api-'));
  const db = await Database.open(join(dir, 'test.duckdb'));
  const api = createApiApp({ db }, { uploadDir: join(dir, 'uploads'), ...options });
  const admin = await api.platform.org.bootstrap('33');
  if (!admin) throw new Error('bootstrap created no admin');
  return {
    dir,
    db,
    api,
    admin,
    close: () => {
      api.platform.leads.close();
      api.platform.stats.close();
      try {
        db.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies, sends the CSRF header on non-GET requests. */
export class Client {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;
  /** Set false to leave the CSRF header out (attack tests). */
  sendCsrf = true;

  /** `remoteAddress`: the peer address the server sees (as `@hono/node-server` passes it). */
  constructor(
    private readonly api: ApiApp,
    private readonly remoteAddress?: string,
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) {
      h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (method !== 'GET' && this.sendCsrf && this.csrf) h['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || body instanceof ReadableStream) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    // A stream body is sent as it is, without Content-Length (chunked).
    const init: RequestInit & { duplex?: 'half' } = { method, headers: h, body: payload };
    if (payload instanceof ReadableStream) init.duplex = 'half';
    const env = this.remoteAddress
      ? { incoming: { socket: { remoteAddress: this.remoteAddress } } }
      : undefined;
    const res = await this.api.hono.request(path, init, env);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await this.request(method, path, body);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Fetches a CSRF token, signs in, keeps the session's token. */
  async login(username: string, password: string): Promise<Response> {
    const csrf = await this.json<{ csrfToken: string }>('GET', '/api/session/csrf');
    this.csrf = csrf.body.csrfToken;
    const res = await this.request('POST', '/api/session/login', { username, password });
    if (res.ok) {
      const info = (await res.clone().json()) as { csrfToken: string };
      this.csrf = info.csrfToken;
    }
    return res;
  }
}

/** Creates a user directly through the service (fixed password, no first-change). */
export async function addUser(
  h: Harness,
  username: string,
  unitId: string,
  roles: Role[],
  options: { canViewFullId?: boolean } = {},
): Promise<{ username: string; password: string; id: string }> {
  // Accepted by the policy for any test user name (none is inside it).
  const password = 'Harbour-Lamp-2025';
  const { user } = await h.api.platform.org.createUser(SETUP, {
    username,
    displayName: username,
    unitId,
    roles,
    canViewFullId: options.canViewFullId ?? false,
    password,
  });
  return { username, password, id: user.id };
}

/** Signs a new client in as an existing user. */
export async function signedIn(
  h: Harness,
  username: string,
  password: string,
  remoteAddress?: string,
): Promise<Client> {
  const client = new Client(h.api, remoteAddress);
  const res = await client.login(username, password);
  if (!res.ok) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return client;
}
