import type { MiddlewareHandler } from 'hono';
import type { ApiEnv, ApiOptions, Ctx } from './context.ts';

/**
 * The one definition of the security headers, on every answer: the web app's HTML and assets, JSON,
 * errors, file downloads and streams alike (a JSON error opened in a frame or sniffed as HTML must
 * be as inert as the page).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
};

/** One year; no `includeSubDomains`: the operator's other hosts are not ours to bind. */
export const HSTS = 'max-age=31536000';

/**
 * Whether the browser reached us over HTTPS: our own TLS socket, the operator's word
 * (`secureCookies`: a TLS proxy in front that sends no header), or `X-Forwarded-Proto: https` from
 * a proxy the operator trusts (`trustProxy`; without it the header is anyone's to forge).
 */
export function isSecureRequest(
  c: Ctx,
  options: Pick<ApiOptions, 'secureCookies' | 'trustProxy'>,
): boolean {
  if (options.secureCookies) return true;
  const socket = c.env?.incoming?.socket as { encrypted?: boolean } | undefined;
  // Over a real socket only the socket counts: an absolute `https://` request line is the client's.
  if (socket ? socket.encrypted === true : new URL(c.req.url).protocol === 'https:') return true;
  if (!options.trustProxy) return false;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/** Sets the headers on whatever answer the rest produced (the response's own headers, no copy). */
export function securityHeaders(options: ApiOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (isSecureRequest(c, options)) headers.set('strict-transport-security', HSTS);
  };
}
