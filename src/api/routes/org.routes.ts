import type { Unit, User, UserOption } from '../../contract/org.ts';
import type { PublicUser } from '../../org/org.service.ts';
import type { UnitRecord } from '../../store/unit.repo.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { actorOf, sessionOf } from '../context.ts';

function toUnit(u: UnitRecord): Unit {
  return { ...u };
}

function toUser(u: PublicUser): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unitId: u.unitId,
    unitName: u.unitName,
    roles: u.roles,
    canViewFullId: u.canViewFullId,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && Date.parse(u.lockedUntil) > Date.now() ? u.lockedUntil : null,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
  };
}

export const orgRoutes = {
  'GET /api/units': async (c) =>
    (await c.get('platform').org.visibleUnits(sessionOf(c).user)).map(toUnit),
  'POST /api/units': async (c, { body }) => {
    const unit = await c.get('platform').org.createUnit(actorOf(c), body);
    return toUnit(unit);
  },
  'PATCH /api/units/:id': async (c, { params, body }) => {
    const unit = await c.get('platform').org.updateUnit(actorOf(c), params.id, body);
    return toUnit(unit);
  },
  'GET /api/users': async (c) => (await c.get('platform').org.users(true)).map(toUser),
  'POST /api/users': async (c, { body }) => {
    const { user, oneTimePassword } = await c.get('platform').org.createUser(actorOf(c), body);
    return { user: toUser(user), oneTimePassword };
  },
  'PATCH /api/users/:id': async (c, { params, body: patch }) => {
    const user = await c.get('platform').org.updateUser(actorOf(c), params.id, patch);
    return toUser(user);
  },
  'POST /api/users/:id/reset-password': async (c, { params }) => {
    const { user, oneTimePassword } = await c
      .get('platform')
      .org.resetPassword(actorOf(c), params.id);
    return { user: toUser(user), oneTimePassword };
  },
  'POST /api/users/:id/unlock': async (c, { params }) => {
    const user = await c.get('platform').org.unlock(actorOf(c), params.id);
    return toUser(user);
  },
  'GET /api/user-options': async (c) =>
    (await c.get('platform').org.assignableUsers(sessionOf(c).user.unitId)).map(
      (u): UserOption => ({ id: u.id, displayName: u.displayName, unitName: u.unitName }),
    ),
} satisfies AreaHandlers;
