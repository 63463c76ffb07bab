/** Bare-join floors of the 信用惩戒 models M20–M24 (see model-floors.ts). */
import type { Floor } from './model-floors.ts';

/** 执行完毕 cases and their deadline, closure + 3 working days (the calendar joined, not a macro). */
const FINISHED = `finished AS (
    SELECT e.case_no, c1.day AS deadline
    FROM enforcement_cases e
    JOIN floor_calendar c0 ON c0.day = e.closed_date
    JOIN floor_calendar c1 ON c1.work_no = c0.work_no + 3 AND c1.is_working
    WHERE e.closure_type = '执行完毕'
  )`;

/** Listings / orders of a finished case still in force after the deadline. */
const lateRemoval = (dataset: string, ended: string, asOf: string): string => `WITH ${FINISHED}
  SELECT count(DISTINCT f.case_no) AS n FROM finished f JOIN ${dataset} l ON l.case_no = f.case_no
  WHERE (l.${ended} IS NULL AND f.deadline < DATE '${asOf}') OR l.${ended} > f.deadline`;

/**
 * A measure (`m`) × person rows (`p`) on the same ID, or for a masked ID in the published list on
 * the same name with the visible digits as join keys; `inForce` over both. Leads per case + person.
 */
const personMatch = (measures: string, people: string, inForce: string): string => `
  SELECT count(*) AS n FROM (
    SELECT m.case_no, p.id_no FROM (${measures}) m JOIN (${people}) p ON p.id_no = m.id_no
    WHERE NOT contains(m.id_no, '*') AND m.case_no IS NOT NULL AND ${inForce}
    UNION
    SELECT m.case_no, p.id_no FROM (${measures}) m JOIN (${people}) p ON p.name = m.name
      AND left(p.id_no, 6) = left(m.id_no, 6) AND right(p.id_no, 4) = right(m.id_no, 4)
      AND floor_id_like(m.id_no, p.id_no)
    WHERE contains(m.id_no, '*') AND m.case_no IS NOT NULL AND ${inForce}
  )`;

const TRAIN = `('火车', '列车', '铁路', '高铁', '动车')`;
const BANNED_TRIP = `(mode IN ('飞机', '航班', '民航', '航空')
  OR (mode IN ${TRAIN} AND upper(trim(trip_no)) LIKE 'G%')
  OR (mode IN ${TRAIN} AND seat_class IN ('一等座', '商务座', '特等座', '优选一等座', '软卧', '高级软卧', '一等卧'))
  OR (mode IN ('轮船', '船舶', '客船', '船') AND seat_class IN ('特等舱', '一等舱', '二等舱')))`;

export const CREDIT_FLOORS: Readonly<Record<string, Floor>> = {
  M20: {
    rule: '执行完毕 cases × their 失信 listings not removed by closure + 3 working days',
    sql: (asOf) => lateRemoval('dishonest_debtors', 'removed_date', asOf),
  },
  M21: {
    rule: '执行完毕 cases × their 限消 orders not lifted by closure + 3 working days',
    sql: (asOf) => lateRemoval('consumption_restrictions', 'lifted_date', asOf),
  },
  M22: {
    rule: 'restriction orders × banned trips (air, G-train, premium seat or cabin) while in force',
    sql: () =>
      personMatch(
        `SELECT case_no, id_no, name, published_date, lifted_date FROM consumption_restrictions
         WHERE id_no IS NOT NULL AND published_date IS NOT NULL`,
        `SELECT id_no, name, travel_date FROM travel_records WHERE id_no IS NOT NULL AND ${BANNED_TRIP}`,
        `m.published_date <= p.travel_date AND (m.lifted_date IS NULL OR m.lifted_date > p.travel_date)`,
      ),
  },
  M23: {
    rule: '失信 listings × gambling records dated while the listing is in force',
    sql: () =>
      personMatch(
        `SELECT case_no, id_no, name, published_date, removed_date FROM dishonest_debtors
         WHERE id_no IS NOT NULL AND published_date IS NOT NULL`,
        `SELECT id_no, name, incident_date FROM gambling_records`,
        `m.published_date <= p.incident_date AND (m.removed_date IS NULL OR m.removed_date > p.incident_date)`,
      ),
  },
  M24: {
    rule: 'deaths (30 days over) × restriction orders and listings still in force 30 days after',
    sql: (asOf) =>
      personMatch(
        `SELECT case_no, id_no, name, published_date, lifted_date AS ended_date FROM consumption_restrictions
         UNION ALL
         SELECT case_no, id_no, name, published_date, removed_date FROM dishonest_debtors`,
        `SELECT id_no, name, death_date + INTERVAL 30 DAY AS due FROM deaths
         WHERE id_no IS NOT NULL AND death_date < DATE '${asOf}' AND death_date + INTERVAL 30 DAY <= DATE '${asOf}'`,
        `(m.published_date IS NULL OR m.published_date <= DATE '${asOf}') AND (m.ended_date IS NULL OR m.ended_date > p.due)`,
      ),
  },
};
