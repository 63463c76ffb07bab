import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { log } from '../audit/logger.ts';
import { AppError } from '../domain/app-error.ts';

/** Field path of a zod issue as the user sees it (`files.0.uploadId`). */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * The one error mapper: AppError → its status; zod → 400 naming the field; anything else → 500
 * `内部错误`, logged (through the masking logger) without request data.
 */
export function onError(error: Error, c: Context): Response {
  if (error instanceof AppError) {
    return c.json({ code: error.code, message: error.message }, error.status as 400);
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue ? fieldOf(issue.path) : '';
    const message = issue
      ? field
        ? `参数 ${field} 无效：${issue.message}`
        : `请求无效：${issue.message}`
      : '请求无效';
    return c.json({ code: 'INVALID_REQUEST', message }, 400);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ code: 'HTTP_' + error.status, message: '请求无效' }, error.status);
  }
  log('error', `内部错误 ${c.req.method} ${c.req.routePath}`, {
    error: error.stack ?? error.message,
  });
  return c.json({ code: 'INTERNAL', message: '内部错误' }, 500);
}
