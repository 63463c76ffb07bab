import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Me, SessionInfo } from '../../contract/session.ts';
import { randomToken } from '../../auth/tokens.ts';
import type { ActiveSession } from '../../auth/auth.service.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { clientIp, CSRF_COOKIE, SESSION_COOKIE, sessionOf, type Ctx } from '../context.ts';
import { isSecureRequest } from '../security-headers.ts';

function setCsrfCookie(c: Ctx, token: string): void {
  // Readable by the page's script (double submit), never sent cross-site.
  setCookie(c, CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'Strict',
    secure: isSecureRequest(c, c.get('options')),
  });
}

async function sessionInfo(c: Ctx, session: ActiveSession): Promise<SessionInfo> {
  const unit = await c.get('platform').org.unit(session.user.unitId);
  const me: Me = {
    id: session.user.id,
    username: session.user.username,
    displayName: session.user.displayName,
    roles: session.user.roles,
    unitId: session.user.unitId,
    unitName: unit?.name ?? session.user.unitId,
    canViewFullId: session.user.canViewFullId,
    mustChangePassword: session.user.mustChangePassword,
  };
  return { user: me, csrfToken: session.csrfToken };
}

export const sessionRoutes = {
  'GET /api/session/csrf': (c) => {
    const token = getCookie(c, CSRF_COOKIE) ?? randomToken();
    setCsrfCookie(c, token);
    return { csrfToken: token };
  },

  'POST /api/session/login': async (c, { body }) => {
    const { username, password } = body;
    const platform = c.get('platform');
    // The service audits the sign-in and every failed attempt.
    const { token, session } = await platform.auth.login(username, password, clientIp(c));
    setCookie(c, SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecureRequest(c, c.get('options')),
      maxAge: platform.auth.options.sessionHours * 3600,
    });
    setCsrfCookie(c, session.csrfToken);
    c.set('session', session);
    return sessionInfo(c, session);
  },

  'POST /api/session/logout': async (c) => {
    const session = sessionOf(c);
    await c.get('platform').auth.logout(session, clientIp(c));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return { ok: true };
  },

  'GET /api/session': async (c) => sessionInfo(c, sessionOf(c)),

  'POST /api/session/password': async (c, { body }) => {
    const session = sessionOf(c);
    const { oldPassword, newPassword } = body;
    await c.get('platform').auth.changePassword(session, oldPassword, newPassword, clientIp(c));
    return { ok: true };
  },
} satisfies AreaHandlers;
