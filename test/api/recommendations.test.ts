import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import type { CaseDocuments } from '../../src/contract/documents.ts';
import type {
  DueRecommendations,
  RecommendationDetail,
} from '../../src/contract/recommendations.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, seedTwoCounties } from './seed.ts';

type ErrorBody = { code: string; message: string };

/** Recommendations, replies and outcomes over the API: typed contract, service rules, error bodies. */
describe('recommendations over the API', () => {
  let h: Harness;
  let county: Client;
  let other: Client;
  let c: SupervisionCaseDetail;

  const rec = () => c.recommendations[0]!;
  const post = <T>(client: Client, path: string, body: unknown) =>
    client.json<T>('POST', path, body);

  beforeAll(async () => {
    h = await openHarness();
    const { leadA } = await seedTwoCounties(h.db);
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    county = await signedIn(h, u1.username, u1.password);
    other = await signedIn(h, u2.username, u2.password);
    c = (await post<SupervisionCaseDetail>(county, '/api/supervision-cases', { leadIds: [leadA] }))
      .body;
    for (const to of ['调查核实', '审查终结']) {
      c = (
        await post<SupervisionCaseDetail>(county, `/api/supervision-cases/${c.id}/move`, {
          to,
          version: c.version,
        })
      ).body;
    }
  }, 60_000);
  afterAll(() => h.close());

  it('drafts and issues: number, deadline, the case moves to 制发检察建议', async () => {
    const draft = await post<SupervisionCaseDetail>(
      county,
      `/api/supervision-cases/${c.id}/recommendations`,
      {},
    );
    expect(draft.status).toBe(200);
    c = draft.body;
    expect(rec()).toMatchObject({ state: '草稿', addressee: '杭州市上城区人民法院', caseCount: 1 });
    const issued = await post<SupervisionCaseDetail>(
      county,
      `/api/recommendations/${rec().id}/issue`,
      {
        version: rec().version,
        issuedOn: '2025-01-31',
      },
    );
    expect(issued.status).toBe(200);
    expect(issued.body.recommendations[0]).toMatchObject({
      docNo: '浙杭上检民执建〔2025〕1号',
      replyDue: '2025-04-30',
      deadline: '已逾期',
    });
    expect(issued.body.state).toBe('制发检察建议');
    // The page that still shows version 1 is refused, nothing lost.
    const stale = await post<ErrorBody>(county, `/api/recommendations/${rec().id}/extend`, {
      version: rec().version,
      note: '院长批准',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('RECOMMENDATION_VERSION_CONFLICT');
    expect(stale.body.message).toContain('本次修改未保存');
    c = issued.body;
    const doc = await county.json<RecommendationDetail>('GET', `/api/recommendations/${rec().id}`);
    expect(doc.body).toMatchObject({ caseNo: c.caseNo, enforcementCases: [CASE_A] });
    // Issuing made the 定稿: the Word document with the number and the date fixed.
    const docs = await county.json<CaseDocuments>(
      'GET',
      `/api/supervision-cases/${c.id}/documents`,
    );
    const final = docs.body.versions.find((v) => v.status === '定稿');
    expect(final).toMatchObject({ kind: '检察建议书', recommendationId: rec().id });
    const file = await county.request('GET', `/api/case-documents/${final!.id}`);
    expect(file.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({
      buffer: Buffer.from(await file.arrayBuffer()),
    });
    expect(text).toContain('浙杭上检民执建〔2025〕1号');
    expect(text).toContain(CASE_A);
  });

  it('extends once; a second extension is refused in Chinese', async () => {
    const first = await post<SupervisionCaseDetail>(
      county,
      `/api/recommendations/${rec().id}/extend`,
      {
        version: rec().version,
        note: '院长批准',
      },
    );
    expect(first.status).toBe(200);
    c = first.body;
    expect(rec().extendedDue).toBe('2025-05-31');
    const second = await post<ErrorBody>(county, `/api/recommendations/${rec().id}/extend`, {
      version: rec().version,
      note: '再次',
    });
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('已延长过一次');
  });

  it('lists it as overdue; another unit sees nothing and gets 404', async () => {
    const due = await county.json<DueRecommendations>('GET', '/api/recommendations/due?days=30');
    expect(due.body.overdue.map((r) => r.id)).toEqual([rec().id]);
    const theirs = await other.json<DueRecommendations>('GET', '/api/recommendations/due');
    expect(theirs.body.overdue).toEqual([]);
    const foreign = await other.json<ErrorBody>('GET', `/api/recommendations/${rec().id}`);
    expect(foreign.status).toBe(404);
    const reply = await post<ErrorBody>(other, `/api/recommendations/${rec().id}/replies`, {
      version: rec().version,
      result: '采纳',
      date: '2025-03-01',
    });
    expect(reply.status).toBe(404);
    const outcome = await post<ErrorBody>(other, `/api/supervision-cases/${c.id}/outcomes`, {
      kind: '听证',
      date: '2025-03-01',
    });
    expect(outcome.status).toBe(404);
  });

  it('refuses a reply dated before the issue, then records one', async () => {
    const early = await post<ErrorBody>(county, `/api/recommendations/${rec().id}/replies`, {
      version: rec().version,
      result: '采纳',
      date: '2025-01-30',
    });
    expect(early.status).toBe(400);
    expect(early.body.message).toBe('回复日期 2025-01-30 早于检察建议发出日期 2025-01-31，请核对');
    const ok = await post<SupervisionCaseDetail>(
      county,
      `/api/recommendations/${rec().id}/replies`,
      {
        version: rec().version,
        result: '采纳',
        date: '2025-03-01',
        actions: ['恢复执行', '解除限消'],
        resumedCaseNo: '（2025）浙0102执恢3号',
      },
    );
    expect(ok.status).toBe(200);
    c = ok.body;
    expect(c.state).toBe('法院回复');
    expect(rec().replies).toMatchObject([{ result: '采纳', inForce: true }]);
    expect(c.outcomes.map((o) => o.kind)).toEqual(['恢复执行']);
  });

  it('outcomes: exact amounts summed; a negative or non-numeric amount refused', async () => {
    for (const amount of ['12,345.60', '1.2万']) {
      const res = await post<SupervisionCaseDetail>(
        county,
        `/api/supervision-cases/${c.id}/outcomes`,
        {
          kind: '执行到位',
          date: '2025-04-01',
          amount,
        },
      );
      expect(res.status).toBe(200);
    }
    const negative = await post<ErrorBody>(county, `/api/supervision-cases/${c.id}/outcomes`, {
      kind: '执行到位',
      date: '2025-04-01',
      amount: '-1',
    });
    expect(negative.status).toBe(400);
    expect(negative.body.message).toBe('执行到位金额不能为负数：-1');
    const words = await post<ErrorBody>(county, `/api/supervision-cases/${c.id}/outcomes`, {
      kind: '司法救助',
      date: '2025-04-01',
      amount: '很多',
    });
    expect(words.status).toBe(400);
    expect(words.body.message).toContain('不是有效金额');
    const list = await county.json<{ totals: { kind: string; amount: string | null }[] }>(
      'GET',
      `/api/supervision-cases/${c.id}/outcomes`,
    );
    expect(list.body.totals).toEqual([
      { kind: '恢复执行', count: 1, amount: null, persons: null },
      { kind: '执行到位', count: 2, amount: '24345.60', persons: null },
    ]);
    const audited = await h.db.all<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('recommendation_create', 'recommendation_issue',
         'recommendation_update', 'court_reply', 'outcome_add') ORDER BY id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'recommendation_create',
      'recommendation_issue',
      'recommendation_update',
      'court_reply',
      'outcome_add',
      'outcome_add',
    ]);
  });
});
