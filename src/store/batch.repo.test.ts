import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import {
  listBatches,
  rollbackBatch,
  writeBatch,
  type BatchRow,
  recordRejectedBatch,
} from './batch.repo.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-batch-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function death(id: string, name: string, date: string, row: number): BatchRow {
  return {
    values: { id_no: id, name, death_date: date, source: '民政火化' },
    file: 'deaths.xlsx',
    sheet: 'Sheet1',
    row,
  };
}

async function deathsTable(db: Database) {
  return db.all<{ id_no: string; name: string; _batch_id: number; _active: boolean }>(
    `SELECT id_no, name, _batch_id, _active FROM deaths__versions ORDER BY _batch_id, _row`,
  );
}

describe('writeBatch', () => {
  it('stores canonical values with provenance, typed columns and extra attributes', async () => {
    const db = await Database.open(join(tempDir(), 't.duckdb'));
    const result = await writeBatch(db, {
      dataset: 'enforcement_cases',
      kind: 'import',
      source: '某法院',
      files: [{ file: 'a.csv' }],
      rows: [
        {
          values: {
            case_no: '（2023）浙0102执1234号',
            filed_date: '2023-05-06',
            target_amount: '125000.00',
            debtors: '张三、"李四"',
            closure_reason: '多行\n文本, 含逗号',
            debtor_id: '330102199001011234',
          },
          file: 'a.csv',
          sheet: null,
          row: 2,
          extra: { 备注: '无' },
        },
      ],
    });
    expect(result).toMatchObject({ imported: 1, superseded: 0 });
    const rows = await db.all(
      `SELECT case_no, CAST(filed_date AS VARCHAR) AS d, CAST(target_amount AS VARCHAR) AS m,
         debtors, closure_reason, debtor_id, court, _file, _row, _key, CAST(_extra AS VARCHAR) AS x
       FROM enforcement_cases`,
    );
    expect(rows).toEqual([
      {
        case_no: '（2023）浙0102执1234号',
        d: '2023-05-06',
        m: '125000.00',
        debtors: '张三、"李四"',
        closure_reason: '多行\n文本, 含逗号',
        debtor_id: '330102199001011234',
        court: null,
        _file: 'a.csv',
        _row: 2,
        _key: '（2023）浙0102执1234号',
        x: '{"备注":"无"}',
      },
    ]);
    db.close();
  });

  it('supersedes older versions by natural key, keeps duplicates inside a batch, and rolls back', async () => {
    const db = await Database.open(join(tempDir(), 't.duckdb'));
    const b1 = await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [
        death('110101199001011237', '甲', '2020-01-01', 2),
        death('110101199001011238', '乙', '2020-01-02', 3),
      ],
    });
    const b2 = await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: (async function* () {
        yield death('110101199001011237', '甲二', '2020-02-01', 2);
        yield death('110101199001011237', '甲三', '2020-02-02', 3);
        yield death('110101199001011239', '丙', '2020-02-03', 4);
      })(),
    });
    expect(b2).toMatchObject({ imported: 3, superseded: 1 });
    const b3 = await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death('110101199001011237', '甲四', '2020-03-01', 2)],
    });
    expect(b3.superseded).toBe(2);
    let current = await db.all<{ name: string }>(`SELECT name FROM deaths ORDER BY name`);
    expect(current.map((r) => r.name).sort()).toEqual(['丙', '乙', '甲四'].sort());

    // Rolling back the middle batch: its rows go, nothing else changes.
    const r2 = await rollbackBatch(db, b2.batchId);
    expect(r2).toMatchObject({ deleted: 3, reactivated: 0 });
    current = await db.all(`SELECT name FROM deaths ORDER BY name`);
    expect(current.map((r) => r.name).sort()).toEqual(['乙', '甲四'].sort());

    // Rolling back the newest: batch 1's version of 甲 comes back.
    const r3 = await rollbackBatch(db, b3.batchId);
    expect(r3).toMatchObject({ deleted: 1, reactivated: 1 });
    const all = await deathsTable(db);
    expect(all.map((r) => [r.name, r._batch_id, r._active])).toEqual([
      ['甲', b1.batchId, true],
      ['乙', b1.batchId, true],
    ]);
    await expect(rollbackBatch(db, b3.batchId)).rejects.toThrow('已回滚');
    await expect(rollbackBatch(db, 999)).rejects.toThrow('不存在');

    const batches = await listBatches(db);
    expect(batches.map((b) => [b.id, b.status, b.rowsImported, b.rowsSuperseded])).toEqual([
      [b3.batchId, 'rolled_back', 1, 2],
      [b2.batchId, 'rolled_back', 3, 1],
      [b1.batchId, 'committed', 2, 0],
    ]);
    db.close();
  });

  it('reactivates the newest remaining batch, not an older one', async () => {
    const db = await Database.open(join(tempDir(), 't.duckdb'));
    const id = '110101199001011237';
    await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death(id, 'v1', '2020-01-01', 2)],
    });
    await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death(id, 'v2', '2020-01-01', 2)],
    });
    const b3 = await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death(id, 'v3', '2020-01-01', 2)],
    });
    await rollbackBatch(db, b3.batchId);
    const current = await db.all<{ name: string }>(`SELECT name FROM deaths`);
    expect(current).toEqual([{ name: 'v2' }]);
    db.close();
  });

  it('leaves the database as before when a value fails to load', async () => {
    const db = await Database.open(join(tempDir(), 't.duckdb'));
    await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death('110101199001011237', '甲', '2020-01-01', 2)],
    });
    const bad = (async function* () {
      yield death('110101199001011237', '乙', '2020-01-02', 2);
      yield death('110101199001011238', '丙', 'not a date', 3);
    })();
    await expect(
      writeBatch(db, { dataset: 'deaths', kind: 'import', rows: bad }),
    ).rejects.toThrow();
    const all = await deathsTable(db);
    expect(all.map((r) => [r.name, r._active])).toEqual([['甲', true]]);
    expect(await listBatches(db)).toHaveLength(1);
    db.close();
  });

  it('runs on its own connection: others never see, or join, an open batch', async () => {
    const db = await Database.open(join(tempDir(), 't.duckdb'));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const writing = writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: (async function* () {
        yield death('110101199001011237', '甲', '2020-01-01', 2);
        started();
        await gate;
        yield death('110101199001011238', '乙', '2020-01-02', 3);
      })(),
    });
    await inside;
    // Meanwhile the shared connection works outside the batch's transaction.
    await db.run(`INSERT INTO schema_meta VALUES ('probe', 'x')`);
    expect(await db.all(`SELECT * FROM batches`)).toEqual([]);
    release();
    expect(await writing).toMatchObject({ imported: 2 });
    expect(await db.all(`SELECT value FROM schema_meta WHERE key = 'probe'`)).toEqual([
      { value: 'x' },
    ]);
    expect(await deathsTable(db)).toHaveLength(2);
    db.close();
  });

  it('records a rejected batch without rows', async () => {
    const db = await Database.open(join(tempDir(), 't.duckdb'));
    const id = await recordRejectedBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rowsRead: 5,
      rowsRejected: 2,
      report: { counts: { 证件号码校验位错误: 2 } },
    });
    const [batch] = await listBatches(db);
    expect(batch).toMatchObject({ id, status: 'rejected', rowsRead: 5, rowsRejected: 2 });
    db.close();
  });

  it('survives a SIGKILL in the middle of a large batch: the database is as before', async () => {
    const dir = tempDir();
    const path = join(dir, 'kill.duckdb');
    const db = await Database.open(path);
    await writeBatch(db, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death('110101199001011237', '甲', '2020-01-01', 2)],
    });
    db.close();

    const script = join(dir, 'child.mts');
    const repo = resolve(import.meta.dirname, 'batch.repo.ts');
    const database = resolve(import.meta.dirname, 'database.ts');
    writeFileSync(
      script,
      `import { Database } from ${JSON.stringify(database)};
import { writeBatch } from ${JSON.stringify(repo)};
const db = await Database.open(${JSON.stringify(path)});
function* rows() {
  for (let i = 0; i < 1_500_000; i++) {
    yield { values: { case_no: '（2023）浙0102执' + i + '号', court: '某某人民法院执行局', filed_date: '2023-05-06',
      target_amount: '125000.00', debtors: '张三', applicants: '李四', closure_reason: '无可供执行财产' },
      file: 'big.csv', row: i + 2 };
  }
}
await writeBatch(db, { dataset: 'enforcement_cases', kind: 'import', rows: rows(),
  onPhase: (phase) => { if (phase === 'loading') process.stdout.write('LOADING\\n'); } });
process.stdout.write('DONE\\n');
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    await new Promise<void>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Kill shortly after the transaction started, while DuckDB loads the rows.
        if (out.includes('LOADING')) setTimeout(() => child.kill('SIGKILL'), 150);
      });
      child.on('exit', () => done());
    });
    expect(out).toContain('LOADING');
    expect(out).not.toContain('DONE');

    const reopened = await Database.open(path);
    expect(
      await reopened.all(`SELECT count(*)::INTEGER AS n FROM enforcement_cases__versions`),
    ).toEqual([{ n: 0 }]);
    const batches = await listBatches(reopened);
    expect(batches.map((b) => b.dataset)).toEqual(['deaths']);
    expect(await deathsTable(reopened)).toHaveLength(1);
    // And the database still takes a batch afterwards.
    const after = await writeBatch(reopened, {
      dataset: 'deaths',
      kind: 'import',
      rows: [death('110101199001011237', '乙', '2020-01-01', 2)],
    });
    expect(after.superseded).toBe(1);
    reopened.close();
  });
});
