import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProvince } from '../../src/demo/generate.ts';
import { writeProvinceFiles, type ProvinceFiles } from '../../src/demo/write-files.ts';

async function xlsxCells(path: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    rows.push(
      (row.values as unknown[]).map((v) => (v instanceof Date ? `date:${v.toISOString()}` : v)),
    );
  });
  return rows;
}

function text(files: ProvinceFiles, name: string): string {
  const bytes = readFileSync(join(files.dir, name));
  return new TextDecoder(
    name === '车辆查封扣押.csv' || name === '社保缴费明细.csv' ? 'gbk' : 'utf-8',
  ).decode(bytes);
}

describe('writeProvinceFiles', () => {
  const dirs: string[] = [];
  let first: ProvinceFiles;
  let second: ProvinceFiles;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), 'zhijian-demo-files-')));
    first = await writeProvinceFiles(generateProvince({ scale: 0.5, seed: 7 }), dirs[0]!);
    second = await writeProvinceFiles(generateProvince({ scale: 0.5, seed: 7 }), dirs[1]!);
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes one file per dataset plus answers.json, the same for the same seed', async () => {
    expect(first.files.length).toBe(22);
    expect(readdirSync(first.dir)).toContain('answers.json');
    for (const [a, b] of first.files.map((f, i) => [f.path, second.files[i]!.path] as const)) {
      if (a.endsWith('.csv')) expect(readFileSync(a).equals(readFileSync(b)), a).toBe(true);
      else expect(await xlsxCells(a)).toEqual(await xlsxCells(b));
    }
    expect(readFileSync(first.answersPath, 'utf8')).toBe(readFileSync(second.answersPath, 'utf8'));
    const answers = JSON.parse(readFileSync(first.answersPath, 'utf8')) as {
      asOf: string;
      planted: unknown[];
    };
    expect(answers.asOf).toBe('2026-06-30');
    expect(answers.planted.length).toBeGreaterThan(100);
  });

  it('mixes encodings: UTF-8 with and without BOM, and GBK', () => {
    const bom = (name: string) =>
      readFileSync(join(first.dir, name))
        .subarray(0, 3)
        .equals(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bom('案件当事人.csv')).toBe(true);
    expect(bom('执行措施记录.csv')).toBe(false);
    const gbk = readFileSync(join(first.dir, '车辆查封扣押.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(new TextDecoder('gbk').decode(gbk)).toMatch(/^号牌号码,案号,查封日期/);
  });

  it('uses header synonyms, a title row, the template form and Excel date cells', async () => {
    expect(text(first, '案件当事人.csv')).toMatch(/身份证号码/);
    const ledger = await xlsxCells(join(first.dir, '执行案件台账.xlsx'));
    expect(String(ledger[0]![1])).toMatch(/台账/);
    expect(ledger[1]).toContain('执行案号');
    expect(ledger[2]!.some((v) => typeof v === 'string' && v.startsWith('date:'))).toBe(true);
    const vehicles = await xlsxCells(join(first.dir, '机动车登记信息.xlsx'));
    expect(vehicles[0]).toContain('车牌号');
    const estate = await xlsxCells(join(first.dir, '不动产登记.xlsx'));
    expect(estate[0]).toContain('不动产单元号');
    expect(estate[1]).toContain('不动产单元号或权证号');
  });

  it('spells values the messy ways real exports do', async () => {
    const vehicles = JSON.stringify(await xlsxCells(join(first.dir, '机动车登记信息.xlsx')));
    expect(vehicles).toMatch(/浙[A-D]·/);
    expect(vehicles).toMatch(/"\d{15}"/);
    expect(text(first, '失信被执行人名单.csv')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text(first, '执行款收发明细.csv')).toMatch(/"\d{1,3}(,\d{3})+\.\d\d"/);
    expect(text(first, '股东及出资信息.csv')).toMatch(/\d万/);
    expect(text(first, '股东及出资信息.csv')).toMatch(/\d%/);
    expect(text(first, '执行措施记录.csv')).toMatch(/\(\d{4}\)浙/);
    expect(text(first, '出行记录.csv')).toMatch(/[０-９]{17}/);
    expect(text(first, '案件当事人.csv')).toMatch(/[陳劉張趙吳孫馬鄭謝許鄧馮韓羅葉蘇]/);
    expect(text(first, '执行措施记录.csv') + text(first, '案件当事人.csv')).toMatch(/\d{17}x/);
  });
});
