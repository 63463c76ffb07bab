/**
 * Fixtures are exact and may be several, each named with its own `asOf` (issue 10 item 7): real
 * model files written to a temporary library folder, run against an in-memory DuckDB.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { namedFixtures, type NamedFixture } from './definition.ts';
import { runFixture, runFixtures } from './fixture.ts';
import { BUILT_IN_DIR, loadBuiltInModel, type LibraryModel } from './library.ts';
import { exportModelYaml, parseModelFile } from './model-file.ts';

const M01 = loadBuiltInModel('M01');
const M18 = loadBuiltInModel('M18');
const first = (m: LibraryModel): NamedFixture => {
  const f = m.fixtures[0];
  if (!f) throw new Error(`${m.def.id} has no fixture`);
  return f;
};
const PLAIN_ID = /\d{17}[\dX]/;

describe('exact fixtures', () => {
  it('loads an old single-fixture file as one fixture named 默认, exact', () => {
    expect(M01.fixtures.map((f) => [f.name, f.partial])).toEqual([['默认', false]]);
  });

  it('fails on a lead the fixture does not list, naming it with a masked ID', async () => {
    const fixture = first(M01);
    const without = {
      ...fixture,
      expect: fixture.expect.filter((e) => e.case_no !== '（2023）浙0102执109号'),
    };
    const result = await runFixture(M01, without);
    expect(result.passed).toBe(false);
    expect(result.failures).toHaveLength(1);
    const message = result.failures[0] ?? '';
    expect(message).toContain('夹具“默认”');
    expect(message).toContain('未列出的线索：（2023）浙0102执109号 / 孙八 330102********0074');
    expect(message).not.toMatch(PLAIN_ID);
  });

  it('passes the same fixture when it says partial: true', async () => {
    const fixture = first(M01);
    const partial = {
      ...fixture,
      partial: true,
      expect: fixture.expect.filter((e) => e.case_no !== '（2023）浙0102执109号'),
    };
    const result = await runFixture(M01, partial);
    expect(result.failures).toEqual([]);
    expect(result.leads.map((l) => l.case_no)).toContain('（2023）浙0102执109号');
  });

  it('still fails a partial fixture on an expectNot lead', async () => {
    const fixture = first(M01);
    const wrong = {
      ...fixture,
      partial: true,
      expectNot: [...fixture.expectNot, { case_no: '（2023）浙0102执100号' }],
    };
    const result = await runFixture(M01, wrong);
    expect(result.failures.join('\n')).toContain('不应产生线索却产生了：（2023）浙0102执100号');
  });
});

describe('exact fixtures of a per-person model', () => {
  it('counts an entry without subject_id as one lead, not every person of the case', async () => {
    const M22 = loadBuiltInModel('M22');
    const fixture = first(M22);
    const caseNo = '（2023）浙0102执1300号';
    const second = { name: '李雷', id_no: '330102199505050011' };
    const given = {
      ...fixture.given,
      consumption_restrictions: [
        ...(fixture.given.consumption_restrictions ?? []),
        { case_no: caseNo, ...second, published_date: '2024-03-01' },
      ],
      travel_records: [
        ...(fixture.given.travel_records ?? []),
        {
          ...second,
          travel_date: '2024-04-01',
          mode: '飞机',
          trip_no: 'MU5103',
          seat_class: '经济舱',
        },
      ],
    };
    const generic = fixture.expect.map((e) =>
      e.case_no === caseNo ? { case_no: caseNo, why: e.why } : e,
    );
    const once = await runFixture(M22, { ...fixture, given, expect: generic });
    expect(once.leads.filter((l) => l.case_no === caseNo)).toHaveLength(2);
    expect(once.failures).toHaveLength(1);
    expect(once.failures[0]).toMatch(
      /未列出的线索：（2023）浙0102执1300号 \/ (李雷|张三) 330102\*{8}00(11|18)/,
    );
    const twice = await runFixture(M22, {
      ...fixture,
      given,
      expect: [...generic, { case_no: caseNo, subject_id: second.id_no }],
    });
    expect(twice.failures).toEqual([]);
  });
});

describe('named fixtures', () => {
  let dir: string;
  const SEEN_ON_NEXT_DAY = ['（2022）浙0102执1007号', '（2022）浙0102执1008号'];
  const base = first(M18);
  const day = {
    ...base,
    name: '到期当日',
    asOf: '2024-12-31',
  };
  const nextDay = {
    ...base,
    name: '到期次日',
    asOf: '2025-01-01',
    // The base fixture's release and renewal dated 2025-01-01 have happened by this asOf.
    expect: [
      ...base.expect.filter((e) => !SEEN_ON_NEXT_DAY.includes(e.case_no)),
      { case_no: '（2022）浙0102执1001号', why: '基准日已过到期日' },
    ],
    expectNot: [
      ...base.expectNot.filter((e) => e.case_no !== '（2022）浙0102执1001号'),
      ...SEEN_ON_NEXT_DAY.map((c) => ({ case_no: c, why: '解封或续封日期即运行基准日' })),
    ],
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-fixtures-'));
    copyFileSync(join(BUILT_IN_DIR, 'M18.model.yaml'), join(dir, 'M18.model.yaml'));
    const strip = ({ partial: _p, ...f }: NamedFixture) => f;
    writeFileSync(
      join(dir, 'M18.fixture.yaml'),
      stringify({ fixtures: [strip(day), strip(nextDay)] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs each named fixture with its own asOf, with different leads', async () => {
    const model = loadBuiltInModel('M18', dir);
    expect(model.fixtures.map((f) => [f.name, f.asOf])).toEqual([
      ['到期当日', '2024-12-31'],
      ['到期次日', '2025-01-01'],
    ]);
    const results = await runFixtures(model);
    expect(results.map((r) => [r.fixture, r.passed, r.failures])).toEqual([
      ['到期当日', true, []],
      ['到期次日', true, []],
    ]);
    const cases = results.map((r) => r.leads.map((l) => l.case_no));
    expect(cases[1]).toContain('（2022）浙0102执1001号');
    expect(cases[0]).not.toContain('（2022）浙0102执1001号');
  });

  it('fails a fixture whose expectations belong to another asOf, naming the fixture', async () => {
    const model = loadBuiltInModel('M18', dir);
    const swapped = { ...day, asOf: '2025-01-01' };
    const result = await runFixture(model, swapped);
    expect(result.passed).toBe(false);
    expect(result.failures.join('\n')).toContain(
      '夹具“到期当日”：不应产生线索却产生了：（2022）浙0102执1001号',
    );
  });

  it('refuses two fixtures with the same name, naming the file and line', () => {
    writeFileSync(
      join(dir, 'M18.fixture.yaml'),
      stringify({
        fixtures: [
          { ...day, partial: undefined },
          { ...nextDay, name: '到期当日' },
        ],
      }),
    );
    expect(() => loadBuiltInModel('M18', dir)).toThrow(/M18\.fixture\.yaml 第 \d+ 行.*重复/);
  });

  it('exports several fixtures as fixtures:, a lone 默认 one as fixture:', () => {
    const two = parseModelFile(exportModelYaml(M18.def, [day, nextDay]), 'x.yaml');
    if (!two.ok) throw new Error(two.diagnostics.map((d) => d.message).join('\n'));
    expect(namedFixtures(two.value).map((f) => f.name)).toEqual(['到期当日', '到期次日']);
    const text = exportModelYaml(M01.def, M01.fixtures);
    expect(text).toMatch(/^fixture:/m);
    expect(text).not.toMatch(/^fixtures:/m);
    const one = parseModelFile(text, 'y.yaml');
    expect(one.ok && namedFixtures(one.value).map((f) => f.name)).toEqual(['默认']);
  });
});
