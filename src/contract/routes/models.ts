import { z } from 'zod';
import { JobStarted } from '../jobs.ts';
import {
  ModelDetail,
  ModelImportRequest,
  ModelImportResponse,
  ModelSummary,
  RunRequest,
} from '../models.ts';
import { IdParams } from '../params.ts';
import { route } from './define.ts';

/** The model library and runs. */
export const MODEL_ROUTES = [
  route({
    method: 'GET',
    path: '/api/models',
    summary: '模型库',
    access: 'user',
    response: z.array(ModelSummary),
  }),
  route({
    method: 'GET',
    path: '/api/models/:id',
    params: IdParams,
    summary: '模型详情（依据、参数、SQL、样例状态）',
    access: 'user',
    response: ModelDetail,
  }),
  route({
    method: 'GET',
    path: '/api/models/:id/export',
    params: IdParams,
    summary: '导出模型文件',
    access: 'user',
    produces: 'yaml',
  }),
  route({
    method: 'POST',
    path: '/api/models/import',
    summary: '导入模型文件',
    access: 'manage_models',
    body: ModelImportRequest,
    response: ModelImportResponse,
  }),
  route({
    method: 'POST',
    path: '/api/runs',
    summary: '运行模型（后台任务）',
    access: 'run_models',
    body: RunRequest,
    response: JobStarted,
  }),
] as const;
