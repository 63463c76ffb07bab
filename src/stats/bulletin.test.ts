import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type Platform } from '../api/platform.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import { SYSTEM_OPERATOR } from '../org/operator.ts';
import { Database } from '../store/database.ts';
import { seedTwoCounties } from '../../test/api/seed.ts';
import { seedCasework } from '../../test/stats/casework-seed.ts';
import { parsePeriod, previousPeriod, trendStart } from './period.ts';
import { StatsService } from './stats.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-bulletin-'));
let db: Database;
let platform: Platform;
let stats: StatsService;
let city: Operator;

beforeAll(async () => {
  db = await Database.open(join(dir, 'b.duckdb'));
  platform = createPlatform(db);
  await platform.org.bootstrap('33');
  await platform.org.createUser(SYSTEM_OPERATOR, {
    username: 'zhao',
    displayName: '检察官赵',
    unitId: '330100',
    roles: ['prosecutor'],
    canViewFullId: false,
    password: 'Harbour-Lamp-2025',
  });
  const user = (await platform.org.users()).find((u) => u.username === 'zhao');
  city = {
    userId: user?.id ?? null,
    username: 'zhao',
    unitId: '330100',
    ip: null,
    canViewFullId: false,
  };
  await seedTwoCounties(db);
  await seedCasework(db);
  stats = new StatsService({
    ...platform,
    readers: 0,
    now: () => Date.parse('2025-10-08T08:00:00Z'),
  });
}, 60_000);

afterAll(async () => {
  stats.close();
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('periods', () => {
  it('reads 2025-09, 2025Q3 and 2025; refuses anything else', () => {
    expect(parsePeriod('2025-09')).toMatchObject({
      kind: '月报',
      from: '2025-09-01',
      to: '2025-09-30',
      label: '2025年9月',
    });
    expect(parsePeriod('2025q3')).toMatchObject({
      kind: '季报',
      from: '2025-07-01',
      to: '2025-09-30',
      label: '2025年第三季度',
    });
    expect(parsePeriod('2024')).toMatchObject({
      kind: '年报',
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(parsePeriod('2024-02').to).toBe('2024-02-29');
    expect(() => parsePeriod('2025Q5')).toThrow(/报告期/);
    expect(previousPeriod(parsePeriod('2025Q1')).code).toBe('2024Q4');
    expect(previousPeriod(parsePeriod('2025-01')).code).toBe('2024-12');
    expect(trendStart(parsePeriod('2025Q3'))).toBe('2024-10-01');
  });
});

describe('the bulletin', () => {
  it('is a Word document with the title, the figures and the charts, and an Excel workbook', async () => {
    const b = await stats.bulletin(city, '2025Q3');
    expect(b.title).toBe('杭州市人民检察院民事执行检察监督工作季报（2025年第三季度）');
    writeFileSync(join(dir, 'b.docx'), b.docx);
    const zip = new PizZip(b.docx);
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(b.title);
    expect(text).toContain('成案率60.0%'); // judged 5 (4 + 1), made cases 3
    expect(text).toContain('1,234,567,890,123.75');
    expect(text).toContain('采纳率66.7%');
    expect(text).toContain('上城区');
    const images = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(images.length).toBe(3);
    const png = zip.file(images[0] ?? '')?.asUint8Array();
    expect(
      Buffer.from(png ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(b.xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '总体',
      '按单位',
      '按月份',
      '按模型',
      '终本（按法院）',
      '口径说明',
    ]);
    const units = book.getWorksheet('按单位');
    const labels = units?.getColumn(1).values ?? [];
    expect(labels).toContain('杭州市人民检察院（本级）');
    const audit = await db.all(
      `SELECT target FROM audit_log WHERE action = 'export_report' AND target = 'bulletin'`,
    );
    expect(audit.length).toBe(1);
  }, 60_000);
});
