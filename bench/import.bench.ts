/**
 * Import benchmark (`npm run bench:import [-- --rows N]`): generates a case ledger as UTF-8 CSV
 * (N rows, default 5,000,000), a GBK CSV (N/5 rows) and an XLSX (N/25 rows, default 200,000) in a
 * temp dir, imports each through the real `importFiles` into a fresh DuckDB file, and prints rows/s
 * and peak RSS per reader. Targets (issue 3): CSV ≥ 250,000 rows/s end to end, XLSX ≥ 40,000 rows/s,
 * peak RSS ≤ 2 GB.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../src/ingest/import.service.ts';
import { Database } from '../src/store/database.ts';
import { writeCsv, writeXlsx } from './ledger-files.ts';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ROWS = Number(argValue('--rows') ?? 5_000_000);
/** DuckDB memory_limit for the import database (default: DuckDB's own, 80% of RAM, as openApp). */
const MEMORY_LIMIT = argValue('--memory-limit');
const GBK_ROWS = Math.max(1000, Math.round(ROWS / 5));
const XLSX_ROWS = Math.max(1000, Math.round(ROWS / 25));

interface Measure {
  reader: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** CPU seconds of the whole process (JS thread + DuckDB threads): comparable on a loaded machine. */
  cpuSeconds: number;
  peakRssMb: number;
  fileMb: number;
}

async function measure(reader: string, file: string, dir: string): Promise<Measure> {
  const fileMb = Math.round(statSync(file).size / 2 ** 20);
  const dbPath = join(dir, `${reader}.duckdb`);
  const db = await Database.open(dbPath, MEMORY_LIMIT ? { memoryLimit: MEMORY_LIMIT } : {});
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importFiles(db, [file], { report: false, source: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  // Provenance check: row i of the ledger holds case serial i + 1 and sits on sheet row i + 2.
  const misplaced = await db.one<{ n: string }>(
    `SELECT count(*) AS n FROM enforcement_cases__versions
     WHERE CAST(regexp_extract(case_no, '执(\\d+)号$', 1) AS BIGINT) + 1 <> _row`,
  );
  db.close();
  if (Number(misplaced?.n ?? 0) !== 0)
    throw new Error(`${reader}: ${misplaced?.n} rows misnumbered`);
  rmSync(dbPath, { force: true });
  const o = result.outcomes[0];
  if (!o || o.status !== 'imported') {
    throw new Error(
      `${reader}: ${o?.status} ${o?.message ?? ''} ${JSON.stringify(o?.summary.first.slice(0, 3))}`,
    );
  }
  return {
    reader,
    rows: o.imported,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(o.imported / seconds),
    cpuSeconds: Math.round((used.user + used.system) / 1e5) / 10,
    // In the child process this is the reader's own peak (kernel maxRSS), not a 100 ms sample.
    peakRssMb: Math.max(
      Math.round(peak / 2 ** 20),
      Math.round(process.resourceUsage().maxRSS / 1024),
    ),
    fileMb,
  };
}

/** Runs one reader's import in a child process, so each peak RSS is that reader's alone. */
async function measureInChild(reader: string, file: string, dir: string): Promise<Measure> {
  const child = spawn(
    process.execPath,
    [
      // As bin/zhijian.mjs runs the CLI: a 64 MB young generation (fewer scavenges).
      '--max-semi-space-size=64',
      ...process.execArgv,
      process.argv[1] ?? '',
      ...(MEMORY_LIMIT ? ['--memory-limit', MEMORY_LIMIT] : []),
      '--child',
      reader,
      file,
      dir,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${reader}: child exited with ${code}`);
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measure;
}

const childArgs = process.argv.indexOf('--child');
if (childArgs >= 0) {
  const [reader, file, dir] = process.argv.slice(childArgs + 1);
  const m = await measure(reader ?? '', file ?? '', dir ?? '');
  process.stdout.write(`${JSON.stringify(m)}\n`);
  process.exit(0);
}

// Under the (git-ignored) bench-output folder: shared /tmp gets swept by other test runs.
mkdirSync('bench-output', { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'bench-output', 'import-'));
try {
  process.stdout.write(
    `机器 / machine: ${cpus().length} 核 cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
      `负载 load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}${MEMORY_LIMIT ? `, DuckDB memory_limit ${MEMORY_LIMIT}` : ''}\n`,
  );
  const csv = join(dir, 'cases-utf8.csv');
  const gbk = join(dir, 'cases-gbk.csv');
  const xlsx = join(dir, 'cases.xlsx');
  let t = performance.now();
  await writeCsv(csv, ROWS, false);
  await writeCsv(gbk, GBK_ROWS, true);
  await writeXlsx(xlsx, XLSX_ROWS);
  process.stdout.write(
    `生成文件 / generated files: ${Math.round((performance.now() - t) / 1000)} s\n`,
  );
  t = performance.now();
  const results: Measure[] = [];
  for (const [reader, file] of [
    ['csv-utf8', csv],
    ['csv-gbk', gbk],
    ['xlsx', xlsx],
  ] as const) {
    const m = await measureInChild(reader, file, dir);
    results.push(m);
    process.stdout.write(
      `${m.reader.padEnd(9)} ${String(m.rows).padStart(9)} 行 rows  ${String(m.seconds).padStart(6)} s  ` +
        `${String(m.rowsPerSecond).padStart(8)} 行/秒 rows/s  CPU ${m.cpuSeconds} s  ` +
        `峰值 peak RSS ${m.peakRssMb} MB  (文件 file ${m.fileMb} MB)\n`,
    );
  }
  process.stdout.write(
    `生成进程峰值 / generator maxRSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
  );
} finally {
  // --keep leaves the generated files for profiling a reader by hand.
  if (process.argv.includes('--keep')) process.stdout.write(`文件保留在 / files kept in ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
