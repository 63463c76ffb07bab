import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, CampaignDetail, Ledger, WorkList } from '../../src/contract/campaigns.ts';
import type { Page } from '../../src/contract/common.ts';
import type { SupervisionCase, SupervisionCaseDetail } from '../../src/contract/casework.ts';
import type { LeadRow } from '../../src/contract/leads.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, seedTwoCounties } from './seed.ts';

/** Campaigns, the ledger and the work list over the API: rights, scope, contract, export. */
describe('campaigns, ledger and work list over the API', () => {
  let h: Harness;
  let head: Client;
  let county: Client;
  let other: Client;
  let leadA: string;
  let campaign: CampaignDetail;

  const body = {
    theme: '终本案件专项监督',
    modelIds: ['M01'],
    startsOn: '2000-01-01',
    endsOn: '2099-12-31',
    participantIds: ['330102'],
  };

  beforeAll(async () => {
    h = await openHarness();
    ({ leadA } = await seedTwoCounties(h.db));
    const u1 = await addUser(h, 'kezhang', '330100', ['dept_head']);
    const u2 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u3 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    head = await signedIn(h, u1.username, u1.password);
    county = await signedIn(h, u2.username, u2.password);
    other = await signedIn(h, u3.username, u3.password);
  }, 60_000);
  afterAll(() => h.close());

  it('a department head creates a campaign; a prosecutor may not (403)', async () => {
    const res = await head.json<CampaignDetail>('POST', '/api/campaigns', body);
    expect(res.status).toBe(200);
    campaign = res.body;
    expect(campaign).toMatchObject({ theme: body.theme, unitId: '330100', version: 1, runs: [] });
    const refused = await county.json<{ code: string }>('POST', '/api/campaigns', body);
    expect(refused.status).toBe(403);
    const bad = await head.json<{ code: string; message: string }>('POST', '/api/campaigns', {
      ...body,
      theme: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('主题');
  });

  it('participants see it (and may run under it); another unit does not (404)', async () => {
    const mine = await county.json<Campaign[]>('GET', '/api/campaigns?mine=1');
    expect(mine.body.map((c) => c.id)).toEqual([campaign.id]);
    expect((await other.json('GET', `/api/campaigns/${campaign.id}`)).status).toBe(404);
    expect((await other.json<Campaign[]>('GET', '/api/campaigns')).body).toEqual([]);
    const u = await addUser(h, 'gsdata', '330105', ['data_admin']);
    const runner = await signedIn(h, u.username, u.password);
    const run = await runner.json<{ code: string }>('POST', '/api/runs', {
      scope: { campaignId: campaign.id },
    });
    expect(run.status).toBe(404);
  });

  it('a stale edit is 409; a fresh one saves', async () => {
    const ok = await head.json<CampaignDetail>('PUT', `/api/campaigns/${campaign.id}`, {
      ...body,
      note: '第一次修改',
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const stale = await head.json<{ code: string }>('PUT', `/api/campaigns/${campaign.id}`, {
      ...body,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CAMPAIGN_VERSION_CONFLICT');
  });

  it('a case opened under the campaign is in the filtered case list and the ledger', async () => {
    await h.db.run(`UPDATE leads SET campaign_id = $1 WHERE case_no = $2`, [campaign.id, CASE_A]);
    const opened = await county.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', {
      leadIds: [leadA],
      dueDate: '2027-01-31',
    });
    expect(opened.body.campaignId).toBe(campaign.id);
    const cases = await head.json<Page<SupervisionCase>>(
      'GET',
      `/api/supervision-cases?campaign=${campaign.id}&unitId=330102`,
    );
    expect(cases.body.items.map((c) => c.id)).toEqual([opened.body.id]);
    const leads = await head.json<Page<LeadRow>>(
      'GET',
      `/api/leads?campaign=${campaign.id}&unitId=330102`,
    );
    expect(leads.body.items.map((l) => l.caseNo)).toEqual([CASE_A]);
    const ledger = await head.json<Ledger>('GET', `/api/ledger?campaign=${campaign.id}`);
    expect(ledger.status).toBe(200);
    expect(ledger.body.rows[0]).toMatchObject({ unitId: '330100', leads: 1, judged: 1, cases: 1 });
    expect(ledger.body.campaignTheme).toBe(body.theme);
    const foreign = await other.json('GET', `/api/ledger?campaign=${campaign.id}`);
    expect(foreign.status).toBe(404);
    const bad = await head.json<{ message: string }>('GET', '/api/ledger?campaign=abc');
    expect(bad.status).toBe(400);
  });

  it('exports the ledger as Excel, audited', async () => {
    const res = await head.request('GET', '/api/ledger/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('一本账')!;
    expect(sheet.getRow(1).getCell(4).value).toBe('成案数');
    expect(sheet.getRow(2).getCell(4).value).toBe(1);
    const audit = await h.db.all<{ username: string }>(
      `SELECT username FROM audit_log WHERE action = 'export_report' AND target = '一本账'`,
    );
    expect(audit).toEqual([{ username: 'kezhang' }]);
  });

  it("the work list shows the prosecutor's case with its due date", async () => {
    const list = await county.json<WorkList>('GET', '/api/worklist');
    expect(list.status).toBe(200);
    expect(list.body.items).toMatchObject([
      { kind: 'case', deadline: '2027-01-31', deadlineKind: '办理期限' },
    ]);
    const none = await other.json<WorkList>('GET', '/api/worklist?dueWithin=7');
    expect(none.body.items).toEqual([]);
  });
});
