/**
 * The court's reply deadline for a recommendation (两高监督规定 第十三条): three months from the
 * recommendation, extendable once by one month; and how close a deadline is. Pure. The period runs
 * from the court's receipt in the text; the platform knows the issue date (发出日期) and counts from it.
 */
import { daysInMonth } from '../domain/date.ts';
import type { DeadlineStatus } from '../domain/vocabulary.ts';

/** Months of the reply period, and of the one extension (第十三条: 三个月; 可以延长一个月). */
export const REPLY_MONTHS = 3;
export const EXTENSION_MONTHS = 1;
/** Days before the deadline the platform starts warning (即将到期). */
export const DEFAULT_WARN_DAYS = 15;

function parts(ymd: string): [number, number, number] {
  const [y, m, d] = ymd.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `ymd` plus `months` calendar months; a day the target month lacks falls to its last day
 * (2025-11-30 + 3 → 2026-02-28, 2026-01-31 + 3 → 2026-04-30), as a period counted in months ends.
 */
export function addMonths(ymd: string, months: number): string {
  const [y, m, d] = parts(ymd);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The reply deadline of a recommendation issued on `issuedOn`. */
export function replyDue(issuedOn: string): string {
  return addMonths(issuedOn, REPLY_MONTHS);
}

/**
 * The deadline after the one extension: four months from the same start (not one month from the
 * clamped three-month date, which would lose days after a short February).
 */
export function extendedDue(issuedOn: string): string {
  return addMonths(issuedOn, REPLY_MONTHS + EXTENSION_MONTHS);
}

/** `ymd` plus `days` days. */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = parts(ymd);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export type { DeadlineStatus };

/** Where an unanswered recommendation stands on `today`: the deadline day itself is still in time. */
export function deadlineStatus(
  due: string,
  today: string,
  warnDays: number = DEFAULT_WARN_DAYS,
): DeadlineStatus {
  const left = daysBetween(today, due);
  if (left < 0) return '已逾期';
  return left <= warnDays ? '即将到期' : '未到期';
}
