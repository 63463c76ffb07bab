import { importFiles } from './src/ingest/import.service.ts';
import { Database } from './src/store/database.ts';
import * as fastLoad from './src/store/csv-fast-load.ts';
const db = await Database.open('/tmp/fx/probe.duckdb');
const t = performance.now();
const r = await importFiles(db, [process.argv[2]!], { report: false });
console.log(JSON.stringify({ ...r.outcomes[0], summary: undefined }).slice(0, 600), (performance.now() - t) / 1000);
db.close();
void fastLoad;
