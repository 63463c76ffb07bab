/**
 * Leads (线索) and their notes, model runs, the per-model cache and user models: tables and SQL,
 * and the writes of people's actions on a lead (status, dismissal, assignee, notes). Every read of
 * leads is in lead-table.repo.ts. Statuses follow workflow.md: 待研判 → 研判中 → 已成案 / 已排除 / 已合并.
 */
import type { Database, Row, SqlParams } from './database.ts';
import { sqlString } from '../sql/literal.ts';

/** Anything that runs SQL: the main Database or a ModelSession. */
export interface SqlExecutor {
  run(sql: string, params?: SqlParams): Promise<void>;
  all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
}

/**
 * The opaque id of a new lead: what leaves the server (URLs, exports, audit). lead_key stays the
 * internal stable key, but it holds the subject's ID number for some models. 16 hex digits: never
 * an ID-number-shaped run of 17+ digits.
 */
const NEW_LEAD_ID = `('L' || substr(replace(CAST(uuid() AS VARCHAR), '-', ''), 1, 16))`;

const LEAD_DDL = [
  // No PRIMARY KEY: the merge below keeps lead_key unique (runs are serialised per model). The
  // web's point-lookup indexes (lead_key, subject_id) come from ensureLeadTableIndexes; the merge
  // never SETs those columns in bulk (see mergeStagedLeads).
  `CREATE TABLE IF NOT EXISTS leads (
    lead_key VARCHAR NOT NULL,
    lead_id VARCHAR DEFAULT ${NEW_LEAD_ID},
    model_id VARCHAR NOT NULL,
    model_version INTEGER NOT NULL,
    case_no VARCHAR,
    subject_id VARCHAR,
    subject_name VARCHAR,
    plate VARCHAR,
    summary VARCHAR NOT NULL,
    priority VARCHAR NOT NULL,
    evidence JSON,
    legal_basis JSON,
    action VARCHAR,
    court VARCHAR,
    unit_id VARCHAR,
    confidence VARCHAR,            -- 高, or 低 when matched through a masked ID
    stand_in VARCHAR,              -- the stand-in datasets used, when the model ran on them
    status VARCHAR NOT NULL DEFAULT '待研判',
    dismiss_reason VARCHAR,
    dismiss_note VARCHAR,
    assignee VARCHAR,
    changed BOOLEAN NOT NULL DEFAULT false,
    fingerprint VARCHAR,
    first_seen_run INTEGER,
    last_seen_run INTEGER,
    campaign_id INTEGER,           -- the first campaign (专项监督活动) a run found it under
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `CREATE SEQUENCE IF NOT EXISTS lead_note_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS lead_notes (
    id INTEGER PRIMARY KEY DEFAULT nextval('lead_note_id_seq'),
    lead_key VARCHAR NOT NULL,
    noted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    author VARCHAR,
    kind VARCHAR NOT NULL DEFAULT 'note',   -- note | status | system
    text VARCHAR NOT NULL
  )`,
  `CREATE SEQUENCE IF NOT EXISTS model_run_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS model_runs (
    id INTEGER PRIMARY KEY DEFAULT nextval('model_run_id_seq'),
    started TIMESTAMP NOT NULL DEFAULT current_timestamp,
    finished TIMESTAMP,
    status VARCHAR NOT NULL DEFAULT 'running',   -- running | finished | failed
    as_of DATE,
    models JSON,          -- [{id, version}]
    params JSON,
    scope JSON,
    batches JSON,         -- {dataset: [batch ids]} read by the run
    counts JSON,          -- {modelId: {leads, new, cached, ms}}
    skipped JSON,         -- [{id, reason}]
    errors JSON           -- [{id, message}]
  )`,
  `CREATE TABLE IF NOT EXISTS model_cache (
    model_id VARCHAR PRIMARY KEY,
    signature VARCHAR NOT NULL,
    run_id INTEGER NOT NULL,
    lead_count BIGINT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS user_models (
    id VARCHAR PRIMARY KEY,
    version INTEGER NOT NULL,
    source VARCHAR NOT NULL,      -- the model file (YAML), fixture included
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    imported_by VARCHAR
  )`,
];

/** Creates the model/lead tables (called from ensureSchema). */
export async function ensureLeadSchema(db: SqlExecutor): Promise<void> {
  for (const sql of LEAD_DDL) await db.run(sql);
  await migrateLeadIds(db);
}

/**
 * Databases made before opaque lead ids: add the column, give every existing lead an id once (only
 * lead_id is written: status, notes and history stay), then let new rows get theirs by default.
 */
async function migrateLeadIds(db: SqlExecutor): Promise<void> {
  const column = await db.all(
    `SELECT 1 FROM duckdb_columns() WHERE table_name = 'leads' AND column_name = 'lead_id'`,
  );
  if (column.length > 0) return;
  await db.run(`ALTER TABLE leads ADD COLUMN lead_id VARCHAR`);
  await db.run(`UPDATE leads SET lead_id = ${NEW_LEAD_ID} WHERE lead_id IS NULL`);
  await db.run(`ALTER TABLE leads ALTER COLUMN lead_id SET DEFAULT ${NEW_LEAD_ID}`);
}

/** Metadata of a model whose staged rows are merged. */
export interface MergeModel {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly legalBasis: readonly string[];
  readonly action: string;
  readonly standIn: string | null;
}

/** Per model: leads found, of them new, and dismissed ones reopened. */
export interface MergeCounts {
  readonly total: number;
  readonly created: number;
  readonly reopened: number;
}

/**
 * Merges the staged leads of a run's models (`_stage` on `session`: model_id, lead_key,
 * case_no, subject_id, subject_name, plate, summary, priority, evidence, court, confidence,
 * fingerprint) into `leads`, all models at once: existing keys are refreshed (never duplicated); a
 * dismissed lead whose fingerprint changed is reopened to 待研判, flagged `changed`, and gets a note.
 * One diff and one statement of each kind for the whole run, not per model: the fixed cost of a
 * merge (a join with `leads`, index upkeep, a commit) is paid once. Returns counts per model.
 */
export async function mergeStagedLeads(
  session: SqlExecutor,
  runId: number,
  models: readonly MergeModel[],
): Promise<Map<string, MergeCounts>> {
  await session.run(
    `CREATE OR REPLACE TEMP TABLE _stage_models (model_id VARCHAR, model_version INTEGER,
       legal_basis VARCHAR, action VARCHAR, stand_in VARCHAR)`,
  );
  for (const m of models) {
    await session.run(`INSERT INTO _stage_models VALUES ($1, $2, $3, $4, $5)`, [
      m.modelId,
      m.modelVersion,
      JSON.stringify(m.legalBasis),
      m.action,
      m.standIn,
    ]);
  }
  // The diff is computed once, set-based, into a TEMP table. `leads` carries ART indexes (lead_key,
  // subject_id, lead_id: the web's point lookups), and DuckDB turns an UPDATE that SETs an indexed
  // column into delete + insert of the whole row — measured on 1M leads: 350k such rows ~150 s,
  // while an UPDATE of non-indexed columns only is in place (~0.4 s for 350k). So: changed content
  // is updated without touching lead_key/subject_id, the rare subject change gets its own narrow
  // UPDATE, everything found is marked seen with a narrow UPDATE, and new keys are one INSERT.
  // Narrow: the keys and what changed. The content stays in `_stage` (a view over the handed-over
  // files) and is read again only for the rows that are written — materialising every staged
  // row's summary and evidence here cost more than the rest of the merge.
  await session.run(
    `CREATE OR REPLACE TEMP TABLE _diff AS
     SELECT s.lead_key, s.model_id, l.lead_key IS NULL AS is_new,
       l.lead_key IS NOT NULL AND (
         l.fingerprint IS DISTINCT FROM s.fingerprint OR l.model_version <> m.model_version
         OR l.summary IS DISTINCT FROM s.summary
         OR l.priority IS DISTINCT FROM s.priority OR l.plate IS DISTINCT FROM s.plate
         OR l.case_no IS DISTINCT FROM s.case_no OR l.subject_name IS DISTINCT FROM s.subject_name
         OR l.court IS DISTINCT FROM s.court OR l.confidence IS DISTINCT FROM s.confidence
         OR CAST(l.evidence AS VARCHAR) IS DISTINCT FROM CAST(s.evidence AS VARCHAR)
         OR CAST(l.legal_basis AS VARCHAR) IS DISTINCT FROM m.legal_basis
         OR l.action IS DISTINCT FROM m.action OR l.stand_in IS DISTINCT FROM m.stand_in) AS content_changed,
       l.lead_key IS NOT NULL AND l.subject_id IS DISTINCT FROM s.subject_id AS subject_changed,
       l.lead_key IS NOT NULL AND l.status = '已排除' AND l.fingerprint IS DISTINCT FROM s.fingerprint AS reopens
     FROM _stage s
     JOIN _stage_models m USING (model_id)
     LEFT JOIN (
       SELECT lead_key, fingerprint, model_version, summary, priority, plate, case_no, subject_id,
         subject_name, court, confidence, evidence, legal_basis, action, stand_in, status
       FROM leads WHERE model_id IN (SELECT model_id FROM _stage_models)
     ) l USING (lead_key)`,
  );
  // The staged rows to write, with their model's metadata and the diff's flags.
  const written = (flag: string): string => `(
       SELECT s.*, m.model_version, m.legal_basis, m.action, m.stand_in, d.reopens
       FROM _stage s JOIN _diff d USING (lead_key) JOIN _stage_models m ON m.model_id = s.model_id
       WHERE d.${flag}) s`;
  const rows = await session.all<{
    model_id: string;
    total: string;
    created: string;
    reopened: string;
    changed: string;
  }>(
    `SELECT model_id, count(*) AS total, count(*) FILTER (WHERE is_new) AS created,
       count(*) FILTER (WHERE reopens) AS reopened,
       count(*) FILTER (WHERE content_changed OR subject_changed) AS changed
     FROM _diff GROUP BY model_id`,
  );
  const sum = (k: 'total' | 'created' | 'changed' | 'reopened'): number =>
    rows.reduce((n, r) => n + Number(r[k]), 0);
  if (sum('changed') > 0) {
    await session.run(
      `UPDATE leads SET
         model_version = s.model_version, case_no = s.case_no, subject_name = s.subject_name,
         plate = s.plate, summary = s.summary, priority = s.priority, evidence = s.evidence,
         legal_basis = s.legal_basis::JSON, action = s.action, court = s.court,
         confidence = s.confidence, stand_in = s.stand_in,
         changed = leads.changed OR leads.fingerprint IS DISTINCT FROM s.fingerprint,
         status = CASE WHEN s.reopens THEN '待研判' ELSE leads.status END,
         fingerprint = s.fingerprint, updated_at = current_timestamp
       FROM ${written('content_changed')}
       WHERE leads.lead_key = s.lead_key AND leads.model_id = s.model_id`,
    );
    await session.run(
      `UPDATE leads SET subject_id = s.subject_id, updated_at = current_timestamp
       FROM ${written('subject_changed')}
       WHERE leads.lead_key = s.lead_key AND leads.model_id = s.model_id`,
    );
  }
  if (sum('total') > sum('created')) {
    await session.run(
      `UPDATE leads SET last_seen_run = $run FROM _diff s
       WHERE leads.lead_key = s.lead_key AND leads.model_id = s.model_id AND NOT s.is_new`,
      { run: runId },
    );
  }
  if (sum('created') > 0) {
    await session.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, plate,
         summary, priority, evidence, legal_basis, action, court, confidence, stand_in, fingerprint,
         first_seen_run, last_seen_run)
       SELECT s.lead_key, s.model_id, s.model_version, s.case_no, s.subject_id, s.subject_name, s.plate,
         s.summary, s.priority, s.evidence, s.legal_basis::JSON, s.action, s.court, s.confidence,
         s.stand_in, s.fingerprint, $run, $run
       FROM ${written('is_new')}`,
      { run: runId },
    );
  }
  if (sum('reopened') > 0) {
    await session.run(
      `INSERT INTO lead_notes (lead_key, author, kind, text)
       SELECT lead_key, '系统', 'system', $text FROM _diff WHERE reopens ORDER BY lead_key`,
      { text: `第 ${runId} 次运行发现证据已变化，线索由“已排除”重新打开为“待研判”` },
    );
  }
  await session.run('DROP TABLE IF EXISTS _diff');
  await session.run('DROP TABLE IF EXISTS _stage_models');
  return new Map(
    rows.map((r) => [
      r.model_id,
      { total: Number(r.total), created: Number(r.created), reopened: Number(r.reopened) },
    ]),
  );
}

/** A cached model's leads are still current: mark them seen by this run. */
export async function touchLeads(
  db: SqlExecutor,
  modelId: string,
  previousRun: number,
  runId: number,
): Promise<void> {
  await db.run(
    `UPDATE leads SET last_seen_run = $run WHERE model_id = $model AND last_seen_run = $prev`,
    { run: runId, model: modelId, prev: previousRun },
  );
}

/**
 * The leads a run under a campaign found take its campaign, unless they already have one: a lead
 * keeps the first campaign it was found under (a later campaign finding it again does not take it
 * over, so the first campaign's figures do not shrink). Not an indexed column: the UPDATE is in
 * place.
 */
export async function tagRunLeads(
  db: SqlExecutor,
  runId: number,
  campaignId: number,
): Promise<void> {
  await db.run(
    `UPDATE leads SET campaign_id = $campaign WHERE last_seen_run = $run AND campaign_id IS NULL`,
    { campaign: campaignId, run: runId },
  );
}

/**
 * The staged leads of several models, handed over from the sandbox as one Parquet file each, as
 * the TEMP view `_stage` that mergeStagedLeads reads (with each row's model).
 */
export async function loadStagedLeads(
  db: SqlExecutor,
  files: readonly { readonly modelId: string; readonly file: string }[],
): Promise<void> {
  const parts = files.map(
    (f) => `SELECT ${sqlString(f.modelId)} AS model_id, * FROM read_parquet(${sqlString(f.file)})`,
  );
  // A view: the merge reads the files once for the diff and again only for the rows it writes.
  await db.run(`CREATE OR REPLACE TEMP VIEW _stage AS ${parts.join('\nUNION ALL BY NAME\n')}`);
}

/** A person's change of a lead (the lead service's actions). */
export interface LeadUpdate {
  readonly status?: string;
  readonly dismissReason?: string | null;
  readonly dismissNote?: string | null;
  readonly assignee?: string | null;
}

export async function updateLeadStatus(
  db: Database,
  leadKey: string,
  u: LeadUpdate,
): Promise<void> {
  const sets: string[] = ['updated_at = current_timestamp'];
  const params: Record<string, string | null> = { key: leadKey };
  if (u.status !== undefined) {
    sets.push('status = $status');
    params.status = u.status;
    // A person looked at it: the "evidence changed" flag has done its job.
    sets.push('changed = false');
  }
  if (u.dismissReason !== undefined) {
    sets.push('dismiss_reason = $reason');
    params.reason = u.dismissReason;
  }
  if (u.dismissNote !== undefined) {
    sets.push('dismiss_note = $note');
    params.note = u.dismissNote;
  }
  if (u.assignee !== undefined) {
    sets.push('assignee = $assignee');
    params.assignee = u.assignee;
  }
  await db.run(`UPDATE leads SET ${sets.join(', ')} WHERE lead_key = $key`, params);
}

export async function addLeadNote(
  db: Database,
  leadKey: string,
  author: string | null,
  kind: string,
  text: string,
): Promise<void> {
  await db.run(
    `INSERT INTO lead_notes (lead_key, author, kind, text) VALUES ($key, $author, $kind, $text)`,
    {
      key: leadKey,
      author,
      kind,
      text,
    },
  );
}
