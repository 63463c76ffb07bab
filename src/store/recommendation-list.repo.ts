/**
 * The 检察建议台账's query: recommendations of units with their case and the reply in force. Apart
 * from recommendation.repo.ts (the tables and the writes) to keep both small.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { SqlExecutor } from './lead.repo.ts';
import { REC_COLUMNS, type RecommendationRow } from './recommendation.repo.ts';

export interface RecommendationListFilter {
  unitIds: readonly string[];
  campaignId?: number;
  state?: string;
  /** A reply result (the latest reply in force), or null: issued and not answered. */
  result?: string | null;
  issuedFrom?: string;
  issuedTo?: string;
  repliedFrom?: string;
  repliedTo?: string;
  limit: number;
  offset: number;
}

export interface RecommendationListRow extends RecommendationRow {
  case_no: string;
  case_title: string;
  latest_result: string | null;
  latest_reply_date: string | null;
}

/**
 * The recommendations of the units (the 检察建议台账), with their case and the reply in force;
 * the newest issued first, drafts last. `total` counts every match.
 */
export async function listRecommendations(
  db: SqlExecutor,
  f: RecommendationListFilter,
): Promise<{ total: number; rows: RecommendationListRow[] }> {
  const where = ['list_contains($units, r.unit_id)'];
  const p: Record<string, DuckDBValue> = { units: listValue([...f.unitIds]) };
  if (f.campaignId !== undefined) {
    where.push('c.campaign_id = $campaign');
    p.campaign = f.campaignId;
  }
  if (f.state !== undefined) {
    where.push('r.state = $state');
    p.state = f.state;
  }
  if (f.result === null) where.push(`r.state = '已发出' AND latest.result IS NULL`);
  else if (f.result !== undefined) {
    where.push('latest.result = $result');
    p.result = f.result;
  }
  if (f.issuedFrom !== undefined) {
    where.push('r.issued_on >= CAST($from AS DATE)');
    p.from = f.issuedFrom;
  }
  if (f.issuedTo !== undefined) {
    where.push('r.issued_on <= CAST($to AS DATE)');
    p.to = f.issuedTo;
  }
  if (f.repliedFrom !== undefined) {
    where.push('latest.reply_date >= $rfrom');
    p.rfrom = f.repliedFrom;
  }
  if (f.repliedTo !== undefined) {
    where.push('latest.reply_date <= $rto');
    p.rto = f.repliedTo;
  }
  const from = `FROM supervision_recommendations r JOIN supervision_cases c ON c.id = r.case_id
     LEFT JOIN (SELECT recommendation_id, arg_max(result, id) AS result,
                  strftime(arg_max(reply_date, id), '%Y-%m-%d') AS reply_date
                FROM court_replies GROUP BY 1) latest ON latest.recommendation_id = r.id
     WHERE ${where.join(' AND ')}`;
  const [count] = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n ${from}`, p);
  const rows = await db.all<RecommendationListRow>(
    `SELECT ${REC_COLUMNS}, c.case_no, c.title AS case_title, latest.result AS latest_result,
       latest.reply_date AS latest_reply_date
     ${from}
     ORDER BY r.issued_on DESC NULLS LAST, r.id DESC
     LIMIT ${Math.max(1, Math.floor(f.limit))} OFFSET ${Math.max(0, Math.floor(f.offset))}`,
    p,
  );
  return { total: Number(count?.n ?? 0), rows };
}
