/**
 * Import benchmark (`npm run bench:import [-- --rows N]`): generates a case ledger as UTF-8 CSV
 * (N rows, default 5,000,000), a GBK CSV (N/5 rows) and an XLSX (N/25 rows, default 200,000) in a
 * temp dir, imports each through the real `importFiles` into a fresh DuckDB file, and prints rows/s
 * and peak RSS per reader. Targets (issue 3): CSV ≥ 250,000 rows/s end to end, XLSX ≥ 40,000 rows/s,
 * peak RSS ≤ 2 GB.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importFiles } from '../src/ingest/import.service.ts';
import { Database } from '../src/store/database.ts';
import { encodeGbk, validId } from '../test/ingest/make-files.ts';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const ROWS = Number(argValue('--rows') ?? 5_000_000);
/** DuckDB memory_limit for the import database (default: DuckDB's own, 80% of RAM, as openApp). */
const MEMORY_LIMIT = argValue('--memory-limit');
const GBK_ROWS = Math.max(1000, Math.round(ROWS / 5));
const XLSX_ROWS = Math.max(1000, Math.round(ROWS / 25));

const HEADER = [
  '案号',
  '执行法院',
  '立案日期',
  '结案日期',
  '结案方式',
  '执行依据文号',
  '执行标的金额',
  '实际到位金额',
  '终本理由',
  '承办人',
  '申请执行人',
  '被执行人',
  '被执行人证件号码',
];
const COURTS: [string, string][] = [
  ['浙0102', '杭州市上城区人民法院'],
  ['浙0105', '杭州市拱墅区人民法院'],
  ['浙0106', '杭州市西湖区人民法院'],
  ['浙0302', '温州市鹿城区人民法院'],
  ['浙0602', '绍兴市越城区人民法院'],
  ['浙01', '杭州市中级人民法院'],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'.split('');
const JUDGES = ['陈法官', '王执行', '李承办', '赵执行员', '孙法官'];
const CLOSURES = [
  '终结本次执行程序',
  '执行完毕',
  '终结执行',
  '终结本次执行程序',
  '终结本次执行程序',
];
const REASONS = ['经网络查控未发现可供执行的财产', '被执行人无财产可供执行', ''];
const COMPANIES = ['杭州某某贸易有限公司', '浙江某某建设有限公司', '某某(北京)科技有限公司'];

/** Small deterministic PRNG (mulberry32): the same files on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function date(rand: () => number, fromYear: number): string {
  const y = fromYear + Math.floor(rand() * 3);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** One ledger row, realistic: valid IDs and case numbers, dates, money with cents. */
function ledgerRow(i: number, rand: () => number): string[] {
  const [code, court] = pick(rand, COURTS);
  const year = 2019 + (i % 5);
  const target = (1000 + Math.floor(rand() * 2_000_000)) / 1;
  const paid = Math.floor(rand() * target * 100) / 100;
  const person = rand() < 0.85;
  const debtor = person
    ? pick(rand, SURNAMES) + pick(rand, GIVEN) + pick(rand, GIVEN)
    : pick(rand, COMPANIES);
  return [
    `（${year}）${code}执${i + 1}号`,
    court,
    date(rand, year),
    date(rand, year + 1),
    pick(rand, CLOSURES),
    `（${year - 1}）${code}民初${(i % 90000) + 1}号`,
    `${target}.${String(Math.floor(rand() * 100)).padStart(2, '0')}`,
    paid.toFixed(2),
    pick(rand, REASONS),
    pick(rand, JUDGES),
    pick(rand, COMPANIES),
    debtor,
    person ? validId(i) : '',
  ];
}

async function writeStreamed(
  path: string,
  chunks: () => Generator<string | Buffer>,
): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of chunks()) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

function csvLine(fields: readonly string[]): string {
  return (
    fields.map((f) => (/[",\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',') + '\n'
  );
}

async function writeCsv(path: string, rows: number, gbk: boolean): Promise<void> {
  const rand = prng(gbk ? 2 : 1);
  await writeStreamed(path, function* () {
    yield gbk ? encodeGbk(csvLine(HEADER)) : csvLine(HEADER);
    let buffer = '';
    for (let i = 0; i < rows; i++) {
      buffer += csvLine(ledgerRow(i, rand));
      if (buffer.length > 1 << 20) {
        yield gbk ? encodeGbk(buffer) : buffer;
        buffer = '';
      }
    }
    if (buffer) yield gbk ? encodeGbk(buffer) : buffer;
  });
}

async function writeXlsx(path: string, rows: number): Promise<void> {
  const rand = prng(3);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('执行案件台账');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(ledgerRow(i, rand)).commit();
  sheet.commit();
  await workbook.commit();
}

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
