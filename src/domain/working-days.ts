/**
 * Working days for deadlines such as “三日内” / “within 3 working days”: Monday–Friday, minus public
 * holidays, plus the weekend make-up working days (调休) the State Council announces each year.
 * The default calendar covers 2023–2026; pass your own (or extend it) for other years.
 */

/** 节假日日历: dates are `YYYY-MM-DD`. */
export interface HolidayCalendar {
  /** Days off that would otherwise be working days (and weekend days inside a holiday, harmlessly). */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班). */
  workdays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function isoToMs(iso: string): number {
  if (!ISO.test(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function msToIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days from `from` to `to` inclusive, as ISO dates. */
function span(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = isoToMs(from); t <= isoToMs(to); t += DAY_MS) out.push(msToIso(t));
  return out;
}

/**
 * Builds a calendar from holiday ranges (`'2024-10-01..2024-10-07'` or a single date) and make-up
 * working days.
 */
export function createHolidayCalendar(
  holidays: readonly string[],
  workdays: readonly string[] = [],
): HolidayCalendar {
  const days = new Set<string>();
  for (const h of holidays) {
    const [from = '', to] = h.split('..');
    for (const d of span(from, to ?? from)) days.add(d);
  }
  return { holidays: days, workdays: new Set(workdays) };
}

/**
 * 国务院办公厅 holiday notices 2023–2026 (国办发明电〔2022〕16号, 〔2023〕7号, 〔2024〕12号 and the 2026
 * notice of 2025-11). Typed in from the notices; verify a new year's notice before relying on it.
 */
export const DEFAULT_CALENDAR: HolidayCalendar = createHolidayCalendar(
  [
    // 2023
    '2022-12-31..2023-01-02',
    '2023-01-21..2023-01-27',
    '2023-04-05',
    '2023-04-29..2023-05-03',
    '2023-06-22..2023-06-24',
    '2023-09-29..2023-10-06',
    // 2024
    '2024-01-01',
    '2024-02-10..2024-02-17',
    '2024-04-04..2024-04-06',
    '2024-05-01..2024-05-05',
    '2024-06-10',
    '2024-09-15..2024-09-17',
    '2024-10-01..2024-10-07',
    // 2025
    '2025-01-01',
    '2025-01-28..2025-02-04',
    '2025-04-04..2025-04-06',
    '2025-05-01..2025-05-05',
    '2025-05-31..2025-06-02',
    '2025-10-01..2025-10-08',
    // 2026
    '2026-01-01..2026-01-03',
    '2026-02-15..2026-02-23',
    '2026-04-04..2026-04-06',
    '2026-05-01..2026-05-05',
    '2026-06-19..2026-06-21',
    '2026-09-25..2026-09-27',
    '2026-10-01..2026-10-07',
  ],
  [
    ...['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07'],
    ...['2023-10-08', '2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11'],
    ...['2024-09-14', '2024-09-29', '2024-10-12', '2025-01-26', '2025-02-08', '2025-04-27'],
    ...['2025-09-28', '2025-10-11', '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09'],
    ...['2026-09-20', '2026-10-10'],
  ],
);

/** True for a working day under `calendar`. */
export function isWorkingDay(
  isoDate: string,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): boolean {
  if (calendar.workdays.has(isoDate)) return true;
  if (calendar.holidays.has(isoDate)) return false;
  const wd = new Date(isoToMs(isoDate)).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/**
 * The date `n` working days after `isoDate` (before it when n < 0); the start day itself never counts,
 * as in “收到之日起三日内”. `n = 0` returns the start date. Inputs are canonical dates from parsers;
 * a malformed one is a programming error and throws RangeError.
 */
export function addWorkingDays(
  isoDate: string,
  n: number,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): string {
  let t = isoToMs(isoDate);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  let left = Math.abs(Math.trunc(n));
  while (left > 0) {
    t += step;
    if (isWorkingDay(msToIso(t), calendar)) left--;
  }
  return msToIso(t);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): number {
  const end = isoToMs(to);
  let count = 0;
  for (let t = isoToMs(from) + DAY_MS; t <= end; t += DAY_MS) {
    if (isWorkingDay(msToIso(t), calendar)) count++;
  }
  return count;
}
