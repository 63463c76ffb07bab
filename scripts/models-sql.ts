/** `npm run models:sql`: writes models/<ID>.duckdb.sql for every built-in model. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_DIR, builtInModelIds, loadBuiltInModel } from '../src/models/library.ts';
import { renderModelSql } from '../src/models/model-sql.ts';

for (const id of builtInModelIds()) {
  const { def } = loadBuiltInModel(id);
  writeFileSync(join(BUILT_IN_DIR, `${id}.duckdb.sql`), renderModelSql(def));
  process.stdout.write(`${id}.duckdb.sql\n`);
}
