import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'zhijian.mjs');
const CORPUS = join(import.meta.dirname, 'corpus');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zhijian extract', () => {
  it('--json prints only the JSON array on stdout; progress goes to stderr', async () => {
    const files = ['01-终本-txt.txt', '17-终本-html-div.html', '43-新闻-txt.txt'].map((f) =>
      join(CORPUS, f),
    );
    const { stdout, stderr } = await run(
      'node',
      [BIN, '--db', join(dir, 'a.duckdb'), 'extract', ...files, '--json', '--ocr', 'never'],
      { cwd: ROOT },
    );
    const out = JSON.parse(stdout) as { file: string; docType: string; caseNo: string | null }[];
    expect(out.map((d) => d.docType)).toEqual(['终本裁定', '终本裁定', '其他']);
    expect(out[0]?.caseNo).toMatch(/^（\d{4}）.+执\d+号$/);
    expect(stderr).toContain('[3/3]');
    expect(stderr).toContain('提取完成');
  });

  it('--json masks the ID numbers of the party block, as every view does', async () => {
    const file = join(CORPUS, 'real-08-终本-豫-web-title-txt.txt');
    const { stdout } = await run('node', [BIN, 'extract', file, '--json', '--ocr', 'never'], {
      cwd: ROOT,
    });
    const [doc] = JSON.parse(stdout) as { debtors: { name: string; idNo: string | null }[] }[];
    expect(doc?.debtors[0]?.name).toBe('王某某');
    expect(doc?.debtors[0]?.idNo).toMatch(/\*/);
    expect(stdout).not.toMatch(/\d{17}[\dX]/);
  });

  it('--import writes the ledger and reports the batches', async () => {
    const db = join(dir, 'b.duckdb');
    const { stderr } = await run(
      'node',
      [BIN, '--db', db, 'extract', join(CORPUS, '02-终本-txt.txt'), '--import'],
      { cwd: ROOT },
    );
    expect(stderr).toMatch(/已写入 enforcement_cases：批次 \d+，1 行/);
    expect(stderr).toMatch(/导入 1 份裁定书/);
  });

  it('names the fields to check in Chinese, with the reason', async () => {
    const file = join(dir, '无法院.txt');
    writeFileSync(
      file,
      '执行裁定书\n（2021）赣0113执9号\n申请执行人：王某。\n被执行人：李某。\n本院在执行过程中，执行标的为1000元。\n裁定如下：\n终结本次执行程序。\n二〇二一年三月五日',
    );
    const { stdout } = await run('node', [BIN, 'extract', file, '--ocr', 'never'], { cwd: ROOT });
    expect(stdout).toContain('待核对：执行法院（文首未识别出法院名称）');
    expect(stdout).not.toMatch(/待核对：[^\n]*[a-z]{4}/);
  });

  it('rejects an unknown --ocr mode and a missing path with a Chinese message', async () => {
    await expect(
      run('node', [BIN, 'extract', join(CORPUS, '01-终本-txt.txt'), '--ocr', 'sometimes'], {
        cwd: ROOT,
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('--ocr 只能是 auto、always 或 never') as unknown,
    });
    await expect(
      run('node', [BIN, 'extract', join(dir, 'nope')], { cwd: ROOT }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('找不到文件或目录') as unknown,
    });
  });
});
