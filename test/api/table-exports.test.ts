import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

async function sheetOf(res: Response, name: string): Promise<ExcelJS.Worksheet> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.getWorksheet(name)!;
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** The supervision-case list and the 成效台账 as Excel: filtered, scoped, defused, audited. */
describe('table exports over the API', () => {
  let h: Harness;
  let county: Client;
  let other: Client;
  let mine: SupervisionCaseDetail;
  let theirs: SupervisionCaseDetail;

  beforeAll(async () => {
    h = await openHarness();
    const { leadA, leadB } = await seedTwoCounties(h.db);
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    county = await signedIn(h, u1.username, u1.password);
    other = await signedIn(h, u2.username, u2.password);
    const open = (c: Client, leadId: string, title: string) =>
      c.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', { leadIds: [leadId], title });
    mine = (await open(county, leadA, '=HYPERLINK("x") 上城案')).body;
    theirs = (await open(other, leadB, '拱墅案')).body;
    for (const [amount, date] of [
      ['1,234.50', '2025-03-01'],
      ['0.10', '2025-03-02'],
    ] as const) {
      const path = `/api/supervision-cases/${mine.id}/outcomes`;
      const added = await county.json('POST', path, { kind: '执行到位', date, amount });
      expect(added.status).toBe(200);
    }
  }, 60_000);
  afterAll(() => h.close());

  it('exports the case list with its filters; another unit’s cases are not in it', async () => {
    const sheet = await sheetOf(
      await county.request('GET', '/api/supervision-cases/export.xlsx'),
      '监督案件',
    );
    const rows = values(sheet);
    expect(rows[0]).toEqual([
      '案号',
      '类型',
      '标题',
      '状态',
      '承办人',
      '办理期限',
      '线索数',
      '办案单位',
      '立案时间',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(mine.caseNo);
    expect(rows[1]![2]).toBe(`'=HYPERLINK("x") 上城案`);
    expect(rows[1]![6]).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(theirs.caseNo);
    const none = await sheetOf(
      await county.request('GET', '/api/supervision-cases/export.xlsx?state=%E7%BB%93%E6%A1%88'),
      '监督案件',
    );
    expect(values(none)).toHaveLength(1);
    const audit = await h.db.all<{ username: string; detail: string }>(
      `SELECT username, detail FROM audit_log WHERE action = 'export_report' AND target = '监督案件'
       ORDER BY id`,
    );
    expect(audit.map((a) => a.username)).toEqual(['shangcheng', 'shangcheng']);
    expect(audit[0]!.detail).toContain('1 条');
    expect(audit[1]!.detail).toContain('0 条');
  });

  it('exports the 成效台账 with exact totals; another unit exports none of it', async () => {
    const q = `?kind=${encodeURIComponent('执行到位')}`;
    const sheet = await sheetOf(
      await county.request('GET', `/api/outcomes/export.xlsx${q}`),
      '成效台账',
    );
    const rows = values(sheet);
    expect(rows).toHaveLength(4);
    expect(rows.slice(1, 3).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['2025-03-02', mine.caseNo, 0.1],
      ['2025-03-01', mine.caseNo, 1234.5],
    ]);
    expect(rows[3]!.slice(0, 4)).toEqual(['合计', '执行到位', '2 项', 1234.6]);
    expect(sheet.getRow(4).getCell(4).numFmt).toBe('#,##0.00');
    const foreign = await sheetOf(
      await other.request('GET', '/api/outcomes/export.xlsx'),
      '成效台账',
    );
    expect(values(foreign)).toHaveLength(1);
    const audit = await h.db.all<{ username: string }>(
      `SELECT username FROM audit_log WHERE action = 'export_report' AND target = '成效台账'
       ORDER BY id`,
    );
    expect(audit.map((a) => a.username)).toEqual(['shangcheng', 'gongshu']);
  });
});
