/**
 * Campaigns (专项监督活动): the records, their saved versions, and the campaign columns of runs,
 * leads and supervision cases (with the one-time migration of the old free-text 专项监督 field of a
 * run). Tables and SQL only; visibility and the run rules are in `src/casework`.
 */
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { sqlString } from '../sql/literal.ts';
import type { SqlExecutor } from './lead.repo.ts';
import { insertedId } from './inserted-id.ts';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS campaign_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS campaigns (
    id INTEGER PRIMARY KEY DEFAULT nextval('campaign_id_seq'),
    theme VARCHAR NOT NULL,                -- 主题
    unit_id VARCHAR NOT NULL,              -- the creating unit (visibility)
    model_ids VARCHAR[] NOT NULL,          -- models it uses (empty = any)
    scope_unit_ids VARCHAR[] NOT NULL,     -- scope: units whose cases it covers (empty = any)
    courts VARCHAR[] NOT NULL,             -- scope: court names (empty = any)
    closed_from DATE,                      -- scope: 终本日期 range
    closed_to DATE,
    starts_on DATE,                        -- period
    ends_on DATE,
    participant_ids VARCHAR[] NOT NULL,    -- units taking part
    note VARCHAR NOT NULL DEFAULT '',
    legacy_text VARCHAR UNIQUE,            -- the free-text 专项监督 it was migrated from
    version INTEGER NOT NULL DEFAULT 1,    -- optimistic concurrency; older versions in campaign_versions
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by VARCHAR,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  // Every saved version as it was before the save that replaced it (nothing overwritten silently).
  `CREATE TABLE IF NOT EXISTS campaign_versions (
    campaign_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    snapshot JSON NOT NULL,
    replaced_by VARCHAR,
    replaced_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (campaign_id, version)
  )`,
  `ALTER TABLE model_runs ADD COLUMN IF NOT EXISTS campaign_id INTEGER`,
  `ALTER TABLE leads ADD COLUMN IF NOT EXISTS campaign_id INTEGER`,
  `ALTER TABLE supervision_cases ADD COLUMN IF NOT EXISTS campaign_id INTEGER`,
];

const LEGACY_TEXT = `nullif(trim(json_extract_string(scope, '$.campaign')), '')`;

/**
 * Runs made before campaigns were records carry their 专项监督 as text in `scope`: each distinct
 * text becomes a campaign of that theme (once: `legacy_text` is unique), owned by the root unit
 * and taken part in by the units the runs covered; the runs point at it, and their leads first
 * found by such a run take its campaign. Runs already linked are not looked at again.
 */
async function migrateLegacyCampaigns(db: SqlExecutor): Promise<void> {
  const pending = await db.all<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM model_runs WHERE campaign_id IS NULL AND ${LEGACY_TEXT} IS NOT NULL`,
  );
  if (Number(pending[0]?.n ?? 0) === 0) return;
  await db.run(
    `INSERT INTO campaigns (theme, unit_id, model_ids, scope_unit_ids, courts, participant_ids,
       note, legacy_text, created_by)
     SELECT t.text, coalesce((SELECT min(id) FROM units WHERE parent_id IS NULL), ''),
       [], [], [], coalesce(t.units, []), '由运行时填写的专项监督名称转入', t.text, 'system'
     FROM (
       SELECT ${LEGACY_TEXT} AS text,
         list_distinct(flatten(list(coalesce(CAST(json_extract(scope, '$.units') AS VARCHAR[]), [])))) AS units
       FROM model_runs WHERE campaign_id IS NULL AND ${LEGACY_TEXT} IS NOT NULL GROUP BY 1
     ) t
     WHERE NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.legacy_text = t.text)
     ORDER BY t.text`,
  );
  await db.run(
    `UPDATE model_runs SET campaign_id = c.id FROM campaigns c
     WHERE model_runs.campaign_id IS NULL AND c.legacy_text = ${LEGACY_TEXT.replace('scope', 'model_runs.scope')}`,
  );
  await db.run(
    `UPDATE leads SET campaign_id = r.campaign_id FROM model_runs r
     WHERE leads.first_seen_run = r.id AND leads.campaign_id IS NULL AND r.campaign_id IS NOT NULL`,
  );
}

/** After the lead, run and case tables (it adds their campaign columns). */
export async function ensureCampaignSchema(db: SqlExecutor): Promise<void> {
  for (const sql of DDL) await db.run(sql);
  await migrateLegacyCampaigns(db);
}

export interface CampaignRow extends Record<string, unknown> {
  id: number;
  theme: string;
  unit_id: string;
  model_ids: string[];
  scope_unit_ids: string[];
  courts: string[];
  closed_from: string | null;
  closed_to: string | null;
  starts_on: string | null;
  ends_on: string | null;
  participant_ids: string[];
  note: string;
  legacy_text: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

const COLUMNS = `id, theme, unit_id, model_ids, scope_unit_ids, courts,
  strftime(closed_from, '%Y-%m-%d') AS closed_from, strftime(closed_to, '%Y-%m-%d') AS closed_to,
  strftime(starts_on, '%Y-%m-%d') AS starts_on, strftime(ends_on, '%Y-%m-%d') AS ends_on,
  participant_ids, note, legacy_text, version, created_by,
  strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at, updated_by,
  strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at`;

/** The fields a person sets. */
export interface CampaignFields {
  theme: string;
  modelIds: readonly string[];
  scopeUnitIds: readonly string[];
  courts: readonly string[];
  closedFrom: string | null;
  closedTo: string | null;
  startsOn: string | null;
  endsOn: string | null;
  participantIds: readonly string[];
  note: string;
}

/** A text list as JSON (an empty list value cannot be bound: it has no item type). */
const textList = (xs: readonly string[]): string => JSON.stringify(xs);
const LIST = (name: string) => `from_json(CAST($${name} AS JSON), '["VARCHAR"]')`;

function fieldParams(f: CampaignFields): Record<string, DuckDBValue> {
  return {
    theme: f.theme,
    models: textList(f.modelIds),
    scopeUnits: textList(f.scopeUnitIds),
    courts: textList(f.courts),
    closedFrom: f.closedFrom,
    closedTo: f.closedTo,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    participants: textList(f.participantIds),
    note: f.note,
  };
}

export async function insertCampaign(
  db: SqlExecutor,
  unitId: string,
  f: CampaignFields,
  by: string | null,
): Promise<number> {
  return insertedId(
    db,
    `INSERT INTO campaigns (theme, unit_id, model_ids, scope_unit_ids, courts, closed_from, closed_to,
       starts_on, ends_on, participant_ids, note, created_by, updated_by)
     VALUES ($theme, $unit, ${LIST('models')}, ${LIST('scopeUnits')}, ${LIST('courts')},
       CAST($closedFrom AS DATE), CAST($closedTo AS DATE), CAST($startsOn AS DATE),
       CAST($endsOn AS DATE), ${LIST('participants')}, $note, $by, $by)
     RETURNING id`,
    { ...fieldParams(f), unit: unitId, by },
    'insertCampaign',
  );
}

/**
 * Saves the fields if the campaign is still at `version`: the replaced version is kept in
 * `campaign_versions`. Undefined when someone saved first (nothing written then).
 */
export async function updateCampaignIfVersion(
  db: SqlExecutor,
  id: number,
  version: number,
  f: CampaignFields,
  by: string | null,
): Promise<number | undefined> {
  const before = await campaignById(db, id);
  if (!before || Number(before.version) !== version) return undefined;
  await db.run(
    `INSERT INTO campaign_versions (campaign_id, version, snapshot, replaced_by)
     VALUES ($id, $version, $snapshot::JSON, $by)`,
    { id, version, snapshot: JSON.stringify(before), by },
  );
  const [row] = await db.all<{ version: number }>(
    `UPDATE campaigns SET theme = $theme, model_ids = ${LIST('models')},
       scope_unit_ids = ${LIST('scopeUnits')}, courts = ${LIST('courts')}, closed_from = CAST($closedFrom AS DATE), closed_to = CAST($closedTo AS DATE),
       starts_on = CAST($startsOn AS DATE), ends_on = CAST($endsOn AS DATE),
       participant_ids = ${LIST('participants')}, note = $note, updated_by = $by,
       updated_at = current_timestamp, version = version + 1
     WHERE id = $id AND version = $version RETURNING version`,
    { ...fieldParams(f), id, version, by },
  );
  return row ? Number(row.version) : undefined;
}

export async function campaignById(db: SqlExecutor, id: number): Promise<CampaignRow | undefined> {
  const [row] = await db.all<CampaignRow>(`SELECT ${COLUMNS} FROM campaigns WHERE id = $1`, [id]);
  return row;
}

/**
 * Campaigns a scope sees: created by or taken part in by one of `unitIds` (the operator's unit and
 * those below, so a unit above a participant sees it too).
 */
export async function listCampaigns(
  db: SqlExecutor,
  unitIds: readonly string[],
): Promise<CampaignRow[]> {
  return db.all<CampaignRow>(
    `SELECT ${COLUMNS} FROM campaigns
     WHERE list_has_any(list_append(participant_ids, unit_id), ${LIST('units')})
     ORDER BY starts_on DESC NULLS LAST, id DESC`,
    { units: textList(unitIds) },
  );
}

export interface CampaignCounts {
  runs: number;
  leads: number;
  cases: number;
}

/** `case_no` in one of the court-code prefixes (as the lead table filters a unit). */
export function courtPrefixSql(column: string, prefixes: readonly string[]): string {
  return prefixes.length
    ? `(${prefixes.map((p) => `${column} LIKE ${sqlString(`%）${p}%`)}`).join(' OR ')})`
    : 'false';
}

/**
 * Runs, leads and cases per campaign: leads of the scope's court prefixes, cases of its units (a
 * case is its unit's).
 */
export async function campaignCounts(
  db: SqlExecutor,
  ids: readonly number[],
  scope: { unitIds: readonly string[]; courtPrefixes: readonly string[] },
): Promise<Map<number, CampaignCounts>> {
  const out = new Map<number, CampaignCounts>(
    ids.map((id) => [id, { runs: 0, leads: 0, cases: 0 }]),
  );
  if (ids.length === 0) return out;
  const idList = ids.map((id) => String(Math.trunc(id))).join(', ');
  const rows = await db.all<{ kind: keyof CampaignCounts; id: number; n: number }>(
    `SELECT 'runs' AS kind, campaign_id AS id, count(*)::INTEGER AS n FROM model_runs
       WHERE campaign_id IN (${idList}) GROUP BY 2
     UNION ALL
     SELECT 'leads', campaign_id, count(*)::INTEGER FROM leads
       WHERE campaign_id IN (${idList}) AND ${courtPrefixSql('case_no', scope.courtPrefixes)} GROUP BY 2
     UNION ALL
     SELECT 'cases', campaign_id, count(*)::INTEGER FROM supervision_cases
       WHERE campaign_id IN (${idList}) AND list_contains(${LIST('units')}, unit_id) GROUP BY 2`,
    { units: textList(scope.unitIds) },
  );
  for (const r of rows) {
    const c = out.get(Number(r.id));
    if (c) c[r.kind] = Number(r.n);
  }
  return out;
}

export interface CampaignRunRow extends Record<string, unknown> {
  id: number;
  started: string;
  status: string;
  as_of: string | null;
  models: string;
  counts: string | null;
}

/** The runs made under a campaign, newest first. */
export async function campaignRuns(db: SqlExecutor, id: number): Promise<CampaignRunRow[]> {
  return db.all<CampaignRunRow>(
    `SELECT id, strftime(started, '%Y-%m-%d %H:%M:%S') AS started, status,
       strftime(as_of, '%Y-%m-%d') AS as_of, CAST(models AS VARCHAR) AS models,
       CAST(counts AS VARCHAR) AS counts
     FROM model_runs WHERE campaign_id = $1 ORDER BY id DESC LIMIT 200`,
    [id],
  );
}

/** The campaigns of leads (by internal key): what a case opened from them inherits. */
export async function campaignsOfLeads(
  db: SqlExecutor,
  leadKeys: readonly string[],
): Promise<(number | null)[]> {
  if (leadKeys.length === 0) return [];
  const rows = await db.all<{ campaign_id: number | null }>(
    `SELECT campaign_id FROM leads WHERE list_contains($keys, lead_key)`,
    { keys: listValue([...leadKeys]) },
  );
  return rows.map((r) => (r.campaign_id === null ? null : Number(r.campaign_id)));
}

export async function setCaseCampaign(
  db: SqlExecutor,
  caseId: number,
  campaignId: number | null,
): Promise<void> {
  await db.run(`UPDATE supervision_cases SET campaign_id = $2 WHERE id = $1`, [caseId, campaignId]);
}
