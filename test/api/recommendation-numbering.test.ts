import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import type { RecommendationNumbering } from '../../src/contract/recommendations.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

/** A unit's recommendation number pattern: the admin sets it, issuing uses it, none reused. */
describe('recommendation numbering over the API', () => {
  let h: Harness;
  let admin: Client;
  let county: Client;
  let kase: SupervisionCaseDetail;
  const path = '/api/units/330102/recommendation-numbering';

  /** Drafts one more recommendation on the case and issues it; its number. */
  async function issueOne(): Promise<string> {
    const drafted = await county.json<SupervisionCaseDetail>(
      'POST',
      `/api/supervision-cases/${kase.id}/recommendations`,
      {},
    );
    expect(drafted.status).toBe(200);
    const rec = drafted.body.recommendations.find((r) => r.state === '草稿')!;
    const issued = await county.json<SupervisionCaseDetail>(
      'POST',
      `/api/recommendations/${rec.id}/issue`,
      { version: rec.version, issuedOn: '2025-03-01' },
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    kase = issued.body;
    return kase.recommendations.find((r) => r.id === rec.id)!.docNo!;
  }

  beforeAll(async () => {
    h = await openHarness();
    const { leadA } = await seedTwoCounties(h.db);
    const a = await addUser(h, 'guanli', '330000', ['admin']);
    const u = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    admin = await signedIn(h, a.username, a.password);
    county = await signedIn(h, u.username, u.password);
    kase = (
      await county.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', {
        leadIds: [leadA],
      })
    ).body;
    for (const to of ['调查核实', '审查终结']) {
      const move = `/api/supervision-cases/${kase.id}/move`;
      const body = { to, version: kase.version };
      kase = (await county.json<SupervisionCaseDetail>('POST', move, body)).body;
    }
  }, 60_000);
  afterAll(() => h.close());

  it('reads the default pattern; a prosecutor may not set it; another unit is not found', async () => {
    const read = await county.json<RecommendationNumbering>('GET', path);
    expect(read.body).toMatchObject({
      unitId: '330102',
      pattern: '{简称}检民执建〔{年}〕{号}号',
      isDefault: true,
    });
    expect(read.body.example).toMatch(/^浙杭上检民执建〔\d{4}〕1号$/);
    const denied = await county.json('PUT', path, { pattern: '{简称}建〔{年}〕{号}号' });
    expect(denied.status).toBe(403);
    const foreign = await county.json('GET', '/api/units/330105/recommendation-numbering');
    expect(foreign.status).toBe(404);
  });

  it('refuses unknown placeholders by name; nothing is saved', async () => {
    const bad = await admin.json<{ code: string; message: string }>('PUT', path, {
      pattern: '{简称}检建〔{year}〕{号}{序号}号',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_RECOMMENDATION_PATTERN');
    expect(bad.body.message).toContain('{year}、{序号}');
    const missing = await admin.json<{ message: string }>('PUT', path, { pattern: '{简称}{号}号' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('{年}');
    expect((await county.json<RecommendationNumbering>('GET', path)).body.isDefault).toBe(true);
  });

  it('issuing uses the unit’s pattern; the serial goes on and a number once given is skipped', async () => {
    expect(await issueOne()).toBe('浙杭上检民执建〔2025〕1号');
    const set = await admin.json<RecommendationNumbering>('PUT', path, {
      pattern: '{简称}检执建〔{年}〕第{号}号',
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ isDefault: false, pattern: '{简称}检执建〔{年}〕第{号}号' });
    expect(await issueOne()).toBe('浙杭上检执建〔2025〕第2号');
    // Back to the default: serial 3 — unless a number was given already (here, by hand).
    await admin.json('PUT', path, { pattern: '{简称}检民执建〔{年}〕{号}号' });
    await h.db.run(
      `UPDATE supervision_recommendations SET doc_no = '浙杭上检民执建〔2025〕3号'
       WHERE doc_no = '浙杭上检民执建〔2025〕1号'`,
    );
    expect(await issueOne()).toBe('浙杭上检民执建〔2025〕4号');
    const audit = await h.db.all<{ username: string; target: string; detail: string }>(
      `SELECT username, target, detail FROM audit_log WHERE action = 'recommendation_settings'
       ORDER BY id`,
    );
    expect(audit).toEqual([
      {
        username: 'guanli',
        target: '330102',
        detail: '检察建议文号格式：{简称}检执建〔{年}〕第{号}号',
      },
      {
        username: 'guanli',
        target: '330102',
        detail: '检察建议文号格式：{简称}检民执建〔{年}〕{号}号',
      },
    ]);
  });
});
