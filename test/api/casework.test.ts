import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/contract/common.ts';
import type { LeadDetail } from '../../src/contract/leads.ts';
import type {
  CaseNumbering,
  LeadCaseRef,
  SupervisionCase,
  SupervisionCaseDetail,
} from '../../src/contract/casework.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, DEBTOR_A, seedTwoCounties } from './seed.ts';

/** The supervision-case routes end to end: typed contract, service rules, error bodies. */
describe('supervision cases over the API', () => {
  let h: Harness;
  let county: Client;
  let other: Client;
  let head: Client;
  let leadA: string;
  let leadB: string;
  let opened: SupervisionCaseDetail;

  beforeAll(async () => {
    h = await openHarness();
    ({ leadA, leadB } = await seedTwoCounties(h.db));
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    const u3 = await addUser(h, 'kezhang', '330102', ['dept_head']);
    county = await signedIn(h, u1.username, u1.password);
    other = await signedIn(h, u2.username, u2.password);
    head = await signedIn(h, u3.username, u3.password);
  }, 60_000);
  afterAll(() => h.close());

  it('opens a case from a lead: numbered, 受理, the lead 已成案 and linked both ways', async () => {
    const res = await county.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', {
      leadIds: [leadA],
      dueDate: '2027-03-31',
      note: '线索属实',
    });
    expect(res.status).toBe(200);
    opened = res.body;
    expect(opened.caseNo).toMatch(/^浙杭上检民执监〔\d{4}〕1号$/);
    expect(opened.state).toBe('受理');
    expect(opened.enforcementCases).toEqual([CASE_A]);
    expect(opened.transitions[0]).toMatchObject({ from: null, to: '受理', note: '线索属实' });
    expect(JSON.stringify(opened)).not.toContain(DEBTOR_A);
    const lead = await county.json<LeadDetail>('GET', `/api/leads/${encodeURIComponent(leadA)}`);
    expect(lead.body.lead.status).toBe('已成案');
    const ref = await county.json<LeadCaseRef>(
      'GET',
      `/api/supervision-cases/by-lead/${encodeURIComponent(leadA)}`,
    );
    expect(ref.body).toMatchObject({ id: opened.id, caseNo: opened.caseNo });
    const list = await county.json<Page<SupervisionCase>>('GET', '/api/supervision-cases?open=1');
    expect(list.body.items.map((c) => c.caseNo)).toEqual([opened.caseNo]);
    expect(list.body.total).toBe(1);
  });

  it('another unit: its lead cannot be opened, my case is not found', async () => {
    const foreign = await county.json<{ code: string }>('POST', '/api/supervision-cases', {
      leadIds: [leadB],
    });
    expect(foreign.status).toBe(404);
    const view = await other.json<{ code: string; message: string }>(
      'GET',
      `/api/supervision-cases/${opened.id}`,
    );
    expect(view.status).toBe(404);
    expect(view.body.message).toContain('不存在');
    const list = await other.json<Page<SupervisionCase>>('GET', '/api/supervision-cases');
    expect(list.body.total).toBe(0);
  });

  it('a forbidden transition is 400, a stale version 409, both in Chinese', async () => {
    const skip = await county.json<{ code: string; message: string }>(
      'POST',
      `/api/supervision-cases/${opened.id}/move`,
      { to: '结案', version: opened.version },
    );
    expect(skip.status).toBe(400);
    expect(skip.body).toMatchObject({ code: 'CASE_TRANSITION' });
    expect(skip.body.message).toContain('可改为：调查核实');
    const moved = await county.json<SupervisionCaseDetail>(
      'POST',
      `/api/supervision-cases/${opened.id}/move`,
      { to: '调查核实', version: opened.version },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.allowedTransitions).toEqual(['审查终结']);
    // The department head still holds the page at the old version.
    const stale = await head.json<{ code: string; message: string }>(
      'PATCH',
      `/api/supervision-cases/${opened.id}`,
      { version: opened.version, dueDate: '2027-06-30' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CASE_VERSION_CONFLICT');
    expect(stale.body.message).toContain('本次修改未保存');
    const fresh = await head.json<SupervisionCaseDetail>(
      'PATCH',
      `/api/supervision-cases/${opened.id}`,
      { version: moved.body.version, dueDate: '2027-06-30', handler: 'kezhang' },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({
      dueDate: '2027-06-30',
      handler: 'kezhang',
      state: '调查核实',
    });
  });

  it('records an act; refuses a bad body with the field named', async () => {
    const act = await county.json<SupervisionCaseDetail>(
      'POST',
      `/api/supervision-cases/${opened.id}/acts`,
      { kind: '调阅卷宗', date: '2026-11-02', note: '执行卷宗 3 册' },
    );
    expect(act.status).toBe(200);
    expect(act.body.acts).toMatchObject([{ kind: '调阅卷宗', date: '2026-11-02' }]);
    const bad = await county.json<{ code: string; message: string }>(
      'POST',
      `/api/supervision-cases/${opened.id}/acts`,
      { kind: '调阅卷宗', date: '2026/11/02' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('date');
  });

  it('numbering: anyone reads it, only a department head sets it; audit rows exist', async () => {
    const read = await county.json<CaseNumbering>('GET', '/api/supervision-cases/numbering');
    expect(read.body).toMatchObject({ isDefault: true });
    expect(read.body.example).toMatch(/〕2号$/);
    const denied = await county.json('PUT', '/api/supervision-cases/numbering', {
      pattern: '上检民执监〔{year}〕{serial}号',
    });
    expect(denied.status).toBe(403);
    const set = await head.json<CaseNumbering>('PUT', '/api/supervision-cases/numbering', {
      pattern: '上检民执监〔{year}〕{serial}号',
    });
    expect(set.status).toBe(200);
    expect(set.body.example).toMatch(/^上检民执监〔\d{4}〕2号$/);
    const actions = await h.db.all<{ action: string; username: string }>(
      `SELECT action, username FROM audit_log WHERE action LIKE 'case_%' OR action = 'view_supervision_case' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'case_open',
      'case_update',
      'case_update',
      'case_update',
      'case_settings',
    ]);
  });
});
