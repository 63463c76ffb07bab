import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInModel } from '../../models/library.ts';
import { Database } from '../../store/database.ts';
import { insertFixtureRows } from '../../store/fixture.repo.ts';
import { personIdsIn } from '../../domain/mask.ts';
import { runCli } from '../../../test/cli/run-cli.ts';

let dir = '';
let dbPath = '';

const cli = (...args: string[]) => runCli(dbPath, ...args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-cli-models-'));
  dbPath = join(dir, 'cli.duckdb');
  const db = await Database.open(dbPath);
  const fixture = loadBuiltInModel('M01').fixtures[0];
  if (fixture) await insertFixtureRows(db, fixture.given);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each CLI call starts Node + tsx (seconds on a busy machine), hence the generous timeouts.
describe('zhijian models / run / leads', { timeout: 180_000 }, () => {
  it('lists models with missing data, runs one, lists and exports its leads', async () => {
    const list = await cli('models');
    expect(list.stdout).toMatch(/M01 +v1 +带财终本 +终本时名下有车辆/);
    expect(list.stdout).toContain('缺少数据：real_estate');

    const ran = await cli('run', '--model', 'M01', '--as-of', '2024-12-31');
    expect(ran.code).toBe(0);
    // The data is M01's fixture: its exact list of leads is the answer.
    const n = loadBuiltInModel('M01').fixtures[0]?.expect.length;
    expect(ran.stdout).toContain(`线索 ${n} 条（新增 ${n} 条）`);
    expect(ran.stderr).toContain('[1/1] M01 完成');

    const leads = await cli('leads', '--model', 'M01', '--limit', '2');
    expect(leads.stdout).toContain(`共 ${n} 条线索，显示前 2 条`);
    expect(personIdsIn(leads.stdout)).toEqual([]);

    const out = join(dir, 'leads.json');
    const exported = await cli('leads', 'export', '--format', 'json', '--out', out);
    expect(exported.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { subjectId: string }[];
    expect(json).toHaveLength(n ?? -1);
    // Masked unless `--reveal` by an operator with the right (leads-cli.test.ts).
    expect(json.map((l) => l.subjectId)).toContain('330102********0018');
    expect(personIdsIn(readFileSync(out, 'utf8'))).toEqual([]);
  });

  it('round-trips a model file through export and import', async () => {
    const exported = await cli('models', 'export', 'M10');
    const file = join(dir, 'U10.yaml');
    writeFileSync(file, exported.stdout.replace('id: M10', 'id: U10'));
    const imported = await cli('models', 'import', file);
    expect(imported.stdout).toContain('已导入模型 U10 v1，夹具通过');
    const sql = await cli('models', 'sql', 'U10');
    expect(sql.stdout).toContain('$minMonths');
  });

  it('gives clear errors for bad arguments', async () => {
    const none = await cli('run');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--all');
    const pdf = await cli('leads', 'export', '--format', 'pdf');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--format 只能是 json、csv 或 xlsx');
    const badParam = await cli('run', '--model', 'M02', '--param', 'watchYears=五年');
    expect(badParam.stderr).toMatch(/watchYears.*应为整数/);
    const unknown = await cli('models', 'show', 'M99');
    expect(unknown.stderr).toContain('没有模型 M99');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: B1\nversion: [1\n');
    const broken = await cli('models', 'import', bad);
    expect(broken.stderr).toMatch(/bad\.yaml 第 \d+ 行：YAML 语法错误/);
  });
});
