import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBatches } from '../store/batch.repo.ts';
import { Database } from '../store/database.ts';
import { badId, csvText, encodeGbk, validId } from '../../test/ingest/make-files.ts';
import { fastPathUses } from './csv-fast-path.ts';
import { importFiles } from './import.service.ts';
import type { ImportOptions, ImportProgress } from './import-types.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-fast-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  '案号',
  '执行法院',
  '立案日期',
  '结案日期',
  '结案方式',
  '执行标的金额',
  '被执行人',
  '被执行人证件号码',
];

/** Clean rows (canonical already) mixed with the messy values real exports have. */
function ledger(rows: number, withErrors: boolean): string[][] {
  const out: string[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    const messy = i % 3 === 0;
    out.push([
      messy && i % 2 === 0 ? `(2021)浙0102执${i + 1}號` : `（2021）浙0102执${i + 1}号`,
      messy ? ' 杭州市上城區人民法院 ' : '杭州市上城区人民法院',
      messy ? '2021年3月5日' : '2021-03-05',
      i % 7 === 0 ? '' : messy ? '2022/1/2' : '2022-01-02',
      i % 5 === 0 ? '终结本次执行程序' : '执行完毕',
      messy ? '1.5万元' : `${1000 + i}.50`,
      messy ? '某某（北京）科技有限公司' : `王${i}`,
      withErrors && i % 97 === 5
        ? badId(i)
        : i % 11 === 0
          ? validId(i).slice(0, 6) + validId(i).slice(8, 17)
          : messy
            ? ` ${validId(i).toLowerCase()}`
            : validId(i),
    ]);
  }
  return out;
}

interface Imported {
  outcome: Record<string, unknown>;
  rows: Record<string, unknown>[];
  batches: Record<string, unknown>[];
}

async function importWith(file: string, options: ImportOptions): Promise<Imported> {
  const db = await Database.open(join(dir, `${Math.random()}.duckdb`));
  try {
    const result = await importFiles(db, [file], { report: false, ...options });
    const o = result.outcomes[0];
    if (!o) throw new Error('no outcome');
    const rows = await db.all(
      `SELECT * EXCLUDE (_batch_id) FROM enforcement_cases__versions ORDER BY _row`,
    );
    const { batchId: _b, ...outcome } = o as unknown as Record<string, unknown>;
    void _b;
    const batches = (await listBatches(db)).map(({ createdAt: _c, ...b }) => b);
    const reports = await db.all(`SELECT status, CAST(report AS VARCHAR) AS report FROM batches`);
    return { outcome, rows, batches: [...batches, ...reports] };
  } finally {
    db.close();
  }
}

/** Imports a file through the fast path and through the JS row path: results must be identical. */
async function expectSameAsJsPath(
  file: string,
  options: ImportOptions = {},
  fastPath = true,
): Promise<Imported> {
  const before = fastPathUses.count;
  const fast = await importWith(file, options);
  // The fast path was taken (or, for files DuckDB reads differently, deliberately not).
  expect(fastPathUses.count - before).toBe(fastPath ? 1 : 0);
  const js = await importWith(file, { ...options, csvFastPath: false });
  expect(fast.outcome).toEqual(js.outcome);
  expect(fast.rows).toEqual(js.rows);
  expect(fast.batches).toEqual(js.batches);
  return fast;
}

describe('CSV fast path (DuckDB read + SQL pre-screen)', () => {
  it('imports clean and messy rows exactly as the JS path does', async () => {
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, csvText(ledger(3000, false)));
    const r = await expectSameAsJsPath(file);
    expect(r.outcome.status).toBe('imported');
    expect(r.rows.length).toBe(3000);
    expect(r.rows[0]?._row).toBe(2);
    expect(r.rows[2999]?._row).toBe(3001);
  });

  it('settles messy but valid values once per distinct value, not row by row', async () => {
    const rows: string[][] = [HEADER];
    for (let i = 0; i < 2000; i++) {
      rows.push([
        `（2021）浙0102执${i + 1}号`,
        i % 2 ? ' 杭州市上城區人民法院 ' : '杭州市上城区人民法院',
        i % 3 ? '2021年3月5日' : '2021/3/5',
        '',
        '终结本次执行程序',
        `${1000 + (i % 7)}`,
        `王${'英華'[i % 2]}${i % 10}`,
        validId(i),
      ]);
    }
    const file = join(dir, 'messy.csv');
    writeFileSync(file, csvText(rows));
    const before = fastPathUses.rowsValidated;
    const r = await expectSameAsJsPath(file);
    expect(r.rows.length).toBe(2000);
    expect(r.rows[1]?.court).toBe('杭州市上城区人民法院');
    expect(String(r.rows[1]?.filed_date)).toContain('2021-03-05');
    // The row validator saw none of them: every messy value had a clean canonical form.
    expect(fastPathUses.rowsValidated - before).toBe(0);

    // A value with a warning (a masked ID) still goes with its row, so the report lists the row.
    rows[5] = [...(rows[5] ?? [])];
    (rows[5] as string[])[7] = '330102********1234';
    writeFileSync(file, csvText(rows));
    const at = fastPathUses.rowsValidated;
    await expectSameAsJsPath(file);
    expect(fastPathUses.rowsValidated - at).toBe(1);
  });

  it("reports DuckDB's progress through the file while it screens", async () => {
    const file = join(dir, 'progress.csv');
    writeFileSync(file, csvText(ledger(2000, false)));
    const events: ImportProgress[] = [];
    const db = await Database.open(join(dir, 'progress.duckdb'));
    try {
      const result = await importFiles(db, [file], {
        report: false,
        onProgress: (p) => events.push(p),
      });
      expect(result.outcomes[0]?.status).toBe('imported');
    } finally {
      db.close();
    }
    const screening = events.filter((e) => e.phase === 'screening');
    expect(screening.length).toBeGreaterThan(0);
    expect(screening.every((e) => (e.fraction ?? -1) >= 0 && (e.fraction ?? 2) <= 1)).toBe(true);
    expect(screening.at(-1)?.fraction).toBe(1);
    // Screening comes before the rows are written and the sheet is done.
    const phases = events.map((e) => e.phase);
    expect(phases.indexOf('screening')).toBeLessThan(phases.lastIndexOf('done'));
  });

  it('skips rows of empty cells (a line of commas) as the JS path does', async () => {
    const rows = ledger(600, false);
    for (const at of [5, 300, 301])
      rows.splice(
        at,
        0,
        HEADER.map(() => ''),
      );
    const file = join(dir, 'commas.csv');
    writeFileSync(file, csvText(rows));
    const r = await expectSameAsJsPath(file);
    expect(r.rows.length).toBe(600);
    expect(r.rows.at(-1)?._row).toBe(604);
  });

  it('rejects or skips bad rows with the same report', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, csvText(ledger(2000, true)));
    const rejected = await expectSameAsJsPath(file);
    expect(rejected.outcome.status).toBe('rejected');
    expect(rejected.rows.length).toBe(0);
    const skipped = await expectSameAsJsPath(file, { skipBadRows: true });
    expect(skipped.outcome.status).toBe('imported');
    expect(skipped.outcome.badRows).toBeGreaterThan(10);
  });

  it('keeps row numbers with quoted line breaks, GBK, title rows and empty lines (fallback)', async () => {
    const rows = ledger(500, false);
    rows[10] = [...(rows[10] ?? [])];
    (rows[10] as string[])[6] = '王"小"\n明';
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, encodeGbk(csvText(rows)));
    expect((await expectSameAsJsPath(gbk)).rows.length).toBe(500);

    const titled = join(dir, 'titled.csv');
    writeFileSync(titled, `某某法院执行案件台账,,,,,,,\n${csvText(rows)}\n\n`);
    expect((await expectSameAsJsPath(titled)).rows[0]?._row).toBe(3);

    const blank = join(dir, 'blank.csv');
    const text = csvText(rows).split('\n');
    text.splice(100, 0, '');
    writeFileSync(blank, text.join('\n'));
    const r = await expectSameAsJsPath(blank, {}, false);
    expect(r.rows.length).toBe(500);
    expect(r.rows.at(-1)?._row).toBe(502);

    const ragged = join(dir, 'ragged.csv');
    writeFileSync(ragged, csvText(rows) + '（2021）浙0102执9999号,杭州市上城区人民法院\n');
    await expectSameAsJsPath(ragged, {}, false);
  });
});
