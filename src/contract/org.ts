import { z } from 'zod';
import { NewPassword } from './session.ts';
import { Role } from './vocabulary.ts';
import { Timestamp } from './common.ts';

/** Unit levels: 省院 → 市院 → 基层院. */
export const UNIT_LEVELS = ['province', 'city', 'county'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS);
export type UnitLevel = z.infer<typeof UnitLevel>;
export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: '省院',
  city: '市院',
  county: '基层院',
};

/** A procuratorate (检察院). `regionCode` (6 digits) links it to courts: 浙0102 ↔ 330102. */
export const Unit = z.object({
  id: z.string(),
  name: z.string(),
  level: UnitLevel,
  parentId: z.string().nullable(),
  regionCode: z.string(),
  /** Court codes (案号 court part, e.g. 浙0102) whose cases belong to this unit. */
  courtCodes: z.array(z.string()),
});
export type Unit = z.infer<typeof Unit>;

export const CreateUnitRequest = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '单位编号只能含字母、数字、-、_')
    .optional(),
  name: z.string().trim().min(1, '请输入单位名称').max(100),
  level: UnitLevel,
  parentId: z.string().nullable(),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  courtCodes: z.array(z.string()).default([]),
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;

export const UpdateUnitRequest = CreateUnitRequest.omit({ id: true }).partial();
export type UpdateUnitRequest = z.infer<typeof UpdateUnitRequest>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roles: z.array(Role),
  canViewFullId: z.boolean(),
  disabled: z.boolean(),
  /** Locked after repeated wrong passwords, until this moment (null when not locked). */
  lockedUntil: Timestamp.nullable(),
  mustChangePassword: z.boolean(),
  createdAt: Timestamp,
  lastLoginAt: Timestamp.nullable(),
});
export type User = z.infer<typeof User>;

export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{2,64}$/, '用户名只能含字母、数字和 _ . @ -，2–64 位'),
  displayName: z.string().trim().min(1, '请输入姓名').max(64),
  unitId: z.string().min(1, '请选择单位'),
  roles: z.array(Role).min(1, '至少选择一个角色'),
  canViewFullId: z.boolean().default(false),
  /** Omit to let the server generate a one-time password (returned once, must be changed). */
  password: NewPassword.optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  unitId: z.string().min(1).optional(),
  roles: z.array(Role).min(1, '至少选择一个角色').optional(),
  canViewFullId: z.boolean().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** Answer of user creation and password reset: the one-time password is shown once. */
export const UserWithPassword = z.object({
  user: User,
  oneTimePassword: z.string().nullable(),
});
export type UserWithPassword = z.infer<typeof UserWithPassword>;

/** Simple user choice for assignment pickers (any signed-in user of the unit tree may list). */
export const UserOption = z.object({
  id: z.string(),
  displayName: z.string(),
  unitName: z.string(),
});
export type UserOption = z.infer<typeof UserOption>;
