/**
 * What the browser tests need: the built web app, the real server on a random loopback port over
 * a temp database, users made through the platform's services, and Chromium from Debian driven by
 * playwright-core (never a downloaded browser).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { openApp } from '../../src/app.ts';
import type { App } from '../../src/app.ts';
import { createApiApp } from '../../src/api/server.ts';
import type { ApiApp } from '../../src/api/server.ts';
import type { Role } from '../../src/contract/vocabulary.ts';
import { SYSTEM_OPERATOR } from '../../src/org/operator.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(ROOT, 'web', 'dist');
export const CHROMIUM = '/usr/bin/chromium';

/** Skip only on a developer machine without Chromium; in CI the browser tests must run. */
export function browserTestsSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI) return undefined;
  return `跳过浏览器测试：未找到 ${CHROMIUM}（apt-get install -y chromium）。CI 中此测试必须运行。`;
}

/** Newest modification time under a folder (the web sources). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app when `web/dist` is missing (a fresh clone) or older than the sources, so the
 * test never passes or fails on a stale bundle.
 */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'web', 'src')),
    newestMtime(join(ROOT, 'src', 'contract')),
    statSync(join(ROOT, 'web', 'index.html')).mtimeMs,
    statSync(join(ROOT, 'web', 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
    ],
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}

export interface TestServer {
  readonly url: string;
  readonly app: App;
  readonly api: ApiApp;
  readonly dir: string;
  /** The first-start administrator and its one-time password. */
  readonly admin: { username: string; password: string };
  close(): Promise<void>;
}

/** The real server (API + web app) in-process, on 127.0.0.1 and a free port, over a temp DB. */
export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-e2e-'));
  const app = await openApp(join(dir, 'zhijian.duckdb'));
  const api = createApiApp(app, { webDist: WEB_DIST, uploadDir: join(dir, 'uploads') });
  const admin = await api.platform.org.bootstrap('33');
  if (!admin) throw new Error('bootstrap: no administrator created on an empty database');
  const server = serve({ fetch: api.hono.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    api,
    dir,
    admin,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user with a known password (no forced change), made through the org service. */
export async function createUser(
  server: TestServer,
  user: {
    username: string;
    displayName: string;
    unitId: string;
    roles: Role[];
    canViewFullId?: boolean;
  },
  password = 'Harbour-Lamp-e2e',
): Promise<{ id: string; username: string; password: string }> {
  const { user: made } = await server.api.platform.org.createUser(
    { ...SYSTEM_OPERATOR, username: 'test-setup' },
    {
      ...user,
      canViewFullId: user.canViewFullId ?? false,
      password,
    },
  );
  return { id: made.id, username: made.username, password };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
