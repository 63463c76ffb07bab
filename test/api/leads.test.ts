import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadDetail, LeadRow } from '../../src/contract/leads.ts';
import type { Page } from '../../src/contract/common.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, CASE_B, DEBTOR_A, FORMULA_NAME, seedTwoCounties, XSS_NAME } from './seed.ts';

describe('leads: scope, masking, audit, export', () => {
  let h: Harness;
  let county: Client;
  let city: Client;
  let leadA: string;
  let leadB: string;
  beforeEach(async () => {
    h = await openHarness();
    ({ leadA, leadB } = await seedTwoCounties(h.db));
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'hangzhou', '330100', ['dept_head'], { canViewFullId: true });
    county = await signedIn(h, u1.username, u1.password);
    city = await signedIn(h, u2.username, u2.password);
  });
  afterEach(() => h.close());

  it('a county sees only its own leads; the city sees both', async () => {
    const mine = await county.json<Page<LeadRow>>('GET', '/api/leads');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((l) => l.id)).toEqual([leadA]);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      unitId: '330102',
      unitName: '杭州市上城区人民检察院',
    });
    const all = await city.json<Page<LeadRow>>('GET', '/api/leads?sort=caseNo&order=asc');
    expect(all.body.items.map((l) => l.caseNo)).toEqual([CASE_A, CASE_B]);
    const filtered = await city.json<Page<LeadRow>>('GET', '/api/leads?unitId=330105');
    expect(filtered.body.items.map((l) => l.id)).toEqual([leadB]);
  });

  it("another unit's lead, case, export and person are 404, not 403", async () => {
    const lead = await county.json<{ code: string }>(
      'GET',
      `/api/leads/${encodeURIComponent(leadB)}`,
    );
    expect(lead.status).toBe(404);
    const dismiss = await county.json('POST', `/api/leads/${encodeURIComponent(leadB)}/dismiss`, {
      reason: '其他',
      note: 'x',
    });
    expect(dismiss.status).toBe(404);
    const kase = await county.json('GET', `/api/cases/${encodeURIComponent(CASE_B)}`);
    expect(kase.status).toBe(404);
    expect((await county.json('GET', `/api/cases/${encodeURIComponent(CASE_A)}`)).status).toBe(200);
    // An export asking for the other unit's lead by key gets none of it.
    const res = await county.request(
      'GET',
      `/api/leads/export.xlsx?leadIds=${encodeURIComponent(leadB)}`,
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.getWorksheet('线索')?.rowCount).toBe(1);
    // The person behind the city's view of lead B is not disclosed to the county.
    const detailB = await city.json<LeadDetail>('GET', `/api/leads/${encodeURIComponent(leadB)}`);
    const ref = detailB.body.related.personRef;
    expect(ref).toBeTruthy();
    expect((await county.json('GET', `/api/persons/${ref}`)).status).toBe(404);
    expect((await city.json('GET', `/api/persons/${ref}`)).status).toBe(200);
  });

  it('masks ID numbers by default; a user with the right reveals them, and that is audited', async () => {
    const detail = await county.json<LeadDetail>('GET', `/api/leads/${encodeURIComponent(leadA)}`);
    expect(detail.status).toBe(200);
    const text = JSON.stringify(detail.body);
    expect(text).not.toContain(DEBTOR_A);
    expect(detail.body.lead.subjectId).toBe('330102********1234');
    expect(detail.body.lead.summary).toContain('330102********1234');
    // Evidence: the source row, joined by batch + file + row, masked.
    const ev = detail.body.evidence[0];
    expect(ev).toMatchObject({
      dataset: 'enforcement_cases',
      file: '执行案件.xlsx',
      row: 3,
      sheet: 'Sheet1',
    });
    const values = Object.fromEntries((ev?.values ?? []).map((v) => [v.column, v.value]));
    expect(values).toMatchObject({
      case_no: CASE_A,
      debtor_id: '330102********1234',
      target_amount: '125000.00',
    });
    expect(detail.body.legalBasis[0]?.text).toContain('终本');
    // 其他案件: the debtor has no case but the lead's own.
    expect(detail.body.related.cases).toEqual([]);
    // No right, no reveal.
    expect(
      (await county.json('GET', `/api/leads/${encodeURIComponent(leadA)}?reveal=1`)).status,
    ).toBe(403);
    const revealed = await city.json<LeadDetail>(
      'GET',
      `/api/leads/${encodeURIComponent(leadA)}?reveal=1`,
    );
    expect(revealed.body.lead.subjectId).toBe(DEBTOR_A);
    expect(revealed.body.revealed).toBe(true);
    const audit = await h.api.platform.audit.list({}, { page: 1, pageSize: 100 });
    const actions = audit.items.map((e) => `${e.username}:${e.action}:${e.target}`);
    expect(actions).toContain(`shangcheng:view_lead:${leadA}`);
    expect(actions).toContain(`hangzhou:reveal_id:${leadA}`);
    // The audit log never holds the full ID.
    expect(JSON.stringify(audit.items)).not.toContain(DEBTOR_A);
  });

  it('returns an XSS party name as plain data (JSON), never as markup', async () => {
    const res = await county.request('GET', `/api/leads/${encodeURIComponent(leadA)}`);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as LeadDetail;
    expect(body.lead.subjectName).toBe(XSS_NAME);
  });

  it('defuses formula cells in the Excel export, and audits the export', async () => {
    const res = await city.request('GET', '/api/leads/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename*=UTF-8');
    // A download built as its own Response still gets the API's headers.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('线索');
    const names: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(6).value);
    });
    expect(names).toContain(`'${FORMULA_NAME}`);
    expect(names).toContain(XSS_NAME);
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(String(cell.value)).not.toMatch(/^[=+\-@]/);
      }),
    );
    const ids: unknown[] = [];
    sheet?.eachRow((row, n) => n > 1 && ids.push(row.getCell(7).value));
    expect(ids).toContain('330102********1234');
    const audit = await h.api.platform.audit.list(
      { action: 'export_leads' },
      { page: 1, pageSize: 10 },
    );
    expect(audit.total).toBe(1);
    expect(audit.items[0]?.username).toBe('hangzhou');
  });

  it('dismisses with a reason, reopens, notes; the table cache sees the change', async () => {
    const before = await county.json<Page<LeadRow>>('GET', '/api/leads?status=待研判');
    expect(before.body.total).toBe(1);
    const bad = await county.json<{ message: string }>(
      'POST',
      `/api/leads/${encodeURIComponent(leadA)}/dismiss`,
      {
        reason: '随便',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('reason');
    const ok = await county.json<LeadDetail>(
      'POST',
      `/api/leads/${encodeURIComponent(leadA)}/dismiss`,
      {
        reason: '已恢复执行',
        note: '已执恢',
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.lead.status).toBe('已排除');
    expect(ok.body.dismissReason).toBe('已恢复执行');
    const after = await county.json<Page<LeadRow>>('GET', '/api/leads?status=待研判');
    expect(after.body.total).toBe(0);
    const reopened = await county.json<LeadDetail>(
      'POST',
      `/api/leads/${encodeURIComponent(leadA)}/reopen`,
      {},
    );
    expect(reopened.body.lead.status).toBe('待研判');
    const noted = await county.json<LeadDetail>(
      'POST',
      `/api/leads/${encodeURIComponent(leadA)}/notes`,
      {
        text: '已调阅卷宗',
      },
    );
    expect(noted.body.history.map((e) => e.note)).toContain('已调阅卷宗');
  });

  it('the department head assigns within the unit tree only', async () => {
    const p = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    const other = await h.api.platform.org.users();
    const gongshu = other.find((u) => u.username === p.username);
    const res = await city.json<LeadDetail>(
      'POST',
      `/api/leads/${encodeURIComponent(leadB)}/assign`,
      {
        assigneeId: gongshu?.id,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.lead).toMatchObject({ status: '研判中', assigneeName: 'gongshu' });
    // A prosecutor cannot assign.
    expect(
      (
        await county.json('POST', `/api/leads/${encodeURIComponent(leadA)}/assign`, {
          assigneeId: gongshu?.id,
        })
      ).status,
    ).toBe(403);
  });

  it('saves filters per user', async () => {
    const saved = await county.json<{ id: string }>('POST', '/api/leads/filters', {
      name: '高优先级',
      filter: { priority: '高' },
    });
    expect(saved.status).toBe(200);
    expect((await county.json<unknown[]>('GET', '/api/leads/filters')).body).toHaveLength(1);
    expect((await city.json<unknown[]>('GET', '/api/leads/filters')).body).toHaveLength(0);
    expect((await city.json('DELETE', `/api/leads/filters/${saved.body.id}`)).status).toBe(404);
    expect((await county.json('DELETE', `/api/leads/filters/${saved.body.id}`)).status).toBe(200);
  });

  it('the dashboard counts the scope only', async () => {
    const d = await county.json<{ totalLeads: number; topCourts: { court: string }[] }>(
      'GET',
      '/api/dashboard',
    );
    expect(d.body.totalLeads).toBe(1);
    expect(d.body.topCourts.map((c) => c.court)).toEqual(['杭州市上城区人民法院']);
    const e = await city.json<{ totalLeads: number; datasets: { name: string; rows: number }[] }>(
      'GET',
      '/api/dashboard',
    );
    expect(e.body.totalLeads).toBe(2);
    expect(e.body.datasets.find((x) => x.name === 'enforcement_cases')?.rows).toBe(2);
  });
});
