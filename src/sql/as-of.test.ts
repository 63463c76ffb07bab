import { describe, expect, it } from 'vitest';
import { DATASETS } from '../catalog/datasets.ts';
import { Database } from '../store/database.ts';
import { AS_OF_DATES, asOfViewStatements } from './as-of.ts';

describe('as-of views (a run sees only what had happened by asOf)', () => {
  it('names the dates of every dataset that has dates, and only real columns', () => {
    for (const d of DATASETS) {
      const names = new Set(d.columns.map((c) => c.name));
      const dated = d.columns.filter((c) => ['date', 'month', 'datetime'].includes(c.type));
      const rule = AS_OF_DATES[d.name];
      if (dated.length === 0) {
        expect(rule, d.name).toBeUndefined();
        continue;
      }
      // Every date column is either the day the row happened or an end date.
      const covered = [rule?.happened, ...(rule?.ends ?? []).map((e) => e.column)];
      expect(dated.map((c) => c.name).sort(), d.name).toEqual(
        covered.filter((c): c is string => !!c).sort(),
      );
      for (const e of rule?.ends ?? []) for (const c of e.with ?? []) expect(names).toContain(c);
    }
  });

  it('drops rows dated after asOf and reads later end dates as empty', async () => {
    const db = await Database.open(':memory:');
    try {
      await db.run(
        `CREATE TABLE vehicles_raw (plate VARCHAR, registered_date DATE, deregistered_date DATE)`,
      );
      await db.run(`INSERT INTO vehicles_raw VALUES
        ('浙A1', DATE '2024-12-31', DATE '2025-01-01'),
        ('浙A2', DATE '2025-01-01', NULL),
        ('浙A3', NULL, DATE '2024-12-31')`);
      await db.run(`ATTACH ':memory:' AS sandbox`);
      await db.run(`CREATE TABLE sandbox.main.vehicles AS SELECT * FROM vehicles_raw`);
      await db.run(`CREATE TABLE sandbox.main.enforcement_cases (case_no VARCHAR, filed_date DATE,
        closed_date DATE, closure_type VARCHAR)`);
      await db.run(`INSERT INTO sandbox.main.enforcement_cases VALUES
        ('（2024）浙0102执1号', DATE '2024-01-02', DATE '2025-01-01', '终结本次执行程序'),
        ('（2024）浙0102执2号', DATE '2024-01-02', DATE '2024-12-31', '终结本次执行程序'),
        ('（2025）浙0102执1号', DATE '2025-01-01', NULL, NULL)`);
      await db.run(`USE sandbox`);
      const sql = asOfViewStatements(
        'sandbox',
        ['vehicles', 'enforcement_cases', 'x'],
        '2024-12-31',
      );
      expect(sql).toHaveLength(2);
      for (const s of sql) await db.run(s);
      const vehicles = await db.all<{ plate: string; d: string | null }>(
        `SELECT plate, CAST(deregistered_date AS VARCHAR) AS d FROM vehicles ORDER BY plate`,
      );
      // 浙A1 deregistered the day after asOf: still owned as of asOf; 浙A2 registered later: not yet known.
      expect(vehicles).toEqual([
        { plate: '浙A1', d: null },
        { plate: '浙A3', d: '2024-12-31' },
      ]);
      const cases = await db.all<{ case_no: string; t: string | null }>(
        `SELECT case_no, closure_type AS t FROM enforcement_cases ORDER BY case_no`,
      );
      // A case closed the day after asOf is still open; a case filed after asOf does not exist yet.
      expect(cases).toEqual([
        { case_no: '（2024）浙0102执1号', t: null },
        { case_no: '（2024）浙0102执2号', t: '终结本次执行程序' },
      ]);
      expect(() => asOfViewStatements('sandbox', ['vehicles'], "2024-12-31' OR 1=1")).toThrow();
    } finally {
      db.close();
    }
  });
});
