import type { AuditService } from '../audit/audit.service.ts';
import type { Role } from '../domain/vocabulary.ts';
import { hasRight, type Right } from '../contract/rights.ts';
import { AppError } from '../domain/app-error.ts';
import type { Database } from '../store/database.ts';
import { findUserById } from '../store/user.repo.ts';
import type { DataChanges } from './data-changes.ts';
import type { Operator } from './lead-disclosure.ts';
import type { ActingUser } from './unit-boundaries.ts';

export type { Operator };

/**
 * What a service acting for an operator needs, for the web API and the CLI alike: the database it
 * writes (a job's own connection on the web), the audit log and the change signal.
 */
export interface ServiceContext {
  readonly db: Database;
  readonly audit: AuditService;
  readonly changes: DataChanges;
}

/**
 * The platform itself acting (`serve --demo-if-empty`): no user and no unit, so the trusted local
 * operator of unit-boundaries.ts.
 */
export const SYSTEM_OPERATOR: Operator = {
  userId: null,
  username: 'system',
  unitId: null,
  ip: null,
  canViewFullId: false,
};

/**
 * The unit rules' view of an operator: none (the trusted local operator: the CLI without a
 * platform user, the platform itself) when it has no unit, else its unit and its roles as stored
 * now (a disabled or deleted user acts no more).
 */
export async function actingUserOf(
  db: Database,
  operator: Operator,
): Promise<ActingUser | undefined> {
  if (operator.unitId === null) return undefined;
  const user = operator.userId ? await findUserById(db, operator.userId) : undefined;
  if (!user || user.disabled) throw new AppError('FORBIDDEN', '用户不存在或已停用');
  return { unitId: user.unitId, roles: user.roles as Role[] };
}

/**
 * `actingUserOf`, refusing an operator whose roles (as stored now) lack `right`: the services check
 * the right themselves, so the CLI's `--as` user is held to it as the web's routes hold a session.
 * The trusted local operator (no platform user) may do all.
 */
export async function actingUserWith(
  db: Database,
  operator: Operator,
  right: Right,
): Promise<ActingUser | undefined> {
  const user = await actingUserOf(db, operator);
  if (user && !hasRight(user.roles, right)) {
    throw new AppError('FORBIDDEN', `用户 ${operator.username ?? ''} 没有权限执行此操作`);
  }
  return user;
}
