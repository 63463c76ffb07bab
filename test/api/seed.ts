import { writeBatch } from '../../src/store/batch.repo.ts';
import type { Database } from '../../src/store/database.ts';

export const CASE_A = '（2023）浙0102执100号';
export const CASE_B = '（2023）浙0105执200号';
export const DEBTOR_A = '330102198001011234';
export const DEBTOR_B = '330105197502023456';
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';

/**
 * Two 终本 cases in two county units (上城 330102, 拱墅 330105) with their debtors, imported as a
 * real batch, and one lead on each pointing at its source row.
 */
export async function seedTwoCounties(
  db: Database,
): Promise<{ leadA: string; leadB: string; batchId: number }> {
  const cases = await writeBatch(db, {
    dataset: 'enforcement_cases',
    kind: 'import',
    source: 'test',
    files: [{ file: '执行案件.xlsx', sheet: 'Sheet1' }],
    unitId: '330000',
    rows: [
      {
        values: {
          case_no: CASE_A,
          court: '杭州市上城区人民法院',
          filed_date: '2023-01-05',
          closed_date: '2023-06-30',
          closure_type: '终结本次执行程序',
          target_amount: '125000.00',
          debtors: XSS_NAME,
          debtor_id: DEBTOR_A,
        },
        file: '执行案件.xlsx',
        sheet: 'Sheet1',
        row: 3,
      },
      {
        values: {
          case_no: CASE_B,
          court: '杭州市拱墅区人民法院',
          filed_date: '2023-02-01',
          closed_date: '2023-07-15',
          closure_type: '终结本次执行程序',
          target_amount: '80000.00',
          debtors: FORMULA_NAME,
          debtor_id: DEBTOR_B,
        },
        file: '执行案件.xlsx',
        sheet: 'Sheet1',
        row: 4,
      },
    ],
  });
  await writeBatch(db, {
    dataset: 'case_parties',
    kind: 'import',
    source: 'test',
    files: [{ file: '当事人.xlsx', sheet: 'Sheet1' }],
    unitId: '330000',
    rows: [
      {
        values: {
          case_no: CASE_A,
          party_name: XSS_NAME,
          party_role: '被执行人',
          party_id: DEBTOR_A,
        },
        file: '当事人.xlsx',
        sheet: 'Sheet1',
        row: 3,
      },
      {
        values: {
          case_no: CASE_B,
          party_name: FORMULA_NAME,
          party_role: '被执行人',
          party_id: DEBTOR_B,
        },
        file: '当事人.xlsx',
        sheet: 'Sheet1',
        row: 4,
      },
    ],
  });
  const lead = async (
    key: string,
    caseNo: string,
    id: string,
    name: string,
    court: string,
    row: number,
  ) =>
    db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, summary,
         priority, evidence, legal_basis, action, court, fingerprint, first_seen_run, last_seen_run)
       VALUES ($1, 'M01', 1, $2, $3, $4, $5, '高', $6, '["终本规定 第一条（三）"]', '督促恢复执行', $7, 'f', 1, 1)`,
      [
        key,
        caseNo,
        id,
        name,
        `被执行人${name}（${id}）终本时名下有车辆浙A12345`,
        JSON.stringify([
          { dataset: 'enforcement_cases', batchId: cases.batchId, file: '执行案件.xlsx', row },
        ]),
        court,
      ],
    );
  await lead('M01|A', CASE_A, DEBTOR_A, XSS_NAME, '杭州市上城区人民法院', 3);
  await lead('M01|B', CASE_B, DEBTOR_B, FORMULA_NAME, '杭州市拱墅区人民法院', 4);
  return {
    leadA: await leadIdOf(db, 'M01|A'),
    leadB: await leadIdOf(db, 'M01|B'),
    batchId: cases.batchId,
  };
}

/** The opaque id (what the API names a lead by) of the lead with this internal key. */
export async function leadIdOf(db: Database, key: string): Promise<string> {
  const row = await db.one<{ lead_id: string }>(`SELECT lead_id FROM leads WHERE lead_key = $1`, [
    key,
  ]);
  if (!row) throw new Error(`no lead ${key}`);
  return row.lead_id;
}
