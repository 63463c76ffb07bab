import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { Role } from '../contract/vocabulary.ts';
import { AppError } from '../domain/app-error.ts';
import type { Database } from '../store/database.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
} from '../store/session.repo.ts';
import {
  findUserById,
  findUserByName,
  recordFailedLogin,
  recordSuccessfulLogin,
  setPassword,
  type UserRecord,
} from '../store/user.repo.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { assertNewPassword } from './password-policy.ts';
import { hashToken, randomToken } from './tokens.ts';

export interface AuthOptions {
  /** Wrong passwords in a row that lock the account (default 10). */
  lockoutAttempts: number;
  /** How long a lock lasts (default 15 minutes). */
  lockoutMinutes: number;
  /** Session lifetime (default 12 hours). */
  sessionHours: number;
  /** Clock, replaceable in tests. */
  now: () => Date;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  lockoutAttempts: 10,
  lockoutMinutes: 15,
  sessionHours: 12,
  now: () => new Date(),
};

/** A signed-in user on a request. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  canViewFullId: boolean;
  mustChangePassword: boolean;
}

export interface ActiveSession {
  user: SessionUser;
  tokenHash: string;
  csrfToken: string;
}

function toSessionUser(u: UserRecord): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unitId: u.unitId,
    roles: u.roles as Role[],
    canViewFullId: u.canViewFullId,
    mustChangePassword: u.mustChangePassword,
  };
}

/** How long a resolved session is trusted without a query. */
const SESSION_CACHE_MS = 10_000;

const LOGIN_FAILED = () => new AppError('LOGIN_FAILED', '用户名或密码错误');

function formatTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Sign-in (登录): scrypt passwords, random session tokens stored hashed, a CSRF token per session,
 * and a lock after repeated wrong passwords (locked accounts are refused even with the right one).
 */
export class AuthService {
  readonly options: AuthOptions;
  /**
   * Sessions seen in the last few seconds, so a busy page does not cost two queries per request.
   * Dropped on logout, password change and any change of the user (`forgetUser`).
   */
  private readonly recent = new Map<
    string,
    { session: ActiveSession; expiresAt: number; seenAt: number }
  >();

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    options: Partial<AuthOptions> = {},
  ) {
    this.options = { ...DEFAULT_AUTH_OPTIONS, ...options };
  }

  /**
   * Signs in from `ip`. Audited either way: `login` naming the user, or `login_failed` naming the
   * name that was tried and why (wrong password, locked, disabled).
   */
  async login(
    username: string,
    password: string,
    ip: string | null,
  ): Promise<{ token: string; session: ActiveSession }> {
    let signedIn: { token: string; session: ActiveSession };
    try {
      signedIn = await this.attempt(username, password, ip);
    } catch (error) {
      if (error instanceof AppError) {
        const tried: Actor = { userId: null, username, unitId: null, ip };
        await this.audit.record(tried, 'login_failed', null, error.message);
      }
      throw error;
    }
    await this.audit.record(sessionActor(signedIn.session, ip), 'login', null);
    return signedIn;
  }

  private async attempt(
    username: string,
    password: string,
    ip: string | null,
  ): Promise<{ token: string; session: ActiveSession }> {
    const now = this.options.now();
    const user = await findUserByName(this.db, username);
    // Every attempt costs one scrypt, whoever it names — unknown, locked or disabled users too — so
    // the time of the answer does not tell which user names exist (a dummy hash stands in).
    const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user) throw LOGIN_FAILED();
    if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `密码错误次数过多，账户已锁定，请于 ${formatTime(user.lockedUntil)} 后重试或联系管理员`,
      );
    }
    if (!matches) {
      const lockUntil = new Date(now.getTime() + this.options.lockoutMinutes * 60_000);
      const r = await recordFailedLogin(this.db, user.id, this.options.lockoutAttempts, lockUntil);
      if (r.locked) {
        throw new AppError(
          'ACCOUNT_LOCKED',
          `密码错误次数过多，账户已锁定 ${this.options.lockoutMinutes} 分钟`,
        );
      }
      throw LOGIN_FAILED();
    }
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED', '账户已停用，请联系管理员');
    await recordSuccessfulLogin(this.db, user.id);
    await deleteExpiredSessions(this.db, now);
    const token = randomToken();
    const csrfToken = randomToken();
    const tokenHash = hashToken(token);
    await insertSession(this.db, {
      tokenHash,
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + this.options.sessionHours * 3_600_000).toISOString(),
      ip,
    });
    return { token, session: { user: toSessionUser(user), tokenHash, csrfToken } };
  }

  /** The session of a cookie token, or undefined (unknown, expired, disabled user). */
  async resolve(token: string | undefined): Promise<ActiveSession | undefined> {
    if (!token || token.length > 200) return undefined;
    const tokenHash = hashToken(token);
    const now = this.options.now().getTime();
    const hit = this.recent.get(tokenHash);
    if (hit && hit.expiresAt > now && Date.now() - hit.seenAt < SESSION_CACHE_MS)
      return hit.session;
    this.recent.delete(tokenHash);
    const session = await findSession(this.db, tokenHash, this.options.now());
    if (!session) return undefined;
    const user = await findUserById(this.db, session.userId);
    if (!user || user.disabled) return undefined;
    const active = { user: toSessionUser(user), tokenHash, csrfToken: session.csrfToken };
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(tokenHash, {
      session: active,
      expiresAt: Date.parse(session.expiresAt),
      seenAt: Date.now(),
    });
    return active;
  }

  /** A user changed (disabled, roles, password reset): their cached sessions are looked up again. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.recent) {
      if (entry.session.user.id === userId) this.recent.delete(hash);
    }
  }

  /** Ends the session (audited as `logout` from `ip`). */
  async logout(session: ActiveSession, ip: string | null): Promise<void> {
    this.recent.delete(session.tokenHash);
    await deleteSession(this.db, session.tokenHash);
    await this.audit.record(sessionActor(session, ip), 'logout', null);
  }

  /** Changes the password (the old one required); other sessions of the user end; audited. */
  async changePassword(
    session: ActiveSession,
    oldPassword: string,
    newPassword: string,
    ip: string | null,
  ): Promise<void> {
    const user = await findUserById(this.db, session.user.id);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    if (!(await verifyPassword(oldPassword, user.passwordHash))) {
      throw new AppError('WRONG_PASSWORD', '原密码不正确');
    }
    if (oldPassword === newPassword) {
      throw new AppError('SAME_PASSWORD', '新密码不能与原密码相同');
    }
    assertNewPassword(newPassword, user.username);
    await setPassword(this.db, user.id, await hashPassword(newPassword), false);
    await deleteUserSessions(this.db, user.id, session.tokenHash);
    this.forgetUser(user.id);
    await this.audit.record(sessionActor(session, ip), 'password_change', session.user.username);
  }
}

/** The signed-in user of a session, as the audit log names them. */
function sessionActor(session: ActiveSession, ip: string | null): Actor {
  return {
    userId: session.user.id,
    username: session.user.username,
    unitId: session.user.unitId,
    ip,
  };
}
