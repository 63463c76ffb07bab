import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsTable, TerminationTable } from '../../src/contract/stats.ts';
import { seedCasework } from '../stats/casework-seed.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

/** The statistics routes end to end: typed contract, scope, exports audited. */
describe('statistics over the API', () => {
  let h: Harness;
  let city: Client;
  let county: Client;

  beforeAll(async () => {
    h = await openHarness();
    await seedTwoCounties(h.db);
    await seedCasework(h.db);
    const u1 = await addUser(h, 'hangzhou', '330100', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    city = await signedIn(h, u1.username, u1.password);
    county = await signedIn(h, u2.username, u2.password);
  }, 60_000);
  afterAll(() => h.close());

  it('answers the table in the scope, a unit below narrows it, another unit is 404', async () => {
    const t = await city.json<StatsTable>(
      'GET',
      '/api/stats?by=unit&from=2025-07-01&to=2025-09-30',
    );
    expect(t.status).toBe(200);
    expect(t.body.total).toMatchObject({ leads: 6, cases: 3, adopted: 2, replied: 3 });
    const narrowed = await city.json<StatsTable>('GET', '/api/stats?by=total&unitId=330102');
    expect(narrowed.body.total.leads).toBe(4);
    const refused = await county.json<{ error: { code: string } }>(
      'GET',
      '/api/stats?unitId=330102',
    );
    expect(refused.status).toBe(404);
    const bad = await city.json('GET', '/api/stats?by=weather');
    expect(bad.status).toBe(400);
    const model = await city.json<StatsTable>('GET', '/api/stats?by=total&modelId=M05');
    expect(model.body.total.leadsMadeCases).toBe(2);
    // No campaign yet: by campaign is one row without one; a campaign is a number, else 400.
    const byCampaign = await city.json<StatsTable>('GET', '/api/stats?by=campaign');
    expect(byCampaign.body.rows.map((r) => r.label)).toEqual(['（无专项活动）']);
    expect((await city.json('GET', '/api/stats?campaign=x')).status).toBe(400);
    expect((await city.json('GET', '/api/stats?campaign=999')).status).toBe(404);
    expect((await city.json('GET', '/api/stats/export.xlsx?campaign=999')).status).toBe(404);
  });

  it('the cases list takes the drill-down filters: unit (with those below), model, opening dates', async () => {
    type Page = { total: number; items: { caseNo: string }[] };
    const q = (s: string) => city.json<Page>('GET', `/api/supervision-cases?open=0&${s}`);
    expect((await q('')).body.total).toBe(3);
    expect((await q('unitId=330105')).body.total).toBe(1);
    expect((await q('modelId=M05')).body.items.map((c) => c.caseNo)).toEqual([
      '测检民执监〔2025〕2号',
    ]);
    expect((await q('openedFrom=2025-08-01&openedTo=2025-08-31')).body.total).toBe(1);
    const outside = await county.json<Page>('GET', '/api/supervision-cases?open=0&unitId=330102');
    expect(outside.body.total).toBe(0);
  });

  it('终本 per court, its Excel, and the bulletin in Word and Excel, each export audited', async () => {
    const t = await city.json<TerminationTable>('GET', '/api/stats/termination?by=judge');
    expect(t.body.rows.length).toBeGreaterThan(0);
    const xlsx = await city.request('GET', '/api/stats/export.xlsx?by=model');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.getWorksheet('按模型')).toBeTruthy();
    const docx = await city.request('GET', '/api/stats/report.docx?period=2025Q3');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('季报'));
    const zip = new PizZip(Buffer.from(await docx.arrayBuffer()));
    expect(zip.file('word/document.xml')?.asText()).toContain('成案率');
    const badPeriod = await city.json('GET', '/api/stats/report.xlsx?period=2025-13');
    expect(badPeriod.status).toBe(400);
    // The campaign filter: a number, of a campaign the user sees (else 404, nothing audited).
    const badCampaign = await city.json('GET', '/api/stats/report.xlsx?period=2025Q3&campaign=x');
    expect(badCampaign.status).toBe(400);
    const unseen = await city.json('GET', '/api/stats/report.docx?period=2025Q3&campaign=999');
    expect(unseen.status).toBe(404);
    const audit = await h.db.all<{ target: string }>(
      `SELECT target FROM audit_log WHERE action = 'export_report' AND username = 'hangzhou' ORDER BY id`,
    );
    expect(audit.map((a) => a.target)).toEqual(['statistics', 'bulletin']);
  }, 60_000);
});
