import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { Actor } from '../audit/audit.service.ts';
import type { ActiveSession } from '../auth/auth.service.ts';
import { AppError } from '../domain/app-error.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { Scope } from '../org/unit-tree.ts';
import type { Platform } from './platform.ts';
import type { UploadStore } from './uploads/upload-store.ts';

/** Settings of the HTTP layer. */
export interface ApiOptions {
  /** Built web app to serve (SPA); omitted = API only. */
  webDist?: string;
  /** Where uploaded files are kept (generated names). */
  uploadDir: string;
  /** Largest upload accepted: refused from Content-Length, or cut off while it streams (default 1.5 GB). */
  maxUploadBytes: number;
  /** Largest total uncompressed size an xlsx (zip) may declare (default 2 GB). */
  maxUnzippedBytes: number;
  /**
   * Always served over HTTPS (e.g. a TLS proxy in front that sends no `X-Forwarded-Proto`): cookies
   * Secure and HSTS on every answer. Without it both follow the request (`isSecureRequest`).
   */
  secureCookies: boolean;
  /** Believe `X-Forwarded-Proto` (only behind a proxy of the operator that sets it). */
  trustProxy: boolean;
}

export interface ApiEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    platform: Platform;
    options: ApiOptions;
    uploads: UploadStore;
    session: ActiveSession | undefined;
    scope: Scope | undefined;
  };
}

export type Ctx = Context<ApiEnv>;

export const SESSION_COOKIE = 'zj_session';
export const CSRF_COOKIE = 'zj_csrf';

/** The signed-in session (routes with access 'user' or a right only). */
export function sessionOf(c: Ctx): ActiveSession {
  const session = c.get('session');
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录');
  return session;
}

export function scopeOf(c: Ctx): Scope {
  const scope = c.get('scope');
  if (!scope) throw new AppError('UNAUTHENTICATED', '请先登录');
  return scope;
}

/** The peer address (no proxy headers are trusted: the server listens on its own). */
export function clientIp(c: Ctx): string | null {
  return c.env?.incoming?.socket?.remoteAddress ?? null;
}

export function actorOf(c: Ctx): Actor {
  const session = c.get('session');
  return {
    userId: session?.user.id ?? null,
    username: session?.user.username ?? null,
    unitId: session?.user.unitId ?? null,
    ip: clientIp(c),
  };
}

/** The signed-in user of a request as the operator of a disclosure (see org/lead-disclosure.ts). */
export function operatorOf(c: Ctx): Operator {
  return { ...actorOf(c), canViewFullId: sessionOf(c).user.canViewFullId };
}

/** Answer with a file download (name in RFC 5987 form so Chinese names survive). */
export function download(body: Buffer | string, fileName: string, type: string): Response {
  const bytes =
    typeof body === 'string'
      ? body
      : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
  return new Response(bytes, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
