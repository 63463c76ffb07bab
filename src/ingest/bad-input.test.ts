import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../domain/citizen-id.ts';
import { Database } from '../store/database.ts';
import { getBatch, listBatches } from '../store/batch.repo.ts';
import { badId, validId, writeCsv, writeXlsx } from '../../test/ingest/make-files.ts';
import { importFiles, type ImportResult } from './import.service.ts';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-bad-'));
  db = await Database.open(join(dir, 'db.duckdb'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const HEADER = ['证件号码', '姓名', '死亡日期', '来源'];
const path = (name: string): string => join(dir, name);

async function deaths(): Promise<Record<string, unknown>[]> {
  return db.all(`SELECT id_no, name, CAST(death_date AS VARCHAR) AS death_date, source, _row,
    CAST(_extra AS VARCHAR) AS extra FROM deaths ORDER BY _row`);
}

/** The invariant every bad input keeps: no row lost silently, no partial batch. */
async function expectAccounted(result: ImportResult): Promise<void> {
  for (const o of result.outcomes) {
    expect(o.rowsRead).toBe(o.imported + o.rejected);
  }
  const stored = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM deaths__versions`);
  const committed = (await listBatches(db))
    .filter((b) => b.status === 'committed' && b.dataset === 'deaths')
    .reduce((sum, b) => sum + b.rowsImported, 0);
  expect(stored?.n).toBe(committed);
}

describe('bad input', () => {
  it('an empty file: a Chinese error naming the file, nothing stored', async () => {
    writeFileSync(path('空.csv'), '');
    const result = await importFiles(db, [path('空.csv')], { report: false });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(result.outcomes[0]?.message).toContain('空.csv');
    expect(await listBatches(db)).toEqual([]);
  });

  it('headers only: no batch, said so', async () => {
    writeCsv(path('h.csv'), [HEADER]);
    const result = await importFiles(db, [path('h.csv')], { report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'empty', dataset: 'deaths', rowsRead: 0 });
    expect(result.outcomes[0]?.message).toContain('只有表头');
    expect(await listBatches(db)).toEqual([]);
  });

  it('a PDF renamed .xlsx', async () => {
    writeFileSync(path('裁定书.xlsx'), '%PDF-1.7\n1 0 obj << >> endobj\n');
    const result = await importFiles(db, [path('裁定书.xlsx')], { report: false });
    expect(result.outcomes[0]?.status).toBe('failed');
    expect(result.outcomes[0]?.message).toMatch(/裁定书\.xlsx.*PDF/);
  });

  it('a password-protected xlsx (an OLE container) and a corrupt one', async () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(path('加密.xlsx'), ole);
    const good = path('good.xlsx');
    await writeXlsx(good, { Sheet1: [HEADER, [validId(1), '张三', '2023-01-01', '民政火化']] });
    const bytes = (await import('node:fs')).readFileSync(good);
    writeFileSync(path('损坏.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await importFiles(db, [path('加密.xlsx'), path('损坏.xlsx')], { report: false });
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(result.outcomes[0]?.message).toMatch(/加密\.xlsx.*密码/);
    expect(result.outcomes[1]?.message).toContain('损坏.xlsx');
    await expectAccounted(result);
    expect(await deaths()).toEqual([]);
  });

  it('duplicate headers: a warning, the second kept in _extra with a suffix', async () => {
    writeCsv(path('dup.csv'), [
      [...HEADER, '姓名'],
      [validId(1), '张三', '2023-01-01', '民政火化', '张叁'],
    ]);
    const result = await importFiles(db, [path('dup.csv')], { report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'imported', duplicates: ['姓名'] });
    expect(result.outcomes[0]?.summary.reasons.map((r) => r.code)).toContain('header.duplicate');
    expect(await deaths()).toMatchObject([{ name: '张三', extra: '{"姓名_2":"张叁"}' }]);
  });

  it('a header row under title rows, merged title cells, and merged data cells', async () => {
    await writeXlsx(
      path('title.xlsx'),
      {
        死亡人员: [
          ['2023年死亡人员信息', null, null, null],
          ['制表单位：某某民政局', null, null, null],
          HEADER,
          [validId(1), '张三', '2023-01-01', '民政火化'],
          [validId(2), '李四', '2023-01-02', null],
          [validId(3), '王五', '2023-01-03', null],
        ],
      },
      (sheet) => {
        sheet.mergeCells('A1:D1');
        sheet.mergeCells('D4:D6');
      },
    );
    const result = await importFiles(db, [path('title.xlsx')], { report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'imported', headerRow: 3, rowsRead: 3 });
    // Merged cells: the value is in the top-left cell only; every row is kept.
    expect(await deaths()).toMatchObject([
      { name: '张三', source: '民政火化', _row: 4 },
      { name: '李四', source: null, _row: 5 },
      { name: '王五', source: null, _row: 6 },
    ]);
  });

  it('formulas give their cached value; a =HYPERLINK text stays text; rich text is plain', async () => {
    const hyperlink = '=HYPERLINK("http://evil.example","点我")';
    await writeXlsx(path('f.xlsx'), {
      Sheet1: [
        HEADER,
        [
          validId(1),
          { formula: 'CONCATENATE("张","三")', result: '张三' },
          { formula: 'DATE(2023,1,1)', result: new Date(Date.UTC(2023, 0, 1)) },
          hyperlink,
        ],
        [
          validId(2),
          { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] },
          '2023-01-02',
          '+1 医院',
        ],
      ],
    });
    writeCsv(path('f.csv'), [HEADER, [validId(3), '@王五', '2023-01-03', hyperlink]]);
    const result = await importFiles(db, [path('f.xlsx'), path('f.csv')], { report: false });
    expect(result.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const rows = await deaths();
    expect(rows.map((r) => [r.name, r.death_date, r.source])).toEqual(
      expect.arrayContaining([
        ['张三', '2023-01-01', hyperlink],
        // Spaces inside Chinese text go (normalizeText); the leading + stays, as text.
        ['李四', '2023-01-02', '+1医院'],
        ['@王五', '2023-01-03', hyperlink],
      ]),
    );
    expect(result.outcomes[0]?.summary.reasons.map((r) => r.code)).toContain('cell.formula-text');
  });

  it('100,000 bad IDs: rejected whole, report with counts and listed rows opens', async () => {
    const rows: string[][] = [HEADER];
    for (let i = 0; i < 100_000; i++) rows.push([badId(i), `人${i}`, '2023-01-01', '医院']);
    rows.push([validId(7), '好人', '2023-01-01', '医院']);
    writeCsv(path('bad.csv'), rows);
    const report = path('bad-report.xlsx');
    const result = await importFiles(db, [path('bad.csv')], { report });
    const o = result.outcomes[0];
    expect(o).toMatchObject({
      status: 'rejected',
      rowsRead: 100_001,
      badRows: 100_000,
      imported: 0,
    });
    expect(o?.summary.errors).toBe(100_000);
    expect(o?.summary.reasons[0]).toMatchObject({ severity: 'error', count: 100_000 });
    expect(result.reports).toEqual([report]);
    await expectAccounted(result);
    expect((await listBatches(db))[0]).toMatchObject({ status: 'rejected', rowsRejected: 100_001 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const summary = workbook.getWorksheet('汇总');
    const detail = workbook.getWorksheet('问题明细');
    const summaryText = JSON.stringify(summary?.getSheetValues());
    expect(summaryText).toContain('100000');
    expect(detail?.rowCount).toBe(100_001);
    // IDs are masked in the report.
    const value = String(detail?.getRow(2).getCell(5).value);
    expect(value).toMatch(/^330102\*+\d{3}[0-9X]$/);
  }, 120_000);

  it('--skip-bad-rows imports the good rows and records the skipped ones', async () => {
    writeCsv(path('mixed.csv'), [
      HEADER,
      [validId(1), '张三', '2023-01-01', '医院'],
      [badId(2), '李四', '2023-01-02', '医院'],
      [validId(3), '王五', '不是日期', '医院'],
      [validId(4), '赵六', '2023-01-04', '医院'],
    ]);
    const result = await importFiles(db, [path('mixed.csv')], { skipBadRows: true, report: false });
    expect(result.outcomes[0]).toMatchObject({
      status: 'imported',
      rowsRead: 4,
      imported: 2,
      rejected: 2,
    });
    expect((await deaths()).map((r) => r.name)).toEqual(['张三', '赵六']);
    const [batch] = await listBatches(db);
    expect(batch).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: 2 });
    const stored = await getBatch(db, batch?.id ?? -1);
    expect((stored?.report as { badRows: number[] }).badRows).toEqual([3, 4]);
    await expectAccounted(result);
  });

  it('a GBK CSV and a UTF-8-BOM CSV', async () => {
    writeCsv(path('gbk.csv'), [HEADER, [validId(1), '張三', '2023年1月1日', '公安户籍注销']], {
      gbk: true,
    });
    writeCsv(path('bom.csv'), [HEADER, [validId(2), '李四', '2023/1/2', '医院']], { bom: true });
    const result = await importFiles(db, [path('gbk.csv'), path('bom.csv')], { report: false });
    expect(result.outcomes.map((o) => [o.status, o.encoding, o.dataset])).toEqual([
      ['imported', 'gb18030', 'deaths'],
      ['imported', 'utf-8', 'deaths'],
    ]);
    // Traditional characters in names become simplified (datasets.md).
    expect((await deaths()).map((r) => [r.name, r.death_date, r.source])).toEqual([
      ['张三', '2023-01-01', '公安户籍注销'],
      ['李四', '2023-01-02', '医院'],
    ]);
  });

  it('trailing empty rows and columns are not rows or columns', async () => {
    writeFileSync(
      path('trail.csv'),
      `${HEADER.join(',')},,\n${validId(1)},张三,2023-01-01,医院,,\n,,,,,\n\n,,,,,\n`,
    );
    await writeXlsx(
      path('trail.xlsx'),
      { Sheet1: [HEADER, [validId(2), '李四', '2023-01-02', '医院']] },
      (sheet) => {
        for (let r = 3; r <= 30; r++) sheet.getRow(r).getCell(8).style = { font: { bold: true } };
        sheet.getRow(40).getCell(2).value = '';
      },
    );
    const result = await importFiles(db, [path('trail.csv'), path('trail.xlsx')], {
      report: false,
    });
    expect(result.outcomes.map((o) => [o.status, o.rowsRead])).toEqual([
      ['imported', 1],
      ['imported', 1],
    ]);
    expect((await deaths()).map((r) => r.extra)).toEqual([null, null]);
  });

  it('Excel dates as numbers, date cells, 15-digit IDs, masked IDs, IDs stored as numbers', async () => {
    const id15 = '330102500101123';
    await writeXlsx(path('d.xlsx'), {
      Sheet1: [
        HEADER,
        [validId(1), '张三', 45000, '医院'],
        [id15, '李四', new Date(Date.UTC(2023, 4, 6)), '医院'],
        ['330102********1234', '王五', '2023-05-07', '医院'],
        ['330102********5678', '赵六', '2023-05-08', '医院'],
        [Number(validId(5).slice(0, 15)), '钱七', '2023-05-09', '医院'],
      ],
    });
    const result = await importFiles(db, [path('d.xlsx')], { skipBadRows: true, report: false });
    const o = result.outcomes[0];
    expect(o).toMatchObject({ status: 'imported', rowsRead: 5 });
    const rows = await deaths();
    expect(rows.slice(0, 4).map((r) => [r.id_no, r.death_date])).toEqual([
      [validId(1), '2023-03-15'],
      [`33010219500101123${citizenIdCheckChar('33010219500101123')}`, '2023-05-06'],
      ['330102********1234', '2023-05-07'],
      ['330102********5678', '2023-05-08'],
    ]);
    const reasons = new Map(o?.summary.reasons.map((r) => [r.code, r.count]));
    expect(reasons.get('id.masked')).toBe(2);
    expect(reasons.get('id.from15')).toBe(1);
    expect(reasons.get('cell.stored-as-number')).toBe(1);
    // Counted per column, listed once.
    expect(o?.summary.first.filter((d) => d.code === 'id.masked')).toHaveLength(1);
  });
});
