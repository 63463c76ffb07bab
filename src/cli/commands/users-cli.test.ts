import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(join(dir, 'users.duckdb'), ...args);

describe('zhijian users add', { timeout: 120_000 }, () => {
  it('applies the password policy; a generated one-time password satisfies it', async () => {
    const add = (name: string, ...rest: string[]) =>
      cli('users', 'add', name, '--unit', '330102', '--role', 'prosecutor', ...rest);
    const weak = await add('wangwu', '--password', 'Password123!');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码过于常见');
    const named = await add('wangwu', '--password', 'Wangwu-Harbour-7');
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('密码不能包含用户名');
    const ok = await add('wangwu', '--password', 'Harbour-Lamp-2026');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('已创建用户 wangwu');
    const generated = await add('zhaoliu');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/一次性密码 \/ one-time password: [A-Za-z2-9]{14}\n/);
  });
});
