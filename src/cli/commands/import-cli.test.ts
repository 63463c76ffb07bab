import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validId, writeCsv } from '../../../test/ingest/make-files.ts';
import { runCli } from '../../../test/cli/run-cli.ts';

let dir = '';

const cli = (...args: string[]) => runCli(join(dir, 'db.duckdb'), ...args);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-import-cli-'));
  writeCsv(join(dir, '台账.csv'), [
    ['案号', '被执行人', '结案方式', '被执行人证件号码'],
    ['（2023）浙0102执1号', '张三', '终结本次执行程序', validId(1)],
    ['（2023）浙0102执1号', '张三', '执行完毕', validId(1)],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zhijian import --dedupe', () => {
  it('refuses a repeated case number by default, keeps the last with --dedupe last', async () => {
    const file = join(dir, '台账.csv');
    const refused = await cli('import', file, '--report', join(dir, 'r1.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('第 3 行与第 2 行的案号相同');
    const kept = await cli('import', file, '--dedupe', 'last', '--report', join(dir, 'r2.xlsx'));
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('重复键只保留最后一行，略去 1 行');
  }, 60_000);

  it('rejects an unknown policy as a usage error', async () => {
    const bad = await cli('import', join(dir, '台账.csv'), '--dedupe', 'first');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--dedupe 只能是 reject');
  }, 30_000);
});
