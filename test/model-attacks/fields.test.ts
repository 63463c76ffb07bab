/**
 * Attacks through every other user-written field of a model: the priority conditions, the finding
 * template, parameter defaults and names, parameter values at run time, the run's reference date,
 * fixture rows and the dataset declarations. Each is refused with a Chinese reason, or harmless (a
 * value that stays a value), and nothing happened either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDefinition, NamedFixture } from '../../src/models/definition.ts';
import { exportModelYaml } from '../../src/models/model-file.ts';
import { importModel, removeUserModel } from '../../src/models/model.service.ts';
import { runModels } from '../../src/models/run.service.ts';
import {
  evil,
  expectHarmless,
  expectNothingHappened,
  expectRefused,
  expectRefusedOrHarmless,
  M01,
  openArena,
  TMP_DB,
  TMP_LEAK,
  type Arena,
} from './kit.ts';

let arena: Arena;
beforeAll(async () => {
  arena = await openArena();
});
afterAll(() => arena.close());

const INJECTION = `x'); UPDATE users SET roles = 'admin,data_admin'; COPY users TO '${TMP_LEAK}'; --`;

/** Condition fragments that try to leave their place in the compiled CASE or reach outside. */
const CONDITIONS: [string, string][] = [
  [
    'the issue\u2019s stacked UPDATE',
    `true THEN '高' END AS priority, '' AS summary FROM lead; UPDATE users SET roles='admin,data_admin' WHERE true; WITH lead AS (SELECT 1 AS subject_name) SELECT CASE WHEN true`,
  ],
  [
    'a forged, unmasked summary',
    `true THEN '高' END AS priority, subject_id AS summary FROM lead --`,
  ],
  ['a line comment eating the rest', `true -- the rest of the line is gone`],
  ['an unterminated block comment', `true /*`],
  ['stacked COPY', `true; COPY (SELECT * FROM users) TO '${TMP_LEAK}'`],
  ['stacked ATTACH', `true; ATTACH '${TMP_DB}' AS x`],
  ['stacked SET', `true; SET enable_external_access = true`],
  ['stacked PRAGMA', `true; PRAGMA database_list`],
  ['a subquery on users', `(SELECT count(*) FROM users) > 0`],
  ['a subquery on main.users', `(SELECT max(password_hash) FROM main.users) IS NOT NULL`],
  ['read_text', `EXISTS (SELECT 1 FROM read_text('/etc/passwd'))`],
  ['read_text in a scalar', `length((SELECT content FROM read_text('/etc/passwd'))) > 0`],
  ['glob', `(SELECT count(*) FROM glob('/*')) > 0`],
  ['query()', `(SELECT count(*) FROM query('SELECT * FROM users')) > 0`],
  ['duckdb_tables()', `(SELECT count(*) FROM duckdb_tables()) > 0`],
  ['(SHOW TABLES)', `(SELECT count(*) FROM (SHOW TABLES)) > 0`],
  ['getenv', `getenv('HOME') IS NOT NULL`],
  ['current_setting', `current_setting('threads') > 0`],
  ['nextval', `nextval('audit_id_seq') > 0`],
  ['closing the parenthesis', `true) OR (true`],
  ['an alias', `1 AS x`],
  ['a UNION', `true UNION SELECT password_hash FROM users`],
  ['a FROM clause', `true FROM users`],
  ['a positional parameter', `$1 > 0`],
  ['an undeclared parameter', `unpaid_amount > $secret`],
  ['a path constant', `subject_name = '/etc/passwd'`],
];

describe('priority attacks', () => {
  it.each(CONDITIONS)('refuses priority.高: %s', async (_shape, condition) => {
    const base = M01().def;
    await expectRefused(arena, evil({ priority: { ...base.priority, 高: condition } }));
  });

  it.each(CONDITIONS)('refuses priority.中: %s', async (_shape, condition) => {
    const base = M01().def;
    await expectRefused(arena, evil({ priority: { ...base.priority, 中: condition } }));
  });

  it('allows a CTE named users only as that CTE (refused or harmless)', async () => {
    const base = M01().def;
    const 高 = `(WITH users AS (SELECT 1 AS x) SELECT count(*) FROM users) > 0`;
    await expectRefusedOrHarmless(arena, evil({ priority: { ...base.priority, 高 } }));
  });

  it('refuses a block comment opened in 高 and closed in 中', async () => {
    await expectRefused(
      arena,
      evil({
        priority: { 高: "true /* THEN '高' WHEN", 中: "*/ true THEN '高' --", default: '低' },
      }),
    );
  });
});

describe('finding template attacks', () => {
  it('refuses a template field that is not a column of the result', async () => {
    await expectRefused(arena, evil({ finding: '口令 {{password_hash}}' }), /password_hash/);
  });

  it('refuses an unknown filter', async () => {
    await expectRefused(arena, evil({ finding: '{{subject_name|evil}}' }), /过滤器 evil/);
  });

  it.each([
    ['SQL in the text', `{{case_no}}${INJECTION}`, 'UPDATE users SET roles'],
    ['braces around SQL', `{{ case_no }}}}'); DROP TABLE users; --{{`, 'DROP TABLE users'],
    ['a qualified field', '{{users.password_hash}} {{case_no}}', '{{users.password_hash}}'],
    ['a parameter in the text', '$asOf {{case_no}} $1', '$asOf'],
    ['a filter that is a function name', '{{subject_name|read_text}} {{case_no}}', '|read_text'],
  ])('keeps %s as text', async (_shape, finding, marker) => {
    await expectHarmless(arena, evil({ finding }));
    const leads = await arena.db.all<{ summary: string }>(
      `SELECT summary FROM leads WHERE model_id = 'EVIL1'`,
    );
    expect(leads.some((l) => l.summary.includes(marker))).toBe(true);
  });
});

/** M01 with a text parameter the SQL selects (so a value would show if it were spliced). */
function withTextParam(defaultValue: string): Partial<ModelDefinition> {
  const base = M01().def;
  return {
    parameters: [{ name: 'note', type: 'text', default: defaultValue, label: '备注' }],
    sql: base.sql.replace('SELECT\n', 'SELECT\n    $note AS note,\n'),
  };
}

describe('parameter attacks', () => {
  it('binds a text default as a value', async () => {
    await expectHarmless(arena, evil(withTextParam(INJECTION)));
  });

  it('binds a text value given at run time as a value, $names in it included', async () => {
    for (const note of [INJECTION, '$asOf', "' || $note || '", '\u0000; DROP TABLE users']) {
      const result = await runModels(arena.db, {
        definitions: [evil(withTextParam('x'))],
        asOf: '2024-12-31',
        params: { note },
      });
      expect(result.outcomes[0]?.status).toBe('ran');
    }
    await expectNothingHappened(arena);
  });

  it.each([
    ['date', "2024-01-01'; DROP TABLE users; --", /日期/],
    ['int', '1; DROP TABLE users', /整数/],
    ['money', '1 OR 1=1', /金额/],
  ] as const)('refuses a %s default that is SQL', async (type, value, reason) => {
    const def = {
      ...withTextParam('x'),
      parameters: [{ name: 'note', type, default: value, label: '备注' }],
    };
    await expectRefused(arena, evil(def), reason);
  });

  it('refuses SQL as a typed value at run time, as an unknown name, and as the reference date', async () => {
    const model = evil({ parameters: [{ name: 'years', type: 'int', default: 1, label: '年' }] });
    const run = (o: Parameters<typeof runModels>[1]) => runModels(arena.db, o);
    await expect(
      run({ definitions: [model], params: { years: '1; DROP TABLE users' } }),
    ).rejects.toThrow(/整数/);
    await expect(
      run({ definitions: [model], params: { 'x; DROP TABLE users': 1 } }),
    ).rejects.toThrow(/不属于/);
    await expect(
      run({ definitions: [model], asOf: "2024-01-01'; DROP TABLE users; --" }),
    ).rejects.toThrow(/基准日/);
    await expectNothingHappened(arena);
  });

  it('refuses a parameter name that is not an identifier, and the reserved asOf', async () => {
    const yaml = exportModelYaml(
      {
        ...evil({}).def,
        parameters: [{ name: "x'; DROP TABLE users; --", type: 'text', default: 'a', label: 'x' }],
      },
      undefined,
    );
    await expect(importModel(arena.db, yaml, 'evil.yaml', arena.user, arena.audit)).rejects.toThrow(
      /参数名/,
    );
    await expectRefused(
      arena,
      evil({ parameters: [{ name: 'asOf', type: 'date', default: '2024-01-01', label: 'x' }] }),
      /保留/,
    );
  });
});

describe('fixture and declaration attacks', () => {
  it('keeps SQL in fixture cells and fixture parameters as values', async () => {
    const model = evil(withTextParam('x'));
    const fixture = structuredClone(model.fixtures[0]);
    if (!fixture) throw new Error('no fixture');
    const cars = fixture.given.vehicles ?? [];
    cars.push({
      plate: INJECTION,
      owner_id: INJECTION,
      owner_name: INJECTION,
      registered_date: null,
    });
    fixture.params = { note: INJECTION };
    const yaml = exportModelYaml(model.def, [fixture]);
    const imported = await importModel(arena.db, yaml, 'evil.yaml', arena.user, arena.audit);
    expect(imported.fixtures.map((f) => f.passed)).toEqual([true]);
    await removeUserModel(arena.db, imported.id);
    await expectNothingHappened(arena);
  });

  it.each([
    [
      'a column name that is SQL',
      { vehicles: [{ 'plate"; DROP TABLE users; --': 'x' }] },
      /未知列/,
    ],
    ['the users table as a dataset', { users: [{ roles: 'admin' }] }, /不在数据目录/],
  ])('refuses %s in fixture rows', async (_shape, given, reason) => {
    const model = evil({});
    const fixture = { ...structuredClone(model.fixtures[0]), given } as NamedFixture;
    await expectRefused(arena, { ...model, fixtures: [fixture] }, reason, true);
  });

  it('refuses a fixture reference date that is SQL', async () => {
    const model = evil({});
    const fixture = {
      ...structuredClone(model.fixtures[0]),
      asOf: "2024-01-01'; DROP TABLE users; --",
    } as NamedFixture;
    const withDate = { ...model, fixtures: [fixture] };
    await expectRefused(arena, withDate, /基准日/, true);
  });

  it.each([
    [
      'users as a required dataset',
      { datasets: { required: ['users'], optional: [], standIns: {} } },
    ],
    [
      'users as a stand-in',
      { datasets: { required: ['vehicles'], optional: [], standIns: { vehicles: ['users'] } } },
    ],
  ])('refuses %s', async (_shape, patch) => {
    await expectRefused(arena, evil(patch), /未知数据集 users/);
  });
});
