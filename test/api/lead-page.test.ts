import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from '../../src/contract/common.ts';
import type { LeadDetail, LeadRow } from '../../src/contract/leads.ts';
import { writeBatch } from '../../src/store/batch.repo.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, CASE_B, DEBTOR_A, leadIdOf, seedTwoCounties } from './seed.ts';

/**
 * The lead page's 串并 parts are read once per subject and cached for every viewer: the scope must
 * still be applied on each view, and a change must show at once.
 */
describe('lead page: shared cache, per-viewer scope', () => {
  let h: Harness;
  let county: Client;
  let city: Client;
  let leadA: string;
  beforeEach(async () => {
    h = await openHarness();
    ({ leadA } = await seedTwoCounties(h.db));
    // Debtor A is also a party of case B (another county) and has a lead there.
    await writeBatch(h.db, {
      dataset: 'case_parties',
      kind: 'import',
      source: 'test-2',
      files: [{ file: '当事人2.xlsx', sheet: 'Sheet1' }],
      unitId: '330000',
      rows: [
        {
          values: { case_no: CASE_B, party_name: '某甲', party_role: '担保人', party_id: DEBTOR_A },
          file: '当事人2.xlsx',
          sheet: 'Sheet1',
          row: 2,
        },
      ],
    });
    await h.db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, summary,
         priority, evidence, legal_basis, action, court, fingerprint, first_seen_run, last_seen_run)
       VALUES ('M02|A2', 'M02', 1, $1, $2, '某甲', '另一线索', '中', '[]', '[]', NULL,
         '杭州市拱墅区人民法院', 'f2', 1, 1)`,
      [CASE_B, DEBTOR_A],
    );
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'hangzhou', '330100', ['prosecutor']);
    county = await signedIn(h, u1.username, u1.password);
    city = await signedIn(h, u2.username, u2.password);
  });
  afterEach(() => h.close());

  it("the city sees the subject's other county; the county, viewing after it, does not", async () => {
    const path = `/api/leads/${encodeURIComponent(leadA)}`;
    const wide = await city.json<LeadDetail>('GET', path);
    expect(wide.status).toBe(200);
    // 其他案件: the lead's own case (A) is not listed as another.
    expect(wide.body.related.cases.map((c) => [c.caseNo, c.role])).toEqual([[CASE_B, '担保人']]);
    // Known from the party list only: the ledger fields come from the case's ledger row.
    expect(wide.body.related.cases[0]?.court).toBe('杭州市拱墅区人民法院');
    expect(wide.body.related.leads.map((l) => l.id)).toEqual([await leadIdOf(h.db, 'M02|A2')]);
    const narrow = await county.json<LeadDetail>('GET', path);
    expect(narrow.status).toBe(200);
    expect(narrow.body.related.cases).toEqual([]);
    expect(narrow.body.related.leads).toEqual([]);
    expect(narrow.body.evidence[0]?.values?.find((v) => v.column === 'case_no')?.value).toBe(
      CASE_A,
    );
    // Both views are in the audit log, cached or not.
    const audit = await h.api.platform.audit.list(
      { action: 'view_lead' },
      { page: 1, pageSize: 10 },
    );
    expect(audit.items.map((e) => e.username).sort()).toEqual(['hangzhou', 'shangcheng']);
  });

  it('pages cut from one cached window of keys are the pages of the sort', async () => {
    const keysOf = async (query: string) =>
      (
        await city.json<Page<LeadRow>>('GET', `/api/leads?sort=caseNo&order=asc&${query}`)
      ).body.items.map((l) => l.id);
    const all = await keysOf('page=1&pageSize=20');
    expect(all).toHaveLength(3);
    const paged = [
      ...(await keysOf('page=2&pageSize=1')),
      ...(await keysOf('page=1&pageSize=1')),
      ...(await keysOf('page=3&pageSize=1')),
    ];
    expect(paged).toEqual([all[1], all[0], all[2]]);
    expect(await keysOf('page=2&pageSize=2')).toEqual([all[2]]);
  });

  it('a change through the API shows on the next view (no stale cache)', async () => {
    const path = `/api/leads/${encodeURIComponent(leadA)}`;
    expect((await county.json<LeadDetail>('GET', path)).body.lead.status).toBe('待研判');
    const res = await county.json('POST', `${path}/notes`, { text: '已电话核实' });
    expect(res.status).toBe(200);
    const after = await county.json<LeadDetail>('GET', path);
    expect(after.body.history.map((e) => e.note)).toContain('已电话核实');
  });
});
