/**
 * The ledger (一本账) and the work list: the counts behind them, in one query each. Leads are
 * counted per court code of their 案号 (a lead belongs to a unit through it, as the lead table's
 * unit filter reads it); cases, recommendations and outcomes per unit of their case. The service
 * rolls them up the unit tree.
 */
import { WORK_DEADLINE_KINDS } from '../domain/vocabulary.ts';
import { sqlString } from '../sql/literal.ts';
import { courtPrefixSql } from './campaign.repo.ts';
import type { SqlExecutor } from './lead.repo.ts';

/**
 * The five characters after the 案号's closing parenthesis: the court code (one Han character and
 * up to four digits) and what follows it. Grouping by them is cheap (no regular expression over a
 * million rows); the court code is cut out of the few distinct groups afterwards.
 */
const COURT_PART = `substr(case_no, greatest(strpos(case_no, '）'), strpos(case_no, ')')) + 1, 5)`;

/** `浙0102执` → `浙0102`, `浙01执1` → `浙01` (as `courtCodeOfCaseNo` in src/org/unit-tree.ts). */
function courtCodeOf(part: string): string {
  const m = /^\s*(\p{Script=Han})(\d{0,4})/u.exec(part);
  return m ? `${m[1]}${m[2]}` : '';
}

export interface LedgerCount extends Record<string, unknown> {
  /** 'court': `key` is a court code (leads); 'unit': a unit id (cases and what follows). */
  src: 'court' | 'unit';
  key: string;
  leads: number;
  judged: number;
  cases: number;
  recommendations: number;
  adopted: number;
  resumed: number;
  /** Exact, yuan with two decimals. */
  money: string;
}

/**
 * Counts for the ledger, optionally of one campaign: leads and judged leads (已成案 + 已排除 +
 * 已合并) per court code; cases opened, recommendations issued (已发出), adopted (the latest reply
 * of an issued one is 采纳), cases resumed (outcome 恢复执行) and money recovered (sum of 执行到位)
 * per unit of the case.
 */
export async function ledgerCounts(
  db: SqlExecutor,
  campaignId: number | null,
): Promise<LedgerCount[]> {
  const lc = campaignId === null ? 'true' : `campaign_id = ${Math.trunc(campaignId)}`;
  const cc = campaignId === null ? 'true' : `c.campaign_id = ${Math.trunc(campaignId)}`;
  const rows = await db.all<LedgerCount>(
    `SELECT 'court' AS src, ${COURT_PART} AS key, count(*)::INTEGER AS leads,
       count(*) FILTER (WHERE status IN ('已成案', '已排除', '已合并'))::INTEGER AS judged,
       0 AS cases, 0 AS recommendations, 0 AS adopted, 0 AS resumed, '0.00' AS money
     FROM leads WHERE ${lc} GROUP BY 2
     UNION ALL
     SELECT 'unit', c.unit_id, 0, 0, count(*)::INTEGER, 0, 0, 0, '0.00'
     FROM supervision_cases c WHERE ${cc} GROUP BY 2
     UNION ALL
     SELECT 'unit', r.unit_id, 0, 0, 0,
       count(*) FILTER (WHERE r.state = ${sqlString('已发出')})::INTEGER,
       count(*) FILTER (WHERE r.state = ${sqlString('已发出')} AND latest.result = ${sqlString('采纳')})::INTEGER,
       0, '0.00'
     FROM supervision_recommendations r
     JOIN supervision_cases c ON c.id = r.case_id
     LEFT JOIN (SELECT recommendation_id, arg_max(result, id) AS result FROM court_replies GROUP BY 1)
       latest ON latest.recommendation_id = r.id
     WHERE ${cc} GROUP BY 2
     UNION ALL
     SELECT 'unit', c.unit_id, 0, 0, 0, 0, 0,
       count(*) FILTER (WHERE o.kind = ${sqlString('恢复执行')})::INTEGER,
       CAST(coalesce(sum(o.amount) FILTER (WHERE o.kind = ${sqlString('执行到位')}), 0)::DECIMAL(38, 2) AS VARCHAR)
     FROM case_outcomes o JOIN supervision_cases c ON c.id = o.case_id
     WHERE ${cc} GROUP BY 2`,
  );
  return rows.map((r) => ({
    src: r.src,
    key: r.src === 'court' ? courtCodeOf(r.key ?? '') : (r.key ?? ''),
    leads: Number(r.leads),
    judged: Number(r.judged),
    cases: Number(r.cases),
    recommendations: Number(r.recommendations),
    adopted: Number(r.adopted),
    resumed: Number(r.resumed),
    money: String(r.money),
  }));
}

const [CASE_DUE, REPLY_DUE] = WORK_DEADLINE_KINDS;

export interface WorkRow extends Record<string, unknown> {
  kind: 'lead' | 'case';
  id: string;
  title: string;
  state: string;
  deadline: string | null;
  deadline_kind: string | null;
}

/**
 * A prosecutor's open work: leads assigned to them under judgement (研判中) in the court-code
 * prefixes of their scope, and open cases they handle in their units, each with its next
 * deadline — the case's due date, or the reply deadline (extended, if it was) of an issued
 * recommendation with no reply yet, whichever comes first.
 */
export async function workRows(
  db: SqlExecutor,
  username: string,
  scope: { unitIds: readonly string[]; courtPrefixes: readonly string[] },
  openStates: readonly string[],
): Promise<WorkRow[]> {
  const prefixes = courtPrefixSql('case_no', scope.courtPrefixes);
  const list = (xs: readonly string[]) =>
    xs.length ? xs.map((x) => sqlString(x)).join(', ') : 'NULL';
  const rows = await db.all<WorkRow>(
    `SELECT 'lead' AS kind, lead_id AS id, coalesce(case_no, '') || ' ' || coalesce(subject_name, '') AS title,
       status AS state, NULL::VARCHAR AS deadline, NULL::VARCHAR AS deadline_kind
     FROM leads WHERE assignee = $user AND status = ${sqlString('研判中')} AND ${prefixes}
     UNION ALL
     SELECT 'case', CAST(c.id AS VARCHAR), c.case_no || ' ' || c.title, c.state,
       strftime(least(c.due_date, r.due), '%Y-%m-%d'),
       CASE WHEN c.due_date IS NULL AND r.due IS NULL THEN NULL
            WHEN r.due IS NULL OR (c.due_date IS NOT NULL AND c.due_date <= r.due) THEN ${sqlString(CASE_DUE)}
            ELSE ${sqlString(REPLY_DUE)} END
     FROM supervision_cases c
     LEFT JOIN (
       SELECT case_id, min(coalesce(extended_due, reply_due)) AS due FROM supervision_recommendations s
       WHERE s.state = ${sqlString('已发出')}
         AND NOT EXISTS (SELECT 1 FROM court_replies x WHERE x.recommendation_id = s.id)
       GROUP BY 1
     ) r ON r.case_id = c.id
     WHERE c.handler = $user AND c.unit_id IN (${list(scope.unitIds)})
       AND c.state IN (${list(openStates)})
     ORDER BY deadline NULLS LAST, kind, id
     LIMIT 1000`,
    { user: username },
  );
  return rows;
}
