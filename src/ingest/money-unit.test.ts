import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../store/database.ts';
import { validId, writeCsv, writeXlsx } from '../../test/ingest/make-files.ts';
import { importFiles } from './import.service.ts';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-wan-'));
  db = await Database.open(join(dir, 'db.duckdb'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// Courts often export amounts in 万元 (`申请执行标的（万元）`): 12.5 there is 125,000 yuan, not 12.50.
const HEADER = [
  '案号',
  '执行法院',
  '结案方式',
  '申请执行标的（万元）',
  '实际到位金额',
  '被执行人证件号码',
];
const ROWS = [
  ['（2024）浙0102执1001号', '杭州市上城区人民法院', '终本', '12.5', '1000.00', validId(1)],
  ['（2024）浙0102执1002号', '杭州市上城区人民法院', '终本', '3.00', '0.00', validId(2)],
  // A cell stating its own unit is taken as written.
  ['（2024）浙0102执1003号', '杭州市上城区人民法院', '终本', '8000元', '0.00', validId(3)],
];
const EXPECTED = [
  { case_no: '（2024）浙0102执1001号', target_amount: '125000.00', paid_amount: '1000.00' },
  { case_no: '（2024）浙0102执1002号', target_amount: '30000.00', paid_amount: '0.00' },
  { case_no: '（2024）浙0102执1003号', target_amount: '8000.00', paid_amount: '0.00' },
];
const stored = () =>
  db.all(`SELECT case_no, target_amount, paid_amount FROM enforcement_cases ORDER BY case_no`);

describe('money columns whose header says 万元', () => {
  it.each([true, false])('scale plain amounts by 10,000 in CSV (fast path %s)', async (fast) => {
    const file = join(dir, '终本台账.csv');
    writeCsv(file, [HEADER, ...ROWS]);
    const result = await importFiles(db, [file], { report: false, csvFastPath: fast });
    expect(result.outcomes[0]).toMatchObject({ status: 'imported', imported: 3 });
    expect(await stored()).toEqual(EXPECTED);
  });

  it('scale plain amounts by 10,000 in xlsx, numeric cells included', async () => {
    const file = join(dir, '终本台账.xlsx');
    const rows = ROWS.map((r, i) => (i === 0 ? [...r.slice(0, 3), 12.5, ...r.slice(4)] : r));
    await writeXlsx(file, { 台账: [HEADER, ...rows] });
    const result = await importFiles(db, [file], { report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'imported', imported: 3 });
    expect(await stored()).toEqual(EXPECTED);
  });
});
