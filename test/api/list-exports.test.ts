import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDetail } from '../../src/contract/campaigns.ts';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import { personIdsIn } from '../../src/domain/mask.ts';
import { validId } from '../ingest/make-files.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_B, seedTwoCounties } from './seed.ts';

async function book(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

function values(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const out: unknown[][] = [];
  sheet?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

async function auditOf(h: Harness, target: string) {
  return h.db.all<{ username: string; detail: string }>(
    `SELECT username, detail FROM audit_log WHERE action = 'export_report' AND target = $1
     ORDER BY id`,
    [target],
  );
}

/** The 逾期未回复 list, the work list and the campaign list as Excel: scoped, masked, audited. */
describe('list exports over the API', () => {
  let h: Harness;
  let head: Client;
  let county: Client;
  let other: Client;
  let kase: SupervisionCaseDetail;
  let campaign: CampaignDetail;
  const id = validId(7);

  beforeAll(async () => {
    h = await openHarness();
    const { leadA } = await seedTwoCounties(h.db);
    const u0 = await addUser(h, 'kezhang', '330100', ['dept_head']);
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    head = await signedIn(h, u0.username, u0.password);
    county = await signedIn(h, u1.username, u1.password);
    other = await signedIn(h, u2.username, u2.password);
    kase = (
      await county.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', {
        leadIds: [leadA],
        title: `=被执行人 ${id} 终本案`,
        handler: 'shangcheng',
        dueDate: '2025-03-01',
      })
    ).body;
    for (const to of ['调查核实', '审查终结']) {
      const path = `/api/supervision-cases/${kase.id}/move`;
      const body = { to, version: kase.version };
      kase = (await county.json<SupervisionCaseDetail>('POST', path, body)).body;
    }
    const path = `/api/supervision-cases/${kase.id}/recommendations`;
    kase = (await county.json<SupervisionCaseDetail>('POST', path, {})).body;
    const rec = kase.recommendations[0]!;
    const issued = await county.json('POST', `/api/recommendations/${rec.id}/issue`, {
      version: rec.version,
      issuedOn: '2025-01-31',
    });
    expect(issued.status).toBe(200);
    // A lead under judgement of the other county's prosecutor, for their work list.
    await h.db.run(`UPDATE leads SET status = '研判中', assignee = 'gongshu' WHERE case_no = $1`, [
      CASE_B,
    ]);
    const made = await head.json<CampaignDetail>('POST', '/api/campaigns', {
      theme: '终本案件专项监督',
      modelIds: ['M01'],
      startsOn: '2000-01-01',
      endsOn: '2099-12-31',
      participantIds: ['330102'],
    });
    expect(made.status).toBe(200);
    campaign = made.body;
  }, 60_000);
  afterAll(() => h.close());

  it('exports the overdue list (已逾期 / 即将到期 sheets), masked; another unit’s is empty', async () => {
    const wb = await book(await county.request('GET', '/api/recommendations/due/export.xlsx'));
    const overdue = values(wb.getWorksheet('已逾期'));
    expect(overdue[0]!.slice(0, 4)).toEqual(['文号', '监督案件', '案件名称', '案件状态']);
    expect(overdue).toHaveLength(2);
    const row = overdue[1]!;
    expect(row[0]).toBe('浙杭上检民执建〔2025〕1号');
    expect(row[1]).toBe(kase.caseNo);
    expect(row[3]).toBe('制发检察建议');
    expect(row[7]).toBe('2025-04-30');
    expect(Number(row[8])).toBeLessThan(0);
    const title = String(row[2]);
    expect(title.startsWith("'=")).toBe(true);
    expect(title).not.toContain(id);
    expect(personIdsIn(title)).toEqual([]);
    expect(title).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(values(wb.getWorksheet('即将到期'))).toHaveLength(1);
    const foreign = await book(await other.request('GET', '/api/recommendations/due/export.xlsx'));
    expect(values(foreign.getWorksheet('已逾期'))).toHaveLength(1);
    const bad = await county.request('GET', '/api/recommendations/due/export.xlsx?days=999');
    expect(bad.status).toBe(400);
    const audit = await auditOf(h, '逾期未回复检察建议');
    expect(audit.map((a) => a.username)).toEqual(['shangcheng', 'gongshu']);
    expect(audit[0]!.detail).toContain('已逾期 1 件');
    expect(audit[1]!.detail).toContain('已逾期 0 件');
  });

  it('exports each prosecutor’s own work list, masked and audited', async () => {
    const mine = values(
      (await book(await county.request('GET', '/api/worklist/export.xlsx'))).getWorksheet(
        '工作清单',
      ),
    );
    expect(mine[0]).toEqual(['类别', '事项', '状态', '期限类别', '期限', '是否逾期']);
    expect(mine).toHaveLength(2);
    expect(mine[1]!.slice(0, 3)).toEqual([
      '监督案件',
      expect.stringContaining(kase.caseNo),
      '制发检察建议',
    ]);
    expect(mine[1]!.slice(4)).toEqual(['2025-03-01', '已逾期']);
    expect(JSON.stringify(mine)).not.toContain(id);
    const theirs = values(
      (await book(await other.request('GET', '/api/worklist/export.xlsx'))).getWorksheet(
        '工作清单',
      ),
    );
    expect(theirs).toHaveLength(2);
    expect(theirs[1]!.slice(0, 3)).toEqual(['线索', expect.stringContaining(CASE_B), '研判中']);
    expect(JSON.stringify(theirs)).not.toContain(kase.caseNo);
    const week = values(
      (
        await book(await other.request('GET', '/api/worklist/export.xlsx?dueWithin=7'))
      ).getWorksheet('工作清单'),
    );
    expect(week).toHaveLength(1); // a lead has no deadline
    const audit = await auditOf(h, '工作清单');
    expect(audit.map((a) => [a.username, a.detail])).toEqual([
      ['shangcheng', 'shangcheng，1 项'],
      ['gongshu', 'gongshu，1 项'],
      ['gongshu', 'gongshu，7 天内到期，0 项'],
    ]);
  });

  it('exports the campaigns a unit sees; a unit outside gets an empty sheet', async () => {
    const rows = values(
      (await book(await county.request('GET', '/api/campaigns/export.xlsx'))).getWorksheet(
        '专项活动',
      ),
    );
    expect(rows[0]!.slice(0, 2)).toEqual(['编号', '主题']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 6)).toEqual([
      campaign.id,
      '终本案件专项监督',
      '2000-01-01',
      '2099-12-31',
      campaign.unitName,
      campaign.participantNames.join('、'),
    ]);
    const mine = await book(await county.request('GET', '/api/campaigns/export.xlsx?mine=1'));
    expect(values(mine.getWorksheet('专项活动'))).toHaveLength(2);
    const foreign = await book(await other.request('GET', '/api/campaigns/export.xlsx'));
    expect(values(foreign.getWorksheet('专项活动'))).toHaveLength(1);
    expect((await county.request('GET', `/api/campaigns/${campaign.id}`)).status).toBe(200);
    const audit = await auditOf(h, '专项活动');
    expect(audit.map((a) => a.username)).toEqual(['shangcheng', 'shangcheng', 'gongshu']);
    expect(audit[1]!.detail).toContain('本单位参加且进行中，1 项');
  });
});
