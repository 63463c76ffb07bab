/**
 * Supervision cases (监督案件): the cases, their leads, the history of their states, the
 * verification acts, the per-unit numbering counter and pattern. Tables and SQL only; the rules
 * are in `src/casework`.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { SqlExecutor } from './lead.repo.ts';
import { insertedId } from './inserted-id.ts';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS supervision_case_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS supervision_cases (
    id INTEGER PRIMARY KEY DEFAULT nextval('supervision_case_id_seq'),
    unit_id VARCHAR NOT NULL,             -- the procuratorate that opened it (scope, numbering)
    case_no VARCHAR NOT NULL UNIQUE,      -- 浙杭上检民执监〔2025〕12号
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    kind VARCHAR NOT NULL,                -- 个案 | 类案
    model_id VARCHAR,                     -- the model of a 类案
    title VARCHAR NOT NULL,
    state VARCHAR NOT NULL,
    handler VARCHAR,                      -- user name of the prosecutor in charge
    due_date DATE,
    version INTEGER NOT NULL DEFAULT 1,   -- optimistic concurrency: every save must name it
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  // A lead belongs to at most one case (the primary key says so even across processes).
  `CREATE TABLE IF NOT EXISTS supervision_case_leads (
    lead_key VARCHAR PRIMARY KEY,
    case_id INTEGER NOT NULL,
    lead_id VARCHAR NOT NULL,
    model_id VARCHAR NOT NULL,
    enforcement_case_no VARCHAR,
    joined_by VARCHAR,
    joined_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `CREATE SEQUENCE IF NOT EXISTS supervision_case_transition_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS supervision_case_transitions (
    id INTEGER PRIMARY KEY DEFAULT nextval('supervision_case_transition_id_seq'),
    case_id INTEGER NOT NULL,
    from_state VARCHAR,                   -- null at opening
    to_state VARCHAR NOT NULL,
    moved_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    by_user VARCHAR,
    note VARCHAR NOT NULL DEFAULT ''
  )`,
  `CREATE SEQUENCE IF NOT EXISTS supervision_case_act_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS supervision_case_acts (
    id INTEGER PRIMARY KEY DEFAULT nextval('supervision_case_act_id_seq'),
    case_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,                -- 调阅卷宗 | 询问 | 调取 | 查询银行流水 | 听证
    act_date DATE NOT NULL,
    note VARCHAR NOT NULL DEFAULT '',
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  // The last serial given per unit and year: only ever counts up, so a number is never reused.
  `CREATE TABLE IF NOT EXISTS supervision_case_counters (
    unit_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    last_serial INTEGER NOT NULL,
    PRIMARY KEY (unit_id, year)
  )`,
  `CREATE TABLE IF NOT EXISTS supervision_case_settings (
    unit_id VARCHAR PRIMARY KEY,
    number_pattern VARCHAR NOT NULL,
    updated_by VARCHAR,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
];

export async function ensureCaseworkSchema(db: SqlExecutor): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

export interface CaseRow extends Record<string, unknown> {
  id: number;
  unit_id: string;
  case_no: string;
  year: number;
  serial: number;
  kind: string;
  model_id: string | null;
  title: string;
  state: string;
  handler: string | null;
  due_date: string | null;
  campaign_id: number | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  lead_count: number;
}

const CASE_COLUMNS = `c.id, c.unit_id, c.case_no, c.year, c.serial, c.kind, c.model_id, c.title,
  c.state, c.handler, strftime(c.due_date, '%Y-%m-%d') AS due_date, c.campaign_id, c.version, c.created_by,
  strftime(c.created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
  strftime(c.updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at,
  (SELECT count(*) FROM supervision_case_leads l WHERE l.case_id = c.id)::INTEGER AS lead_count`;

/** The next serial of a unit and year (counts up in the caller's transaction). */
export async function takeSerial(db: SqlExecutor, unitId: string, year: number): Promise<number> {
  const [row] = await db.all<{ last_serial: number }>(
    `INSERT INTO supervision_case_counters (unit_id, year, last_serial) VALUES ($1, $2, 1)
     ON CONFLICT (unit_id, year) DO UPDATE SET last_serial = supervision_case_counters.last_serial + 1
     RETURNING last_serial`,
    [unitId, year],
  );
  if (!row) throw new Error('takeSerial: no row');
  return Number(row.last_serial);
}

/** The last serial given to a unit in a year (undefined: none yet). */
export async function lastSerial(
  db: SqlExecutor,
  unitId: string,
  year: number,
): Promise<number | undefined> {
  const [row] = await db.all<{ last_serial: number }>(
    `SELECT last_serial FROM supervision_case_counters WHERE unit_id = $1 AND year = $2`,
    [unitId, year],
  );
  return row ? Number(row.last_serial) : undefined;
}

export async function numberPattern(db: SqlExecutor, unitId: string): Promise<string | undefined> {
  const [row] = await db.all<{ number_pattern: string }>(
    `SELECT number_pattern FROM supervision_case_settings WHERE unit_id = $1`,
    [unitId],
  );
  return row?.number_pattern;
}

export async function saveNumberPattern(
  db: SqlExecutor,
  unitId: string,
  pattern: string,
  by: string | null,
): Promise<void> {
  await db.run(
    `INSERT INTO supervision_case_settings (unit_id, number_pattern, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (unit_id) DO UPDATE SET number_pattern = excluded.number_pattern,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [unitId, pattern, by],
  );
}

export interface NewCase {
  unitId: string;
  caseNo: string;
  year: number;
  serial: number;
  kind: string;
  modelId: string | null;
  title: string;
  state: string;
  handler: string | null;
  dueDate: string | null;
  createdBy: string | null;
}

export async function insertCase(db: SqlExecutor, c: NewCase): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO supervision_cases (unit_id, case_no, year, serial, kind, model_id, title, state,
       handler, due_date, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10 AS DATE), $11) RETURNING id`,
    [
      c.unitId,
      c.caseNo,
      c.year,
      c.serial,
      c.kind,
      c.modelId,
      c.title,
      c.state,
      c.handler,
      c.dueDate,
      c.createdBy,
    ],
    'insertCase',
  );
}

export async function caseById(db: SqlExecutor, id: number): Promise<CaseRow | undefined> {
  const [row] = await db.all<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM supervision_cases c WHERE c.id = $1`,
    [id],
  );
  return row;
}

export interface CaseListFilter {
  unitIds: readonly string[];
  states?: readonly string[];
  handler?: string;
  q?: string;
  campaignId?: number;
  modelId?: string;
  /** 'YYYY-MM-DD', inclusive, on the opening date. */
  openedFrom?: string;
  openedTo?: string;
  limit: number;
  offset: number;
}

function listWhere(f: CaseListFilter): { where: string; params: Record<string, DuckDBValue> } {
  const parts = [`list_contains($units, c.unit_id)`];
  const params: Record<string, DuckDBValue> = { units: listValue([...f.unitIds]) };
  if (f.states?.length) {
    parts.push(`list_contains($states, c.state)`);
    params.states = listValue([...f.states]);
  }
  if (f.campaignId !== undefined) {
    parts.push(`c.campaign_id = $campaign`);
    params.campaign = f.campaignId;
  }
  if (f.handler) {
    parts.push(`c.handler = $handler`);
    params.handler = f.handler;
  }
  if (f.q) {
    // Number, title or one of its enforcement cases.
    parts.push(`(contains(c.case_no, $q) OR contains(c.title, $q) OR EXISTS (
      SELECT 1 FROM supervision_case_leads l WHERE l.case_id = c.id AND contains(l.enforcement_case_no, $q)))`);
    params.q = f.q;
  }
  if (f.modelId) {
    parts.push(`(c.model_id = $model OR EXISTS (
      SELECT 1 FROM supervision_case_leads l WHERE l.case_id = c.id AND l.model_id = $model))`);
    params.model = f.modelId;
  }
  if (f.openedFrom) {
    parts.push(`c.created_at >= CAST($openedFrom AS DATE)`);
    params.openedFrom = f.openedFrom;
  }
  if (f.openedTo) {
    parts.push(`c.created_at < CAST($openedTo AS DATE) + INTERVAL 1 DAY`);
    params.openedTo = f.openedTo;
  }
  return { where: parts.join(' AND '), params };
}

export async function listCases(
  db: SqlExecutor,
  f: CaseListFilter,
): Promise<{ total: number; rows: CaseRow[] }> {
  const { where, params: p } = listWhere(f);
  const [count] = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM supervision_cases c WHERE ${where}`,
    p,
  );
  const rows = await db.all<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM supervision_cases c WHERE ${where}
     ORDER BY c.year DESC, c.created_at DESC, c.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
    p,
  );
  return { total: Number(count?.n ?? 0), rows };
}

/**
 * Saves fields of a case if it is still at `version`, bumping it: undefined when someone saved
 * first (nothing is written then).
 */
export async function updateCaseIfVersion(
  db: SqlExecutor,
  id: number,
  version: number,
  patch: { state?: string; handler?: string | null; dueDate?: string | null; title?: string },
): Promise<number | undefined> {
  const sets = ['version = version + 1', 'updated_at = current_timestamp'];
  const params: Record<string, string | number | null> = { id, version };
  if (patch.state !== undefined) {
    sets.push('state = $state');
    params.state = patch.state;
  }
  if (patch.handler !== undefined) {
    sets.push('handler = $handler');
    params.handler = patch.handler;
  }
  if (patch.dueDate !== undefined) {
    sets.push('due_date = CAST($due AS DATE)');
    params.due = patch.dueDate;
  }
  if (patch.title !== undefined) {
    sets.push('title = $title');
    params.title = patch.title;
  }
  const [row] = await db.all<{ version: number }>(
    `UPDATE supervision_cases SET ${sets.join(', ')} WHERE id = $id AND version = $version
     RETURNING version`,
    params,
  );
  return row ? Number(row.version) : undefined;
}

export async function insertTransition(
  db: SqlExecutor,
  t: { caseId: number; from: string | null; to: string; by: string | null; note: string },
): Promise<void> {
  await db.run(
    `INSERT INTO supervision_case_transitions (case_id, from_state, to_state, by_user, note)
     VALUES ($1, $2, $3, $4, $5)`,
    [t.caseId, t.from, t.to, t.by, t.note],
  );
}

export async function caseTransitions(
  db: SqlExecutor,
  caseId: number,
): Promise<{ from: string | null; to: string; at: string; by: string | null; note: string }[]> {
  return db.all(
    `SELECT from_state AS "from", to_state AS "to", strftime(moved_at, '%Y-%m-%d %H:%M:%S') AS at,
       by_user AS "by", note
     FROM supervision_case_transitions WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
}

export interface CaseLeadLink extends Record<string, unknown> {
  lead_key: string;
  lead_id: string;
  model_id: string;
  enforcement_case_no: string | null;
  joined_by: string | null;
  joined_at: string;
}

export async function insertCaseLead(
  db: SqlExecutor,
  caseId: number,
  l: { leadKey: string; leadId: string; modelId: string; caseNo: string | null; by: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO supervision_case_leads (lead_key, case_id, lead_id, model_id, enforcement_case_no, joined_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [l.leadKey, caseId, l.leadId, l.modelId, l.caseNo, l.by],
  );
}

export async function caseLeads(db: SqlExecutor, caseId: number): Promise<CaseLeadLink[]> {
  return db.all<CaseLeadLink>(
    `SELECT lead_key, lead_id, model_id, enforcement_case_no, joined_by,
       strftime(joined_at, '%Y-%m-%d %H:%M:%S') AS joined_at
     FROM supervision_case_leads WHERE case_id = $1 ORDER BY joined_at, lead_id`,
    [caseId],
  );
}

/** The case a lead is in, if any. */
export async function caseOfLead(db: SqlExecutor, leadKey: string): Promise<number | undefined> {
  const [row] = await db.all<{ case_id: number }>(
    `SELECT case_id FROM supervision_case_leads WHERE lead_key = $1`,
    [leadKey],
  );
  return row ? Number(row.case_id) : undefined;
}

export async function insertAct(
  db: SqlExecutor,
  a: { caseId: number; kind: string; date: string; note: string; by: string | null },
): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO supervision_case_acts (case_id, kind, act_date, note, created_by)
     VALUES ($1, $2, CAST($3 AS DATE), $4, $5) RETURNING id`,
    [a.caseId, a.kind, a.date, a.note, a.by],
    'insertAct',
  );
}

export async function caseActs(
  db: SqlExecutor,
  caseId: number,
): Promise<
  { id: number; kind: string; date: string; note: string; by: string | null; at: string }[]
> {
  return db.all(
    `SELECT id, kind, strftime(act_date, '%Y-%m-%d') AS date, note, created_by AS by,
       strftime(created_at, '%Y-%m-%d %H:%M:%S') AS at
     FROM supervision_case_acts WHERE case_id = $1 ORDER BY act_date, id`,
    [caseId],
  );
}
