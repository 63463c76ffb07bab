import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import type { StatsTable } from '../contract/stats.ts';
import type { Figures } from '../domain/stats-definitions.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import { insertCampaign, type CampaignFields } from '../store/campaign.repo.ts';
import type { Database } from '../store/database.ts';
import { seedTwoCounties } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';
import { runCli } from '../../test/cli/run-cli.ts';
import { seedCasework } from '../../test/stats/casework-seed.ts';
import { StatsService } from './stats.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-stats-campaign-'));
const dbPath = join(dir, 'stats.duckdb');
let db: Database;
let platform: Platform;
let stats: StatsService;
let closed = false;
const ops: Record<string, Operator> = {};
/** 上城's campaign and 拱墅's. */
let shang: number;
let gong: number;

const fields = (theme: string): CampaignFields => ({
  theme,
  modelIds: [],
  scopeUnitIds: [],
  courts: [],
  closedFrom: null,
  closedTo: null,
  startsOn: null,
  endsOn: null,
  participantIds: [],
  note: '',
});

function close(): void {
  if (closed) return;
  closed = true;
  stats.close();
  void platform.casework.close();
  platform.leads.close();
  db.close();
}

/**
 * On `seedCasework`: 上城's campaign holds leads M01|A and M05|A1 and case 1 (its recommendation,
 * the 采纳 reply, 恢复执行, 0.10 + 0.20); 拱墅's holds lead M01|B and case 3 (不采纳); the rest
 * has no campaign.
 */
beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(dbPath));
  for (const [name, unit] of [
    ['wang', '330102'],
    ['li', '330105'],
    ['zhao', '330100'],
  ] as const) {
    await addTestUser(platform, name, unit, ['prosecutor']);
  }
  for (const u of await platform.org.users()) {
    ops[u.username] = {
      userId: u.id,
      username: u.username,
      unitId: u.unitId,
      ip: null,
      canViewFullId: false,
    };
  }
  await seedTwoCounties(db);
  await seedCasework(db);
  shang = await insertCampaign(db, '330102', fields('上城车辆专项'), 'test');
  gong = await insertCampaign(db, '330105', fields('拱墅房产专项'), 'test');
  await db.run(
    `UPDATE leads SET campaign_id = ${shang} WHERE lead_key IN ('M01|A', 'M05|A1');
     UPDATE leads SET campaign_id = ${gong} WHERE lead_key = 'M01|B';
     UPDATE supervision_cases SET campaign_id = ${shang} WHERE id = 1;
     UPDATE supervision_cases SET campaign_id = ${gong} WHERE id = 3;`,
  );
  stats = new StatsService({ ...platform, readers: 0 });
}, 60_000);

afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

const COUNTED = ['leads', 'judged', 'cases', 'recommendations', 'replied', 'adopted', 'resumed'];

function sums(t: StatsTable): Record<string, number> {
  const f = (r: Figures) => r as unknown as Record<string, number>;
  return Object.fromEntries(
    COUNTED.map((k) => [k, t.rows.reduce((n, r) => n + f(r.figures)[k]!, 0)]),
  );
}

describe('statistics per campaign on a real database', () => {
  it('by campaign: a row per campaign (and one without), adding up to the total', async () => {
    const t = await stats.table(ops.zhao!, { by: 'campaign' });
    const m = new Map(t.rows.map((r) => [r.key, r]));
    expect(m.get(String(shang))?.label).toBe('上城车辆专项');
    expect(m.get(String(shang))?.figures).toMatchObject({
      leads: 2,
      cases: 1,
      recommendations: 1,
      replied: 1,
      adopted: 1,
      resumed: 1,
      moneyRecovered: '0.30',
    });
    expect(m.get(String(gong))?.figures).toMatchObject({ leads: 1, cases: 1, adopted: 0 });
    expect(m.get('')?.label).toBe('（无专项活动）');
    const total = t.total as unknown as Record<string, number>;
    expect(sums(t)).toEqual(Object.fromEntries(COUNTED.map((k) => [k, total[k]])));
    expect(t.total).toMatchObject({ leads: 6, cases: 3 });
  });

  it('the campaign filter narrows every grouping to that campaign', async () => {
    const q = { campaign: String(shang) };
    const total = await stats.table(ops.zhao!, { ...q, by: 'total' });
    expect(total).toMatchObject({ campaignId: shang, campaignTheme: '上城车辆专项' });
    expect(total.total).toMatchObject({ leads: 2, cases: 1, moneyRecovered: '0.30' });
    const byUnit = await stats.table(ops.zhao!, { ...q, by: 'unit' });
    expect(byUnit.rows.find((r) => r.key === '330102')?.figures.leads).toBe(2);
    expect(byUnit.rows.find((r) => r.key === '330105')?.figures.leads).toBe(0);
    const byModel = await stats.table(ops.wang!, { ...q, by: 'model' });
    expect(byModel.rows.map((r) => r.key).sort()).toEqual(['M01', 'M05']);
    const gongTotal = await stats.table(ops.li!, { campaign: String(gong), by: 'total' });
    expect(gongTotal.total).toMatchObject({ leads: 1, cases: 1, replied: 1, adopted: 0 });
  });

  it("another unit's campaign (or none) is not found", async () => {
    await expect(
      stats.table(ops.wang!, { by: 'total', campaign: String(gong) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      stats.table(ops.li!, { by: 'campaign', campaign: String(shang) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stats.table(ops.zhao!, { by: 'total', campaign: '999' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('the Excel export names the campaign', async () => {
    const buffer = await stats.tableWorkbook(ops.zhao!, {
      by: 'campaign',
      campaign: String(shang),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按专项活动');
    expect(sheet?.getRow(1).getCell(1).value).toBe('专项活动');
    expect(sheet?.getRow(2).getCell(1).value).toBe('上城车辆专项');
    expect(sheet?.headerFooter.oddHeader).toContain('上城车辆专项');
  });

  it('the bulletin of one campaign holds its figures only (unfiltered: all)', async () => {
    const text = (docx: Buffer) =>
      (new PizZip(docx).file('word/document.xml')?.asText() ?? '').replace(/<[^>]+>/g, '');
    const all = await stats.bulletin(ops.zhao!, '2025Q3');
    const one = await stats.bulletin(ops.zhao!, '2025Q3', undefined, undefined, String(shang));
    expect(all.title).toBe('杭州市人民检察院民事执行检察监督工作季报（2025年第三季度）');
    expect(one.title).toBe(
      '杭州市人民检察院民事执行检察监督工作季报（2025年第三季度·上城车辆专项）',
    );
    expect(text(all.docx)).toContain('共生成监督线索6条');
    expect(text(all.docx)).toContain('1,234,567,890,123.75');
    const words = text(one.docx);
    expect(words).toContain('仅统计专项活动「上城车辆专项」');
    expect(words).toContain('共生成监督线索2条');
    expect(words).toContain('立案办理监督案件1件');
    expect(words).toContain('执行到位金额0.30元');
    expect(words).not.toContain('1,234,567,890,123.75');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(one.xlsx as unknown as ArrayBuffer);
    const units = book.getWorksheet('按单位');
    const gongshu = units?.getColumn(1).values.findIndex((v) => String(v).includes('拱墅'));
    expect(units?.getRow(gongshu ?? 0).getCell(2).value).toBe(0);
    await expect(
      stats.bulletin(ops.wang!, '2025Q3', undefined, 'docx', String(gong)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await db.all<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE target = 'bulletin' ORDER BY id`,
    );
    expect(audit.map((a) => JSON.parse(a.detail) as { campaign?: number })).toMatchObject([
      { period: '2025Q3' },
      { period: '2025Q3', campaign: shang },
    ]);
  }, 60_000);

  it('the CLI prints by campaign and takes --campaign', { timeout: 120_000 }, async () => {
    close();
    const by = await runCli(dbPath, 'stats', '--by', 'campaign');
    expect(by.code, by.stderr).toBe(0);
    const table = JSON.parse(by.stdout) as StatsTable;
    expect(table.rows.find((r) => r.key === String(gong))?.label).toBe('拱墅房产专项');
    const one = await runCli(dbPath, 'stats', '--by', 'total', '--campaign', String(shang));
    expect(one.code, one.stderr).toBe(0);
    expect((JSON.parse(one.stdout) as StatsTable).total.leads).toBe(2);
    const refused = await runCli(
      dbPath,
      '--as',
      'li',
      'stats',
      '--by',
      'total',
      '--campaign',
      String(shang),
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('专项活动不存在');
    const out = join(dir, 'campaign.docx');
    const report = await runCli(
      dbPath,
      'report',
      '--period',
      '2025Q3',
      '--campaign',
      String(shang),
      '--out',
      out,
    );
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('上城车辆专项');
    expect(existsSync(join(dir, 'campaign.xlsx'))).toBe(true);
    const xml = new PizZip(readFileSync(out)).file('word/document.xml')?.asText() ?? '';
    expect(xml.replace(/<[^>]+>/g, '')).toContain('共生成监督线索2条');
    const bad = await runCli(
      dbPath,
      'report',
      '--period',
      '2025Q3',
      '--campaign',
      'x',
      '--out',
      out,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('专项活动编号');
  });
});
