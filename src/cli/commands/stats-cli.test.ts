import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../store/database.ts';
import { runCli } from '../../../test/cli/run-cli.ts';
import { seedTwoCounties } from '../../../test/api/seed.ts';
import { seedCasework } from '../../../test/stats/casework-seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-stats-'));
const DB = join(dir, 'stats.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(DB, ...args);

describe('zhijian stats / report', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    for (const [name, unit] of [
      ['zhaoliu', '330100'],
      ['wangwu', '330102'],
    ] as const) {
      const r = await cli(
        'users',
        'add',
        name,
        '--unit',
        unit,
        '--role',
        'prosecutor',
        '--password',
        'Harbour-Lamp-2026',
      );
      expect(r.code, r.stderr).toBe(0);
    }
    const db = await Database.open(DB);
    await seedTwoCounties(db);
    await seedCasework(db);
    db.close();
  });

  it('prints the table as JSON, acting as the named user (scope with the units below)', async () => {
    const r = await cli(
      'stats',
      '--as',
      'zhaoliu',
      '--by',
      'unit',
      '--from',
      '2025-07-01',
      '--to',
      '2025-09-30',
    );
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as {
      total: { leads: number; cases: number; moneyRecovered: string };
      rows: { key: string }[];
    };
    expect(t.total).toMatchObject({ leads: 6, cases: 3, moneyRecovered: '1234567890123.75' });
    expect(t.rows.map((x) => x.key)).toContain('330102');
    const county = await cli('stats', '--as', 'wangwu', '--by', 'total');
    expect(JSON.parse(county.stdout).total.leads).toBe(4);
    const outside = await cli('stats', '--as', 'wangwu', '--unit', '330105');
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('不在本单位范围内');
    const bad = await cli('stats', '--by', 'weather');
    expect(bad.code).toBe(2);
  });

  it('exports Excel and writes the bulletin (Word + Excel beside it), audited', async () => {
    const xlsx = join(dir, 'by-model.xlsx');
    const r = await cli(
      'stats',
      '--as',
      'zhaoliu',
      '--by',
      'model',
      '--format',
      'xlsx',
      '--out',
      xlsx,
    );
    expect(r.code, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(book.getWorksheet('按模型')?.getRow(1).getCell(2).value).toBe('线索数');

    const docx = join(dir, '季报.docx');
    const rep = await cli('report', '--as', 'zhaoliu', '--period', '2025Q3', '--out', docx);
    expect(rep.code, rep.stderr).toBe(0);
    expect(rep.stdout).toContain('季报（2025年第三季度）');
    expect(existsSync(join(dir, '季报.xlsx'))).toBe(true);
    const text = (new PizZip(readFileSync(docx)).file('word/document.xml')?.asText() ?? '').replace(
      /<[^>]+>/g,
      '',
    );
    expect(text).toContain('成案率60.0%');
    const badPeriod = await cli('report', '--period', '2025Q9', '--out', docx);
    expect(badPeriod.code).toBe(2);

    const db = await Database.open(DB);
    const audit = await db.all<{ target: string }>(
      `SELECT target FROM audit_log WHERE action = 'export_report' AND username = 'zhaoliu' ORDER BY id`,
    );
    db.close();
    expect(audit.map((a) => a.target)).toEqual(['statistics', 'bulletin']);
  });
});
