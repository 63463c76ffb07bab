import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../domain/working-days.ts';
import { Database } from '../store/database.ts';
import { workingCalendarStatements } from './building-blocks.ts';

describe('add_working_days (SQL) agrees with addWorkingDays', () => {
  it('over every start day of 2023–2026 for 0, 1, 3 and 10 working days', async () => {
    const db = await Database.open(':memory:');
    try {
      for (const sql of workingCalendarStatements()) await db.run(sql);
      const rows = await db.all<{ d: string; n: number; r: string }>(
        `SELECT CAST(d AS DATE)::VARCHAR AS d, n, add_working_days(CAST(d AS DATE), n)::VARCHAR AS r
         FROM generate_series(DATE '2023-01-01', DATE '2026-12-31', INTERVAL 1 DAY) t(d),
              (VALUES (0), (1), (3), (10)) v(n)`,
      );
      expect(rows.length).toBe(1461 * 4);
      const wrong = rows.filter((row) => addWorkingDays(row.d, Number(row.n)) !== row.r);
      expect(wrong.slice(0, 5)).toEqual([]);
      // 2024-09-30 (Mon) + 3: 10-01…10-07 are the National Day holiday → 10-10.
      expect(rows.find((row) => row.d === '2024-09-30' && Number(row.n) === 3)?.r).toBe(
        '2024-10-10',
      );
    } finally {
      db.close();
    }
  });
});
