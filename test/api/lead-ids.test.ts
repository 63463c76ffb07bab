import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadDetail, LeadRow } from '../../src/contract/leads.ts';
import type { Page } from '../../src/contract/common.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, DEBTOR_A, leadIdOf, seedTwoCounties } from './seed.ts';
import { personIdsIn } from '../../src/domain/mask.ts';

/** An M24-style key: the subject's full ID number is part of the internal lead key. */
const ID_KEY = `M24:${CASE_A}:${DEBTOR_A}`;

async function xlsxCells(res: Response): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const cells: string[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
  );
  return cells;
}

describe('opaque lead ids: no ID number leaves the server in a lead id', () => {
  let h: Harness;
  let county: Client;
  let id: string;
  beforeEach(async () => {
    h = await openHarness();
    await seedTwoCounties(h.db);
    await h.db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name,
         summary, priority, evidence, legal_basis, court, fingerprint, first_seen_run, last_seen_run)
       VALUES ($1, 'M24', 1, $2, $3, '某甲', '被执行人有高消费记录', '高', '[]', '[]',
         '杭州市上城区人民法院', 'f', 1, 1)`,
      [ID_KEY, CASE_A, DEBTOR_A],
    );
    id = await leadIdOf(h.db, ID_KEY);
    const u = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    county = await signedIn(h, u.username, u.password);
  });
  afterEach(() => h.close());

  it('list, detail, actions, export and audit name the lead by its opaque id only', async () => {
    expect(id).toMatch(/^L[0-9a-f]{16}$/);
    const list = await county.json<Page<LeadRow>>('GET', '/api/leads?modelId=M24');
    expect(list.status).toBe(200);
    expect(list.body.items.map((l) => l.id)).toContain(id);
    expect(personIdsIn(JSON.stringify(list.body))).toEqual([]);

    const detail = await county.json<LeadDetail>('GET', `/api/leads/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lead.id).toBe(id);
    expect(personIdsIn(JSON.stringify(detail.body))).toEqual([]);
    // The internal key is no name for the lead from outside.
    expect((await county.json('GET', `/api/leads/${encodeURIComponent(ID_KEY)}`)).status).toBe(404);
    const noted = await county.json<LeadDetail>('POST', `/api/leads/${id}/notes`, { text: '已核' });
    expect(noted.status).toBe(200);
    expect(noted.body.history.map((e) => e.note)).toContain('已核');

    const all = await county.request('GET', '/api/leads/export.xlsx');
    expect(all.status).toBe(200);
    const cells = await xlsxCells(all);
    expect(cells).toContain(id);
    for (const cell of cells) expect(personIdsIn(cell)).toEqual([]);
    const chosen = await xlsxCells(
      await county.request('GET', `/api/leads/export.xlsx?leadIds=${id}`),
    );
    expect(chosen.filter((c) => c === id)).toHaveLength(1);

    const audit = await h.api.platform.audit.list({}, { page: 1, pageSize: 100 });
    expect(audit.items.map((e) => `${e.action}:${e.target}`)).toContain(`view_lead:${id}`);
    expect(personIdsIn(JSON.stringify(audit.items))).toEqual([]);
  });
});
