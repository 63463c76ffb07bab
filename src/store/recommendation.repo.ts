/**
 * Recommendations (检察建议) of supervision cases, the court's replies to them, and the outcomes
 * that count (cases resumed, money recovered, referrals …). Tables only here and the SQL that
 * reads and writes them; the rules (deadlines, who may do what) are in `src/casework`.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { SqlExecutor } from './lead.repo.ts';
import { insertedId } from './inserted-id.ts';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS supervision_recommendation_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS supervision_recommendations (
    id INTEGER PRIMARY KEY DEFAULT nextval('supervision_recommendation_id_seq'),
    case_id INTEGER NOT NULL,
    unit_id VARCHAR NOT NULL,             -- the issuing procuratorate (= the case's unit)
    kind VARCHAR NOT NULL,                -- 个案 | 类案 (a class one covers case_count cases)
    case_count INTEGER NOT NULL DEFAULT 1,
    addressee VARCHAR NOT NULL,           -- the court it is sent to
    state VARCHAR NOT NULL,               -- 草稿 | 已发出
    doc_no VARCHAR UNIQUE,                -- fixed at issue, e.g. 浙杭上检民执建〔2025〕3号
    issued_on DATE,                       -- 发出日期
    reply_due DATE,                       -- issued_on + 3 months (两高监督规定 第十三条)
    extended_due DATE,                    -- once, by one month
    extension_note VARCHAR,
    version INTEGER NOT NULL DEFAULT 1,   -- optimistic concurrency, as for cases
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    issued_by VARCHAR
  )`,
  `CREATE SEQUENCE IF NOT EXISTS court_reply_id_seq START 1`,
  // A recommendation's replies in the order recorded; the latest is in force (none overwritten).
  `CREATE TABLE IF NOT EXISTS court_replies (
    id INTEGER PRIMARY KEY DEFAULT nextval('court_reply_id_seq'),
    recommendation_id INTEGER NOT NULL,
    result VARCHAR NOT NULL,              -- 采纳 | 部分采纳 | 不采纳
    reply_date DATE NOT NULL,
    actions VARCHAR[] NOT NULL,           -- 恢复执行 | 删除失信 | 解除限消 | 纠正 | 其他
    resumed_case_no VARCHAR,              -- the new 执恢 案号 when the court resumed enforcement
    note VARCHAR NOT NULL DEFAULT '',
    recorded_by VARCHAR,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `CREATE SEQUENCE IF NOT EXISTS case_outcome_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS case_outcomes (
    id INTEGER PRIMARY KEY DEFAULT nextval('case_outcome_id_seq'),
    case_id INTEGER NOT NULL,
    recommendation_id INTEGER,            -- the recommendation it came from, when known
    kind VARCHAR NOT NULL,                -- OUTCOME_KINDS
    outcome_date DATE NOT NULL,
    amount DECIMAL(18,2),                 -- 执行到位 / 执行和解 / 司法救助, yuan, exact
    enforcement_case_no VARCHAR,          -- 恢复执行: the 执恢 案号
    crime VARCHAR,                        -- 移送刑事线索: REFERRAL_CRIMES
    persons INTEGER,                      -- 公安立案: persons
    source VARCHAR NOT NULL DEFAULT '手工', -- 手工 | 台账导入 (a 执恢 case found in a later ledger)
    note VARCHAR NOT NULL DEFAULT '',
    recorded_by VARCHAR,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  // The last number given per unit and year (like the case counter): only counts up, never reused.
  `CREATE TABLE IF NOT EXISTS supervision_recommendation_counters (
    unit_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (unit_id, year)
  )`,
  // A unit's own pattern for the numbers (文号) of its recommendations; none: the default.
  `CREATE TABLE IF NOT EXISTS recommendation_number_settings (
    unit_id VARCHAR PRIMARY KEY,
    number_pattern VARCHAR NOT NULL,
    updated_by VARCHAR,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `ALTER TABLE supervision_recommendations ADD COLUMN IF NOT EXISTS note VARCHAR DEFAULT ''`,
  `ALTER TABLE supervision_recommendations ADD COLUMN IF NOT EXISTS updated_at TIMESTAMP`,
  // 跟进监督 (第十四条): when and why the recommendation was escalated.
  `ALTER TABLE supervision_recommendations ADD COLUMN IF NOT EXISTS escalated_on DATE`,
  `ALTER TABLE supervision_recommendations ADD COLUMN IF NOT EXISTS escalation_note VARCHAR`,
  // The ledger batch in which the 执恢 case of a 恢复执行 outcome was seen (the link is idempotent).
  `ALTER TABLE case_outcomes ADD COLUMN IF NOT EXISTS ledger_batch_id INTEGER`,
];

export async function ensureRecommendationSchema(db: SqlExecutor): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

export interface RecommendationRow extends Record<string, unknown> {
  id: number;
  case_id: number;
  unit_id: string;
  kind: string;
  case_count: number;
  addressee: string;
  state: string;
  doc_no: string | null;
  issued_on: string | null;
  reply_due: string | null;
  extended_due: string | null;
  extension_note: string | null;
  escalated_on: string | null;
  escalation_note: string | null;
  note: string;
  version: number;
  created_by: string | null;
  created_at: string;
  issued_by: string | null;
}

/** The columns of a RecommendationRow (as `r`), for the queries that join more. */
export const REC_COLUMNS = `r.id, r.case_id, r.unit_id, r.kind, r.case_count, r.addressee, r.state, r.doc_no,
  strftime(r.issued_on, '%Y-%m-%d') AS issued_on, strftime(r.reply_due, '%Y-%m-%d') AS reply_due,
  strftime(r.extended_due, '%Y-%m-%d') AS extended_due, r.extension_note,
  strftime(r.escalated_on, '%Y-%m-%d') AS escalated_on, r.escalation_note, coalesce(r.note, '') AS note,
  r.version, r.created_by, strftime(r.created_at, '%Y-%m-%d %H:%M:%S') AS created_at, r.issued_by`;

export async function insertRecommendation(
  db: SqlExecutor,
  r: {
    caseId: number;
    unitId: string;
    kind: string;
    caseCount: number;
    addressee: string;
    note: string;
    by: string | null;
  },
): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO supervision_recommendations (case_id, unit_id, kind, case_count, addressee, state,
       note, created_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, '草稿', $6, $7, current_timestamp) RETURNING id`,
    [r.caseId, r.unitId, r.kind, r.caseCount, r.addressee, r.note, r.by],
    'insertRecommendation',
  );
}

export async function recommendationById(
  db: SqlExecutor,
  id: number,
): Promise<RecommendationRow | undefined> {
  const [row] = await db.all<RecommendationRow>(
    `SELECT ${REC_COLUMNS} FROM supervision_recommendations r WHERE r.id = $1`,
    [id],
  );
  return row;
}

export async function caseRecommendations(
  db: SqlExecutor,
  caseId: number,
): Promise<RecommendationRow[]> {
  return db.all<RecommendationRow>(
    `SELECT ${REC_COLUMNS} FROM supervision_recommendations r WHERE r.case_id = $1 ORDER BY r.id`,
    [caseId],
  );
}

/** The next number of a unit and year (counts up in the caller's transaction). */
/** The unit's own recommendation number pattern, if it set one. */
export async function recommendationPattern(
  db: SqlExecutor,
  unitId: string,
): Promise<string | undefined> {
  const [row] = await db.all<{ number_pattern: string }>(
    `SELECT number_pattern FROM recommendation_number_settings WHERE unit_id = $1`,
    [unitId],
  );
  return row?.number_pattern;
}

export async function saveRecommendationPattern(
  db: SqlExecutor,
  unitId: string,
  pattern: string,
  by: string | null,
): Promise<void> {
  await db.run(
    `INSERT INTO recommendation_number_settings (unit_id, number_pattern, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (unit_id) DO UPDATE SET number_pattern = excluded.number_pattern,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [unitId, pattern, by],
  );
}

/** The last serial given to the unit's recommendations of `year` (undefined: none yet). */
export async function lastRecommendationSerial(
  db: SqlExecutor,
  unitId: string,
  year: number,
): Promise<number | undefined> {
  const [row] = await db.all<{ last_serial: number }>(
    `SELECT last_serial FROM supervision_recommendation_counters WHERE unit_id = $1 AND year = $2`,
    [unitId, year],
  );
  return row ? Number(row.last_serial) : undefined;
}

/** Whether a number was given already (a changed pattern may meet an old one). */
export async function docNoTaken(db: SqlExecutor, docNo: string): Promise<boolean> {
  const rows = await db.all(`SELECT 1 FROM supervision_recommendations WHERE doc_no = $1`, [docNo]);
  return rows.length > 0;
}

export async function takeRecommendationSerial(
  db: SqlExecutor,
  unitId: string,
  year: number,
): Promise<number> {
  const [row] = await db.all<{ last_serial: number }>(
    `INSERT INTO supervision_recommendation_counters (unit_id, year, last_serial) VALUES ($1, $2, 1)
     ON CONFLICT (unit_id, year) DO UPDATE
       SET last_serial = supervision_recommendation_counters.last_serial + 1
     RETURNING last_serial`,
    [unitId, year],
  );
  if (!row) throw new Error('takeRecommendationSerial: no row');
  return Number(row.last_serial);
}

export interface RecommendationPatch {
  state?: string;
  docNo?: string;
  issuedOn?: string;
  replyDue?: string;
  issuedBy?: string | null;
  addressee?: string;
  extendedDue?: string;
  extensionNote?: string;
  escalatedOn?: string;
  escalationNote?: string;
}

const PATCH_SQL: Record<keyof RecommendationPatch, string> = {
  state: 'state = $state',
  docNo: 'doc_no = $docNo',
  issuedOn: 'issued_on = CAST($issuedOn AS DATE)',
  replyDue: 'reply_due = CAST($replyDue AS DATE)',
  issuedBy: 'issued_by = $issuedBy',
  addressee: 'addressee = $addressee',
  extendedDue: 'extended_due = CAST($extendedDue AS DATE)',
  extensionNote: 'extension_note = $extensionNote',
  escalatedOn: 'escalated_on = CAST($escalatedOn AS DATE)',
  escalationNote: 'escalation_note = $escalationNote',
};

/** Saves fields if the row is still at `version` (bumping it); undefined when someone saved first. */
export async function updateRecommendationIfVersion(
  db: SqlExecutor,
  id: number,
  version: number,
  patch: RecommendationPatch,
): Promise<number | undefined> {
  const sets = ['version = version + 1', 'updated_at = current_timestamp'];
  const params: Record<string, DuckDBValue> = { id, version };
  for (const [key, value] of Object.entries(patch) as [keyof RecommendationPatch, string][]) {
    if (value === undefined) continue;
    sets.push(PATCH_SQL[key]);
    params[key] = value;
  }
  const [row] = await db.all<{ version: number }>(
    `UPDATE supervision_recommendations SET ${sets.join(', ')} WHERE id = $id AND version = $version
     RETURNING version`,
    params,
  );
  return row ? Number(row.version) : undefined;
}

export interface ReplyRow extends Record<string, unknown> {
  id: number;
  recommendation_id: number;
  result: string;
  reply_date: string;
  actions: string[];
  resumed_case_no: string | null;
  note: string;
  recorded_by: string | null;
  recorded_at: string;
}

export async function insertReply(
  db: SqlExecutor,
  r: {
    recommendationId: number;
    result: string;
    date: string;
    actions: readonly string[];
    resumedCaseNo: string | null;
    note: string;
    by: string | null;
  },
): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO court_replies (recommendation_id, result, reply_date, actions, resumed_case_no,
       note, recorded_by)
     VALUES ($1, $2, CAST($3 AS DATE), list_filter(string_split($4, ','), a -> a <> ''), $5, $6, $7)
     RETURNING id`,
    [
      r.recommendationId,
      r.result,
      r.date,
      // As text: an empty list (不采纳, no action) cannot be bound without a type; the actions are
      // vocabulary words, never holding a comma.
      r.actions.join(','),
      r.resumedCaseNo,
      r.note,
      r.by,
    ],
    'insertReply',
  );
}

/** The replies of a case's recommendations, in the order recorded (the last of each is in force). */
export async function caseReplies(db: SqlExecutor, caseId: number): Promise<ReplyRow[]> {
  return db.all<ReplyRow>(
    `SELECT p.id, p.recommendation_id, p.result, strftime(p.reply_date, '%Y-%m-%d') AS reply_date,
       p.actions, p.resumed_case_no, p.note, p.recorded_by,
       strftime(p.recorded_at, '%Y-%m-%d %H:%M:%S') AS recorded_at
     FROM court_replies p JOIN supervision_recommendations r ON r.id = p.recommendation_id
     WHERE r.case_id = $1 ORDER BY p.id`,
    [caseId],
  );
}

export async function replyCount(db: SqlExecutor, recommendationId: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM court_replies WHERE recommendation_id = $1`,
    [recommendationId],
  );
  return Number(row?.n ?? 0);
}

export interface DueRow extends RecommendationRow {
  case_no: string;
  case_title: string;
  case_state: string;
  enforcement_cases: string[];
}

/**
 * Issued recommendations of the units, not replied to, due on or before `until` (the warning
 * list), with what the list shows of their case; at most `limit`, the most urgent first.
 */
export async function unansweredDueBy(
  db: SqlExecutor,
  unitIds: readonly string[],
  until: string,
  limit = 2000,
): Promise<DueRow[]> {
  return db.all<DueRow>(
    `SELECT ${REC_COLUMNS}, c.case_no, c.title AS case_title, c.state AS case_state,
       coalesce((SELECT list(DISTINCT l.enforcement_case_no ORDER BY l.enforcement_case_no)
                 FROM supervision_case_leads l
                 WHERE l.case_id = c.id AND l.enforcement_case_no IS NOT NULL), []) AS enforcement_cases
     FROM supervision_recommendations r JOIN supervision_cases c ON c.id = r.case_id
     WHERE list_contains($units, r.unit_id) AND r.state = '已发出'
       AND coalesce(r.extended_due, r.reply_due) <= CAST($until AS DATE)
       AND NOT EXISTS (SELECT 1 FROM court_replies p WHERE p.recommendation_id = r.id)
     ORDER BY coalesce(r.extended_due, r.reply_due), r.id
     LIMIT ${Math.max(1, Math.floor(limit))}`,
    { units: listValue([...unitIds]), until },
  );
}

/** The enforcement cases a supervision case covers (from its leads). */
export async function caseEnforcementNos(db: SqlExecutor, caseId: number): Promise<string[]> {
  const rows = await db.all<{ no: string }>(
    `SELECT DISTINCT enforcement_case_no AS no FROM supervision_case_leads
     WHERE case_id = $1 AND enforcement_case_no IS NOT NULL ORDER BY 1`,
    [caseId],
  );
  return rows.map((r) => r.no);
}

/** The courts named for a case: its leads' court, else its enforcement cases' 执行法院 in the ledger. */
export async function caseCourts(db: SqlExecutor, caseId: number): Promise<string[]> {
  const fromLeads = await db.all<{ court: string }>(
    `SELECT DISTINCT l.court FROM supervision_case_leads s JOIN leads l ON l.lead_key = s.lead_key
     WHERE s.case_id = $1 AND coalesce(l.court, '') <> '' ORDER BY 1`,
    [caseId],
  );
  if (fromLeads.length) return fromLeads.map((r) => r.court);
  const fromLedger = await db.all<{ court: string }>(
    `SELECT DISTINCT e.court FROM supervision_case_leads s
       JOIN enforcement_cases e ON e.case_no = s.enforcement_case_no
     WHERE s.case_id = $1 AND coalesce(e.court, '') <> '' ORDER BY 1`,
    [caseId],
  );
  return fromLedger.map((r) => r.court);
}
