/**
 * The case ledger of the benchmarks (bench:import, bench:api's import scenario): realistic rows with
 * valid IDs and case numbers, the same files on every run; row i holds case serial i + 1.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { encodeGbk, validId } from '../test/ingest/make-files.ts';

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

export async function writeCsv(path: string, rows: number, gbk: boolean): Promise<void> {
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

export async function writeXlsx(path: string, rows: number): Promise<void> {
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
