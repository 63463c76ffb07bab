import { z } from 'zod';
import { Role } from './vocabulary.ts';

/** The signed-in user as the browser sees it. */
export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  unitId: z.string(),
  unitName: z.string(),
  /** May ask for unmasked ID numbers (`?reveal=1`); every such view is audited. */
  canViewFullId: z.boolean(),
  /** First sign-in with a one-time password: the UI must force a password change. */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/** Answer of login and `GET /api/session`: the user plus the CSRF token to send as `x-csrf-token`. */
export const SessionInfo = z.object({ user: Me, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/**
 * A new password as it travels. The policy itself (src/domain/password-policy.ts, with the shipped
 * list of common passwords) is checked by the server on every path that sets one; this is what the
 * forms tell the user beforehand (a test keeps it in step with the rule).
 */
export const NewPassword = z.string().min(1, '请输入新密码').max(256, '密码最长 256 位');
export const PASSWORD_POLICY_HINT =
  '至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类；不能是常见密码或其简单变形（如 Password123!），不能主要由键盘连续键、顺序或重复字符组成，不能包含用户名';

export const ChangePasswordRequest = z.object({
  oldPassword: z.string().min(1, '请输入原密码'),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const CsrfInfo = z.object({ csrfToken: z.string() });
export type CsrfInfo = z.infer<typeof CsrfInfo>;

/** Header that must carry the CSRF token on every non-GET request. */
export const CSRF_HEADER = 'x-csrf-token';
