/**
 * Every built-in model: its file is valid, its fixture passes against a real DuckDB, and its
 * checked-in SQL (`npm run models:sql`) is up to date.
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

  it('is a valid definition with a fixture', () => {
    expect(checkDefinition(model.def)).toEqual([]);
    expect(model.def.id).toBe(id);
    expect(model.fixture).toBeDefined();
  });

  it('passes its fixture', async () => {
    const result = await runFixture(model);
    expect(result.failures).toEqual([]);
  });

  it('has an up-to-date generated SQL file (npm run models:sql)', () => {
    const file = join(BUILT_IN_DIR, `${id}.duckdb.sql`);
    expect(existsSync(file), `${id}.duckdb.sql is missing`).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(renderModelSql(model.def));
  });
});
