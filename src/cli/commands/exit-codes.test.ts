import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-exit-'));
const dbPath = join(dir, 'exit.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(dbPath, ...args);

// README: exit 2 for a usage error (unknown option, bad option value), 1 for a user error.
describe('CLI exit codes', { timeout: 180_000 }, () => {
  it.each([
    [['batches', '--limit', 'x'], '--limit'],
    [['extract', '--ocr', 'bad', dir], '--ocr'],
    [['serve', '--port', 'abc'], '--port'],
    [['batches', '--no-such-option'], 'no-such-option'],
  ])('%j exits 2 naming the option', async (args, option) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(option);
    expect(r.stderr).not.toContain('内部错误');
  });

  it('a user error (unknown model) exits 1 with a Chinese message', async () => {
    const r = await cli('models', 'show', 'M99');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误：.*M99/m);
  });
});
