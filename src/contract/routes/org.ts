import { z } from 'zod';
import { IdParams } from '../params.ts';
import {
  CreateUnitRequest,
  CreateUserRequest,
  Unit,
  UpdateUnitRequest,
  UpdateUserRequest,
  User,
  UserOption,
  UserWithPassword,
} from '../org.ts';
import { route } from './define.ts';

/** Units and users. */
export const ORG_ROUTES = [
  route({
    method: 'GET',
    path: '/api/units',
    summary: '单位树（本单位及下级；管理员为全部）',
    access: 'user',
    response: z.array(Unit),
  }),
  route({
    method: 'POST',
    path: '/api/units',
    summary: '新建单位',
    access: 'manage_users',
    body: CreateUnitRequest,
    response: Unit,
  }),
  route({
    method: 'PATCH',
    path: '/api/units/:id',
    params: IdParams,
    summary: '修改单位',
    access: 'manage_users',
    body: UpdateUnitRequest,
    response: Unit,
  }),
  route({
    method: 'GET',
    path: '/api/users',
    summary: '用户列表',
    access: 'manage_users',
    response: z.array(User),
  }),
  route({
    method: 'POST',
    path: '/api/users',
    summary: '新建用户（可生成一次性密码）',
    access: 'manage_users',
    body: CreateUserRequest,
    response: UserWithPassword,
  }),
  route({
    method: 'PATCH',
    path: '/api/users/:id',
    params: IdParams,
    summary: '修改用户（角色、单位、停用）',
    access: 'manage_users',
    body: UpdateUserRequest,
    response: User,
  }),
  route({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    params: IdParams,
    summary: '重置密码（一次性密码）',
    access: 'manage_users',
    response: UserWithPassword,
  }),
  route({
    method: 'POST',
    path: '/api/users/:id/unlock',
    params: IdParams,
    summary: '解除锁定',
    access: 'manage_users',
    response: User,
  }),
  route({
    method: 'GET',
    path: '/api/user-options',
    summary: '可指派的承办人（本单位及下级）',
    access: 'user',
    response: z.array(UserOption),
  }),
] as const;
