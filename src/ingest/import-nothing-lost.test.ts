import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDataset } from '../catalog/datasets.ts';
import { Database } from '../store/database.ts';
import { validId, writeCsv, writeXlsx } from '../../test/ingest/make-files.ts';
import { importFiles } from './import.service.ts';
import { mapHeaders } from './mapping.ts';
import { unresolvedMatches } from './match-columns.ts';
import { isDescriptionRow, isFooterRow } from './row-kinds.ts';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-lost-'));
  db = await Database.open(join(dir, 'db.duckdb'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const path = (name: string): string => join(dir, name);
const ledger = (): NonNullable<ReturnType<typeof findDataset>> => {
  const d = findDataset('enforcement_cases');
  if (!d) throw new Error('no ledger');
  return d;
};

const CASES = [
  ['（2023）浙0102执1号', '张三', '2023-01-05', '终结本次执行程序'],
  ['（2023）浙0102执2号', '李四', '2023-02-06', '执行完毕'],
];

describe('matching columns never end unmapped silently', () => {
  it('finds candidate headers by name or by their values, not phone numbers', () => {
    const headers = ['案号', '被执行人', '当事人身份信息', '备用字段', '手机号码', '备注'];
    const mapping = mapHeaders(ledger(), headers);
    const sample = [
      ['（2023）浙0102执1号', '张三', '', validId(1), '13800000000', '无'],
      ['（2023）浙0102执2号', '李四', '', validId(2), '13900000000', '无'],
    ];
    const unresolved = unresolvedMatches(mapping, sample);
    const debtor = unresolved.find((u) => u.column.name === 'debtor_id');
    expect(debtor?.candidates).toEqual(['当事人身份信息', '备用字段']);
    // Set aside by the user's mapping: no longer a candidate.
    const decided = unresolvedMatches(mapping, sample, new Set(['当事人身份信息', '备用字段']));
    expect(decided.find((u) => u.column.name === 'debtor_id')?.candidates).toEqual([]);
  });

  for (const csvFastPath of [true, false]) {
    it(`imports a plain 身份证号 column into debtor_id (fast path ${csvFastPath})`, async () => {
      writeCsv(path('台账.csv'), [
        ['案号', '被执行人', '立案日期', '结案方式', '身份证号'],
        ...CASES.map((c, i) => [...c, validId(i + 1)]),
      ]);
      const result = await importFiles(db, [path('台账.csv')], { report: false, csvFastPath });
      expect(result.outcomes[0]).toMatchObject({ status: 'imported', imported: 2 });
      const rows = await db.all(`SELECT debtor_id FROM enforcement_cases ORDER BY case_no`);
      expect(rows).toEqual([{ debtor_id: validId(1) }, { debtor_id: validId(2) }]);
    });
  }

  it('refuses a ledger whose ID column has an unknown header, naming file, sheet, column and candidates; a mapping resolves it', async () => {
    const rows = [
      ['案号', '被执行人', '立案日期', '结案方式', '被执行人身份信息'],
      ...CASES.map((c, i) => [...c, validId(i + 1)]),
    ];
    await writeXlsx(path('台账.xlsx'), { 终本案件: rows });
    const refused = await importFiles(db, [path('台账.xlsx')], { report: false });
    const outcome = refused.outcomes[0];
    expect(outcome).toMatchObject({ status: 'rejected', imported: 0 });
    expect(outcome?.message).toContain('被执行人证件号码');
    expect(outcome?.message).toContain('被执行人身份信息');
    const error = outcome?.summary.first.find((d) => d.code === 'header.match-unmapped');
    expect(error?.message).toContain('台账.xlsx');
    expect(error?.message).toContain('工作表“终本案件”');
    expect(error?.message).toContain('--mapping');
    expect(await db.all(`SELECT * FROM enforcement_cases`)).toEqual([]);

    const mapped = await importFiles(db, [path('台账.xlsx')], {
      report: false,
      mapping: { columns: { 被执行人身份信息: 'debtor_id' } },
    });
    expect(mapped.outcomes[0]).toMatchObject({ status: 'imported', imported: 2 });
    const ids = await db.all(`SELECT debtor_id FROM enforcement_cases ORDER BY case_no`);
    expect(ids).toEqual([{ debtor_id: validId(1) }, { debtor_id: validId(2) }]);
  });

  it('says so (a warning) when a ledger has no ID column at all', async () => {
    writeCsv(path('台账.csv'), [['案号', '被执行人', '立案日期', '结案方式'], ...CASES]);
    const result = await importFiles(db, [path('台账.csv')], { report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'imported', imported: 2 });
    const warnings = result.outcomes[0]?.summary.first.filter(
      (d) => d.code === 'header.match-missing',
    );
    expect(warnings?.map((d) => d.column)).toEqual(['执行依据文号', '被执行人证件号码']);
    expect(warnings?.[1]?.message).toContain('文件 台账.csv 没有“被执行人证件号码”列');
  });
});

describe('description and footer rows', () => {
  const columns = (headers: string[]): ReturnType<typeof mapHeaders>['columns'] =>
    mapHeaders(ledger(), headers).columns;
  const headers = ['案号', '被执行人', '立案日期', '执行标的金额', '被执行人证件号码'];

  it('recognises a description row whatever its wording, and not a data row', () => {
    const cols = columns(headers);
    const described = [
      [
        '必填，格式如（2023）浙0102执1234号',
        '多个以、分隔',
        'YYYY-MM-DD',
        '单位：元',
        '18位身份证号码或统一社会信用代码',
      ],
      ['案号', '被执行人姓名或名称', '立案日期（年-月-日）', '金额（元）', '证件号码'],
      ['请填写执行案号', '请填写', '请填写日期', '请填写金额', '选填'],
    ];
    for (const row of described) expect(isDescriptionRow(row, cols, headers), row[0]).toBe(true);
    const data = ['（2023）浙0102执1号', '张三', '2023-01-05', '1000', validId(1)];
    expect(isDescriptionRow(data, cols, headers)).toBe(false);
    // A bad data row is an error row, not a description.
    expect(isDescriptionRow(['2023执1', '张三', '昨天', '一千', '12345'], cols, headers)).toBe(
      false,
    );
  });

  it('recognises footer rows, but not a data row whose first cell happens to say 合计', () => {
    const cols = columns(headers);
    for (const first of [
      '合计',
      '合  计',
      '总计：2件',
      '小计',
      '制表人：王五',
      '审核人：赵六',
      '打印时间：2024-01-02',
      '填报日期：2024年1月',
      '数据截至2024年1月1日',
      '制表单位：某某法院',
    ]) {
      expect(isFooterRow([first, '', '', '2000', ''], cols), first).toBe(true);
    }
    expect(isFooterRow(['（2023）浙0102执1号', '合计', '', '', ''], cols)).toBe(false);
    expect(isFooterRow(['合计', '', '', '', validId(1)], cols)).toBe(false);
  });

  for (const csvFastPath of [true, false]) {
    it(`imports a file with someone else's description row and a footer (fast path ${csvFastPath})`, async () => {
      const file = csvFastPath ? path('台账.csv') : path('台账.xlsx');
      const rows = [
        headers,
        ['必填，如（2023）浙0102执1234号', '姓名或名称', '格式：YYYY-MM-DD', '单位：元', '选填'],
        ['（2023）浙0102执1号', '张三', '2023-01-05', '1000', validId(1)],
        ['（2023）浙0102执2号', '李四', '2023-02-06', '2000', validId(2)],
        ['合计', '', '', '3000', ''],
        ['制表人：王五', '', '审核人：赵六', '', ''],
      ];
      if (csvFastPath) writeCsv(file, rows);
      else await writeXlsx(file, { 台账: rows });
      const result = await importFiles(db, [file], { report: false, csvFastPath });
      expect(result.outcomes[0]).toMatchObject({
        status: 'imported',
        imported: 2,
        rowsRead: 2,
        badRows: 0,
        footerRows: 2,
        templateForm: true,
      });
      const footer = result.outcomes[0]?.summary.reasons.find((r) => r.code === 'row.footer');
      expect(footer).toMatchObject({ severity: 'warning', count: 2 });
    });
  }
});

describe('a natural key repeated within one file', () => {
  const rows = [
    ['案号', '被执行人', '立案日期', '结案方式', '被执行人证件号码'],
    ['（2023）浙0102执1号', '张三', '2023-01-05', '终结本次执行程序', validId(1)],
    ['（2023）浙0102执2号', '李四', '2023-02-06', '执行完毕', validId(2)],
    ['（2023）浙0102执1号', '张三', '2023-01-05', '执行完毕', validId(1)],
  ];
  for (const csvFastPath of [true, false]) {
    it(`is refused by default naming both rows; --dedupe last keeps the last (fast path ${csvFastPath})`, async () => {
      writeCsv(path('台账.csv'), rows);
      const refused = await importFiles(db, [path('台账.csv')], { report: false, csvFastPath });
      const outcome = refused.outcomes[0];
      expect(outcome).toMatchObject({ status: 'rejected', imported: 0, badRows: 1 });
      const error = outcome?.summary.first.find((d) => d.code === 'row.duplicate-key');
      expect(error).toMatchObject({ severity: 'error', row: 4 });
      expect(error?.message).toContain('第 4 行与第 2 行的案号相同（（2023）浙0102执1号）');
      expect(await db.all(`SELECT * FROM enforcement_cases`)).toEqual([]);

      const kept = await importFiles(db, [path('台账.csv')], {
        report: false,
        csvFastPath,
        dedupe: 'last',
      });
      expect(kept.outcomes[0]).toMatchObject({ status: 'imported', imported: 2, duplicateRows: 1 });
      const current = await db.all(
        `SELECT case_no, closure_type, _row FROM enforcement_cases__versions WHERE _active ORDER BY case_no`,
      );
      expect(current).toEqual([
        { case_no: '（2023）浙0102执1号', closure_type: '执行完毕', _row: 4 },
        { case_no: '（2023）浙0102执2号', closure_type: '执行完毕', _row: 3 },
      ]);
      const batch = await db.all(
        `SELECT rows_imported::INTEGER AS rows_imported FROM batches WHERE id = ${kept.outcomes[0]?.batchId ?? -1}`,
      );
      expect(batch).toEqual([{ rows_imported: 2 }]);
    });
  }

  it('is found by a dry run too', async () => {
    await writeXlsx(path('台账.xlsx'), { 台账: rows });
    const dry = await importFiles(db, [path('台账.xlsx')], { report: false, dryRun: true });
    expect(dry.outcomes[0]).toMatchObject({ status: 'rejected', badRows: 1 });
    const last = await importFiles(db, [path('台账.xlsx')], {
      report: false,
      dryRun: true,
      dedupe: 'last',
    });
    expect(last.outcomes[0]).toMatchObject({ status: 'dry-run', imported: 2, duplicateRows: 1 });
  });
});

describe('footers where every required column is text', () => {
  for (const csvFastPath of [true, false]) {
    it(`are footers on both paths (fast path ${csvFastPath})`, async () => {
      writeCsv(path('网络司法拍卖.csv'), [
        ['拍卖编号', '案号', '标的物名称', '起拍价'],
        ['PM-001', '（2023）浙0102执1号', '浙A12345 小型轿车', '50000.00'],
        ['PM-002', '（2023）浙0102执2号', '住宅一套', '900000.00'],
        ['合计', '', '', '950000.00'],
        ['制表人：王五', '', '', ''],
      ]);
      const result = await importFiles(db, [path('网络司法拍卖.csv')], {
        report: false,
        csvFastPath,
      });
      expect(result.outcomes[0]).toMatchObject({
        status: 'imported',
        dataset: 'online_auctions',
        imported: 2,
        footerRows: 2,
      });
      expect(await db.all(`SELECT auction_no FROM online_auctions ORDER BY 1`)).toEqual([
        { auction_no: 'PM-001' },
        { auction_no: 'PM-002' },
      ]);
    });
  }
});
