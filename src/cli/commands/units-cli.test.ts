import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(join(dir, 'units.duckdb'), ...args);

describe('zhijian units set-number-pattern', { timeout: 120_000 }, () => {
  it('sets a unit’s recommendation number pattern, refusing unknown placeholders', async () => {
    const add = await cli(
      'users',
      'add',
      'guanli',
      '--unit',
      '330000',
      '--role',
      'admin',
      '--password',
      'Harbour-Lamp-2026',
    );
    expect(add.code, add.stderr).toBe(0);
    const as = ['--as', 'guanli', 'units'];
    const shown = await cli(...as, 'number-pattern', '--unit', '330102');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('{简称}检民执建〔{年}〕{号}号（默认）');
    expect(shown.stdout).toMatch(/浙杭上检民执建〔\d{4}〕1号/);
    const bad = await cli(...as, 'set-number-pattern', '{简称}〔{年}〕{no}号', '--unit', '330102');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('未知占位符：{no}');
    const set = await cli(
      ...as,
      'set-number-pattern',
      '上城检建〔{年}〕{号}号',
      '--unit',
      '330102',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/上城检建〔\d{4}〕1号/);
    const again = await cli(...as, 'number-pattern', '--unit', '330102');
    expect(again.stdout).not.toContain('（默认）');
  });
});
