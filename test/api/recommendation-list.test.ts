import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import type {
  DueRecommendations,
  OutcomeList,
  RecommendationDetail,
  RecommendationList,
} from '../../src/contract/recommendations.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

/** The 检察建议台账 over the API, next to `/due` and `/:id` (which keep working). */
describe('the recommendation list over the API', () => {
  let h: Harness;
  let county: Client;
  let other: Client;
  let recId: number;
  let caseNo: string;
  let caseId: number;

  beforeAll(async () => {
    h = await openHarness();
    const { leadA } = await seedTwoCounties(h.db);
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    county = await signedIn(h, u1.username, u1.password);
    other = await signedIn(h, u2.username, u2.password);
    let c = (
      await county.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', {
        leadIds: [leadA],
      })
    ).body;
    for (const to of ['调查核实', '审查终结']) {
      const path = `/api/supervision-cases/${c.id}/move`;
      c = (await county.json<SupervisionCaseDetail>('POST', path, { to, version: c.version })).body;
    }
    const path = `/api/supervision-cases/${c.id}/recommendations`;
    c = (await county.json<SupervisionCaseDetail>('POST', path, {})).body;
    const rec = c.recommendations[0]!;
    recId = rec.id;
    caseNo = c.caseNo;
    caseId = c.id;
    const issued = await county.json('POST', `/api/recommendations/${rec.id}/issue`, {
      version: rec.version,
      issuedOn: '2025-01-31',
    });
    expect(issued.status).toBe(200);
  }, 60_000);
  afterAll(() => h.close());

  it('lists the unit’s recommendations with their filters; another unit sees none', async () => {
    const all = await county.json<RecommendationList>('GET', '/api/recommendations');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(all.body.items[0]).toMatchObject({
      id: recId,
      caseNo,
      docNo: '浙杭上检民执建〔2025〕1号',
      addressee: '杭州市上城区人民法院',
      issuedOn: '2025-01-31',
      due: '2025-04-30',
      deadline: '已逾期',
      latestResult: null,
    });
    const unanswered = await county.json<RecommendationList>(
      'GET',
      `/api/recommendations?state=${encodeURIComponent('已发出')}&result=${encodeURIComponent('未回复')}&unitId=330102`,
    );
    expect(unanswered.body.total).toBe(1);
    const adopted = await county.json<RecommendationList>(
      'GET',
      `/api/recommendations?result=${encodeURIComponent('采纳')}`,
    );
    expect(adopted.body.total).toBe(0);
    const foreign = await other.json<RecommendationList>('GET', '/api/recommendations');
    expect(foreign.body.total).toBe(0);
    const bad = await county.json<{ code: string }>('GET', '/api/recommendations?result=x');
    expect(bad.status).toBe(400);
  });

  it('keeps /due and /:id', async () => {
    const due = await county.json<DueRecommendations>('GET', '/api/recommendations/due');
    expect(due.body.overdue.map((r) => r.id)).toEqual([recId]);
    const one = await county.json<RecommendationDetail>('GET', `/api/recommendations/${recId}`);
    expect(one.body.caseNo).toBe(caseNo);
  });

  it('exports the list as Excel, audited', async () => {
    const res = await county.request(
      'GET',
      '/api/recommendations/export.xlsx?state=%E5%B7%B2%E5%8F%91%E5%87%BA',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('检察建议台账')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('浙杭上检民执建〔2025〕1号');
    expect(sheet.getRow(2).getCell(2).value).toBe(caseNo);
    expect(sheet.getRow(2).getCell(7).value).toBe('未回复');
    const audit = await h.db.all<{ username: string }>(
      `SELECT username FROM audit_log WHERE action = 'export_report' AND target = '检察建议台账'`,
    );
    expect(audit).toEqual([{ username: 'shangcheng' }]);
  });

  it('lists outcomes with totals; a kind outside the vocabulary is 400', async () => {
    const path = `/api/supervision-cases/${caseId}/outcomes`;
    const added = await county.json('POST', path, {
      kind: '执行到位',
      date: '2025-03-01',
      amount: '1,234.50',
    });
    expect(added.status).toBe(200);
    const q = `?kind=${encodeURIComponent('执行到位')}&unitId=330102`;
    const mine = await county.json<OutcomeList>('GET', `/api/outcomes${q}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ caseNo, amount: '1234.50' });
    expect(mine.body.totals).toEqual([
      { kind: '执行到位', count: 1, amount: '1234.50', persons: null },
    ]);
    const foreign = await other.json<OutcomeList>('GET', '/api/outcomes');
    expect(foreign.body).toMatchObject({ total: 0, items: [], totals: [] });
    expect((await county.json('GET', '/api/outcomes?kind=x')).status).toBe(400);
  });
});
