/**
 * Shared SQL building blocks every model may use (models.md "Terms used below"). They are created
 * as TEMP macros/views (or, for a run, TEMP tables) on the connection that runs the models, so the
 * run's scope is applied once and nothing is written to the database file.
 */
import { DEFAULT_CALENDAR, type HolidayCalendar } from '../domain/working-days.ts';
import { sqlString } from './literal.ts';

/** Scope of a run: which cases count (courts, closure date range). */
export interface CaseScope {
  readonly courts?: readonly string[];
  /** Court-code prefixes (浙0102 / 浙01 / 浙) of the units in scope, matched on the 案号. */
  readonly courtPrefixes?: readonly string[];
  readonly closedFrom?: string;
  readonly closedTo?: string;
}

export interface BuildingBlockOptions {
  readonly scope?: CaseScope;
  /** The court ledger is empty: the 失信/限消 lists stand in as a proxy ledger (datasets.md, last section). */
  readonly proxyLedger?: boolean;
  /** Materialise the heavy views as TEMP tables (runs); views otherwise (validation, fixtures print). */
  readonly materialize?: boolean;
}

/** Names models may reference besides the dataset views. */
export const BUILDING_BLOCKS = [
  'ledger_cases',
  'scoped_cases',
  'closed_cases',
  'case_debtors',
  'closed_debtors',
  'resumed_cases',
  'known_people',
  'working_calendar',
] as const;

/** Person datasets whose (id, name) pairs resolve masked debtor IDs (name + visible digits). */
const PERSON_SOURCES: readonly (readonly [string, string, string])[] = [
  ['vehicles', 'owner_id', 'owner_name'],
  ['real_estate', 'holder_id', 'holder_name'],
  ['equity_holdings', 'holder_id', 'holder_name'],
  ['pension_payments', 'id_no', 'name'],
  ['provident_fund', 'id_no', 'name'],
  ['social_insurance', 'id_no', 'name'],
  ['marriages', 'husband_id', 'husband_name'],
  ['marriages', 'wife_id', 'wife_name'],
  ['travel_records', 'id_no', 'name'],
  ['deaths', 'id_no', 'name'],
  ['company_officers', 'person_id', 'person_name'],
];

/**
 * Datasets the building blocks read, masked-ID resolution included: a run's cache signature
 * covers their batches as well as the model's own datasets.
 */
export const BUILDING_BLOCK_DATASETS: readonly string[] = [
  'enforcement_cases',
  'case_parties',
  'dishonest_debtors',
  'consumption_restrictions',
  ...new Set(PERSON_SOURCES.map(([ds]) => ds)),
];

const MACROS = [
  // Provenance of one row of a dataset view (r is the table alias, i.e. the row as a struct).
  `CREATE OR REPLACE TEMP MACRO ev(ds, r) AS {'dataset': ds, 'batch_id': r._batch_id, 'file': r._file, 'row': r._row}`,
  `CREATE OR REPLACE TEMP MACRO mask_id(s) AS CASE WHEN s IS NULL THEN NULL WHEN length(s) >= 10 THEN left(s, 6) || repeat('*', length(s) - 10) || right(s, 4) ELSE s END`,
  // A masked ID (330102********1234) is compatible with a full one when the visible digits agree.
  `CREATE OR REPLACE TEMP MACRO id_like(masked, full_id) AS length(masked) = length(full_id) AND full_id LIKE replace(masked, '*', '_')`,
  `CREATE OR REPLACE TEMP MACRO is_zhongben(t) AS t IN ('终结本次执行程序', '终本') OR t LIKE '%终结本次%'`,
  // Type code of a canonical case number: （2023）浙0102执恢12号 → 执恢.
  `CREATE OR REPLACE TEMP MACRO case_type(c) AS regexp_extract(c, '^（\\d{4}）\\D+\\d+(\\D+?)\\d+号', 1)`,
  // Dates in findings read as Chinese prose: 2023年6月30日 (NULL stays NULL).
  `CREATE OR REPLACE TEMP MACRO cn_date(d) AS strftime(d, '%Y年%-m月%-d日')`,
  `CREATE OR REPLACE TEMP MACRO yuan(x) AS CASE WHEN x IS NULL THEN '不详' ELSE format('{:,.2f}', CAST(x AS DOUBLE)) || '元' END`,
];

/** First and last day of the SQL working-day calendar (outside it `add_working_days` is NULL). */
const CALENDAR_FROM = '2000-01-01';
const CALENDAR_TO = '2045-12-31';

/**
 * `working_calendar(day, is_working, work_no)`: every day of 2000–2045, whether it is a
 * working day under the same holiday calendar as `domain/working-days.ts` (Monday–Friday minus
 * holidays plus 调休 workdays), and `work_no` = working days up to and including it. Then
 * `add_working_days(d, n)` (n ≥ 0; the start day never counts, as in “三个工作日内”) is the working
 * day whose `work_no` is `work_no(d) + n` — the same answer as `addWorkingDays`.
 */
export function workingCalendarStatements(calendar: HolidayCalendar = DEFAULT_CALENDAR): string[] {
  const values = (days: ReadonlySet<string>): string =>
    days.size > 0 ? [...days].map((d) => `(DATE ${sqlString(d)})`).join(', ') : '(NULL::DATE)';
  return [
    `CREATE OR REPLACE TEMP TABLE working_calendar AS
WITH days AS (
  SELECT CAST(g.generate_series AS DATE) AS day
  FROM generate_series(DATE ${sqlString(CALENDAR_FROM)}, DATE ${sqlString(CALENDAR_TO)}, INTERVAL 1 DAY) g
), holidays(day) AS (VALUES ${values(calendar.holidays)}),
makeup(day) AS (VALUES ${values(calendar.workdays)}),
flagged AS (
  SELECT d.day,
    d.day IN (SELECT day FROM makeup)
      OR (isodow(d.day) <= 5 AND d.day NOT IN (SELECT day FROM holidays)) AS is_working
  FROM days d
)
SELECT day, is_working,
  CAST(sum(CASE WHEN is_working THEN 1 ELSE 0 END) OVER (ORDER BY day) AS INTEGER) AS work_no
FROM flagged ORDER BY day`,
    `CREATE OR REPLACE TEMP MACRO add_working_days(d, n) AS CASE WHEN n = 0 THEN d ELSE (
  SELECT c1.day FROM working_calendar c0
  JOIN working_calendar c1 ON c1.work_no = c0.work_no + n AND c1.is_working
  WHERE c0.day = d) END`,
  ];
}

/**
 * Provenance struct with the fields spelled out: `ev(ds, alias)` packs the whole row first, which
 * is measurably slower over millions of rows; models use `ev`, the building blocks this.
 */
function evOf(dataset: string, alias: string): string {
  return `{'dataset': '${dataset}', 'batch_id': ${alias}._batch_id, 'file': ${alias}._file, 'row': ${alias}._row}`;
}

function scopeCondition(scope: CaseScope | undefined): string {
  const parts: string[] = [];
  if (scope?.courts && scope.courts.length > 0) {
    parts.push(`court IN (${scope.courts.map(sqlString).join(', ')})`);
  }
  if (scope?.courtPrefixes && scope.courtPrefixes.length > 0) {
    // Canonical 案号: `（2023）` is 6 characters, the court code follows.
    const any = scope.courtPrefixes.map((p) => `starts_with(substr(case_no, 7), ${sqlString(p)})`);
    parts.push(`(${any.join(' OR ')})`);
  }
  if (scope?.closedFrom) parts.push(`closed_date >= DATE ${sqlString(scope.closedFrom)}`);
  if (scope?.closedTo) parts.push(`closed_date <= DATE ${sqlString(scope.closedTo)}`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

function ledgerSql(proxy: boolean): string {
  if (!proxy) {
    return `SELECT c.case_no, c.court, c.filed_date, c.closed_date, c.closure_type, c.target_amount,
  c.paid_amount, c.unpaid_amount, c.judge, c.applicants, c.debtors, c.debtor_id,
  false AS is_proxy, ${evOf('enforcement_cases', 'c')} AS _ev
FROM enforcement_cases c`;
  }
  // Proxy ledger: one case per 案号 of the 失信/限消 lists; the publication date stands for closure.
  return `SELECT case_no, any_value(court) AS court, CAST(NULL AS DATE) AS filed_date,
  min(published_date) AS closed_date, CAST(NULL AS VARCHAR) AS closure_type,
  CAST(NULL AS DECIMAL(18,2)) AS target_amount, CAST(NULL AS DECIMAL(18,2)) AS paid_amount,
  CAST(NULL AS DECIMAL(18,2)) AS unpaid_amount, CAST(NULL AS VARCHAR) AS judge,
  CAST(NULL AS VARCHAR) AS applicants, string_agg(DISTINCT name, '、') AS debtors,
  CAST(NULL AS VARCHAR) AS debtor_id, true AS is_proxy, min(_ev) AS _ev
FROM (
  SELECT case_no, court, published_date, name, ${evOf('dishonest_debtors', 'd')} AS _ev FROM dishonest_debtors d
  UNION ALL
  SELECT case_no, NULL, published_date, name, ${evOf('consumption_restrictions', 'r')} FROM consumption_restrictions r
) GROUP BY case_no`;
}

/** Debtors per case from every source, one row per case and ID as written (masked or not). */
function rawDebtorsSql(proxy: boolean): string {
  const fromParties = `SELECT p.case_no, p.party_id AS debtor_id, p.party_name AS debtor_name, p.party_type,
    ${evOf('case_parties', 'p')} AS _ev
  FROM case_parties p WHERE p.party_role = '被执行人' AND p.party_id IS NOT NULL`;
  const fromLedger = `SELECT c.case_no, c.debtor_id, c.debtors, NULL, ${evOf('enforcement_cases', 'c')}
  FROM enforcement_cases c WHERE c.debtor_id IS NOT NULL`;
  const fromLists = `SELECT d.case_no, d.id_no, d.name, NULL, ${evOf('dishonest_debtors', 'd')}
  FROM dishonest_debtors d WHERE d.id_no IS NOT NULL
  UNION ALL
  SELECT r.case_no, r.id_no, r.name, NULL, ${evOf('consumption_restrictions', 'r')}
  FROM consumption_restrictions r WHERE r.id_no IS NOT NULL`;
  const raw = [fromParties, fromLedger, ...(proxy ? [fromLists] : [])].join('\n  UNION ALL\n  ');
  // The party row and the ledger row may both name a debtor: one row per case and ID, with the
  // smallest evidence struct. min() over a struct is ~4x the cost of the rest of the grouping, and
  // almost every (case, ID) occurs once: the groups take any_value, and only the duplicated keys
  // (few) are grouped again for their min(_ev) — the same rows, the same evidence.
  return `WITH raw AS (
  ${raw}
), grouped AS (
  SELECT case_no, debtor_id, any_value(debtor_name) AS debtor_name, any_value(party_type) AS party_type,
    any_value(_ev) AS any_ev, count(*) AS n
  FROM raw GROUP BY case_no, debtor_id
), duplicated AS (
  SELECT r.case_no, r.debtor_id, min(r._ev) AS min_ev
  FROM raw r SEMI JOIN (SELECT case_no, debtor_id FROM grouped WHERE n > 1) k
    ON k.case_no = r.case_no AND k.debtor_id IS NOT DISTINCT FROM r.debtor_id
  GROUP BY r.case_no, r.debtor_id
)
SELECT g.case_no, g.debtor_id, g.debtor_name, g.party_type,
  CASE WHEN g.n > 1 THEN d.min_ev ELSE g.any_ev END AS _ev, contains(g.debtor_id, '*') AS is_masked
FROM grouped g
LEFT JOIN duplicated d ON g.n > 1 AND d.case_no = g.case_no AND d.debtor_id IS NOT DISTINCT FROM g.debtor_id`;
}

/**
 * The visible parts of the masked debtor IDs (masked IDs are rare: a small table). A mask that
 * shows the first 6 and the last 4 characters (330102********1234, the usual form) is `keyed`:
 * person rows are then found by a hash join on the name (short strings, cheap to hash) with
 * prefix/suffix checks on the pairs — measured 3–5x cheaper than computing left()/right() of
 * every person row as join keys; other masks fall back to the name alone.
 */
function maskedKeysSql(): string {
  return `SELECT DISTINCT debtor_name AS name, left(debtor_id, 6) AS head, right(debtor_id, 4) AS tail,
  NOT contains(left(debtor_id, 6), '*') AND NOT contains(right(debtor_id, 4), '*') AS keyed
FROM raw_debtors WHERE is_masked AND debtor_name IS NOT NULL`;
}

/**
 * Full IDs that a masked debtor ID may stand for: person rows of other datasets with the same name
 * and the same visible digits (debtorsSql checks the whole pattern with id_like). Only the masked
 * debtors' keys are looked up, so this stays small.
 */
function knownPeopleSql(): string {
  return PERSON_SOURCES.map(
    ([ds, id, name]) =>
      `SELECT DISTINCT s.${id} AS id_no, s.${name} AS name FROM ${ds} s
JOIN (SELECT DISTINCT name, head, tail FROM masked_keys WHERE keyed) m
  ON s.${name} = m.name AND suffix(s.${id}, m.tail) AND prefix(s.${id}, m.head)
WHERE NOT contains(s.${id}, '*')
UNION
SELECT DISTINCT ${id}, ${name} FROM ${ds}
WHERE ${name} IN (SELECT name FROM masked_keys WHERE NOT keyed) AND ${id} IS NOT NULL AND NOT contains(${id}, '*')`,
  ).join('\nUNION\n');
}

function debtorsSql(): string {
  return `SELECT d.*, d.debtor_id AS match_id, '高' AS confidence FROM raw_debtors d WHERE NOT d.is_masked
UNION ALL
SELECT d.*, k.id_no AS match_id, '低' AS confidence
FROM raw_debtors d JOIN known_people k ON k.name = d.debtor_name AND id_like(d.debtor_id, k.id_no)
WHERE d.is_masked`;
}

/**
 * The statements that create the building blocks, in dependency order:
 * - `ledger_cases`: the court ledger (or the proxy ledger), all cases, with `_ev`;
 * - `scoped_cases`: ledger cases within the run's scope;
 * - `closed_cases`: scoped 终本 cases (`closed_date` not null) + `special_group` of the applicants;
 * - `case_debtors`: debtors per case (case_parties ∪ ledger debtor column), `match_id` is the full ID
 *   to join other data on (a masked ID is resolved by name + visible digits, `confidence` 低);
 * - `closed_debtors`: closed_cases × case_debtors (the starting point of most 带财终本 models);
 * - `resumed_cases`: 执恢 cases with their debtors' `match_id` (all cases, not scoped);
 * - `working_calendar` + macro `add_working_days(d, n)` (see `workingCalendarStatements`).
 */
export function buildingBlockStatements(options: BuildingBlockOptions = {}): string[] {
  const proxy = options.proxyLedger ?? false;
  const create = (name: string, sql: string, materialize = true): string =>
    `CREATE OR REPLACE TEMP ${options.materialize && materialize ? 'TABLE' : 'VIEW'} ${name} AS\n${sql}`;
  return [
    ...MACROS,
    ...workingCalendarStatements(),
    create('ledger_cases', ledgerSql(proxy), false),
    create('raw_debtors', rawDebtorsSql(proxy)),
    create('masked_keys', maskedKeysSql()),
    create('known_people', knownPeopleSql()),
    create(
      'scoped_cases',
      `SELECT * FROM ledger_cases WHERE ${scopeCondition(options.scope)}`,
      false,
    ),
    create(
      'closed_cases',
      `SELECT c.*, s.special_group FROM scoped_cases c
LEFT JOIN (
  SELECT case_no, string_agg(DISTINCT special_group, '、') AS special_group FROM case_parties
  WHERE party_role = '申请执行人' AND special_group IS NOT NULL AND special_group <> ''
  GROUP BY case_no
) s USING (case_no)
WHERE (c.is_proxy OR is_zhongben(c.closure_type)) AND c.closed_date IS NOT NULL`,
    ),
    create('case_debtors', debtorsSql()),
    create(
      'closed_debtors',
      `SELECT c.*, d.debtor_id, d.debtor_name, d.party_type, d.is_masked, d.match_id, d.confidence,
  d._ev AS _debtor_ev
FROM closed_cases c JOIN case_debtors d USING (case_no)`.replace(
        'c.*,',
        'c.* EXCLUDE (debtor_id),',
      ),
    ),
    create(
      'resumed_cases',
      `SELECT e.case_no, e.court, e.filed_date, d.match_id, d.debtor_name, ${evOf('enforcement_cases', 'e')} AS _ev
FROM enforcement_cases e JOIN case_debtors d USING (case_no)
-- contains() first: the regular expression then runs on the few 执恢 numbers, not on every case.
WHERE contains(e.case_no, '执恢') AND case_type(e.case_no) = '执恢'`,
    ),
    // Intermediate tables no model reads: their memory goes back to the joins of the models.
    ...(options.materialize
      ? ['DROP TABLE IF EXISTS raw_debtors', 'DROP TABLE IF EXISTS masked_keys']
      : []),
  ];
}
