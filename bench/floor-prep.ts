/**
 * What the floors share, built once before them (timed apart, as the models' building blocks are):
 * the 终本 cases, the debtors of every case with the full ID to join other data on (a masked ID
 * resolved by name + visible digits over the person datasets, as `case_debtors` does), the 执恢
 * cases, and the working-day calendar. TEMP tables on the bench's connection, named `floor_*` so
 * that nothing a model reads is shadowed. Plain SQL over the dataset views (active rows).
 */
import { workingCalendarStatements } from '../src/sql/building-blocks.ts';

/** Person datasets whose (ID, name) pairs a masked debtor ID may stand for (building-blocks.ts). */
const PEOPLE: readonly (readonly [string, string, string])[] = [
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

export const FLOOR_PREP: readonly string[] = [
  // A masked ID (330102********1234) is compatible with a full one when the visible digits agree.
  `CREATE OR REPLACE TEMP MACRO floor_id_like(masked, full_id) AS
     length(masked) = length(full_id) AND full_id LIKE replace(masked, '*', '_')`,
  `CREATE OR REPLACE TEMP TABLE floor_closed AS
   SELECT case_no, filed_date, closed_date FROM enforcement_cases
   WHERE (closure_type IN ('终结本次执行程序', '终本') OR closure_type LIKE '%终结本次%')
     AND closed_date IS NOT NULL`,
  // Debtors of every case as written (masked or not): parties, and the ledger's own debtor column
  // (M11/M12 read that column only for cases without party rows; the bench ledger has none).
  `CREATE OR REPLACE TEMP TABLE floor_raw_debtors AS
   SELECT case_no, party_id AS debtor_id, any_value(party_name) AS debtor_name FROM case_parties
   WHERE party_role = '被执行人' AND party_id IS NOT NULL GROUP BY ALL
   UNION
   SELECT case_no, debtor_id, debtors FROM enforcement_cases WHERE debtor_id IS NOT NULL`,
  `CREATE OR REPLACE TEMP TABLE floor_people AS
   WITH masked AS (
     SELECT DISTINCT debtor_name AS name, debtor_id AS pattern FROM floor_raw_debtors
     WHERE contains(debtor_id, '*') AND debtor_name IS NOT NULL
   )
   SELECT DISTINCT s.id, m.name, m.pattern FROM (
     ${PEOPLE.map(([ds, id, name]) => `SELECT ${id} AS id, ${name} AS name FROM ${ds}`).join('\n     UNION ALL ')}
   ) s JOIN masked m ON s.name = m.name AND floor_id_like(m.pattern, s.id)
   WHERE NOT contains(s.id, '*')`,
  // match_id: the full ID (a masked one may stand for several people, one row each).
  `CREATE OR REPLACE TEMP TABLE floor_case_debtors AS
   SELECT case_no, debtor_id, debtor_name, debtor_id AS match_id FROM floor_raw_debtors
   WHERE NOT contains(debtor_id, '*')
   UNION ALL
   SELECT d.case_no, d.debtor_id, d.debtor_name, p.id FROM floor_raw_debtors d
   JOIN floor_people p ON p.name = d.debtor_name AND p.pattern = d.debtor_id`,
  `CREATE OR REPLACE TEMP TABLE floor_debtors AS
   SELECT c.case_no, c.filed_date, c.closed_date, d.debtor_id, d.debtor_name, d.match_id
   FROM floor_closed c JOIN floor_case_debtors d USING (case_no)`,
  `CREATE OR REPLACE TEMP TABLE floor_resumed AS
   SELECT e.filed_date, d.match_id FROM enforcement_cases e JOIN floor_case_debtors d USING (case_no)
   WHERE contains(e.case_no, '执恢')
     AND regexp_extract(e.case_no, '^（\\d{4}）\\D+\\d+(\\D+?)\\d+号', 1) = '执恢'`,
  // The calendar of add_working_days (work_no = working days up to the day), joined, not a macro.
  ...workingCalendarStatements()
    .slice(0, 1)
    .map((sql) => sql.replace('working_calendar', 'floor_calendar')),
];
