import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBatches } from '../store/batch.repo.ts';
import { Database } from '../store/database.ts';
import { validId } from '../../test/ingest/make-files.ts';
import { importFiles } from './import.service.ts';
import { previewFile } from './preview.service.ts';
import { PREVIEW_CELL_CHARS, READ_LIMITS } from './read-limits.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-limits-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = '案号,执行法院,立案日期,结案方式,执行标的金额,被执行人,被执行人证件号码';
const row = (i: number): string =>
  `（2021）浙0102执${i + 1}号,杭州市上城区人民法院,2021-03-05,终结本次执行程序,${1000 + i}.50,王${i},${validId(i)}`;

/** Writes `megabytes` MB of `a` with no line break (streamed: memory stays flat in the test too). */
function noNewline(path: string, megabytes: number, prefix = ''): void {
  const fd = openSync(path, 'w');
  try {
    if (prefix) writeSync(fd, prefix);
    const mb = Buffer.alloc(1 << 20, 'a');
    for (let i = 0; i < megabytes; i++) writeSync(fd, mb);
  } finally {
    closeSync(fd);
  }
}

/** Imports `file` into a fresh database: the outcome, and what the database holds afterwards. */
async function importInto(file: string, csvFastPath: boolean) {
  const db = await Database.open(join(dir, `${Math.random()}.duckdb`));
  try {
    const result = await importFiles(db, [file], { report: false, csvFastPath });
    const rows = await db.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM enforcement_cases__versions',
    );
    return { outcome: result.outcomes[0], rows: rows?.n, batches: await listBatches(db) };
  } finally {
    db.close();
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

describe('read limits: rows, cells and columns (preview and import)', () => {
  it('previews a 100 MB CSV with no line break in bounded time with a message naming the row', async () => {
    const path = join(dir, '无换行.csv');
    noNewline(path, 100);
    const { value: preview, ms } = await timed(() => previewFile(path));
    expect(preview.sheets).toEqual([]);
    expect(preview.problems).toEqual([expect.stringContaining('文件 无换行.csv 第 1 行超过 4 MB')]);
    expect(preview.problems[0]).toContain('缺少换行符');
    expect(ms).toBeLessThan(5000);
    expect(JSON.stringify(preview).length).toBeLessThan(2000);
  });

  for (const fast of [true, false]) {
    it(`import of a file with no line break fails cleanly (${fast ? 'fast path' : 'JS path'})`, async () => {
      const path = join(dir, '无换行.csv');
      noNewline(path, 6, `${HEADER}\n${row(1)}\n`);
      const { value, ms } = await timed(() => importInto(path, fast));
      expect(value.outcome?.status).toBe('failed');
      expect(value.outcome?.summary.first[0]?.message).toContain(
        '文件 无换行.csv 第 3 行超过 4 MB',
      );
      expect(value.rows).toBe(0);
      expect(value.batches.filter((b) => b.status === 'committed')).toEqual([]);
      expect(ms).toBeLessThan(10_000);
    });

    it(`a cell over 1 MB after 30,000 good rows: nothing half-written (${fast ? 'fast path' : 'JS path'})`, async () => {
      const path = join(dir, '长单元格.csv');
      const lines = [HEADER];
      for (let i = 0; i < 30_000; i++) lines.push(row(i));
      // A quoted cell over the limit spread over short lines: no one line is long.
      const long = Array.from({ length: 11_000 }, () => 'x'.repeat(99)).join('\n');
      lines.push(
        `（2021）浙0102执1号,杭州市上城区人民法院,2021-03-05,终结本次执行程序,1.00,"${long}",${validId(1)}`,
      );
      lines.push(row(30_001));
      writeFileSync(path, lines.join('\n') + '\n');
      const { value } = await timed(() => importInto(path, fast));
      expect(value.outcome?.status).toBe('failed');
      expect(value.outcome?.summary.first[0]?.message).toContain(
        '文件 长单元格.csv 第 30002 行第 6 列的内容超过 1 MB',
      );
      expect(value.rows).toBe(0);
      expect(value.batches.filter((b) => b.status === 'committed')).toEqual([]);
    });
  }

  it('previews one 100 MB field: stops at the row limit without reading on', async () => {
    const path = join(dir, '大字段.csv');
    noNewline(path, 100, `${HEADER}\n（2021）浙0102执1号,"`);
    const { value: preview, ms } = await timed(() => previewFile(path));
    expect(preview.problems).toEqual([expect.stringContaining('文件 大字段.csv 第 2 行超过 4 MB')]);
    expect(ms).toBeLessThan(5000);
  });

  it('a field just over the cell limit on one line is named by row and column', async () => {
    const path = join(dir, '字段.csv');
    writeFileSync(
      path,
      `${HEADER}\n${row(0)}\n1,2,3,${'y'.repeat(READ_LIMITS.fieldChars + 1)},5\n`,
    );
    const preview = await previewFile(path);
    expect(preview.problems).toEqual([
      expect.stringContaining('文件 字段.csv 第 3 行第 4 列的内容超过 1 MB'),
    ]);
    for (const fast of [true, false]) {
      const { outcome, rows } = await importInto(path, fast);
      expect(outcome?.status).toBe('failed');
      expect(outcome?.summary.first[0]?.message).toContain('第 3 行第 4 列的内容超过 1 MB');
      expect(rows).toBe(0);
    }
  });

  it('a million columns: refused at once, preview and import', async () => {
    const path = join(dir, '百万列.csv');
    writeFileSync(path, `${HEADER}\n${'1,'.repeat(999_999)}1\n`);
    const { value: preview, ms } = await timed(() => previewFile(path));
    expect(preview.problems).toEqual([
      expect.stringContaining('文件 百万列.csv 第 2 行有 1,000,000 列，超过 2,000 列的上限'),
    ]);
    expect(ms).toBeLessThan(5000);
    for (const fast of [true, false]) {
      const { outcome, rows } = await importInto(path, fast);
      expect(outcome?.summary.first[0]?.message).toContain('第 2 行有 1,000,000 列');
      expect(rows).toBe(0);
    }
    // Just over the limit in the header row.
    const wide = join(dir, '宽表.csv');
    writeFileSync(wide, `${Array.from({ length: 2001 }, (_, i) => `列${i}`).join(',')}\n`);
    expect((await previewFile(wide)).problems[0]).toContain('第 1 行有 2,001 列');
  });

  it('keeps the preview of a wide file with long cells small', async () => {
    const path = join(dir, '宽.csv');
    const width = READ_LIMITS.columns;
    const header = [
      '案号',
      ...Array.from({ length: width - 1 }, (_, i) => `附加${i}${'名'.repeat(300)}`),
    ];
    const lines = [header.join(',')];
    for (let r = 0; r < 40; r++)
      lines.push(Array.from({ length: width }, () => 'z'.repeat(300)).join(','));
    writeFileSync(path, lines.join('\n') + '\n');
    const { value: preview, ms } = await timed(() => previewFile(path));
    // ~0.3 s alone (7 s before the header search normalised each cell once); generous for a
    // shared, loaded machine.
    expect(ms).toBeLessThan(15_000);
    const sheet = preview.sheets[0];
    expect(preview.problems).toEqual([]);
    expect(sheet?.sampleRows.length).toBe(10);
    for (const r of sheet?.sampleRows ?? []) {
      expect(Object.keys(r).length).toBeLessThanOrEqual(50);
      for (const v of Object.values(r))
        expect((v ?? '').length).toBeLessThanOrEqual(PREVIEW_CELL_CHARS + 1);
    }
    expect(sheet?.mapping.length).toBe(width);
    expect(Buffer.byteLength(JSON.stringify(preview))).toBeLessThan(1_000_000);
  });
});
