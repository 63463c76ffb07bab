/**
 * Every built-in model: its file is valid, every one of its named fixtures passes exactly (no
 * unlisted lead unless the fixture says `partial: true`) against a real DuckDB, and its checked-in
 * SQL (`npm run models:sql`) is up to date.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../src/models/fixture.ts';
import { BUILT_IN_DIR, builtInModelIds, loadBuiltInModel } from '../src/models/library.ts';
import { renderModelSql } from '../src/models/model-sql.ts';
import { checkDefinition } from '../src/models/prepare-model.ts';

/**
 * What a finding must not contain (issue 12, “Findings read like a document”): ISO dates (one date
 * format: 2023年6月30日), English words (dataset ids, error codes, SQL), a phrase said twice in a row.
 * Latin capitals stay allowed: plates (浙A12345), IDs ending in X, credit codes.
 */
function documentFaults(summary: string): string[] {
  const faults: string[] = [];
  if (/\d{4}-\d{1,2}-\d{1,2}/.test(summary)) faults.push('ISO 日期');
  if (/[a-z]{2,}/.test(summary)) faults.push('英文');
  // A Chinese phrase of 3+ characters repeated with at most a date between (终本后…终本后).
  const doubled = /(\p{Script=Han}{3,})(?:\d{4}年\d{1,2}月\d{1,2}日)?\1/u.exec(summary);
  if (doubled) faults.push(`重复：${doubled[0]}`);
  return faults;
}

describe.each(builtInModelIds())('model %s', (id) => {
  const model = loadBuiltInModel(id);

  it('is a valid definition with at least one exact fixture', () => {
    expect(checkDefinition(model.def)).toEqual([]);
    expect(model.def.id).toBe(id);
    expect(model.fixtures.length).toBeGreaterThan(0);
    // The library's own fixtures are complete: `partial` is for a user's quick check only.
    expect(model.fixtures.filter((f) => f.partial).map((f) => f.name)).toEqual([]);
  });

  it.each(model.fixtures.map((f) => [f.name, f] as const))(
    'passes its fixture “%s”',
    async (_name, fixture) => {
      const result = await runFixture(model, fixture);
      expect(result.failures).toEqual([]);
      for (const lead of result.leads)
        expect(documentFaults(lead.summary), lead.summary).toEqual([]);
    },
  );

  it('has an up-to-date generated SQL file (npm run models:sql)', () => {
    const file = join(BUILT_IN_DIR, `${id}.duckdb.sql`);
    expect(existsSync(file), `${id}.duckdb.sql is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(renderModelSql(model.def));
  });
});
