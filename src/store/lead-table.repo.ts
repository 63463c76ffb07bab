import type { LeadSort } from '../domain/vocabulary.ts';
import type { Database } from './database.ts';
import { sqlString } from '../sql/literal.ts';

/**
 * Every read of leads (线索), for the web and the CLI alike: scoped, filtered, sorted pages over
 * `leads`, one lead by key, exports, and the counts the dashboard shows. Writes are in lead.repo.ts
 * (the lead service and model runs). Pages are read in two steps — the 20 keys by the sort,
 * then their rows through the key index — so the sort touches only narrow columns of a million
 * rows. The sort names are the contract's (`LEAD_SORTS`).
 */
export interface LeadTableFilter {
  /** Court-code prefixes of the user's units (浙0102 / 浙01 / 浙); empty = nothing. */
  readonly courtPrefixes: readonly string[];
  readonly models?: readonly string[];
  readonly statuses?: readonly string[];
  readonly priorities?: readonly string[];
  /** Court names (the lead's 执行法院). */
  readonly courts?: readonly string[];
  /** A unit filter inside the scope: its court-code prefixes. */
  readonly unitPrefixes?: readonly string[];
  readonly assignee?: string;
  /** 专项监督活动 the lead was found under (leads.campaign_id). */
  readonly campaignId?: number;
  readonly createdFrom?: string;
  readonly createdTo?: string;
  readonly text?: string;
  readonly subjectId?: string;
  readonly caseNo?: string;
  readonly keys?: readonly string[];
  /** Opaque lead ids (what the web and exports name leads by). */
  readonly ids?: readonly string[];
}

const PRIORITY_RANK = `CASE priority WHEN '高' THEN 0 WHEN '中' THEN 1 ELSE 2 END`;
const STATUS_RANK = `CASE status WHEN '待研判' THEN 0 WHEN '研判中' THEN 1 WHEN '已成案' THEN 2 WHEN '已合并' THEN 3 ELSE 4 END`;

/** ORDER BY of each sort; `desc` for "high first" on priority means rank ascending. */
function orderBy(sort: LeadSort, desc: boolean): string {
  const d = desc ? 'DESC' : 'ASC';
  switch (sort) {
    case 'priority':
      return `${PRIORITY_RANK} ${desc ? 'ASC' : 'DESC'}, created_at DESC, lead_key`;
    case 'firstSeenAt':
      return `created_at ${d}, lead_key`;
    case 'lastSeenAt':
      return `updated_at ${d}, lead_key`;
    case 'caseNo':
      return `case_no ${d} NULLS LAST, lead_key`;
    case 'modelId':
      return `model_id ${d}, ${PRIORITY_RANK}, lead_key`;
    case 'status':
      return `${STATUS_RANK} ${d}, ${PRIORITY_RANK}, lead_key`;
  }
}

type Param = string | number;

function where(f: LeadTableFilter): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  // Values are inlined as literals (DuckDB prunes by zone maps and pushes constant filters into the
  // scan; a prepared `$n` costs ~2x on a cold page of 1M leads); only text a literal cannot carry
  // (NUL) is bound.
  const p = (v: Param) => {
    if (typeof v === 'number') return String(v);
    if (!v.includes('\u0000')) return sqlString(v);
    params.push(v);
    return `$${params.length}`;
  };
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values && values.length) parts.push(`${column} IN (${values.map(p).join(', ')})`);
  };
  const prefixes = (values: readonly string[]) =>
    values.length
      ? `(${values.map((v) => `case_no LIKE ${p(`%）${v}%`)}`).join(' OR ')})`
      : 'false';
  parts.push(prefixes(f.courtPrefixes));
  if (f.unitPrefixes) parts.push(prefixes(f.unitPrefixes));
  anyOf('model_id', f.models);
  anyOf('status', f.statuses);
  anyOf('priority', f.priorities);
  anyOf('court', f.courts);
  anyOf('lead_key', f.keys);
  anyOf('lead_id', f.ids);
  if (f.assignee) parts.push(`assignee = ${p(f.assignee)}`);
  if (f.campaignId !== undefined) parts.push(`campaign_id = ${p(Math.trunc(f.campaignId))}`);
  if (f.subjectId) parts.push(`subject_id = ${p(f.subjectId)}`);
  if (f.caseNo) parts.push(`case_no = ${p(f.caseNo)}`);
  if (f.createdFrom) parts.push(`created_at >= ${p(f.createdFrom)}::DATE`);
  if (f.createdTo) parts.push(`created_at < ${p(f.createdTo)}::DATE + INTERVAL 1 DAY`);
  if (f.text) {
    const t = p(`%${f.text}%`);
    parts.push(`(case_no LIKE ${t} OR subject_name LIKE ${t} OR summary LIKE ${t})`);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/** A row of the lead table (no evidence JSON: the detail page reads that). */
export interface LeadTableRow {
  lead_key: string;
  lead_id: string;
  model_id: string;
  model_version: string | number;
  case_no: string | null;
  court: string | null;
  subject_id: string | null;
  subject_name: string | null;
  plate: string | null;
  summary: string;
  priority: string;
  status: string;
  assignee: string | null;
  changed: boolean;
  created_at: string;
  updated_at: string;
  [k: string]: unknown;
}

/** A lead's full row (the lead page, the data export): the table row and its evidence and history. */
export interface LeadFullRow extends LeadTableRow {
  evidence: unknown;
  legal_basis: unknown;
  action: string | null;
  unit_id: string | null;
  confidence: string | null;
  stand_in: string | null;
  dismiss_reason: string | null;
  dismiss_note: string | null;
  first_seen_run: number | null;
  last_seen_run: number | null;
}

const FULL_COLUMNS = `* EXCLUDE (created_at, updated_at), strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
  strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at`;

const ROW_COLUMNS = `lead_key, lead_id, model_id, model_version, case_no, court, subject_id, subject_name, plate,
  summary, priority, status, assignee, changed,
  strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
  strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at`;

/** The same columns as a STRUCT (for a list of rows inside another query, see subjectLeadsSql). */
const ROW_STRUCT = `struct_pack(lead_key, lead_id, model_id, model_version, case_no, court, subject_id, subject_name,
  plate, summary, priority, status, assignee, changed,
  created_at := strftime(created_at, '%Y-%m-%d %H:%M:%S'),
  updated_at := strftime(updated_at, '%Y-%m-%d %H:%M:%S'))`;

/**
 * A scalar subquery: every lead of a subject as a list of rows, through the subject index (the key
 * is inlined, see sqlString). Lets the lead page read its 串并 leads in the same round trip as the
 * rest of its sources.
 */
export function subjectLeadsSql(subjectId: string): string {
  return `(SELECT list(${ROW_STRUCT}) FROM leads WHERE subject_id = ${sqlString(subjectId)})`;
}

const PRIORITY_ORDER: Record<string, number> = { 高: 0, 中: 1 };

/** The table's default order (priority high first, newest first, key) for rows sorted in JS. */
export function byPriority(a: LeadTableRow, b: LeadTableRow): number {
  return (
    (PRIORITY_ORDER[a.priority] ?? 2) - (PRIORITY_ORDER[b.priority] ?? 2) ||
    (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0) ||
    (a.lead_key < b.lead_key ? -1 : a.lead_key > b.lead_key ? 1 : 0)
  );
}

/** Step one of a page: the keys of `limit` leads from `offset`, in the sort's order. */
export async function leadTableKeys(
  db: Database,
  filter: LeadTableFilter,
  sort: LeadSort,
  desc: boolean,
  limit: number,
  offset: number,
): Promise<string[]> {
  const w = where(filter);
  const keys = await db.all<{ lead_key: string }>(
    `SELECT lead_key FROM leads ${w.sql} ORDER BY ${orderBy(sort, desc)} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    w.params,
  );
  return keys.map((k) => k.lead_key);
}

/** Step two: the rows of these keys through the key index, in the keys' order. */
export async function leadRowsByKeys(
  db: Database,
  keys: readonly string[],
): Promise<LeadTableRow[]> {
  if (keys.length === 0) return [];
  const rows = await db.all<LeadTableRow>(
    `SELECT ${ROW_COLUMNS} FROM leads WHERE lead_key IN (${keys.map(sqlString).join(', ')})`,
  );
  const byKey = new Map(rows.map((r) => [r.lead_key, r]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

/**
 * Leads of one subject or one case, through the index on that column: DuckDB uses an ART index only
 * for a lone equality predicate, so the scope is applied to the (few) hits afterwards, and so is the
 * order (one round trip instead of keys-then-rows).
 */
export async function leadsBy(
  db: Database,
  column: 'subject_id' | 'case_no',
  value: string,
  keep: (caseNo: string | null) => boolean,
  limit: number,
): Promise<LeadTableRow[]> {
  const rows = await db.all<LeadTableRow>(
    `SELECT ${ROW_COLUMNS} FROM leads WHERE ${column} = ${sqlString(value)}`,
  );
  return rows
    .filter((r) => keep(r.case_no))
    .sort(byPriority)
    .slice(0, Math.trunc(limit));
}

/** One lead's full row by key (index lookup). */
export async function leadRowByKey(
  db: Database,
  leadKey: string,
): Promise<LeadFullRow | undefined> {
  return db.one<LeadFullRow>(
    `SELECT ${FULL_COLUMNS} FROM leads WHERE lead_key = ${sqlString(leadKey)}`,
  );
}

/** Full rows of these keys (an export), in the keys' order; read in slices of a few thousand keys. */
export async function leadFullRowsByKeys(
  db: Database,
  keys: readonly string[],
): Promise<LeadFullRow[]> {
  const out: LeadFullRow[] = [];
  for (let i = 0; i < keys.length; i += 5000) {
    const slice = keys.slice(i, i + 5000);
    const rows = await db.all<LeadFullRow>(
      `SELECT ${FULL_COLUMNS} FROM leads WHERE lead_key IN (${slice.map(sqlString).join(', ')})`,
    );
    const byKey = new Map(rows.map((r) => [r.lead_key, r]));
    for (const k of slice) {
      const row = byKey.get(k);
      if (row) out.push(row);
    }
  }
  return out;
}

/** The internal key of the lead with this opaque id (index lookup). */
export async function leadKeyById(db: Database, id: string): Promise<string | undefined> {
  const row = await db.one<{ lead_key: string }>(
    `SELECT lead_key FROM leads WHERE lead_id = ${sqlString(id)}`,
  );
  return row?.lead_key;
}

/** A lead's notes, oldest first (through the note key index; the key is inlined, see sqlString). */
export async function leadNotesByKey(
  db: Database,
  leadKey: string,
): Promise<{ at: string; author: string | null; kind: string; text: string }[]> {
  return db.all(
    `SELECT strftime(noted_at, '%Y-%m-%d %H:%M:%S') AS at, author, kind, text FROM lead_notes
     WHERE lead_key = ${sqlString(leadKey)} ORDER BY id`,
  );
}

/**
 * Indexes the web's lookups need besides the lead service's own: subject → leads (串并), and the key
 * itself — DuckDB (1.5) answers `lead_key = '…'` with a full scan despite the primary key, but uses
 * a plain ART index on the same column (measured on 1M leads: ~40 ms → ~1 ms).
 */
export async function ensureLeadTableIndexes(db: Database): Promise<void> {
  await db.run(`CREATE INDEX IF NOT EXISTS leads_subject_idx ON leads (subject_id)`);
  await db.run(`CREATE INDEX IF NOT EXISTS leads_key_idx ON leads (lead_key)`);
  // Every request names its lead by the opaque id.
  await db.run(`CREATE INDEX IF NOT EXISTS leads_id_idx ON leads (lead_id)`);
  // Every lead page reads its notes: a lookup, not a scan of every note ever written.
  await db.run(`CREATE INDEX IF NOT EXISTS lead_notes_key_idx ON lead_notes (lead_key)`);
  // 串并 on every lead page: the cases of the subject's ID, as the ledger's debtor and as a party.
  // Without these, each lead page scans both case tables (~4 ms per 200K cases, 100 ms at 5M);
  // an import pays ~1.2 µs per row to keep them (measured on 200K cases: 0.47 s → 0.72 s).
  await db.run(
    `CREATE INDEX IF NOT EXISTS enforcement_cases_debtor_idx ON enforcement_cases__versions (debtor_id)`,
  );
  await db.run(
    `CREATE INDEX IF NOT EXISTS case_parties_party_idx ON case_parties__versions (party_id)`,
  );
}

export async function countLeadTable(db: Database, filter: LeadTableFilter): Promise<number> {
  const w = where(filter);
  const row = await db.one<{ n: string | number }>(
    `SELECT count(*) AS n FROM leads ${w.sql}`,
    w.params,
  );
  return Number(row?.n ?? 0);
}

/** Leads per model and status, new since a date, and per court: the dashboard's lead numbers. */
export async function leadStatistics(
  db: Database,
  courtPrefixes: readonly string[],
  since: string,
): Promise<{
  byModelStatus: { model_id: string; status: string; n: number }[];
  newSince: number;
  byCourt: { court: string; n: number }[];
}> {
  const w = where({ courtPrefixes });
  const byModelStatus = await db.all<{ model_id: string; status: string; n: string | number }>(
    `SELECT model_id, status, count(*) AS n FROM leads ${w.sql} GROUP BY ALL ORDER BY model_id, status`,
    w.params,
  );
  const fresh = await db.one<{ n: string | number }>(
    `SELECT count(*) AS n FROM leads ${w.sql} AND created_at >= $${w.params.length + 1}::DATE`,
    [...w.params, since],
  );
  const byCourt = await db.all<{ court: string; n: string | number }>(
    `SELECT court, count(*) AS n FROM leads ${w.sql} AND court IS NOT NULL GROUP BY court ORDER BY n DESC, court LIMIT 10`,
    w.params,
  );
  return {
    byModelStatus: byModelStatus.map((r) => ({ ...r, n: Number(r.n) })),
    newSince: Number(fresh?.n ?? 0),
    byCourt: byCourt.map((r) => ({ court: r.court, n: Number(r.n) })),
  };
}
