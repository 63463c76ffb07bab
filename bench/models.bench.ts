/**
 * `npm run bench:models [-- --scale 0.05] [-- --keep]`: builds the province database of
 * province-data.ts, runs every model (the first run copies the datasets into the model sandbox),
 * then again with no new data (the cache), forced — each model beside its bare-join floor
 * (floor-report.ts) — and after a new vehicles batch (the sandbox copy refreshed by increment).
 * Prints each model's time and lead count, totals, building blocks, lead merge, peak RSS, machine.
 *
 * `--scales 0.25,0.5,1`: one child process per scale (so that each peak RSS is its own), each
 * building its database and running the first and the forced run with the floors (no cached or
 * incremental run); then a table of time per model and total per scale, to see the growth.
 * `--data-only --keep` builds a file and stops; `--db FILE [--scale S]` runs on such a file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runModels, type RunProgress, type RunResult } from '../src/models/run.service.ts';
import { Database } from '../src/store/database.ts';
import { printFloors } from './floor-report.ts';
import { loadLine, machineLine, rssMb } from './machine.ts';
import { AS_OF, buildData } from './province-data.ts';
import { printGrowth, type ScaleSummary } from './scale-summary.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(opt('--scale') ?? 1.0);
const scales = opt('--scales')
  ?.split(',')
  .map((x) => Number(x.trim()));
const keep = args.includes('--keep');
/** Build the data and stop (for profiling single models on the kept file). */
const dataOnly = args.includes('--data-only');
/** Run the models on a database built earlier with `--data-only --keep` (its leads are cleared). */
const existing = opt('--db');
/** With `--data-only`: build into this file (the parent's child builds its data this way). */
const out = opt('--out');
/** Where a child of `--scales` writes its figures; it then skips the cached and incremental runs. */
const summaryFile = opt('--summary');
for (const x of [scale, ...(scales ?? [])]) {
  if (!Number.isFinite(x) || x <= 0) throw new Error('--scale/--scales: positive numbers');
}

let cases = 1;

function progressLine(p: RunProgress): void {
  if (p.status === 'running') return;
  process.stdout.write(
    `  ${p.modelId.padEnd(5)} ${p.status.padEnd(8)} ${String(p.leads ?? 0).padStart(9)} leads ${((100 * (p.leads ?? 0)) / cases).toFixed(2).padStart(5)} % ${((p.ms ?? 0) / 1000).toFixed(2).padStart(7)} s  RSS ${rssMb()} MB${p.message ? `  ${p.message.split('\n')[0]}` : ''}\n`,
  );
}

const mergeOf = (r: RunResult): number => r.mergeMs;

function printTotals(title: string, result: RunResult, ms: number): void {
  const leads = result.outcomes.reduce((s, o) => s + o.leads, 0);
  const by = (status: string): number => result.outcomes.filter((o) => o.status === status).length;
  process.stdout.write(
    `${title}: ${(ms / 1000).toFixed(1)} s (sandbox copy ${(result.sandboxMs / 1000).toFixed(1)} s, building blocks ${(result.blocksMs / 1000).toFixed(1)} s, lead merge ${(mergeOf(result) / 1000).toFixed(1)} s), ${leads.toLocaleString()} leads (${((100 * leads) / cases).toFixed(1)} % of ${cases.toLocaleString()} cases); ran ${by('ran')}, cached ${by('cached')}, skipped ${by('skipped')}, failed ${by('failed')}; peak RSS ${rssMb()} MB; load ${loadLine()}\n`,
  );
}

async function timedRun(
  db: Database,
  title: string,
  force: boolean,
): Promise<{ result: RunResult; ms: number }> {
  process.stdout.write(`\n${title}:\n`);
  const t = Date.now();
  const result = await runModels(db, { all: true, asOf: AS_OF, force, onProgress: progressLine });
  const ms = Date.now() - t;
  printTotals(title.replace(/ \(.*/, '') + ' total', result, ms);
  return { result, ms };
}

/** A later import: 1 % of the vehicles superseded by a new batch (same natural keys). */
async function newVehiclesBatch(db: Database): Promise<void> {
  const nb = await db.one<{ id: number }>(
    `INSERT INTO batches (dataset, kind, source) VALUES ('vehicles', 'demo', 'bench') RETURNING id`,
  );
  const newBatch = Number(nb?.id);
  await db.run(
    `INSERT INTO vehicles__versions SELECT * REPLACE (${newBatch} AS _batch_id) FROM vehicles__versions WHERE _active AND hash(_row, 7) % 100 = 0`,
  );
  await db.run(
    `UPDATE vehicles__versions SET _active = false WHERE _batch_id <> ${newBatch} AND _active AND _key IN (SELECT _key FROM vehicles__versions WHERE _batch_id = ${newBatch})`,
  );
}

/**
 * Builds the province data in a child process into `file`: generating it takes more memory than
 * the run (4.1 GB at scale 1), and the peak RSS printed is the run's.
 */
function buildInChild(file: string): void {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] ?? '',
      '--scale',
      String(scale),
      '--data-only',
      '--out',
      file,
    ],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error(`building the data exited with ${child.status}`);
}

async function runScale(): Promise<void> {
  const building = dataOnly && out !== undefined;
  const dir =
    existing || building ? undefined : mkdtempSync(join(tmpdir(), 'zhijian-bench-models-'));
  const file = existing ?? out ?? join(dir ?? tmpdir(), 'bench.duckdb');
  if (!building) process.stdout.write(`machine: ${machineLine()}; scale ${scale}; db ${file}\n`);
  if (!existing && !dataOnly) buildInChild(file);
  // A memory limit under the 4 GB target: DuckDB spills to the temp directory beyond it.
  const db = await Database.open(file, { memoryLimit: process.env.BENCH_MEMORY_LIMIT ?? '4GB' });
  try {
    if (existing) {
      for (const table of ['leads', 'lead_notes', 'model_cache'])
        await db.run(`DELETE FROM ${table}`);
      await db.run('CHECKPOINT');
    } else if (dataOnly) await buildData(db, scale);
    const row = await db.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM enforcement_cases WHERE NOT contains(case_no, '执恢')`,
    );
    cases = Math.max(1, Number(row?.n ?? 1));
    if (dataOnly) return;

    const first = await timedRun(db, 'run 1 (all models)', false);
    if (!summaryFile) await timedRun(db, 'run 2 (no new data)', false);
    // The same leads recomputed and merged into a `leads` table that holds them (with its indexes).
    const forced = await timedRun(
      db,
      'run 3 (forced: every model recomputed, leads merged again)',
      true,
    );
    const rows = await printFloors(db, forced.result, AS_OF);
    if (summaryFile) {
      const summary: ScaleSummary = {
        scale,
        cases,
        machine: machineLine(),
        firstMs: first.ms,
        copyMs: first.result.sandboxMs,
        forcedMs: forced.ms,
        blocksMs: forced.result.blocksMs,
        mergeMs: mergeOf(forced.result),
        rssMb: rssMb(),
        rows,
      };
      writeFileSync(summaryFile, JSON.stringify(summary));
      return;
    }
    await newVehiclesBatch(db);
    await timedRun(
      db,
      'run 4 (a new vehicles batch, 1 % of the rows superseding older ones)',
      false,
    );
    const idx = await db.all<{ index_name: string }>(
      `SELECT index_name FROM duckdb_indexes() WHERE table_name = 'leads' ORDER BY 1`,
    );
    process.stdout.write(`indexes on leads: ${idx.map((r) => r.index_name).join(', ')}\n`);
  } finally {
    db.close();
    if (!keep && dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** `--scales`: each scale in a child process of its own, then the growth table. */
function runScales(list: readonly number[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-bench-scales-'));
  const summaries: ScaleSummary[] = [];
  try {
    for (const s of list) {
      process.stdout.write(`\n===== scale ${s} =====\n`);
      const out = join(dir, `scale-${s}.json`);
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, process.argv[1] ?? '', '--scale', String(s), '--summary', out],
        { stdio: 'inherit' },
      );
      if (child.status !== 0) throw new Error(`scale ${s}: the bench exited with ${child.status}`);
      summaries.push(JSON.parse(readFileSync(out, 'utf8')) as ScaleSummary);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printGrowth(summaries);
}

if (scales) runScales(scales);
else await runScale();
