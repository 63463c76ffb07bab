import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  createHolidayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from './working-days.ts';

describe('working days (default calendar 2023–2026)', () => {
  it.each([
    ['2023-05-08', 3, '2023-05-11'], // plain Monday
    ['2023-05-05', 1, '2023-05-06'], // Saturday 2023-05-06 is a 调休 working day
    ['2023-05-12', 1, '2023-05-15'], // Friday → Monday
    ['2024-09-27', 3, '2024-10-08'], // National Day week skipped; 09-29 (Sun) works
    ['2024-09-26', 2, '2024-09-29'],
    ['2025-01-24', 1, '2025-01-26'], // Sunday 01-26 is a make-up day
    ['2025-01-27', 1, '2025-02-05'], // Spring Festival 01-28..02-04
    ['2026-02-13', 1, '2026-02-14'], // Saturday make-up before Spring Festival 2026
    ['2026-02-14', 1, '2026-02-24'],
    ['2024-10-08', -1, '2024-09-30'],
    ['2024-10-08', 0, '2024-10-08'],
  ] as const)('%s + %i → %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('knows holidays and make-up days', () => {
    expect(isWorkingDay('2024-10-01')).toBe(false);
    expect(isWorkingDay('2024-10-12')).toBe(true); // Saturday make-up
    expect(isWorkingDay('2024-10-13')).toBe(false); // Sunday
    expect(isWorkingDay('2024-10-14')).toBe(true);
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2024-09-27', '2024-10-08')).toBe(3); // 09-29, 09-30, 10-08
    expect(workingDaysBetween('2024-10-08', '2024-10-08')).toBe(0);
    expect(workingDaysBetween('2024-10-08', '2024-10-01')).toBe(0);
  });

  it('accepts a configured calendar', () => {
    const cal = createHolidayCalendar(['2030-01-01..2030-01-03'], ['2030-01-05']);
    expect(addWorkingDays('2030-12-31', 1, cal)).toBe('2031-01-01'); // not in this calendar
    expect(addWorkingDays('2029-12-31', 1, cal)).toBe('2030-01-04');
    expect(addWorkingDays('2030-01-04', 1, cal)).toBe('2030-01-05');
    const empty = createHolidayCalendar([]);
    expect(addWorkingDays('2024-09-30', 1, empty)).toBe('2024-10-01');
  });

  it('rejects a malformed date as a programming error', () => {
    expect(() => addWorkingDays('2024/10/08', 1)).toThrow(RangeError);
  });
});
