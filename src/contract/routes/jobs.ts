import { z } from 'zod';
import { Job } from '../jobs.ts';
import { IdParams } from '../params.ts';
import { route } from './define.ts';

/** Background jobs. */
export const JOB_ROUTES = [
  route({
    method: 'GET',
    path: '/api/jobs',
    summary: '我最近的后台任务',
    access: 'user',
    response: z.array(Job),
  }),
  route({
    method: 'GET',
    path: '/api/jobs/:id',
    params: IdParams,
    summary: '任务状态',
    access: 'user',
    response: Job,
  }),
  route({
    method: 'GET',
    path: '/api/jobs/:id/events',
    params: IdParams,
    summary: '任务进度（SSE：progress / end）',
    access: 'user',
    produces: 'sse',
  }),
] as const;
