/** Small checks and errors the casework service shares (pure). */
import { AppError } from '../domain/app-error.ts';
import { isValidYmd } from '../domain/date.ts';

/** A calendar date YYYY-MM-DD (the contract checks the shape; this checks the day exists). */
export function checkDate(value: string, label: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[1]) < 2000) {
    throw new AppError('BAD_CASE_INPUT', `${label}「${value}」不是有效日期（应为 YYYY-MM-DD）`);
  }
  return value;
}

/** The year in China (UTC+8) at `now`: case numbers count per calendar year there. */
export function yearInChina(now: number): number {
  return new Date(now + 8 * 3600_000).getUTCFullYear();
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', '监督案件不存在或不在本单位范围内');
}

/** A save made on an older version: refused, so the other user's save is not overwritten. */
export function conflict(
  row: { case_no: string; version: number | bigint },
  seen: number,
): AppError {
  return new AppError(
    'CASE_VERSION_CONFLICT',
    `监督案件 ${row.case_no} 已被他人修改（您看到的是第 ${seen} 版，现在是第 ${Number(row.version)} 版），` +
      '本次修改未保存。请刷新后查看对方的修改，再重新操作',
  );
}
