import type { Database } from '../src/store/database.ts';

/** Courts of the generated leads (code → name), four cities of the demo province. */
const COURTS: readonly [string, string][] = [
  ['0102', '杭州市上城区人民法院'],
  ['0105', '杭州市拱墅区人民法院'],
  ['0106', '杭州市西湖区人民法院'],
  ['0108', '杭州市滨江区人民法院'],
  ['01', '杭州市中级人民法院'],
  ['0203', '宁波市海曙区人民法院'],
  ['0205', '宁波市江北区人民法院'],
  ['02', '宁波市中级人民法院'],
  ['0302', '温州市鹿城区人民法院'],
  ['0303', '温州市龙湾区人民法院'],
  ['03', '温州市中级人民法院'],
  ['0602', '绍兴市越城区人民法院'],
];
const sqlList = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/** Cases (the evidence rows leads point at) and leads, generated in SQL (bench:api). */
export async function generateLeadData(db: Database, LEADS: number, CASES: number): Promise<void> {
  const codes = sqlList(COURTS.map((c) => c[0]));
  const names = sqlList(COURTS.map((c) => c[1]));
  const caseNo = (i: string) =>
    `'（' || (2018 + ${i} % 7) || '）浙' || ${codes}[${i} % ${COURTS.length} + 1] || '执' || (${i} // ${COURTS.length} + 1) || '号'`;
  const debtorId = (i: string) =>
    `'3301' || lpad((${i} % 97)::VARCHAR, 2, '0') || '1970' || lpad((${i} % 12 + 1)::VARCHAR, 2, '0') || '15' || lpad((${i} % 9973)::VARCHAR, 4, '0')`;
  // Batch 1 from the sequence, so the import scenario's batch gets the next id.
  await db.run(`INSERT INTO batches (id, dataset, kind, source, unit_id, rows_read, rows_imported)
    VALUES (nextval('batch_id_seq'), 'enforcement_cases', 'import', 'bench', '330000', ${CASES}, ${CASES})`);
  await db.run(`INSERT INTO enforcement_cases__versions (case_no, court, filed_date, closed_date, closure_type,
      target_amount, debtors, debtor_id, _batch_id, _file, _sheet, _row, _key, _active)
    SELECT ${caseNo('i')}, ${names}[i % ${COURTS.length} + 1], DATE '2019-01-01' + (i % 1500)::INTEGER,
      DATE '2019-06-01' + (i % 1500)::INTEGER, '终结本次执行程序', (i % 500 + 1) * 1000,
      '被执行人' || (i % 50000), ${debtorId('i')}, 1, '执行案件台账.xlsx', 'Sheet1', i + 3, ${caseNo('i')}, true
    FROM range(${CASES}) t(i)`);
  await db.run(`INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, plate,
      summary, priority, evidence, legal_basis, action, court, status, fingerprint, first_seen_run, last_seen_run,
      created_at, updated_at)
    SELECT 'M' || lpad((i % 24 + 1)::VARCHAR, 2, '0') || '|' || (i // 24),
      'M' || lpad((i % 24 + 1)::VARCHAR, 2, '0'), 1,
      ${caseNo('c')}, ${debtorId('c')}, '被执行人' || (c % 50000), NULL,
      '被执行人' || (c % 50000) || '（' || ${debtorId('c')} || '）在终本时名下有财产，未被查控',
      ['高', '中', '低'][(i * 7) % 3 + 1],
      '[{"dataset":"enforcement_cases","batchId":1,"file":"执行案件台账.xlsx","row":' || (c + 3) || '}]',
      '["终本规定 第一条（三）"]', '督促恢复执行',
      ${names}[c % ${COURTS.length} + 1],
      ['待研判', '待研判', '待研判', '研判中', '已成案', '已排除'][(i * 5) % 6 + 1],
      md5(i::VARCHAR), 1, 1,
      TIMESTAMP '2025-01-01' + INTERVAL (i % 400) DAY, TIMESTAMP '2025-01-01' + INTERVAL (i % 400) DAY
    FROM (SELECT i, (i * 7919) % ${CASES} AS c FROM range(${LEADS}) t(i))`);
}
