/**
 * Bare-join floors (#15): for each model, the join and filter that carry its rule (models.md and
 * the model's own SQL), written by hand in plain SQL over the dataset views and the shared floor
 * tables of floor-prep.ts — no evidence, no findings, no text. A model's time over its floor's is
 * what the model's shape costs beyond the engine. Reviewed like code: each floor answers one row
 * `{ n }`, the number of leads its rule finds (cases, or case + person for M22–M24), and the bench
 * prints a mismatch with the model's lead count loudly: a floor that drifts from its rule makes the
 * ratio meaningless. Parameters at their defaults.
 */
import { PROCEDURE_FLOORS } from './model-floors-procedure.ts';
import { CREDIT_FLOORS } from './model-floors-credit.ts';

export interface Floor {
  /** The rule it carries, in one line. */
  readonly rule: string;
  /** A query answering one row `{ n }`: the leads the rule finds. */
  sql(asOf: string): string;
}

/** Owned at closure: start ≤ closure, end empty or after it. */
const ownedAt = (alias: string, start: string, end: string, on: string): string =>
  `${alias}.${start} <= ${on}.closed_date AND (${alias}.${end} IS NULL OR ${alias}.${end} > ${on}.closed_date)`;

const NOT_SEALED = (alias: string): string =>
  `(${alias}.seal_status IS NULL OR trim(${alias}.seal_status) IN ('', '未查封'))`;

/** Debtors × a monthly person dataset: ≥ 3 distinct months in the 12 from the closure month. */
const monthsFloor = (dataset: string, extra: string, asOf: string): string => `
  SELECT count(DISTINCT case_no) AS n FROM (
    SELECT d.case_no, d.match_id FROM floor_debtors d JOIN ${dataset} p
      ON p.id_no = d.match_id AND p.month >= date_trunc('month', d.closed_date)
     AND p.month < date_trunc('month', d.closed_date) + INTERVAL 12 MONTH
     AND p.month <= DATE '${asOf}'
    WHERE ${extra}
    GROUP BY d.case_no, d.match_id HAVING count(DISTINCT p.month) >= 3
  )`;

/** Both directions of each marriage registration. */
const COUPLES = `couples AS (
    SELECT husband_id AS person_id, wife_id AS spouse_id, registration_type, registered_date FROM marriages
    UNION ALL
    SELECT wife_id, husband_id, registration_type, registered_date FROM marriages
  )`;

const PROPERTY_FLOORS: Readonly<Record<string, Floor>> = {
  M01: {
    rule: 'debtors × vehicles owned at closure, minus the seals of the case',
    sql: () => `SELECT count(DISTINCT d.case_no) AS n
      FROM floor_debtors d JOIN vehicles v
        ON v.owner_id = d.match_id AND ${ownedAt('v', 'registered_date', 'deregistered_date', 'd')}
      WHERE NOT EXISTS (
        SELECT 1 FROM vehicle_seizures s WHERE s.case_no = d.case_no AND s.plate = v.plate
      )`,
  },
  M02: {
    rule: 'debtors × vehicles registered within 5 years after closure, no 执恢 case within 90 days',
    sql: (asOf) => `SELECT count(DISTINCT d.case_no) AS n
      FROM floor_debtors d JOIN vehicles v
        ON v.owner_id = d.match_id AND v.registered_date > d.closed_date
       AND v.registered_date <= d.closed_date + INTERVAL 5 YEAR
       -- as-of: the 90 days after the registration are over
       AND v.registered_date + INTERVAL 90 DAY < DATE '${asOf}'
      WHERE NOT EXISTS (
        SELECT 1 FROM floor_resumed r WHERE r.match_id = d.match_id
          AND r.filed_date >= v.registered_date AND r.filed_date <= v.registered_date + INTERVAL 90 DAY
      )`,
  },
  M03: {
    rule: 'debtors × real-estate units held at closure, not sealed',
    sql: () => `SELECT count(DISTINCT d.case_no) AS n
      FROM floor_debtors d JOIN real_estate r
        ON r.holder_id = d.match_id AND ${ownedAt('r', 'registered_date', 'ended_date', 'd')}
      WHERE ${NOT_SEALED('r')}`,
  },
  M04: {
    rule: 'debtors × equity changed on or before closure, not frozen',
    sql: () => `SELECT count(DISTINCT d.case_no) AS n
      FROM floor_debtors d JOIN equity_holdings e
        ON e.holder_id = d.match_id AND e.changed_date <= d.closed_date
      WHERE e.freeze_status IS NULL OR trim(e.freeze_status) NOT IN ('冻结', '已冻结')`,
  },
  M05: {
    rule: 'debtors × pension months in the 12 months from the closure month, ≥ 3 distinct months',
    sql: (asOf) => monthsFloor('pension_payments', 'true', asOf),
  },
  M06: {
    rule: 'debtors × provident-fund snapshots dated ≥ closure, balance ≥ 10,000, not 销户',
    sql: () => `SELECT count(DISTINCT d.case_no) AS n
      FROM floor_debtors d JOIN provident_fund f
        ON f.id_no = d.match_id AND f.balance_date >= d.closed_date
      WHERE f.balance >= 10000 AND (f.account_status IS NULL OR trim(f.account_status) <> '销户')`,
  },
  M07: {
    rule: 'debtors × social-insurance months with an employer in the 12 from closure, ≥ 3 months',
    sql: (asOf) =>
      monthsFloor('social_insurance', `p.employer IS NOT NULL AND trim(p.employer) <> ''`, asOf),
  },
  M08: {
    rule: "debtors × spouses married before closure (not divorced) × the spouse's unsealed vehicles / units bought during the marriage",
    sql: () => `WITH ${COUPLES},
      married AS (
        SELECT d.case_no, d.closed_date, s.spouse_id, s.registered_date AS married
        FROM floor_debtors d JOIN couples s ON s.person_id = d.match_id
          AND s.registration_type = '结婚' AND s.registered_date < d.closed_date
        WHERE NOT EXISTS (
          SELECT 1 FROM couples x WHERE x.registration_type = '离婚' AND x.person_id = d.match_id
            AND x.spouse_id = s.spouse_id AND x.registered_date >= s.registered_date
            AND x.registered_date < d.closed_date
        )
      )
      SELECT count(*) AS n FROM (
        SELECT m.case_no FROM married m JOIN vehicles v ON v.owner_id = m.spouse_id
          AND v.registered_date >= m.married AND ${ownedAt('v', 'registered_date', 'deregistered_date', 'm')}
        WHERE NOT EXISTS (SELECT 1 FROM vehicle_seizures z WHERE z.case_no = m.case_no AND z.plate = v.plate)
        UNION
        SELECT m.case_no FROM married m JOIN real_estate r ON r.holder_id = m.spouse_id
          AND r.registered_date >= m.married AND ${ownedAt('r', 'registered_date', 'ended_date', 'm')}
        WHERE ${NOT_SEALED('r')}
      )`,
  },
  M09: {
    rule: 'debtors divorced within [filing − 365 d, closure] × a vehicle / unit leaving them and reaching the ex within 30 days',
    sql: () => `WITH divorced AS (
        SELECT d.case_no, d.match_id, x.ex_id, x.divorced FROM floor_debtors d JOIN (
          SELECT husband_id AS person_id, wife_id AS ex_id, registered_date AS divorced FROM marriages WHERE registration_type = '离婚'
          UNION ALL
          SELECT wife_id, husband_id, registered_date FROM marriages WHERE registration_type = '离婚'
        ) x ON x.person_id = d.match_id AND x.divorced >= d.filed_date - INTERVAL 365 DAY AND x.divorced <= d.closed_date
      )
      SELECT count(*) AS n FROM (
        SELECT v.case_no FROM divorced v
        JOIN vehicles a ON a.owner_id = v.match_id AND a.deregistered_date IS NOT NULL
          AND abs(date_diff('day', a.deregistered_date, v.divorced)) <= 365
        JOIN vehicles b ON b.plate = a.plate AND b.owner_id = v.ex_id
          AND abs(date_diff('day', a.deregistered_date, b.registered_date)) <= 30
        UNION
        SELECT v.case_no FROM divorced v
        JOIN real_estate a ON a.holder_id = v.match_id AND a.ended_date IS NOT NULL
          AND abs(date_diff('day', a.ended_date, v.divorced)) <= 365
        JOIN real_estate b ON b.unit_no = a.unit_no AND b.holder_id = v.ex_id
          AND abs(date_diff('day', a.ended_date, b.registered_date)) <= 30
      )`,
  },
};

export const FLOORS: Readonly<Record<string, Floor>> = {
  ...PROPERTY_FLOORS,
  ...PROCEDURE_FLOORS,
  ...CREDIT_FLOORS,
};
