import { join } from 'node:path';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuthOptions } from '../auth/auth.service.ts';
import type { Database } from '../store/database.ts';
import { bindRoutes, type RouteHandlers } from './bind-routes.ts';
import { SESSION_COOKIE, type ApiEnv, type ApiOptions } from './context.ts';
import { onError } from './on-error.ts';
import { openApiDocument } from './openapi.ts';
import { createPlatform, type Platform } from './platform.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { caseRoutes } from './routes/cases.routes.ts';
import { caseworkRoutes } from './routes/casework.routes.ts';
import { documentRoutes } from './routes/documents.routes.ts';
import { campaignRoutes } from './routes/campaigns.routes.ts';
import { statsRoutes } from './routes/stats.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { dataRoutes } from './routes/data.routes.ts';
import { leadRoutes } from './routes/leads.routes.ts';
import { modelRoutes } from './routes/models.routes.ts';
import { extractRoutes } from './routes/extract.routes.ts';
import { jobRoutes } from './routes/jobs.routes.ts';
import { orgRoutes } from './routes/org.routes.ts';
import { recommendationRoutes } from './routes/recommendations.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { securityHeaders } from './security-headers.ts';
import { serveWebApp } from './static.ts';
import { uploadTooLarge } from './uploads/multipart.ts';
import { UploadStore } from './uploads/upload-store.ts';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../contract/data.ts';

// zod's own messages (type mismatches, too short …) in Chinese, like ours.
z.config(z.locales.zhCN());

export interface CreateApiOptions extends Partial<ApiOptions> {
  auth?: Partial<AuthOptions>;
}

export interface ApiApp {
  readonly hono: Hono<ApiEnv>;
  readonly platform: Platform;
}

/**
 * The HTTP application: the API under /api (and the built web app when `webDist` is given), as a
 * Hono app testable in-process with `hono.request()`. `app` is the composition root's App.
 */
export function createApiApp(app: { db: Database }, options: CreateApiOptions = {}): ApiApp {
  const { auth, ...rest } = options;
  const apiOptions: ApiOptions = {
    uploadDir:
      rest.uploadDir ?? join(app.db.path === ':memory:' ? '.' : join(app.db.path, '..'), 'uploads'),
    maxUploadBytes: rest.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    maxUnzippedBytes: rest.maxUnzippedBytes ?? 2 * 1024 * 1024 * 1024,
    secureCookies: rest.secureCookies ?? false,
    trustProxy: rest.trustProxy ?? false,
    ...(rest.webDist ? { webDist: rest.webDist } : {}),
  };
  const platform = createPlatform(app.db, auth);
  const uploads = new UploadStore(apiOptions.uploadDir);
  const hono = new Hono<ApiEnv>();
  hono.onError(onError);
  hono.use('*', securityHeaders(apiOptions));
  hono.use('/api/*', async (c, next) => {
    c.set('platform', platform);
    c.set('options', apiOptions);
    c.set('uploads', uploads);
    const session = await platform.auth.resolve(getCookie(c, SESSION_COOKIE));
    c.set('session', session);
    c.set('scope', session ? await platform.org.scope(session.user.unitId) : undefined);
    await next();
    // On the response's own headers: `c.header()` after the handler turns the light response into a
    // streamed copy (measured: a fifth of the server thread under load).
    const headers = c.res.headers;
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  });
  // Uploads: refused from Content-Length before a byte of the body is read; a body sent without
  // one (chunked) is cut off at the same limit while it streams (receiveFiles).
  hono.use('/api/uploads', async (c, next) => {
    const length = Number(c.req.header('content-length') ?? NaN);
    if (Number.isFinite(length) && length > apiOptions.maxUploadBytes) {
      throw uploadTooLarge(apiOptions.maxUploadBytes);
    }
    await next();
  });

  const handlers: RouteHandlers = {
    ...sessionRoutes,
    ...orgRoutes,
    ...auditRoutes,
    ...jobRoutes,
    ...leadRoutes,
    ...caseRoutes,
    ...caseworkRoutes,
    ...documentRoutes,
    ...recommendationRoutes,
    ...campaignRoutes,
    ...statsRoutes,
    ...dashboardRoutes,
    ...dataRoutes,
    ...modelRoutes,
    ...extractRoutes,
    'GET /api/openapi.json': () => openApiDocument(),
  };
  bindRoutes(hono, handlers);
  hono.all('/api/*', (c) => c.json({ code: 'NOT_FOUND', message: '接口不存在' }, 404));
  if (apiOptions.webDist) serveWebApp(hono, apiOptions.webDist);
  return { hono, platform };
}
