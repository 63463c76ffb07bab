import { Ok } from '../common.ts';
import { ChangePasswordRequest, CsrfInfo, LoginRequest, SessionInfo } from '../session.ts';
import { route } from './define.ts';

/** Sign-in, sign-out and the password. */
export const SESSION_ROUTES = [
  route({
    method: 'GET',
    path: '/api/session/csrf',
    summary: '取得 CSRF 令牌（登录前）',
    access: 'public',
    response: CsrfInfo,
  }),
  route({
    method: 'POST',
    path: '/api/session/login',
    summary: '登录',
    access: 'public',
    body: LoginRequest,
    response: SessionInfo,
  }),
  route({
    method: 'POST',
    path: '/api/session/logout',
    summary: '退出登录',
    access: 'user',
    response: Ok,
  }),
  route({
    method: 'GET',
    path: '/api/session',
    summary: '当前用户与 CSRF 令牌',
    access: 'user',
    response: SessionInfo,
  }),
  route({
    method: 'POST',
    path: '/api/session/password',
    summary: '修改密码（须原密码）',
    access: 'user',
    body: ChangePasswordRequest,
    response: Ok,
  }),
] as const;
