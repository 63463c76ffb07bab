/**
 * The statistics' SQL (src/stats/definitions.ts names the figures): raw counts per grouping row
 * over leads, supervision cases, recommendations, court replies and outcomes, each counted on its
 * own event date (lead created, case opened, recommendation issued, reply date, outcome date), and
 * the 终本 figures of the enforcement-case ledger per court and judge.
 *
 * Every source yields (unit_id, k, counts…); the unit is the lead's by the court code of its 案号
 * (the longest unit prefix, as `unitOfCourt`) and the case's own for everything downstream of a
 * case. `groups` maps each unit of the scope to the row it counts in (a unit's figures include the
 * units below it), so units outside the scope count nowhere. Money is summed as DECIMAL and read
 * as text, never as a float.
 */
import type { RawCounts } from '../domain/stats-definitions.ts';
import { sqlString } from '../sql/literal.ts';
import type { SqlExecutor } from './lead.repo.ts';

/** What a row is grouped by. */
export type StatsDimension = 'unit' | 'model' | 'court' | 'month' | 'total' | 'campaign';

export interface StatsQuery {
  /** Court-code prefix → unit, for every unit (the lead's unit is the longest match). */
  readonly unitPrefixes: readonly { prefix: string; unitId: string }[];
  /** Unit of the scope → the key of the row it counts in (by unit) or any value (else). */
  readonly groups: readonly { unitId: string; group: string }[];
  readonly by: StatsDimension;
  /** Inclusive 'YYYY-MM-DD' bounds on each figure's event date. */
  readonly from?: string;
  readonly to?: string;
  /** Only this model's figures (a model's track record). */
  readonly modelId?: string;
  /** Only this campaign's figures: leads by their own campaign, the rest by their case's. */
  readonly campaignId?: number;
}

export interface StatsRow extends RawCounts {
  key: string;
}

/**
 * The few characters after the 案号's closing parenthesis: cheap to cut from a million rows and
 * few distinct values, so the court-code pattern runs on the groups, not on every lead.
 */
const CODE_HEAD = `CASE WHEN greatest(strpos(case_no, '）'), strpos(case_no, ')')) > 0
  THEN substr(case_no, greatest(strpos(case_no, '）'), strpos(case_no, ')')) + 1, 6) END`;

/** The dimension of each source: leads (l), and cases with what hangs on them (d = case_dim). */
function dims(by: StatsDimension, date: { lead: string; event: string }) {
  switch (by) {
    case 'unit':
    case 'total':
      return { lead: `''`, event: `''` };
    case 'model':
      return { lead: 'model_id', event: 'd.model_id' };
    case 'court':
      return {
        lead: `coalesce(court, '（未知法院）')`,
        event: `coalesce(d.court, '（未知法院）')`,
      };
    case 'campaign':
      // No campaign is a row of its own ('') so the rows add up to the total.
      return {
        lead: `coalesce(CAST(campaign_id AS VARCHAR), '')`,
        event: `coalesce(CAST(d.campaign_id AS VARCHAR), '')`,
      };
    case 'month':
      // Leads: truncated per row, formatted once per group (strftime on 1M rows costs).
      return {
        lead: `date_trunc('month', ${date.lead})::DATE`,
        event: `strftime(${date.event}, '%Y-%m')`,
      };
  }
}

function between(column: string, q: { from?: string; to?: string }): string {
  const parts = ['true'];
  if (q.from) parts.push(`${column} >= DATE ${sqlString(q.from)}`);
  if (q.to) parts.push(`${column} < DATE ${sqlString(q.to)} + INTERVAL 1 DAY`);
  return parts.join(' AND ');
}

const COUNT_COLUMNS = [
  'leads',
  'leads_opened',
  'leads_merged',
  'leads_dismissed',
  'cases',
  'rec_individual',
  'rec_class',
  'rec_class_cases',
  'replied',
  'adopted',
  'partly_adopted',
  'resumed',
  'referrals',
  'police_cases',
] as const;

/** A source's SELECT list: its own counts, zero for the others (for UNION ALL BY NAME). */
function counts(own: Partial<Record<(typeof COUNT_COLUMNS)[number] | 'money', string>>): string {
  const cols = COUNT_COLUMNS.map((c) => `${own[c] ?? '0'}::BIGINT AS ${c}`);
  cols.push(`${own.money ?? '0'}::DECIMAL(38,2) AS money`);
  return cols.join(', ');
}

function caseDim(q: StatsQuery, units: string): string {
  const court =
    q.by === 'court'
      ? `(SELECT min(le.court) FROM supervision_case_leads sl JOIN leads le ON le.lead_key = sl.lead_key
           WHERE sl.case_id = c.id)`
      : 'NULL';
  return `case_dim AS (
    SELECT c.id, c.unit_id, c.created_at, c.campaign_id,
      coalesce(c.model_id, (SELECT min(sl.model_id) FROM supervision_case_leads sl WHERE sl.case_id = c.id)) AS model_id,
      ${court} AS court
    FROM supervision_cases c WHERE c.unit_id IN (${units}))`;
}

/**
 * The leads' counts per head of the 案号 (the court code's neighbourhood) and grouping value: the
 * one scan of the million leads, the same for every scope, so the service shares it between them.
 */
export interface LeadCubeRow {
  head: string | null;
  k: string;
  n: number;
  opened: number;
  merged: number;
  dismissed: number;
}

export async function leadCube(
  db: SqlExecutor,
  q: Pick<StatsQuery, 'by' | 'from' | 'to' | 'modelId' | 'campaignId'>,
): Promise<LeadCubeRow[]> {
  const lead = dims(q.by, { lead: 'created_at', event: '' }).lead;
  const model = [
    q.modelId ? `AND model_id = ${sqlString(q.modelId)}` : '',
    q.campaignId === undefined ? '' : `AND campaign_id = ${Math.trunc(q.campaignId)}`,
  ].join(' ');
  const rows = await db.all<{
    head: string | null;
    k: string;
    n: bigint;
    opened: bigint;
    merged: bigint;
    dismissed: bigint;
  }>(
    `SELECT head, ${q.by === 'month' ? `strftime(k, '%Y-%m')` : 'k'} AS k, n, opened, merged, dismissed
     FROM (SELECT ${CODE_HEAD} AS head, ${lead} AS k, count(*) AS n,
       count_if(status = '已成案') AS opened, count_if(status = '已合并') AS merged,
       count_if(status = '已排除') AS dismissed
     FROM leads WHERE ${between('created_at', q)} ${model} GROUP BY ALL)`,
  );
  return rows.map((r) => ({
    head: r.head,
    k: String(r.k ?? ''),
    n: Number(r.n),
    opened: Number(r.opened),
    merged: Number(r.merged),
    dismissed: Number(r.dismissed),
  }));
}

function cubeValues(cube: readonly LeadCubeRow[]): string {
  if (cube.length === 0) {
    return `SELECT NULL::VARCHAR AS head, ''::VARCHAR AS k, 0 AS n, 0 AS opened, 0 AS merged, 0 AS dismissed WHERE false`;
  }
  const rows = cube.map(
    (r) =>
      `(${r.head === null ? 'NULL' : sqlString(r.head)}, ${sqlString(r.k)}, ${r.n}, ${r.opened}, ${r.merged}, ${r.dismissed})`,
  );
  return `SELECT * FROM (VALUES ${rows.join(', ')}) v(head, k, n, opened, merged, dismissed)`;
}

function statsSql(q: StatsQuery, cube: readonly LeadCubeRow[]): string {
  const units = q.groups.map((g) => sqlString(g.unitId)).join(', ') || `''`;
  const prefixes =
    q.unitPrefixes.map((p) => `(${sqlString(p.prefix)}, ${sqlString(p.unitId)})`).join(', ') ||
    `('\u0000', '')`;
  const groups = q.groups.map((g) => `(${sqlString(g.unitId)}, ${sqlString(g.group)})`).join(', ');
  const campaign =
    q.campaignId === undefined ? '' : ` AND d.campaign_id = ${Math.trunc(q.campaignId)}`;
  const only = (col: string) =>
    (q.modelId ? `AND ${col} = ${sqlString(q.modelId)}` : '') + campaign;
  const ev = (date: string) => dims(q.by, { lead: '', event: date }).event;
  return `WITH prefixes(prefix, unit_id) AS (VALUES ${prefixes}),
  groups(unit_id, grp) AS (VALUES ${groups}),
  ${caseDim(q, units)},
  lead_agg AS (${cubeValues(cube)}),
  lead_units AS (
    SELECT a.*, (SELECT arg_max(p.unit_id, length(p.prefix)) FROM prefixes p
      WHERE starts_with(regexp_extract(a.head, '^\\s*(\\p{Han}\\d{0,4})', 1), p.prefix)) AS unit_id
    FROM lead_agg a),
  latest_reply AS (
    SELECT recommendation_id, arg_max(result, id) AS result, arg_max(reply_date, id) AS reply_date
    FROM court_replies GROUP BY recommendation_id),
  sources AS (
    SELECT unit_id, k, ${counts({ leads: 'n', leads_opened: 'opened', leads_merged: 'merged', leads_dismissed: 'dismissed' })}
    FROM lead_units
    UNION ALL BY NAME
    SELECT d.unit_id, ${ev('d.created_at')} AS k, ${counts({ cases: '1' })}
    FROM case_dim d WHERE ${between('d.created_at', q)} ${only('d.model_id')}
    UNION ALL BY NAME
    SELECT d.unit_id, ${ev('r.issued_on')} AS k, ${counts({
      rec_individual: `(r.kind = '个案')::INT`,
      rec_class: `(r.kind = '类案')::INT`,
      rec_class_cases: `CASE WHEN r.kind = '类案' THEN r.case_count ELSE 0 END`,
    })}
    FROM supervision_recommendations r JOIN case_dim d ON d.id = r.case_id
    WHERE r.state = '已发出' AND ${between('r.issued_on', q)} ${only('d.model_id')}
    UNION ALL BY NAME
    SELECT d.unit_id, ${ev('lr.reply_date')} AS k, ${counts({
      replied: '1',
      adopted: `(lr.result = '采纳')::INT`,
      partly_adopted: `(lr.result = '部分采纳')::INT`,
    })}
    FROM latest_reply lr JOIN supervision_recommendations r ON r.id = lr.recommendation_id
      JOIN case_dim d ON d.id = r.case_id
    WHERE ${between('lr.reply_date', q)} ${only('d.model_id')}
    UNION ALL BY NAME
    SELECT d.unit_id, ${ev('o.outcome_date')} AS k, ${counts({
      resumed: `(o.kind = '恢复执行')::INT`,
      referrals: `(o.kind = '移送刑事线索')::INT`,
      police_cases: `(o.kind = '公安立案')::INT`,
      money: `CASE WHEN o.kind = '执行到位' THEN coalesce(o.amount, 0) ELSE 0 END`,
    })}
    FROM case_outcomes o JOIN case_dim d ON d.id = o.case_id
    WHERE ${between('o.outcome_date', q)} ${only('d.model_id')})
  SELECT ${q.by === 'unit' ? 'g.grp' : q.by === 'total' ? `'合计'` : 's.k'} AS key,
    ${COUNT_COLUMNS.map((c) => `sum(s.${c})::BIGINT AS ${c}`).join(', ')},
    sum(s.money)::VARCHAR AS money
  FROM sources s JOIN groups g ON g.unit_id = s.unit_id
  GROUP BY 1 ORDER BY 1`;
}

type SqlRow = Record<(typeof COUNT_COLUMNS)[number], bigint | number> & {
  key: string | null;
  money: string | null;
};

/** Raw counts per grouping row of the query (rows with no figure at all are absent). */
export async function statsRows(
  db: SqlExecutor,
  q: StatsQuery,
  cube: readonly LeadCubeRow[],
): Promise<StatsRow[]> {
  if (q.groups.length === 0) return [];
  const rows = await db.all<SqlRow>(statsSql(q, cube));
  return rows.map((r) => ({
    key: r.key ?? '',
    leads: Number(r.leads),
    leadsOpened: Number(r.leads_opened),
    leadsMerged: Number(r.leads_merged),
    leadsDismissed: Number(r.leads_dismissed),
    cases: Number(r.cases),
    recIndividual: Number(r.rec_individual),
    recClass: Number(r.rec_class),
    recClassCases: Number(r.rec_class_cases),
    replied: Number(r.replied),
    adopted: Number(r.adopted),
    partlyAdopted: Number(r.partly_adopted),
    resumed: Number(r.resumed),
    moneyRecovered: r.money ?? '0.00',
    referrals: Number(r.referrals),
    policeCases: Number(r.police_cases),
  }));
}

export interface TerminationRow extends Record<string, unknown> {
  court: string;
  judge: string | null;
  closed: number;
  terminated: number;
  medianDays: number | null;
}

/**
 * 终本 per court and judge of the ledger (`enforcement_cases`, current rows) in the scope's court
 * codes: cases closed in the period, of them 终本, and the median days from filing to closure.
 */
export async function terminationRows(
  db: SqlExecutor,
  q: { courtPrefixes: readonly string[]; from?: string; to?: string; byJudge: boolean },
): Promise<TerminationRow[]> {
  if (q.courtPrefixes.length === 0) return [];
  const scope = q.courtPrefixes.map((p) => `starts_with(ltrim(${CODE_HEAD}), ${sqlString(p)})`);
  const rows = await db.all<{
    court: string | null;
    judge: string | null;
    closed: bigint;
    terminated: bigint;
    median_days: number | null;
  }>(
    `SELECT coalesce(court, '（未知法院）') AS court, ${q.byJudge ? 'judge' : 'NULL'} AS judge,
       count(*) AS closed,
       count_if(closure_type LIKE '%终结本次%' OR closure_type LIKE '%终本%') AS terminated,
       median(date_diff('day', filed_date, closed_date)) AS median_days
     FROM enforcement_cases
     WHERE closed_date IS NOT NULL AND (${scope.join(' OR ')}) AND ${between('closed_date', q)}
     GROUP BY 1, 2 ORDER BY terminated DESC, court, judge`,
  );
  return rows.map((r) => ({
    court: r.court ?? '',
    judge: r.judge,
    closed: Number(r.closed),
    terminated: Number(r.terminated),
    medianDays: r.median_days === null ? null : Number(r.median_days),
  }));
}
