import { z } from 'zod';
import { Dashboard } from '../dashboard.ts';
import {
  Batch,
  BatchQuery,
  Dataset,
  ImportRequest,
  PreviewRequest,
  PreviewResponse,
  UploadResponse,
} from '../data.ts';
import { JobStarted } from '../jobs.ts';
import { DatasetParams, JobIdParams, NumericIdParams } from '../params.ts';
import { route } from './define.ts';

/** Dashboard, datasets, uploads, imports, batches and templates. */
export const DATA_ROUTES = [
  route({
    method: 'GET',
    path: '/api/dashboard',
    summary: '工作台数字',
    access: 'user',
    response: Dashboard,
  }),
  route({
    method: 'GET',
    path: '/api/datasets',
    summary: '数据集目录（列、行数、最近导入）',
    access: 'user',
    response: z.array(Dataset),
  }),
  route({
    method: 'POST',
    path: '/api/uploads',
    summary: '上传文件（multipart 字段 files，可多个）',
    access: 'import_data',
    response: UploadResponse,
    produces: 'multipart',
  }),
  route({
    method: 'POST',
    path: '/api/uploads/preview',
    summary: '识别数据集与表头映射',
    access: 'import_data',
    body: PreviewRequest,
    response: PreviewResponse,
  }),
  route({
    method: 'POST',
    path: '/api/imports',
    summary: '导入（后台任务，结果为校验报告）',
    access: 'import_data',
    body: ImportRequest,
    response: JobStarted,
  }),
  route({
    method: 'GET',
    path: '/api/imports/:jobId/report.xlsx',
    params: JobIdParams,
    summary: '校验报告 Excel',
    access: 'import_data',
    produces: 'xlsx',
  }),
  route({
    method: 'GET',
    path: '/api/batches',
    summary: '导入批次',
    access: 'user',
    query: BatchQuery,
    response: z.array(Batch),
  }),
  route({
    method: 'POST',
    path: '/api/batches/:id/rollback',
    params: NumericIdParams,
    summary: '回滚批次',
    access: 'rollback_batches',
    response: Batch,
  }),
  route({
    method: 'GET',
    path: '/api/templates/:dataset',
    params: DatasetParams,
    summary: '数据集 Excel 模板（dataset 或 model:M01）',
    access: 'user',
    produces: 'xlsx',
  }),
] as const;
