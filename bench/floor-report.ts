/**
 * Each model's time in a forced run beside its bare-join floor (model-floors.ts), run twice in the
 * same process on the same file (cold, warm); the ratio is to the warm floor. The floors' shared
 * tables (floor-prep.ts) are built first and timed apart, as the models' building blocks are.
 */
import type { RunResult } from '../src/models/run.service.ts';
import type { Database } from '../src/store/database.ts';
import { FLOOR_PREP } from './floor-prep.ts';
import { FLOORS } from './model-floors.ts';

export interface FloorRow {
  readonly id: string;
  readonly modelMs: number;
  readonly floorMs?: number;
  readonly leads: number;
  readonly floorLeads?: number;
}

const s = (ms: number): string => (ms / 1000).toFixed(2);

async function timeFloor(db: Database, sql: string): Promise<{ ms: number[]; n: number }> {
  const ms: number[] = [];
  let n = 0;
  for (let i = 0; i < 2; i++) {
    const t = Date.now();
    n = Number((await db.one<{ n: bigint }>(sql))?.n ?? 0);
    ms.push(Date.now() - t);
  }
  return { ms, n };
}

/** Prints the table and a loud line per floor whose lead count differs from its model's. */
export async function printFloors(
  db: Database,
  result: RunResult,
  asOf: string,
): Promise<FloorRow[]> {
  const t = Date.now();
  for (const sql of FLOOR_PREP) await db.run(sql);
  const prepMs = Date.now() - t;
  process.stdout.write(
    `\nmodel vs bare-join floor (forced run; model time = its checks, query with evidence and findings, and hand-over as Parquet; the merge of all models' leads is one step, printed with the run's totals; floors' shared tables ${s(prepMs)} s):\n`,
  );
  process.stdout.write('  model   model s   floor cold / warm s   ratio     leads  floor leads\n');
  const rows: FloorRow[] = [];
  const mismatches: string[] = [];
  for (const o of result.outcomes) {
    const floor = FLOORS[o.id];
    let line = `  ${o.id.padEnd(5)} ${s(o.ms).padStart(9)}`;
    if (!floor || o.status !== 'ran') {
      process.stdout.write(`${line}   —  (${floor ? o.status : 'no floor'})\n`);
      rows.push({ id: o.id, modelMs: o.ms, leads: o.leads });
      continue;
    }
    const { ms, n } = await timeFloor(db, floor.sql(asOf));
    const [cold = 0, warm = 0] = ms;
    line += `   ${s(cold).padStart(8)} / ${s(warm).padStart(6)}`;
    line += `   ${(o.ms / Math.max(warm, 1)).toFixed(1).padStart(5)}×`;
    line += ` ${String(o.leads).padStart(9)}  ${String(n).padStart(11)}`;
    if (n !== o.leads) {
      line += '  ≠ MISMATCH';
      mismatches.push(`${o.id}: model ${o.leads} leads, floor ${n}`);
    }
    process.stdout.write(`${line}   ${floor.rule}\n`);
    rows.push({ id: o.id, modelMs: o.ms, floorMs: warm, leads: o.leads, floorLeads: n });
  }
  const timed = rows.filter((r) => r.floorMs !== undefined);
  const modelSum = timed.reduce((a, r) => a + r.modelMs, 0);
  const floorSum = timed.reduce((a, r) => a + (r.floorMs ?? 0), 0);
  const over = timed.filter((r) => r.modelMs > 2 * Math.max(r.floorMs ?? 0, 1)).map((r) => r.id);
  process.stdout.write(
    `  total ${s(modelSum).padStart(9)}   floors (warm) ${s(floorSum)} s, ratio ${(modelSum / Math.max(floorSum, 1)).toFixed(1)}×; over 2×: ${over.join(', ') || 'none'}\n`,
  );
  if (mismatches.length > 0) {
    process.stdout.write(
      `\n!!! FLOOR MISMATCH: ${mismatches.length} floor(s) count other leads than their model — the ratio of these is meaningless:\n!!!   ${mismatches.join('\n!!!   ')}\n`,
    );
  } else process.stdout.write('  every floor finds exactly its model’s lead count\n');
  return rows;
}
