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
    },
  );

  it('has an up-to-date generated SQL file (npm run models:sql)', () => {
    const file = join(BUILT_IN_DIR, `${id}.duckdb.sql`);
    expect(existsSync(file), `${id}.duckdb.sql is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(renderModelSql(model.def));
  });
});
