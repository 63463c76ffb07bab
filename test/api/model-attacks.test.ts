/**
 * Issue 14 through the HTTP API: a county data administrator uploads the model files of the issue.
 * Each is refused with a Chinese reason, leaves an audit row naming the user and the reason, and
 * changes no role; an accepted import is audited once, by the service.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBuiltInModel } from '../../src/models/library.ts';
import { exportModelYaml } from '../../src/models/model-file.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';

const M01 = loadBuiltInModel('M01');
const STACKED = `true THEN '高' END AS priority, '' AS summary FROM lead; UPDATE users SET roles='admin,data_admin' WHERE true; WITH lead AS (SELECT 1 AS subject_name) SELECT CASE WHEN true`;
const LEAK = `SELECT d.case_no, NULL AS subject_id,
  (SELECT string_agg(username || ':' || password_hash, ';') FROM users) AS subject_name, NULL AS plate,
  NULL AS court, NULL AS closed_date, NULL AS unpaid_amount, NULL AS special_group,
  [] AS plates, [] AS debtor_names, [d._ev] AS evidence
FROM closed_debtors d CROSS JOIN (WITH users AS (SELECT 1 AS x) SELECT * FROM users) u`;

describe('model files of issue 14 uploaded through the API', () => {
  let h: Harness;
  let county: Client;
  beforeEach(async () => {
    h = await openHarness();
    const user = await addUser(h, 'sc', '330102', ['data_admin']);
    county = await signedIn(h, user.username, user.password);
  });
  afterEach(() => h.close());

  const roles = async (): Promise<string[]> =>
    (await h.db.all<{ roles: string }>(`SELECT roles FROM users WHERE username = 'sc'`)).map(
      (r) => r.roles,
    );

  it.each([
    ['stacked statements through priority.高', { priority: { ...M01.def.priority, 高: STACKED } }],
    ['a CTE named users in another scope', { sql: LEAK }],
    [
      'read_text in a lead column',
      {
        sql: LEAK.replace(
          /\(SELECT string_agg[^)]*\) FROM users\)/,
          "(SELECT content FROM read_text('/etc/passwd'))",
        ),
      },
    ],
  ])('refuses %s, audits the refusal, promotes nobody', async (_shape, patch) => {
    const content = exportModelYaml({ ...M01.def, id: 'EVIL1', ...patch }, M01.fixtures);
    const res = await county.json<{ message: string }>('POST', '/api/models/import', {
      content,
      fileName: 'evil.model.yaml',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.message).not.toContain('scrypt');
    expect(await roles()).toEqual(['data_admin']);
    expect(await h.db.all(`SELECT id FROM user_models`)).toEqual([]);
    const audit = await h.db.all<{
      action: string;
      username: string;
      target: string;
      detail: string;
    }>(`SELECT action, username, target, detail FROM audit_log WHERE action LIKE 'model%'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'model_import_refused',
      username: 'sc',
      target: '330102.EVIL1',
    });
    expect(audit[0]?.detail).toContain('evil.model.yaml');
  });

  it('audits an accepted import once', async () => {
    const content = exportModelYaml({ ...M01.def, id: 'GOOD1' }, M01.fixtures);
    const res = await county.json('POST', '/api/models/import', { content, fileName: 'good.yaml' });
    expect(res.status).toBe(200);
    const audit = await h.db.all<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'model%'`,
    );
    expect(audit).toEqual([{ action: 'model_import', target: '330102.GOOD1' }]);
  });
});
