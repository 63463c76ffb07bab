/**
 * Outcomes of supervision cases (case_outcomes, created with the recommendation tables in
 * `recommendation.repo.ts`) and the SQL that links a resumed 执恢 case of a later ledger import to
 * the recommendation that caused it. Amounts are read as text (DECIMAL(18,2)), never as floats.
 */
import { listValue } from '@duckdb/node-api';
import type { SqlExecutor } from './lead.repo.ts';
import { insertedId } from './inserted-id.ts';

export interface OutcomeRow extends Record<string, unknown> {
  id: number;
  case_id: number;
  recommendation_id: number | null;
  kind: string;
  outcome_date: string;
  /** DECIMAL(18,2) read as text: exact, never a float. */
  amount: string | null;
  enforcement_case_no: string | null;
  crime: string | null;
  persons: number | null;
  source: string;
  note: string;
  ledger_batch_id: number | null;
  recorded_by: string | null;
  recorded_at: string;
}

export interface NewOutcome {
  caseId: number;
  recommendationId: number | null;
  kind: string;
  date: string;
  amount: string | null;
  enforcementCaseNo: string | null;
  crime: string | null;
  persons: number | null;
  source: string;
  note: string;
  ledgerBatchId?: number | null;
  by: string | null;
}

export async function insertOutcome(db: SqlExecutor, o: NewOutcome): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO case_outcomes (case_id, recommendation_id, kind, outcome_date, amount,
       enforcement_case_no, crime, persons, source, note, ledger_batch_id, recorded_by)
     VALUES ($1, $2, $3, CAST($4 AS DATE), CAST($5 AS DECIMAL(18,2)), $6, $7, $8, $9, $10, $11, $12)
     RETURNING id`,
    [
      o.caseId,
      o.recommendationId,
      o.kind,
      o.date,
      o.amount,
      o.enforcementCaseNo,
      o.crime,
      o.persons,
      o.source,
      o.note,
      o.ledgerBatchId ?? null,
      o.by,
    ],
    'insertOutcome',
  );
}

export async function caseOutcomes(db: SqlExecutor, caseId: number): Promise<OutcomeRow[]> {
  return db.all<OutcomeRow>(
    `SELECT id, case_id, recommendation_id, kind, strftime(outcome_date, '%Y-%m-%d') AS outcome_date,
       CAST(amount AS VARCHAR) AS amount, enforcement_case_no, crime, persons, source, note,
       ledger_batch_id, recorded_by, strftime(recorded_at, '%Y-%m-%d %H:%M:%S') AS recorded_at
     FROM case_outcomes WHERE case_id = $1 ORDER BY outcome_date, id`,
    [caseId],
  );
}

/** A 执恢 case of a new ledger batch that answers a recommendation, and what the case already has. */
export interface ResumedMatch extends Record<string, unknown> {
  case_id: number;
  case_no: string;
  recommendation_id: number;
  enforcement_case_no: string;
  batch_id: number;
  filed_date: string | null;
  /** 回复案号: the number the court's reply named; 执行依据: same basis as one of the case's cases. */
  via: string;
  /** The case's 恢复执行 outcome for this number, if recorded (and whether the ledger saw it). */
  existing_id: number | null;
  existing_batch: number | null;
  /** A 恢复执行 outcome of the recommendation that names no number yet (a reply without one). */
  blank_id: number | null;
}

/**
 * The 执恢 cases of `batchIds` (current rows) that a recommendation caused: the number a reply named,
 * or the same 执行依据 as one of the supervision case's enforcement cases, filed on or after the
 * recommendation was issued. One row per supervision case and number (the reply's link first).
 */
export async function resumedMatches(
  db: SqlExecutor,
  batchIds: readonly number[],
): Promise<ResumedMatch[]> {
  return db.all<ResumedMatch>(
    `WITH fresh AS (
       SELECT case_no, basis_case_no, filed_date, _batch_id FROM enforcement_cases
       WHERE list_contains($batches, _batch_id) AND contains(case_no, '执恢')
     ), found AS (
       SELECT r.case_id, r.id AS recommendation_id, f.case_no AS enforcement_case_no,
         f._batch_id AS batch_id, f.filed_date, '回复案号' AS via, 0 AS rank
       FROM fresh f JOIN court_replies p ON p.resumed_case_no = f.case_no
         JOIN supervision_recommendations r ON r.id = p.recommendation_id
       UNION ALL
       SELECT r.case_id, r.id, f.case_no, f._batch_id, f.filed_date, '执行依据', 1
       FROM fresh f
         JOIN enforcement_cases o ON o.basis_case_no = f.basis_case_no AND o.case_no <> f.case_no
         JOIN supervision_case_leads l ON l.enforcement_case_no = o.case_no
         JOIN supervision_recommendations r ON r.case_id = l.case_id AND r.state = '已发出'
       WHERE f.basis_case_no IS NOT NULL AND (f.filed_date IS NULL OR f.filed_date >= r.issued_on)
     ), best AS (
       SELECT * FROM found
       QUALIFY row_number() OVER (PARTITION BY case_id, enforcement_case_no
                                  ORDER BY rank, recommendation_id DESC) = 1
     )
     SELECT b.case_id, c.case_no, b.recommendation_id, b.enforcement_case_no, b.batch_id,
       strftime(b.filed_date, '%Y-%m-%d') AS filed_date, b.via,
       (SELECT min(o.id) FROM case_outcomes o WHERE o.case_id = b.case_id AND o.kind = '恢复执行'
          AND o.enforcement_case_no = b.enforcement_case_no) AS existing_id,
       (SELECT min(o.ledger_batch_id) FROM case_outcomes o WHERE o.case_id = b.case_id
          AND o.kind = '恢复执行' AND o.enforcement_case_no = b.enforcement_case_no) AS existing_batch,
       (SELECT min(o.id) FROM case_outcomes o WHERE o.case_id = b.case_id AND o.kind = '恢复执行'
          AND o.recommendation_id = b.recommendation_id AND o.enforcement_case_no IS NULL) AS blank_id
     FROM best b JOIN supervision_cases c ON c.id = b.case_id
     ORDER BY b.case_id, b.enforcement_case_no`,
    { batches: listValue([...batchIds]) },
  );
}

/** The ledger saw an outcome's 执恢 case: its number (if it had none) and the batch are recorded. */
export async function confirmOutcome(
  db: SqlExecutor,
  id: number,
  enforcementCaseNo: string,
  batchId: number,
): Promise<void> {
  await db.run(
    `UPDATE case_outcomes SET enforcement_case_no = $2, ledger_batch_id = $3 WHERE id = $1`,
    [id, enforcementCaseNo, batchId],
  );
}
