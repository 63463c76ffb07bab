/**
 * The province database of `npm run bench:models`, built with DuckDB SQL generators (range() +
 * hash-based pseudo-random values, valid-format IDs, plates and case numbers, a deterministic share
 * of rows planted on debtors). Scale 1.0: 2.2M cases (2M 终本), 4.4M parties, 20M vehicles, 10M
 * pension rows, 3M real-estate, 2M equity, 1M restrictions, 5M travel, 15M case actions, plus
 * smaller sets for the other models.
 */
import { IMPORT_DISABLED_COMPRESSION } from '../src/store/bulk-load.ts';
import type { Database } from '../src/store/database.ts';
import { rssMb } from './machine.ts';

/** The run date every bench run uses (the planted situations are dated against it). */
export const AS_OF = '2025-06-30';

interface Gen {
  readonly dataset: string;
  readonly sql: string;
}

/** Hash-based pseudo-random integer in [0, m) from a row number and a salt. */
const h = (expr: string, salt: number, m: number): string =>
  `CAST(hash(${expr}, ${salt}) % ${m} AS BIGINT)`;

/** Row counts and generator SQL of the province at `scale`. */
export function province(scale: number): { cases: number; setup: string[]; generators: Gen[] } {
  const n = (base: number): number => Math.max(1000, Math.round(base * scale));

  const C = n(2_200_000); // enforcement cases; 1 in 11 is 执行完毕, the rest 终本
  const D = n(1_500_000); // debtor persons (indexes 0 … D-1)
  const P = n(8_000_000); // population (IDs for everyone)

  /** A person index: `share` of rows go to debtors, the rest to the general population. */
  const person = (expr: string, salt: number, share: number): string =>
    `CASE WHEN ${h(expr, salt, 10_000)} < ${Math.round(share * 10_000)} THEN ${h(expr, salt + 1, D)} ELSE ${D} + ${h(expr, salt + 2, P - D)} END`;

  const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀华平建国志海春文玉红兰英梅琳晨宇浩然子涵佳怡';
  const sqlList = (items: string[]): string => `[${items.map((x) => `'${x}'`).join(',')}]`;

  const SETUP = [
    // GB 11643 check digit, the 17 products written out (a lambda is several times slower).
    `CREATE OR REPLACE TEMP MACRO id_check(s) AS substr('10X98765432', CAST((${[
      7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
    ]
      .map((w, j) => `(ascii(s[${j + 1}]) - 48) * ${w}`)
      .join(' + ')}) % 11 AS INTEGER) + 1, 1)`,
    // Person k: region 330102, birth 1950-01-01 + k/1000 days, sequence k % 1000 → unique and valid.
    // Names: 20 surnames × 40 × 41 given-name characters (~33k names, drawn by hash so that a name
    // says nothing about the ID's digits): as in a real province, name + visible ID digits rarely
    // match more than one person, which is what masked-ID resolution relies on.
    `CREATE OR REPLACE TABLE bench_people AS
   SELECT k, s17 || id_check(s17) AS id_no,
     ['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'][CAST(hash(k, 1) % 20 AS INTEGER) + 1]
       || ${sqlList([...GIVEN])}[CAST(hash(k, 2) % 40 AS INTEGER) + 1]
       || ${sqlList(['', ...GIVEN])}[CAST(hash(k, 3) % 41 AS INTEGER) + 1] AS name
   FROM (SELECT k, '330102' || strftime(DATE '1950-01-01' + CAST(k // 1000 AS INTEGER), '%Y%m%d') || lpad(CAST(k % 1000 AS VARCHAR), 3, '0') AS s17
         FROM range(${P}) t(k))`,
    `CREATE OR REPLACE TEMP MACRO plate_of(i) AS
     ['浙','苏','沪','皖','闽','赣','鲁','豫','鄂','湘','粤'][(i % 11) + 1] || chr(65 + CAST((i // 11) % 26 AS INTEGER))
     || lpad(CAST((i // 286) % 100000 AS VARCHAR), 5, '0')`,
  ];

  interface Gen {
    readonly dataset: string;
    readonly sql: string;
  }

  /**
   * Planted hits (the realistic shape: a province's cases are mostly clean). Every case gets a
   * per-mille bucket; a bucket range plants one model's situation, ~1.5 % of the cases each, and the
   * rest carry all required acts before closure, a 终本后查询 in every due 6-month window, a
   * restriction order (list or act) and no property at closure. Person data (vehicles, real estate …)
   * belongs mostly to the general population; a small deterministic share belongs to debtors.
   */
  const PLANT = {
    shortClosure: [0, 15], // M10: closed < filed + 3 months
    missingAct: [15, 30], // M13: one required act missing
    missedWindow: [30, 45], // M14: one due query window without a 终本后查询
    unrestricted: [45, 60], // M11: no restriction order before closure
    unreported: [60, 75], // M12: 报告财产令 未报告 (a near miss when the case is also listed)
    foundProperty: [75, 90], // M15: a query found property, no 执恢 case followed
    lateRemoval: [0, 20], // M20/M21 (执行完毕 cases): removal/lifting late or never
  } as const;

  function generators(): Gen[] {
    const L = n(1_000_000); // consumption_restrictions rows: cases 0 … L-1
    const bucket = (i: string): string => h(i, 900, 1000);
    const inPlant = (i: string, [lo, hi]: readonly [number, number]): string =>
      `(${bucket(i)} >= ${lo} AND ${bucket(i)} < ${hi})`;
    const caseNo = (i: string): string =>
      `'（' || CAST(2015 + ${h(i, 1, 9)} AS VARCHAR) || '）浙' || lpad(CAST(101 + (${i}) % 90 AS VARCHAR), 4, '0') || '执' || CAST(${i} + 1 AS VARCHAR) || '号'`;
    // Closures over the 2½ years before AS_OF: 0–4 due query windows per case.
    const closed = (i: string): string => `DATE '2023-01-01' + CAST(${h(i, 3, 880)} AS INTEGER)`;
    const finished = (i: string): string => `((${i}) % 11 = 0)`;
    // Dates of the 执行完毕 measures' removal: the day after closure, or late / never when planted.
    const removal = (i: string): string =>
      `CASE WHEN NOT ${finished(i)} THEN NULL WHEN ${inPlant(i, PLANT.lateRemoval)} THEN
       CASE WHEN ${h(i, 905, 2)} = 0 THEN ${closed(i)} + 40 END ELSE ${closed(i)} + 1 END`;
    const meta = (ds: string): string =>
      `${ds}_b AS _batch_id, '${ds}.bench' AS _file, '${ds}' AS _sheet, i + 1 AS _row, CAST(i AS VARCHAR) AS _key`;
    const REQUIRED = `['执行通知','报告财产令','网络查控','告知申请执行人']`;
    return [
      {
        dataset: 'enforcement_cases',
        sql: `SELECT ${caseNo('i')} AS case_no, '浙江省第' || CAST(101 + i % 90 AS VARCHAR) || '基层人民法院' AS court,
          ${closed('i')} - CAST(CASE WHEN ${inPlant('i', PLANT.shortClosure)} THEN 20 + ${h('i', 4, 60)} ELSE 100 + ${h('i', 4, 700)} END AS INTEGER) AS filed_date,
          ${closed('i')} AS closed_date,
          CASE WHEN ${finished('i')} THEN '执行完毕' ELSE '终结本次执行程序' END AS closure_type,
          CAST(1000 + ${h('i', 5, 2000000)} AS DECIMAL(18,2)) AS unpaid_amount, p.name AS debtors,
          ${meta('enforcement_cases')}
        FROM range(${C}) t(i) JOIN bench_people p ON p.k = ${h('i', 2, D)}`,
      },
      {
        dataset: 'enforcement_cases',
        // 执恢 cases of some debtors (M02 / M15 exclusions).
        sql: `SELECT '（' || CAST(2017 + ${h('i', 11, 8)} AS VARCHAR) || '）浙0101执恢' || CAST(i + 1 AS VARCHAR) || '号' AS case_no,
          '浙江省第101基层人民法院' AS court, DATE '2017-01-01' + CAST(${h('i', 12, 2900)} AS INTEGER) AS filed_date,
          '未结' AS closure_type, p.name AS debtors,
          ${meta('enforcement_cases')}
        FROM range(${n(100_000)}) t(i) JOIN bench_people p ON p.k = ${h('i', 13, D)}`,
      },
      {
        dataset: 'case_parties',
        // One debtor and one applicant per case; 0.3 % of the debtors' IDs are masked (330102********1234).
        sql: `SELECT ${caseNo('i // 2')} AS case_no, p.name AS party_name,
          CASE WHEN i % 2 = 0 THEN '被执行人' ELSE '申请执行人' END AS party_role, '自然人' AS party_type,
          CASE WHEN i % 2 = 0 AND ${h('i', 23, 1000)} < 3 THEN left(p.id_no, 6) || '********' || right(p.id_no, 4) ELSE p.id_no END AS party_id,
          CASE WHEN i % 2 = 1 AND ${h('i', 21, 50)} = 0 THEN '农民工' END AS special_group, ${meta('case_parties')}
        FROM range(${2 * C}) t(i) JOIN bench_people p
          ON p.k = CASE WHEN i % 2 = 0 THEN ${h('i // 2', 2, D)} ELSE ${D} + ${h('i', 22, P - D)} END`,
      },
      {
        dataset: 'case_parties',
        sql: `SELECT '（' || CAST(2017 + ${h('i', 11, 8)} AS VARCHAR) || '）浙0101执恢' || CAST(i + 1 AS VARCHAR) || '号' AS case_no,
          p.name AS party_name, '被执行人' AS party_role, '自然人' AS party_type, p.id_no AS party_id, ${meta('case_parties')}
        FROM range(${n(100_000)}) t(i) JOIN bench_people p ON p.k = ${h('i', 13, D)}`,
      },
      {
        dataset: 'case_actions',
        // Slots per case: 0–3 the required acts before closure, 4 a 限制消费令 (cases not on the
        // restriction list), 5–14 the 终本后查询 of window k = slot - 5 while it has started by AS_OF.
        sql: `WITH slots AS (
          SELECT c AS ci, s, ${closed('c')} AS closed,
            CAST(least(10, date_sub('month', ${closed('c')}, DATE '${AS_OF}') // 6) AS INTEGER) AS n_due
          FROM range(${C}) t(c), range(15) u(s)
        ), acts AS (
          SELECT ci, s, closed,
            CASE WHEN s < 4 THEN closed - CAST(10 + ${h('ci * 16 + s', 32, 50)} AS INTEGER)
                 WHEN s = 4 THEN closed - CAST(5 + ${h('ci', 33, 25)} AS INTEGER)
                 ELSE closed + to_months(6 * CAST(s - 5 AS INTEGER)) + to_days(CAST(10 + ${h('ci * 16 + s', 34, 140)} AS INTEGER)) END AS day,
            n_due
          FROM slots
          WHERE s < 4
             OR (s = 4 AND ci >= ${L} AND NOT ${inPlant('ci', PLANT.unrestricted)})
             OR (s >= 5 AND NOT ${finished('ci')} AND s - 5 <= n_due
                 AND NOT (${inPlant('ci', PLANT.missedWindow)} AND n_due > 0 AND s - 5 = ci % n_due))
        )
        SELECT ${caseNo('ci')} AS case_no,
          CASE WHEN s < 4 AND ${inPlant('ci', PLANT.missingAct)} AND s = ci % 4 THEN '实地调查'
               WHEN s < 4 THEN ${REQUIRED}[s + 1]
               WHEN s = 4 THEN '限制消费令' ELSE '终本后查询' END AS action_type,
          day AS action_date,
          CASE WHEN s = 1 THEN CASE WHEN ${inPlant('ci', PLANT.unreported)} THEN '未报告' ELSE '已报告' END
               WHEN s = 2 THEN '未查询到财产'
               WHEN s = 5 AND ${inPlant('ci', PLANT.foundProperty)} THEN '查询到房产一处'
               WHEN s >= 5 THEN '未查询到财产' END AS result,
          ${meta('case_actions').replaceAll('i + 1', 'ci * 16 + s + 1').replace('CAST(i AS', 'CAST(ci * 16 + s AS')}
        FROM acts WHERE day <= DATE '${AS_OF}'`,
      },
      {
        dataset: 'vehicles',
        sql: `SELECT plate_of(i) AS plate, '小型汽车' AS plate_type, NULL AS model, p.id_no AS owner_id, p.name AS owner_name,
          DATE '2010-01-01' + CAST(${h('i', 41, 5600)} AS INTEGER) AS registered_date,
          CASE WHEN ${h('i', 42, 10)} < 3 THEN DATE '2010-01-01' + CAST(${h('i', 41, 5600)} + 30 + ${h('i', 43, 2000)} AS INTEGER) END AS deregistered_date,
          '正常' AS status, ${meta('vehicles')}
        FROM range(${n(20_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 44, 0.0015)}`,
      },
      {
        dataset: 'vehicle_seizures',
        // Most seals are released or recent; 2 % are older than two years and neither released nor renewed (M18).
        sql: `SELECT plate_of(i * 7) AS plate, ${caseNo(h('i', 51, C))} AS case_no,
          CASE WHEN ${h('i', 55, 1000)} < 20 THEN DATE '2016-01-01' + CAST(${h('i', 52, 2300)} AS INTEGER)
               WHEN ${h('i', 55, 1000)} < 600 THEN DATE '2016-01-01' + CAST(${h('i', 52, 3000)} AS INTEGER)
               ELSE DATE '${AS_OF}' - CAST(${h('i', 52, 700)} AS INTEGER) END AS sealed_date,
          CASE WHEN ${h('i', 53, 4)} = 0 THEN DATE '2024-01-01' END AS seized_date,
          CASE WHEN ${h('i', 55, 1000)} BETWEEN 20 AND 599 THEN DATE '2016-01-01' + CAST(${h('i', 52, 3000)} + 300 AS INTEGER) END AS released_date,
          ${meta('vehicle_seizures')}
        FROM range(${n(500_000)}) t(i)`,
      },
      {
        dataset: 'vehicle_sightings',
        // Checkpoint sightings of any vehicle; 0.5 % are of sealed plates (M19).
        sql: `SELECT CASE WHEN ${h('i', 64, 1000)} < 5 THEN plate_of(${h('i', 61, n(500_000))} * 7) ELSE plate_of(${h('i', 65, n(20_000_000))}) END AS plate,
          TIMESTAMP '2016-01-01' + to_seconds(${h('i', 62, 300_000_000)}) AS seen_at, '卡口' || CAST(i % 500 AS VARCHAR) AS checkpoint,
          ${meta('vehicle_sightings')}
        FROM range(${n(2_000_000)}) t(i)`,
      },
      {
        dataset: 'real_estate',
        sql: `SELECT '330102' || lpad(CAST(i AS VARCHAR), 12, '0') || 'F0001' AS unit_no, p.id_no AS holder_id, p.name AS holder_name,
          '杭州市某区某路' || CAST(i % 9999 AS VARCHAR) || '号' AS address, '90' AS area,
          ['单独所有','共同共有','按份共有'][${h('i', 71, 3)} + 1] AS ownership_type,
          DATE '2008-01-01' + CAST(${h('i', 72, 6000)} AS INTEGER) AS registered_date,
          CASE WHEN ${h('i', 73, 10)} < 2 THEN DATE '2008-01-01' + CAST(${h('i', 72, 6000)} + 100 + ${h('i', 74, 2000)} AS INTEGER) END AS ended_date,
          CASE WHEN ${h('i', 75, 3)} = 0 THEN '已查封' ELSE '未查封' END AS seal_status, NULL AS mortgage_status, ${meta('real_estate')}
        FROM range(${n(3_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 76, 0.01)}`,
      },
      {
        dataset: 'equity_holdings',
        sql: `SELECT '91330100' || lpad(CAST(i // 3 AS VARCHAR), 9, '0') || 'X' AS company_code, '杭州某公司' || CAST(i // 3 AS VARCHAR) AS company_name,
          p.id_no AS holder_id, p.name AS holder_name, CAST(10000 * (1 + ${h('i', 81, 100)}) AS DECIMAL(18,2)) AS subscribed_amount,
          0.3 AS share_ratio, DATE '2010-01-01' + CAST(${h('i', 82, 5000)} AS INTEGER) AS changed_date,
          CASE WHEN ${h('i', 83, 5)} = 0 THEN '冻结' END AS freeze_status, ${meta('equity_holdings')}
        FROM range(${n(2_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 84, 0.01)}`,
      },
      {
        dataset: 'pension_payments',
        // 12 consecutive months per pensioner.
        sql: `SELECT p.id_no, p.name, date_trunc('month', DATE '2016-01-01' + CAST(${h('i // 12', 91, 3400)} AS INTEGER)) + to_months(CAST(i % 12 AS INTEGER)) AS month,
          CAST(2500 AS DECIMAL(18,2)) AS amount, '社保中心' AS agency, ${meta('pension_payments')}
        FROM range(${n(10_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i // 12', 92, 0.01)}`,
      },
      {
        dataset: 'provident_fund',
        sql: `SELECT p.id_no, p.name, CASE WHEN ${h('i', 101, 10)} = 0 THEN '销户' ELSE '正常' END AS account_status,
          CAST(${h('i', 102, 80000)} AS DECIMAL(18,2)) AS balance, DATE '2016-01-01' + CAST(${h('i', 103, 3300)} AS INTEGER) AS balance_date,
          '某单位' AS employer, ${meta('provident_fund')}
        FROM range(${n(1_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 104, 0.02)}`,
      },
      {
        dataset: 'social_insurance',
        sql: `SELECT p.id_no, p.name, date_trunc('month', DATE '2016-01-01' + CAST(${h('i // 6', 111, 3400)} AS INTEGER)) + to_months(CAST(i % 6 AS INTEGER)) AS month,
          '某用人单位' || CAST((i // 6) % 1000 AS VARCHAR) AS employer, CAST(5000 AS DECIMAL(18,2)) AS base, ${meta('social_insurance')}
        FROM range(${n(3_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i // 6', 112, 0.01)}`,
      },
      {
        dataset: 'marriages',
        sql: `SELECT a.id_no AS husband_id, b.id_no AS wife_id, a.name AS husband_name, b.name AS wife_name,
          CASE WHEN ${h('i', 121, 5)} = 0 THEN '离婚' ELSE '结婚' END AS registration_type,
          DATE '2000-01-01' + CAST(${h('i', 122, 9000)} AS INTEGER) AS registered_date, ${meta('marriages')}
        FROM range(${n(1_000_000)}) t(i)
        JOIN bench_people a ON a.k = ${person('i', 123, 0.05)}
        JOIN bench_people b ON b.k = ${D} + ${h('i', 126, P - D)}`,
      },
      {
        dataset: 'consumption_restrictions',
        // Cases 0 … L-1 are restricted by the list (published before closure, unless planted for M11);
        // a 执行完毕 case's order is lifted the day after closure unless planted late (M21).
        sql: `SELECT ${caseNo('i')} AS case_no, p.name, p.id_no, NULL AS company_name, NULL AS company_code,
          CASE WHEN ${inPlant('i', PLANT.unrestricted)} THEN ${closed('i')} + 10
               ELSE ${closed('i')} - CAST(${h('i', 131, 300)} AS INTEGER) END AS published_date,
          ${removal('i')} AS lifted_date, ${meta('consumption_restrictions')}
        FROM range(${Math.min(L, C)}) t(i) JOIN bench_people p ON p.k = ${h('i', 2, D)}`,
      },
      {
        dataset: 'dishonest_debtors',
        sql: `SELECT ${caseNo('i * 3 % ' + C)} AS case_no, p.name, p.id_no, '浙江' AS province, '全部未履行' AS performance,
          ${closed('i * 3 % ' + C)} - CAST(${h('i', 141, 300)} AS INTEGER) AS published_date,
          ${removal('i * 3 % ' + C)} AS removed_date,
          ${meta('dishonest_debtors')}
        FROM range(${n(500_000)}) t(i) JOIN bench_people p ON p.k = ${h('i * 3 % ' + C, 2, D)}`,
      },
      {
        dataset: 'travel_records',
        sql: `SELECT p.id_no, p.name, DATE '2016-01-01' + CAST(${h('i', 151, 3300)} AS INTEGER) AS travel_date,
          ['飞机','火车','火车','轮船'][${h('i', 152, 4)} + 1] AS mode,
          ['G','D','K','CA'][${h('i', 153, 4)} + 1] || CAST(${h('i', 154, 9000)} AS VARCHAR) AS trip_no,
          ['二等座','一等座','经济舱','硬座'][${h('i', 155, 4)} + 1] AS seat_class, ${meta('travel_records')}
        FROM range(${n(5_000_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 156, 0.02)}`,
      },
      {
        dataset: 'enforcement_payments',
        // A receipt and its payout (same case, same amount) within 30 days; 2 % paid out late (M16),
        // 1 % paid out more than received (M17).
        sql: `SELECT ${caseNo(h('i // 2', 161, C))} AS case_no, CASE WHEN i % 2 = 0 THEN '收款' ELSE '发放' END AS payment_type,
          DATE '2016-01-01' + CAST(${h('i // 2', 162, 3000)} AS INTEGER)
            + CAST((i % 2) * CASE WHEN ${h('i // 2', 164, 1000)} < 20 THEN 31 + ${h('i', 163, 60)} ELSE ${h('i', 163, 30)} END AS INTEGER) AS payment_date,
          CAST(1000 * (1 + ${h('i // 2', 165, 50)}) + CASE WHEN i % 2 = 1 AND ${h('i // 2', 164, 1000)} BETWEEN 20 AND 29 THEN 500 ELSE 0 END AS DECIMAL(18,2)) AS amount,
          '申请执行人' AS counterparty, ${meta('enforcement_payments')}
        FROM range(${n(1_000_000)}) t(i)`,
      },
      {
        dataset: 'deaths',
        sql: `SELECT p.id_no, p.name, DATE '2016-01-01' + CAST(${h('i', 171, 3000)} AS INTEGER) AS death_date, '公安户籍注销' AS source,
          ${meta('deaths')}
        FROM range(${n(200_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 172, 0.05)}`,
      },
      {
        dataset: 'gambling_records',
        sql: `SELECT p.id_no, p.name, DATE '2016-01-01' + CAST(${h('i', 181, 3300)} AS INTEGER) AS incident_date,
          CAST(5000 AS DECIMAL(18,2)) AS amount, '行政处罚' AS outcome, ${meta('gambling_records')}
        FROM range(${n(100_000)}) t(i) JOIN bench_people p ON p.k = ${person('i', 182, 0.05)}`,
      },
    ];
  }
  return { cases: C, setup: SETUP, generators: generators() };
}

/** Generates every dataset into `db` (one batch per dataset, rows in `<dataset>__versions`). */
export async function buildData(db: Database, scale: number): Promise<number> {
  const { cases, setup, generators } = province(scale);
  let t = Date.now();
  // Stored as an import batch stores it (the models read what imports wrote).
  await db.run(`SET disabled_compression_methods = '${IMPORT_DISABLED_COMPRESSION}'`);
  for (const sql of setup) await db.run(sql);
  process.stdout.write(
    `people: ${Math.max(1000, Math.round(8_000_000 * scale)).toLocaleString()} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );
  const batchIds = new Map<string, number>();
  for (const g of generators) {
    t = Date.now();
    let batch = batchIds.get(g.dataset);
    if (batch === undefined) {
      const row = await db.one<{ id: number }>(
        `INSERT INTO batches (dataset, kind, source) VALUES ($1, 'demo', 'bench') RETURNING id`,
        [g.dataset],
      );
      batch = Number(row?.id);
      batchIds.set(g.dataset, batch);
    }
    const sql = g.sql.replaceAll(`${g.dataset}_b AS _batch_id`, `${batch} AS _batch_id`);
    await db.run(`INSERT INTO ${g.dataset}__versions BY NAME (${sql})`);
    const count = await db.one<{ n: string }>(`SELECT count(*) AS n FROM ${g.dataset}__versions`);
    process.stdout.write(
      `  ${g.dataset.padEnd(26)} ${Number(count?.n ?? 0)
        .toLocaleString()
        .padStart(12)} rows  ${((Date.now() - t) / 1000).toFixed(1)} s\n`,
    );
  }
  await db.run('DROP TABLE bench_people');
  await db.run('CHECKPOINT');
  await db.run(`SET disabled_compression_methods = ''`);
  process.stdout.write(`data built; RSS so far ${rssMb()} MB\n`);
  return cases;
}
