import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './app.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../bin/zhijian.mjs');

let dir = '';
let dbPath = '';
let holder: ChildProcess | undefined;

// Another process holds the database file open for writing, as a running platform does.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-lock-'));
  dbPath = join(dir, 'zhijian.duckdb');
  holder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { DuckDBInstance } from '@duckdb/node-api';
       const db = await DuckDBInstance.create(${JSON.stringify(dbPath)});
       await (await db.connect()).run('CREATE TABLE IF NOT EXISTS t (x INTEGER)');
       process.stdout.write('ready\\n');
       setInterval(() => {}, 1000);`,
    ],
    { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    holder?.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    holder?.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}, 30_000);
afterAll(() => {
  holder?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('a database held by the running platform', () => {
  it('openApp says in Chinese what to do, naming the file', async () => {
    await expect(openApp(dbPath)).rejects.toMatchObject({
      code: 'DB_LOCKED',
      message: expect.stringContaining(dbPath),
    });
    await expect(openApp(dbPath)).rejects.toThrow(/请先停止平台.*网页/);
  });

  it('zhijian import exits 1 with the Chinese message, no raw DuckDB error', async () => {
    const csv = join(dir, '台账.csv');
    writeFileSync(csv, '案号,被执行人\n（2023）浙0102执1号,张三\n');
    const result = await run(process.execPath, [BIN, '--db', dbPath, 'import', csv]).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`数据库文件 ${dbPath} 正被另一个进程使用`);
    expect(result.stderr).not.toMatch(/Could not set lock/);
  }, 60_000);
});
