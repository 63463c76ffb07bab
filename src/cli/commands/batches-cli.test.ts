import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validId, writeCsv } from '../../../test/ingest/make-files.ts';
import { BATCH_STATUS_LABELS } from '../../contract/vocabulary.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../../bin/zhijian.mjs');
let dir = '';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      BIN,
      '--db',
      join(dir, 'db.duckdb'),
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The status column (last) of batch #id in `zhijian batches`. */
function statusOf(stdout: string, id: string): string | undefined {
  return stdout
    .split('\n')
    .find((l) => l.startsWith(`#${id}\t`))
    ?.split('\t')
    .at(-1);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-batches-cli-'));
  writeCsv(join(dir, '台账.csv'), [
    ['案号', '被执行人', '结案方式', '被执行人证件号码'],
    ['（2023）浙0102执1号', '张三', '终结本次执行程序', validId(1)],
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zhijian batches', () => {
  it('labels batch states from the one vocabulary: 有效, then 已回滚 after a rollback', async () => {
    const imported = await cli('import', join(dir, '台账.csv'), '--report', join(dir, 'r.xlsx'));
    expect(imported.code).toBe(0);
    const before = await cli('batches');
    const id = /^#(\d+)\t/m.exec(before.stdout)?.[1];
    if (!id) throw new Error(`no batch listed:\n${before.stdout}`);
    expect(statusOf(before.stdout, id)).toBe(BATCH_STATUS_LABELS.committed);
    expect(before.stdout).toContain('\t导入\t');

    const rolled = await cli('batches', 'rollback', id);
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toContain(`已回滚批次 #${id}`);
    const after = await cli('batches');
    expect(statusOf(after.stdout, id)).toBe('已回滚');

    const again = await cli('batches', 'rollback', id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已回滚');
    expect(again.stderr).not.toContain('回退');
  }, 90_000);
});
