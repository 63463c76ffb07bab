import { randomUUID } from 'node:crypto';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type {
  CreateUnitRequest,
  CreateUserRequest,
  UpdateUnitRequest,
  UpdateUserRequest,
} from '../contract/org.ts';
import { LeadFilter } from '../contract/leads.ts';
import { hasRight } from '../contract/rights.ts';
import type { Role } from '../contract/vocabulary.ts';
import { AppError } from '../domain/app-error.ts';
import { generateOneTimePassword, hashPassword } from '../auth/password.ts';
import { assertNewPassword } from '../auth/password-policy.ts';
import type { Database } from '../store/database.ts';
import { insertUnit, listUnits, updateUnit, type UnitRecord } from '../store/unit.repo.ts';
import {
  deleteSavedFilter,
  findUserById,
  findUserByName,
  insertSavedFilter,
  insertUser,
  listSavedFilters,
  listUsers,
  setPassword,
  unlockUser,
  updateUserProfile,
  type UserRecord,
} from '../store/user.repo.ts';
import { deleteUserSessions } from '../store/session.repo.ts';
import { provinceUnits } from './province-units.ts';
import { scopeOf, type Scope } from './unit-tree.ts';

/** A user as services and routes see it (no password hash). */
export type PublicUser = Omit<UserRecord, 'passwordHash' | 'roles'> & {
  roles: Role[];
  unitName: string;
};

/**
 * Units and users (单位与用户). Units are few and change rarely: they are cached in memory and the
 * cache is dropped on every change, so scope checks on every request cost no query. Every change
 * takes the actor (web user or CLI operator) and is audited here, after it succeeds.
 */
export class OrgService {
  private unitCache: UnitRecord[] | undefined;
  private userCache: Promise<PublicUser[]> | undefined;
  /** Called after any change of a user (sign-in caches drop their sessions). */
  onUserChanged: (userId: string) => void = () => undefined;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  private changed(userId: string): void {
    this.userCache = undefined;
    this.onUserChanged(userId);
  }

  async units(): Promise<UnitRecord[]> {
    this.unitCache ??= await listUnits(this.db);
    return this.unitCache;
  }

  async unit(id: string): Promise<UnitRecord | undefined> {
    return (await this.units()).find((u) => u.id === id);
  }

  async scope(unitId: string): Promise<Scope> {
    return scopeOf(await this.units(), unitId);
  }

  /** The province's unit tree, when there are no units yet. */
  async ensureUnits(provinceCode = '33'): Promise<void> {
    if ((await this.units()).length > 0) return;
    for (const u of provinceUnits(provinceCode))
      await insertUnit(this.db, { ...u, courtCodes: [] });
    this.unitCache = undefined;
  }

  /**
   * First start: the unit tree when there is none, and — when no administrator exists — an
   * administrator with a one-time password (printed once by `serve`; no fixed default password).
   */
  async bootstrap(
    provinceCode = '33',
  ): Promise<{ username: string; password: string } | undefined> {
    await this.ensureUnits(provinceCode);
    const existing = await listUsers(this.db);
    if (existing.some((u) => u.roles.includes('admin'))) return undefined;
    const root = (await this.units()).find((u) => u.parentId === null);
    if (!root) throw new AppError('NO_UNIT', `无法初始化：省份代码 ${provinceCode} 没有单位`);
    let username = 'admin';
    for (let i = 2; existing.some((u) => u.username === username); i++) username = `admin${i}`;
    const password = generateOneTimePassword(username);
    await insertUser(this.db, {
      id: randomUUID(),
      username,
      displayName: '系统管理员',
      unitId: root.id,
      roles: ['admin'],
      canViewFullId: false,
      disabled: false,
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    this.userCache = undefined;
    return { username, password };
  }

  async createUnit(actor: Actor, input: CreateUnitRequest): Promise<UnitRecord> {
    const units = await this.units();
    const id = input.id ?? input.regionCode;
    if (units.some((u) => u.id === id)) throw new AppError('UNIT_EXISTS', `单位编号 ${id} 已存在`);
    if (input.parentId !== null && !units.some((u) => u.id === input.parentId)) {
      throw new AppError('UNKNOWN_UNIT', `上级单位 ${input.parentId} 不存在`);
    }
    const unit: UnitRecord = { ...input, id, courtCodes: input.courtCodes };
    await insertUnit(this.db, unit);
    this.unitCache = undefined;
    this.userCache = undefined;
    await this.audit.record(actor, 'unit_change', unit.id, `新建 ${unit.name}`);
    return unit;
  }

  async updateUnit(actor: Actor, id: string, patch: UpdateUnitRequest): Promise<UnitRecord> {
    const current = await this.unit(id);
    if (!current) throw new AppError('NOT_FOUND', '单位不存在');
    const next: UnitRecord = { ...current, ...patch };
    if (next.parentId !== null) {
      const below = (await this.scope(id)).unitIds;
      if (below.includes(next.parentId)) {
        throw new AppError('UNIT_CYCLE', '上级单位不能是本单位或其下级单位');
      }
    }
    await updateUnit(this.db, next);
    this.unitCache = undefined;
    this.userCache = undefined;
    await this.audit.record(actor, 'unit_change', next.id, `修改 ${next.name}`);
    return next;
  }

  private async toPublic(u: UserRecord): Promise<PublicUser> {
    const { passwordHash: _hash, ...rest } = u;
    return {
      ...rest,
      roles: u.roles as Role[],
      unitName: (await this.unit(u.unitId))?.name ?? u.unitId,
    };
  }

  /** Every user (cached until a user changes; lock state is read fresh by `user`). */
  async users(fresh = false): Promise<PublicUser[]> {
    if (fresh) this.userCache = undefined;
    this.userCache ??= listUsers(this.db).then((all) =>
      Promise.all(all.map((u) => this.toPublic(u))),
    );
    try {
      return await this.userCache;
    } catch (error) {
      this.userCache = undefined;
      throw error;
    }
  }

  async user(id: string): Promise<PublicUser | undefined> {
    const u = await findUserById(this.db, id);
    return u && this.toPublic(u);
  }

  /**
   * The units a user may see: the whole tree for those who manage users, else their unit and the
   * units below it.
   */
  async visibleUnits(user: { roles: readonly Role[]; unitId: string }): Promise<UnitRecord[]> {
    const units = await this.units();
    if (hasRight(user.roles, 'manage_users')) return units;
    const visible = new Set(scopeOf(units, user.unitId).unitIds);
    return units.filter((u) => visible.has(u.id));
  }

  /** Who may receive a lead from a user of `unitId`: enabled caseworkers of that unit and below. */
  async assignableUsers(unitId: string): Promise<PublicUser[]> {
    const visible = new Set((await this.scope(unitId)).unitIds);
    return (await this.users()).filter(
      (u) =>
        !u.disabled &&
        visible.has(u.unitId) &&
        u.roles.some((r) => r === 'prosecutor' || r === 'dept_head'),
    );
  }

  /** The user of a sign-in name (the CLI's `--as` or OS user). */
  async userByName(username: string): Promise<PublicUser | undefined> {
    const u = await findUserByName(this.db, username);
    return u && this.toPublic(u);
  }

  /** Creates a user; without a password a one-time password is generated and must be changed. */
  async createUser(
    actor: Actor,
    input: CreateUserRequest,
  ): Promise<{ user: PublicUser; oneTimePassword: string | null }> {
    if (!(await this.unit(input.unitId))) {
      throw new AppError('UNKNOWN_UNIT', `单位 ${input.unitId} 不存在`);
    }
    if (await findUserByName(this.db, input.username)) {
      throw new AppError('USER_EXISTS', `用户名 ${input.username} 已存在`);
    }
    if (input.password !== undefined) assertNewPassword(input.password, input.username);
    const oneTime = input.password === undefined ? generateOneTimePassword(input.username) : null;
    const id = randomUUID();
    await insertUser(this.db, {
      id,
      username: input.username,
      displayName: input.displayName,
      unitId: input.unitId,
      roles: [...new Set(input.roles)],
      canViewFullId: input.canViewFullId,
      disabled: false,
      passwordHash: await hashPassword(input.password ?? oneTime ?? ''),
      mustChangePassword: oneTime !== null,
    });
    this.changed(id);
    const user = await this.user(id);
    if (!user) throw new AppError('INTERNAL', '内部错误');
    await this.audit.record(actor, 'user_create', user.username, user.roles.join(','));
    return { user, oneTimePassword: oneTime };
  }

  async updateUser(actor: Actor, id: string, patch: UpdateUserRequest): Promise<PublicUser> {
    const current = await findUserById(this.db, id);
    if (!current) throw new AppError('NOT_FOUND', '用户不存在');
    if (patch.unitId && !(await this.unit(patch.unitId))) {
      throw new AppError('UNKNOWN_UNIT', `单位 ${patch.unitId} 不存在`);
    }
    await updateUserProfile(this.db, id, {
      displayName: patch.displayName ?? current.displayName,
      unitId: patch.unitId ?? current.unitId,
      roles: patch.roles ? [...new Set(patch.roles)] : current.roles,
      canViewFullId: patch.canViewFullId ?? current.canViewFullId,
      disabled: patch.disabled ?? current.disabled,
    });
    // A disabled user, or one whose rights changed, signs in again.
    if (patch.disabled || patch.roles || patch.unitId) await deleteUserSessions(this.db, id);
    this.changed(id);
    const user = await this.user(id);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    await this.audit.record(actor, 'user_update', user.username, JSON.stringify(patch));
    return user;
  }

  async resetPassword(
    actor: Actor,
    id: string,
  ): Promise<{ user: PublicUser; oneTimePassword: string }> {
    const target = await findUserById(this.db, id);
    if (!target) throw new AppError('NOT_FOUND', '用户不存在');
    const oneTimePassword = generateOneTimePassword(target.username);
    await setPassword(this.db, id, await hashPassword(oneTimePassword), true);
    await deleteUserSessions(this.db, id);
    this.changed(id);
    const user = await this.user(id);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    await this.audit.record(actor, 'user_reset_password', user.username);
    return { user, oneTimePassword };
  }

  async unlock(actor: Actor, id: string): Promise<PublicUser> {
    if (!(await findUserById(this.db, id))) throw new AppError('NOT_FOUND', '用户不存在');
    await unlockUser(this.db, id);
    this.changed(id);
    const user = await this.user(id);
    if (!user) throw new AppError('NOT_FOUND', '用户不存在');
    await this.audit.record(actor, 'user_update', user.username, '解除锁定');
    return user;
  }

  /** A user's saved lead-table filters. */
  async savedFilters(
    userId: string,
  ): Promise<{ id: string; name: string; filter: LeadFilter; createdAt: string }[]> {
    return (await listSavedFilters(this.db, userId)).map((f) => ({
      ...f,
      filter: LeadFilter.parse(f.filter),
    }));
  }

  async saveFilter(
    userId: string,
    filter: { id: string; name: string; filter: LeadFilter },
  ): Promise<{ id: string; name: string; filter: LeadFilter; createdAt: string }> {
    await insertSavedFilter(this.db, userId, filter);
    const saved = (await this.savedFilters(userId)).find((f) => f.id === filter.id);
    if (!saved) throw new AppError('INTERNAL', '内部错误');
    return saved;
  }

  /** Deletes one of the user's own filters; someone else's is "not found". */
  async deleteFilter(userId: string, id: string): Promise<void> {
    if (!(await deleteSavedFilter(this.db, userId, id))) {
      throw new AppError('NOT_FOUND', '筛选不存在');
    }
  }
}
