/**
 * The 成效台账's query: outcomes of the cases of units (by the case's unit, as the ledger counts
 * them), with their totals per kind over every match (amounts summed in DECIMAL, read as text).
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { OutcomeRow } from './case-outcome.repo.ts';
import type { SqlExecutor } from './lead.repo.ts';

export interface OutcomeListFilter {
  unitIds: readonly string[];
  campaignId?: number;
  kind?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export interface OutcomeListRow extends OutcomeRow {
  case_no: string;
  unit_id: string;
}

export interface OutcomeKindTotal extends Record<string, unknown> {
  kind: string;
  n: number;
  amount: string;
  persons: number;
}

export async function listOutcomes(
  db: SqlExecutor,
  f: OutcomeListFilter,
): Promise<{ total: number; rows: OutcomeListRow[]; totals: OutcomeKindTotal[] }> {
  const where = ['list_contains($units, c.unit_id)'];
  const p: Record<string, DuckDBValue> = { units: listValue([...f.unitIds]) };
  if (f.campaignId !== undefined) {
    where.push('c.campaign_id = $campaign');
    p.campaign = f.campaignId;
  }
  if (f.kind !== undefined) {
    where.push('o.kind = $kind');
    p.kind = f.kind;
  }
  if (f.from !== undefined) {
    where.push('o.outcome_date >= CAST($from AS DATE)');
    p.from = f.from;
  }
  if (f.to !== undefined) {
    where.push('o.outcome_date <= CAST($to AS DATE)');
    p.to = f.to;
  }
  const from = `FROM case_outcomes o JOIN supervision_cases c ON c.id = o.case_id
     WHERE ${where.join(' AND ')}`;
  const totals = await db.all<OutcomeKindTotal>(
    `SELECT o.kind, count(*)::INTEGER AS n,
       CAST(coalesce(sum(o.amount), 0)::DECIMAL(38, 2) AS VARCHAR) AS amount,
       coalesce(sum(o.persons), 0)::INTEGER AS persons
     ${from} GROUP BY 1`,
    p,
  );
  const rows = await db.all<OutcomeListRow>(
    `SELECT o.id, o.case_id, o.recommendation_id, o.kind,
       strftime(o.outcome_date, '%Y-%m-%d') AS outcome_date, CAST(o.amount AS VARCHAR) AS amount,
       o.enforcement_case_no, o.crime, o.persons, o.source, o.note, o.ledger_batch_id,
       o.recorded_by, strftime(o.recorded_at, '%Y-%m-%d %H:%M:%S') AS recorded_at,
       c.case_no, c.unit_id
     ${from}
     ORDER BY o.outcome_date DESC, o.id DESC
     LIMIT ${Math.max(1, Math.floor(f.limit))} OFFSET ${Math.max(0, Math.floor(f.offset))}`,
    p,
  );
  const total = totals.reduce((s, t) => s + Number(t.n), 0);
  return { total, rows, totals };
}
