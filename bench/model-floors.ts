/**
 * Bare-join floors (#15): for a model, the join and filter that carry its rule, written by hand in
 * plain SQL over the active rows of the bench file — no building blocks, no evidence, no findings,
 * no text. A model's time over its floor's is what the model's shape costs beyond the engine.
 * Reviewed like code: a floor that drifts from its model's rule makes the ratio meaningless, so
 * each one names the rule it stands for and returns the number of cases it finds (printed beside
 * the model's lead count: near, not equal — the model also resolves masked IDs by name).
 *
 * Only the models listed here have a floor so far; the bench prints "—" for the others.
 */

/** Active rows of a dataset, as the models' sandbox views see them. */
const t = (dataset: string): string => `(SELECT * FROM ${dataset}__versions WHERE _active)`;

/** 终本 cases with a closure date, and their debtors with an ID (the start of most models). */
const CLOSED_DEBTORS = `closed AS (
    SELECT case_no, closed_date FROM ${t('enforcement_cases')}
    WHERE closure_type = '终结本次执行程序' AND closed_date IS NOT NULL
  ),
  debtors AS (
    SELECT DISTINCT c.case_no, c.closed_date, p.party_id
    FROM closed c JOIN ${t('case_parties')} p ON p.case_no = c.case_no
    WHERE p.party_role = '被执行人' AND p.party_id IS NOT NULL
  )`;

export interface Floor {
  /** The rule it carries, in one line. */
  readonly rule: string;
  /** A query answering one row `{ n }`: the cases the rule finds. */
  sql(asOf: string): string;
}

export const FLOORS: Readonly<Record<string, Floor>> = {
  M01: {
    rule: 'debtors × vehicles owned at closure, minus the seals of the case',
    sql: () => `WITH ${CLOSED_DEBTORS}
      SELECT count(DISTINCT d.case_no) AS n
      FROM debtors d JOIN ${t('vehicles')} v
        ON v.owner_id = d.party_id AND v.registered_date <= d.closed_date
       AND (v.deregistered_date IS NULL OR v.deregistered_date > d.closed_date)
      WHERE NOT EXISTS (
        SELECT 1 FROM ${t('vehicle_seizures')} s WHERE s.case_no = d.case_no AND s.plate = v.plate
      )`,
  },
  M05: {
    rule: 'debtors × pension months in the 12 months from the closure month, ≥ 3 distinct months',
    sql: () => `WITH ${CLOSED_DEBTORS}
      SELECT count(DISTINCT case_no) AS n FROM (
        SELECT d.case_no, d.party_id
        FROM debtors d JOIN ${t('pension_payments')} p
          ON p.id_no = d.party_id AND p.month >= date_trunc('month', d.closed_date)
         AND p.month < date_trunc('month', d.closed_date) + INTERVAL 12 MONTH
        GROUP BY d.case_no, d.party_id
        HAVING count(DISTINCT p.month) >= 3
      )`,
  },
  M14: {
    rule: 'per case with acts: due 6-month windows since closure (≤ 10) not all covered by a query',
    sql: (asOf) => `WITH closed AS (
        SELECT case_no, closed_date,
          least(10, date_sub('month', closed_date, DATE '${asOf}') // 6) AS n_due
        FROM ${t('enforcement_cases')}
        WHERE closure_type = '终结本次执行程序' AND closed_date IS NOT NULL
      ),
      acts AS (
        SELECT c.case_no, c.n_due, date_sub('month', c.closed_date, a.action_date) // 6 AS k,
          a.action_type IN ('终本后查询', '网络查控') AND a.action_date >= c.closed_date AS is_query
        FROM closed c JOIN ${t('case_actions')} a ON a.case_no = c.case_no
      )
      SELECT count(*) AS n FROM (
        SELECT case_no FROM acts GROUP BY case_no
        HAVING count(DISTINCT k) FILTER (WHERE is_query AND k < n_due) < any_value(n_due)
      )`,
  },
};
