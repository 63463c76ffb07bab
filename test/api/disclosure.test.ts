import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadDetail } from '../../src/contract/leads.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, DEBTOR_A, seedTwoCounties } from './seed.ts';
import { personIdsIn } from '../../src/domain/mask.ts';

async function cellsOf(res: Response): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const cells: string[] = [];
  wb.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

/**
 * Issue 10, first "Done when" bullet, for the web (the CLI's half is leads-cli.test.ts): every view
 * and export by a user without the reveal right is masked and audited; with the right and
 * `?reveal=1` the full ID appears and the audit row says so.
 */
describe('web: views and exports masked by default, audited, revealed only with the right', () => {
  let h: Harness;
  let plain: Client;
  let entitled: Client;
  let leadA: string;
  beforeEach(async () => {
    h = await openHarness();
    ({ leadA } = await seedTwoCounties(h.db));
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'hangzhou', '330100', ['prosecutor'], { canViewFullId: true });
    plain = await signedIn(h, u1.username, u1.password);
    entitled = await signedIn(h, u2.username, u2.password);
  });
  afterEach(() => h.close());

  const audit = async () =>
    (await h.api.platform.audit.list({}, { page: 1, pageSize: 200 })).items.map(
      (e) => `${e.username}:${e.action}:${e.detail ?? ''}`,
    );

  it('without the right: masked and audited, and ?reveal=1 is refused without an entry', async () => {
    const lead = await plain.json<LeadDetail>('GET', `/api/leads/${leadA}`);
    expect(lead.status).toBe(200);
    const person = await plain.json('GET', `/api/persons/${lead.body.related.personRef ?? ''}`);
    const kase = await plain.json('GET', `/api/cases/${encodeURIComponent(CASE_A)}`);
    const file = await plain.request('GET', '/api/leads/export.xlsx');
    expect([person.status, kase.status]).toEqual([200, 200]);
    for (const body of [lead.body, person.body, kase.body]) {
      expect(personIdsIn(JSON.stringify(body))).toEqual([]);
    }
    expect(file.status).toBe(200);
    expect(personIdsIn(await cellsOf(file))).toEqual([]);
    const rows = await audit();
    for (const action of ['view_lead', 'view_person', 'view_case', 'export_leads']) {
      expect(rows.some((r) => r.startsWith(`shangcheng:${action}:`))).toBe(true);
    }
    expect(rows.some((r) => r.includes(':reveal_id:'))).toBe(false);

    for (const path of [
      `/api/leads/${leadA}?reveal=1`,
      `/api/cases/${encodeURIComponent(CASE_A)}?reveal=1`,
      '/api/leads/export.xlsx?reveal=1',
    ]) {
      expect((await plain.request('GET', path)).status).toBe(403);
    }
    expect(await audit()).toHaveLength(rows.length);
  });

  it('with the right and ?reveal=1: the full ID, and a reveal_id row beside the view', async () => {
    const lead = await entitled.json<LeadDetail>('GET', `/api/leads/${leadA}?reveal=1`);
    expect(lead.body.lead.subjectId).toBe(DEBTOR_A);
    const ref = lead.body.related.personRef ?? '';
    const person = await entitled.json('GET', `/api/persons/${ref}?reveal=1`);
    expect(JSON.stringify(person.body)).toContain(DEBTOR_A);
    const kase = await entitled.json('GET', `/api/cases/${encodeURIComponent(CASE_A)}?reveal=1`);
    expect(JSON.stringify(kase.body)).toContain(DEBTOR_A);
    const file = await entitled.request('GET', '/api/leads/export.xlsx?reveal=1');
    expect(await cellsOf(file)).toContain(DEBTOR_A);
    // Without ?reveal=1 the same user sees masked IDs.
    const masked = await entitled.json<LeadDetail>('GET', `/api/leads/${leadA}`);
    expect(personIdsIn(JSON.stringify(masked.body))).toEqual([]);

    const rows = await audit();
    expect(rows).toContain('hangzhou:reveal_id:查看线索显示完整证件号码');
    expect(rows).toContain('hangzhou:reveal_id:查看当事人显示完整证件号码');
    expect(rows).toContain('hangzhou:reveal_id:查看案件显示完整证件号码');
    expect(rows).toContain('hangzhou:reveal_id:导出线索显示完整证件号码');
    expect(
      rows.some((r) => r.startsWith('hangzhou:export_leads:导出 2 条线索（含完整证件号码）')),
    ).toBe(true);
    expect(rows.filter((r) => r.includes(':reveal_id:'))).toHaveLength(4);
    expect(personIdsIn(JSON.stringify(rows))).toEqual([]);
  });
});
