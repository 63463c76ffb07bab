import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';
import type { ApiEnv } from './context.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite's hashed assets (`index-3f9a1c2b.js`) never change: cache them for a year. */
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.\w+$/;

/**
 * Serves the built web app: files under `dist`, anything else that is not `/api/…` gets index.html
 * (client-side routes survive a reload). Paths are normalised and must stay inside `dist`.
 */
export function serveWebApp(hono: Hono<ApiEnv>, dist: string): void {
  const root = normalize(dist);
  const index = join(root, 'index.html');
  hono.get('*', (c) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('网址无效：含不完整的 % 编码', 400);
    }
    if (urlPath.startsWith('/api/'))
      return c.json({ code: 'NOT_FOUND', message: '接口不存在' }, 404);
    const file = normalize(join(root, urlPath));
    const inside = file.startsWith(root + sep);
    if (inside && existsSync(file) && statSync(file).isFile()) {
      const hashed = urlPath.startsWith('/assets/') && HASHED.test(urlPath);
      return new Response(readFileSync(file), {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    }
    if (!existsSync(index)) {
      return c.text('网页尚未构建：请先运行 npm run build:web', 404);
    }
    return new Response(readFileSync(index), {
      headers: {
        'content-type': TYPES['.html'] ?? 'text/html',
        'cache-control': 'no-cache',
      },
    });
  });
}
