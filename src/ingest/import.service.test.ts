import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDataset } from '../catalog/datasets.ts';
import { creditCodeCheckChar } from '../domain/credit-code.ts';
import { Database } from '../store/database.ts';
import { listBatches } from '../store/batch.repo.ts';
import { validId, writeCsv, writeXlsx } from '../../test/ingest/make-files.ts';
import { rollbackImportBatch } from './batch.service.ts';
import { importFiles } from './import.service.ts';
import { previewFile } from './preview.service.ts';
import { writeTemplate } from './template.ts';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-import-'));
  db = await Database.open(join(dir, 'db.duckdb'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
const path = (name: string): string => join(dir, name);

const VEHICLE_HEADER = ['号牌号码', '所有人证件号码', '所有人', '登记日期', '车辆状态'];

describe('importFiles', () => {
  it('detects datasets, imports one batch per file, supersedes by natural key, rolls back', async () => {
    writeCsv(path('车辆1.csv'), [
      VEHICLE_HEADER,
      ['浙A·12345', validId(1), '张三', '2020-01-01', '正常'],
      ['浙AD12345', validId(2), '李四', '2021/2/3', '正常'],
    ]);
    writeCsv(path('车辆2.csv'), [
      VEHICLE_HEADER,
      ['浙a12345', validId(1), '张三', '2020年1月1日', '查封'],
    ]);
    const first = await importFiles(db, [path('车辆1.csv')], { report: false });
    expect(first.outcomes[0]).toMatchObject({
      status: 'imported',
      dataset: 'vehicles',
      imported: 2,
      superseded: 0,
    });
    expect(first.outcomes[0]?.score).toBeGreaterThan(0.6);
    const second = await importFiles(db, [path('车辆2.csv')], { report: false });
    expect(second.outcomes[0]).toMatchObject({ imported: 1, superseded: 1 });
    const current = await db.all(`SELECT plate, status FROM vehicles ORDER BY plate`);
    expect(current).toEqual([
      { plate: '浙A12345', status: '查封' },
      { plate: '浙AD12345', status: '正常' },
    ]);
    await rollbackImportBatch(db, second.outcomes[0]?.batchId ?? -1);
    expect(await db.all(`SELECT status FROM vehicles WHERE plate = '浙A12345'`)).toEqual([
      { status: '正常' },
    ]);
  });

  it('rejects a batch with errors as a whole by default; a dry run writes nothing', async () => {
    writeCsv(path('v.csv'), [
      VEHICLE_HEADER,
      ['浙A12345', validId(1), '张三', '2020-01-01', '正常'],
      ['不是车牌', validId(2), '李四', '2020-13-01', '正常'],
    ]);
    const dry = await importFiles(db, [path('v.csv')], { dryRun: true, report: false });
    expect(dry.outcomes[0]).toMatchObject({ status: 'rejected', rowsRead: 2, badRows: 1 });
    expect(await listBatches(db)).toEqual([]);
    const result = await importFiles(db, [path('v.csv')], { report: false });
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]).toMatchObject({ status: 'rejected', rowsRead: 2, rejected: 2 });
    const errors = result.outcomes[0]?.summary.first.filter((d) => d.severity === 'error');
    expect(errors?.map((d) => [d.row, d.column])).toEqual([
      [3, '号牌号码'],
      [3, '登记日期'],
    ]);
    expect(await db.all(`SELECT * FROM vehicles`)).toEqual([]);
  });

  it('does not guess between tied datasets or unknown headers: asks for --dataset', async () => {
    writeCsv(path('名单.csv'), [
      ['证件号码', '姓名'],
      [validId(1), '张三'],
    ]);
    writeCsv(path('杂项.csv'), [
      ['甲', '乙'],
      ['1', '2'],
    ]);
    const result = await importFiles(db, [path('名单.csv'), path('杂项.csv')], { report: false });
    expect(result.outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(result.outcomes[0]?.message).toContain('--dataset');
    expect(result.outcomes[1]?.message).toContain('无法识别');
    const chosen = await importFiles(db, [path('名单.csv')], {
      dataset: 'gambling_records',
      skipBadRows: true,
      report: false,
    });
    // gambling_records needs 案发日期: the header lacks it, so the batch is refused, loudly.
    expect(chosen.outcomes[0]).toMatchObject({ status: 'rejected', dataset: 'gambling_records' });
    expect(chosen.outcomes[0]?.message).toContain('案发日期');
  });

  it('a file that is not there fails in Chinese without leaving a report beside it', async () => {
    const result = await importFiles(db, [path('没有这个文件.csv')]);
    expect(result.ok).toBe(false);
    expect(result.outcomes[0]?.status).toBe('failed');
    expect(result.outcomes[0]?.message).toContain('没有这个文件.csv');
    expect(result.reports).toEqual([]);
    expect(existsSync(`${path('没有这个文件.csv')}.校验报告.xlsx`)).toBe(false);
  });

  it('a missing required column rejects the batch and names the column', async () => {
    writeCsv(path('v.csv'), [
      ['号牌号码', '所有人', '登记日期'],
      ['浙A12345', '张三', '2020-01-01'],
    ]);
    const result = await importFiles(db, [path('v.csv')], { dataset: 'vehicles', report: false });
    expect(result.outcomes[0]).toMatchObject({ status: 'rejected', rowsRead: 1, rejected: 1 });
    expect(result.outcomes[0]?.message).toContain('所有人证件号码');
  });

  it('applies a mapping override, remembers it, and reuses it for the same headers', async () => {
    const header = ['车牌', '车主身份证', '车主', '上户日期', '备注'];
    writeCsv(path('a.csv'), [header, ['浙A12345', validId(1), '张三', '2020-01-01', '无']]);
    writeCsv(path('b.csv'), [header, ['浙B12345', validId(2), '李四', '2021-01-01', '']]);
    const mapping = {
      dataset: 'vehicles',
      columns: { 车主身份证: 'owner_id', 上户日期: '登记日期', 备注: null },
    };
    const a = await importFiles(db, [path('a.csv')], { mapping, report: false });
    expect(a.outcomes[0]).toMatchObject({ status: 'imported', mappingFrom: 'override' });
    const b = await importFiles(db, [path('b.csv')], { report: false });
    expect(b.outcomes[0]).toMatchObject({
      status: 'imported',
      dataset: 'vehicles',
      mappingFrom: 'remembered',
    });
    const rows = await db.all(
      `SELECT plate, owner_id, CAST(registered_date AS VARCHAR) AS d, CAST(_extra AS VARCHAR) AS x
       FROM vehicles ORDER BY plate`,
    );
    expect(rows).toEqual([
      { plate: '浙A12345', owner_id: validId(1), d: '2020-01-01', x: '{"备注":"无"}' },
      { plate: '浙B12345', owner_id: validId(2), d: '2021-01-01', x: null },
    ]);
  });

  it('maps act wordings, keeps the original, infers party types, reads ratios', async () => {
    const creditCode = `91330100MA2B3C4D5${creditCodeCheckChar('91330100MA2B3C4D5')}`;
    writeCsv(path('措施.csv'), [
      ['案号', '措施类型', '措施日期', '对象'],
      ['(2023)浙0102执1号', '发出执行通知书', '2023-01-05', '张三'],
      ['(2023)浙0102执1号', '跳大神', '2023-01-06', '张三'],
    ]);
    writeCsv(path('当事人.csv'), [
      ['案号', '当事人名称', '诉讼地位', '证件号码'],
      ['(2023)浙0102执1号', '张三', '被执行人', validId(9)],
    ]);
    writeCsv(path('股权.csv'), [
      ['企业统一社会信用代码', '企业名称', '股东证件号码', '股东名称', '持股比例'],
      [creditCode, '某某公司', validId(3), '王五', '35%'],
    ]);
    const result = await importFiles(db, [path('措施.csv'), path('当事人.csv')], {
      report: false,
    });
    expect(result.outcomes.map((o) => [o.dataset, o.status])).toEqual([
      ['case_actions', 'imported'],
      ['case_parties', 'imported'],
    ]);
    expect(
      await db.all(`SELECT case_no, action_type, action_wording FROM case_actions ORDER BY _row`),
    ).toEqual([
      { case_no: '（2023）浙0102执1号', action_type: '执行通知', action_wording: '发出执行通知书' },
      { case_no: '（2023）浙0102执1号', action_type: '跳大神', action_wording: '跳大神' },
    ]);
    expect(result.outcomes[0]?.summary.reasons.map((r) => r.code)).toContain('action.unknown');
    expect(await db.all(`SELECT party_type FROM case_parties`)).toEqual([{ party_type: '自然人' }]);

    const equity = await importFiles(db, [path('股权.csv')], { report: false });
    expect(equity.outcomes[0]).toMatchObject({ dataset: 'equity_holdings', imported: 1 });
    expect(await db.all(`SELECT company_code, share_ratio FROM equity_holdings`)).toEqual([
      { company_code: creditCode, share_ratio: 0.35 },
    ]);
  });

  it('writes a template that imports as it is (row 2 descriptions skipped)', async () => {
    const template = path('template.xlsx');
    await writeTemplate(
      template,
      [findDataset('vehicles'), findDataset('deaths')].flatMap((d) => (d ? [d] : [])),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheet = workbook.getWorksheet('机动车登记');
    expect(sheet?.getRow(1).getCell(1).value).toBe('号牌号码');
    expect(sheet?.getColumn(2).numFmt).toBe('@');
    sheet?.addRow(['浙A12345', null, null, validId(1), '张三', '2020-01-01']);
    await workbook.xlsx.writeFile(path('filled.xlsx'));
    const result = await importFiles(db, [path('filled.xlsx')], { report: false });
    expect(result.ok).toBe(true);
    expect(result.outcomes.map((o) => [o.sheet, o.status, o.templateForm, o.imported])).toEqual([
      ['机动车登记', 'imported', true, 1],
      ['死亡人员信息', 'empty', true, 0],
    ]);
  });

  it('previews a file: dataset with score and alternatives, mapping, masked first rows', async () => {
    await writeXlsx(path('失信名单.xlsx'), {
      失信被执行人: [
        ['案号', '被执行人姓名/名称', '身份证号码/组织机构代码', '执行法院', '发布时间', '其他'],
        ['(2023)浙0102执1号', '张三', validId(4), '某法院', '2023-01-01', 'x'],
      ],
    });
    const preview = await previewFile(path('失信名单.xlsx'));
    const sheet = preview.sheets[0];
    expect(sheet).toMatchObject({
      sheet: '失信被执行人',
      dataset: 'dishonest_debtors',
      headerRow: 1,
    });
    expect(sheet?.candidates.length).toBeGreaterThan(1);
    expect(sheet?.mapping.map((m) => m.column)).toEqual([
      'case_no',
      'name',
      'id_no',
      'court',
      'published_date',
      null,
    ]);
    expect(sheet?.unmapped).toEqual(['其他']);
    expect(sheet?.sampleRows[0]?.['身份证号码/组织机构代码']).toMatch(/^330102\*+/);
  });
});
