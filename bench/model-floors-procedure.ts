/** Bare-join floors of the 程序违法 models M10–M19 (see model-floors.ts). */
import type { Floor } from './model-floors.ts';

/** An act addressed to this debtor, or to no one in particular. */
const addressed = (a: string, d: string): string =>
  `(${a}.target IS NULL OR trim(${a}.target) = '' OR ${a}.target = ${d}.debtor_id OR contains(${a}.target, ${d}.debtor_name))`;

/** 终本 cases × their debtors as written (M11 and M12 compare masked IDs themselves). */
const CLOSED_RAW = `d AS (
    SELECT c.case_no, c.closed_date, r.debtor_id, r.debtor_name
    FROM floor_closed c JOIN floor_raw_debtors r USING (case_no)
  )`;

/** The listing / order of this case names this debtor (by ID, credit code, or name + visible digits). */
const namesDebtor = (l: string, d: string, company: boolean): string =>
  `(${l}.id_no = ${d}.debtor_id${company ? ` OR ${l}.company_code = ${d}.debtor_id` : ''}
    OR (${l}.name = ${d}.debtor_name AND (floor_id_like(${d}.debtor_id, ${l}.id_no) OR floor_id_like(${l}.id_no, ${d}.debtor_id))))`;

const QUERY_ACTS = `'终本后查询', '网络查控'`;

export const PROCEDURE_FLOORS: Readonly<Record<string, Floor>> = {
  M10: {
    rule: '终本 cases closed before filing + 3 months',
    sql: () => `SELECT count(DISTINCT case_no) AS n FROM floor_closed
      WHERE filed_date IS NOT NULL AND closed_date < filed_date + INTERVAL 3 MONTH`,
  },
  M11: {
    rule: 'closed debtors without a restriction of the case ≤ closure (list row naming them, or 限制消费令 act)',
    sql: () => `WITH ${CLOSED_RAW}
      SELECT count(DISTINCT d.case_no) AS n FROM d
      WHERE NOT EXISTS (
          SELECT 1 FROM consumption_restrictions r
          WHERE r.case_no = d.case_no AND r.published_date <= d.closed_date AND ${namesDebtor('r', 'd', true)}
        )
        AND NOT EXISTS (
          SELECT 1 FROM case_actions a WHERE a.case_no = d.case_no AND a.action_type = '限制消费令'
            AND a.action_date <= d.closed_date AND ${addressed('a', 'd')}
        )
        AND ((SELECT count(*) > 0 FROM consumption_restrictions)
             OR d.case_no IN (SELECT case_no FROM case_actions))`,
  },
  M12: {
    rule: 'closed adult debtors with a 未报告 / 罚款 / 拘留 act ≤ closure, not listed (list or act) ≤ closure',
    sql: () => `WITH ${CLOSED_RAW}
      SELECT count(DISTINCT d.case_no) AS n FROM d
      WHERE NOT coalesce(regexp_matches(d.debtor_id, '^\\d{6}(19|20)\\d{9}[\\dX]$')
          AND try_strptime(substr(d.debtor_id, 7, 8), '%Y%m%d')::DATE + INTERVAL 18 YEAR > d.closed_date, false)
        AND EXISTS (
          SELECT 1 FROM case_actions a WHERE a.case_no = d.case_no AND a.action_date <= d.closed_date
            AND ((a.action_type = '报告财产令' AND (contains(coalesce(a.result, ''), '未报告')
                  OR contains(coalesce(a.result, ''), '拒不报告') OR contains(coalesce(a.result, ''), '未申报')))
                 OR a.action_type IN ('罚款', '拘留'))
            AND ${addressed('a', 'd')}
        )
        AND NOT EXISTS (
          SELECT 1 FROM dishonest_debtors l
          WHERE l.case_no = d.case_no AND l.published_date <= d.closed_date AND ${namesDebtor('l', 'd', false)}
        )
        AND NOT EXISTS (
          SELECT 1 FROM case_actions a WHERE a.case_no = d.case_no AND a.action_type = '纳入失信'
            AND a.action_date <= d.closed_date AND ${addressed('a', 'd')}
        )`,
  },
  M13: {
    rule: '终本 cases with acts, missing one of the four required acts ≤ closure',
    // The required acts done as a bit set: cheaper than count(DISTINCT) per case.
    sql: () => `SELECT count(*) AS n FROM (
        SELECT a.case_no, bit_or(CASE WHEN a.action_date > c.closed_date THEN 0
          WHEN a.action_type = '执行通知' THEN 1 WHEN a.action_type = '报告财产令' THEN 2
          WHEN a.action_type = '网络查控' THEN 4 WHEN a.action_type = '告知申请执行人' THEN 8 ELSE 0 END) AS done
        FROM case_actions a JOIN floor_closed c USING (case_no)
        GROUP BY a.case_no
      ) WHERE done <> 15`,
  },
  M14: {
    rule: 'per case with acts: due 6-month windows since closure (≤ 10) not all covered by a query',
    // The covered windows as a bit set (k < 10), from the query acts only.
    sql: (asOf) => `WITH due AS (
        SELECT case_no, closed_date,
          least(10, date_sub('month', closed_date, DATE '${asOf}') // 6) AS n_due
        FROM floor_closed WHERE case_no IN (SELECT case_no FROM case_actions)
      ),
      covered AS (
        SELECT case_no, bit_count(bit_or(CAST(1 AS BIGINT) << CAST(k AS INTEGER))) AS n FROM (
          SELECT c.case_no, c.n_due, date_sub('month', c.closed_date, a.action_date) // 6 AS k
          FROM due c JOIN case_actions a ON a.case_no = c.case_no
            AND a.action_type IN (${QUERY_ACTS}) AND a.action_date >= c.closed_date
        ) WHERE k < n_due GROUP BY case_no
      )
      SELECT count(*) AS n FROM due d LEFT JOIN covered q USING (case_no) WHERE coalesce(q.n, 0) < d.n_due`,
  },
  M15: {
    rule: 'debtors × query acts after closure that found property (90 days over), no 执恢 case within 90 days',
    // The wordings are gathered in one list and unnested so that the word test runs on the few
    // distinct ones: over a plain DISTINCT, DuckDB pushes it into the scan of every act (~9 s CPU).
    sql: (asOf) => `WITH found AS (
        SELECT result FROM (
          SELECT unnest(list(DISTINCT coalesce(result, ''))) AS result FROM case_actions
          WHERE action_type IN (${QUERY_ACTS})
        ) WHERE len(list_filter(['有财产', '发现财产', '查询到'], w -> contains(
          regexp_replace(result, '(尚未|没有|未|无|不)(查询到|发现|有)', '', 'g'), w))) > 0
      ),
      acts AS (
        SELECT d.case_no, a._key AS act, a.action_date, d.match_id
        FROM floor_debtors d JOIN case_actions a ON a.case_no = d.case_no
          AND a.action_type IN (${QUERY_ACTS}) AND a.action_date > d.closed_date
        WHERE (a.target IS NULL OR trim(a.target) = '' OR a.target IN (d.debtor_id, d.match_id)
               OR contains(a.target, d.debtor_name))
          AND a.action_date + INTERVAL 90 DAY < DATE '${asOf}'
          AND coalesce(a.result, '') IN (SELECT result FROM found)
      )
      SELECT count(DISTINCT case_no) AS n FROM (
        SELECT f.case_no FROM acts f LEFT JOIN floor_resumed r ON r.match_id = f.match_id
          AND r.filed_date >= f.action_date AND r.filed_date <= f.action_date + INTERVAL 90 DAY
        GROUP BY f.case_no, f.act HAVING count(r.match_id) = 0
      )`,
  },
  M16: {
    rule: 'receipts (30 days over) with no payout of the case within 30 days',
    sql: (asOf) => `SELECT count(DISTINCT p.case_no) AS n FROM enforcement_payments p
      WHERE p.payment_type = '收款' AND p.payment_date + INTERVAL 30 DAY < DATE '${asOf}'
        AND p.case_no IN (SELECT case_no FROM enforcement_cases)
        AND NOT EXISTS (
          SELECT 1 FROM enforcement_payments o WHERE o.case_no = p.case_no AND o.payment_type = '发放'
            AND o.payment_date >= p.payment_date AND o.payment_date <= p.payment_date + INTERVAL 30 DAY
        )
        AND EXISTS (SELECT 1 FROM enforcement_payments WHERE payment_type = '发放')`,
  },
  M17: {
    rule: 'two equal payouts to one payee within 30 days, or payouts over receipts, per case',
    sql: () => `WITH p AS (
        SELECT * FROM enforcement_payments WHERE case_no IN (SELECT case_no FROM enforcement_cases)
      )
      SELECT count(*) AS n FROM (
        SELECT a.case_no FROM p a JOIN p b ON b.case_no = a.case_no AND b.counterparty = a.counterparty
          AND b.amount = a.amount AND b.payment_date <= a.payment_date + INTERVAL 30 DAY
          AND (b.payment_date > a.payment_date OR (b.payment_date = a.payment_date AND b._key > a._key))
        WHERE a.payment_type = '发放' AND b.payment_type = '发放'
        UNION
        SELECT case_no FROM p GROUP BY case_no
        HAVING count(*) FILTER (WHERE payment_type = '收款') > 0
          AND sum(amount) FILTER (WHERE payment_type = '发放') > sum(amount) FILTER (WHERE payment_type = '收款')
      )`,
  },
  M18: {
    rule: 'seals of 终本 cases 2 years old, not released, no later seal of the plate for the case',
    sql: (asOf) => `SELECT count(DISTINCT s.case_no) AS n FROM vehicle_seizures s
      WHERE s.case_no IN (SELECT case_no FROM floor_closed) AND s.released_date IS NULL
        AND s.sealed_date + INTERVAL 2 YEAR <= DATE '${asOf}'
        AND NOT EXISTS (
          SELECT 1 FROM vehicle_seizures l
          WHERE l.case_no = s.case_no AND l.plate = s.plate AND l.sealed_date > s.sealed_date
        )`,
  },
  M19: {
    rule: 'seals ≤ closure neither seized nor released × a sighting of the plate after the seal day',
    // as-of: a seizure or release after asOf has not happened yet; a later sighting is not seen.
    sql: (asOf) => `SELECT count(DISTINCT c.case_no) AS n
      FROM floor_closed c JOIN vehicle_seizures s ON s.case_no = c.case_no AND s.sealed_date <= c.closed_date
      WHERE (s.seized_date IS NULL OR s.seized_date > DATE '${asOf}')
        AND (s.released_date IS NULL OR s.released_date > DATE '${asOf}')
        AND EXISTS (
          SELECT 1 FROM vehicle_sightings g
          WHERE g.plate = s.plate AND CAST(g.seen_at AS DATE) > s.sealed_date
            AND CAST(g.seen_at AS DATE) <= DATE '${asOf}'
        )`,
  },
};
