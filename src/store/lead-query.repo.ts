/** Reading and updating leads for people: filtered, sorted pages; status changes; notes. */
import type { Database } from './database.ts';

export interface LeadRow {
  lead_key: string;
  lead_id: string;
  model_id: string;
  model_version: number;
  case_no: string | null;
  subject_id: string | null;
  subject_name: string | null;
  plate: string | null;
  summary: string;
  priority: string;
  evidence: unknown;
  legal_basis: unknown;
  action: string | null;
  court: string | null;
  unit_id: string | null;
  confidence: string | null;
  stand_in: string | null;
  status: string;
  dismiss_reason: string | null;
  dismiss_note: string | null;
  assignee: string | null;
  changed: boolean;
  first_seen_run: number | null;
  last_seen_run: number | null;
  created_at: string;
  updated_at: string;
  [k: string]: unknown;
}

export interface LeadFilter {
  readonly models?: readonly string[];
  readonly status?: readonly string[];
  readonly priority?: readonly string[];
  readonly courts?: readonly string[];
  readonly units?: readonly string[];
  readonly caseNo?: string;
  readonly assignee?: string;
  readonly changed?: boolean;
  /** Free text in the summary, case number or name. */
  readonly text?: string;
}

export const LEAD_SORTS = ['priority', 'newest', 'case', 'model'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

const ORDER: Record<LeadSort, string> = {
  priority: `CASE priority WHEN '高' THEN 0 WHEN '中' THEN 1 ELSE 2 END, model_id, case_no, lead_key`,
  newest: `created_at DESC, lead_key`,
  case: `case_no, model_id, lead_key`,
  model: `model_id, case_no, lead_key`,
};

function where(f: LeadFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const list = (col: string, name: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    const names = values.map((v, i) => {
      params[`${name}${i}`] = v;
      return `$${name}${i}`;
    });
    parts.push(`${col} IN (${names.join(', ')})`);
  };
  list('model_id', 'm', f.models);
  list('status', 's', f.status);
  list('priority', 'p', f.priority);
  list('court', 'c', f.courts);
  list('unit_id', 'u', f.units);
  if (f.caseNo) {
    params.caseNo = f.caseNo;
    parts.push('case_no = $caseNo');
  }
  if (f.assignee) {
    params.assignee = f.assignee;
    parts.push('assignee = $assignee');
  }
  if (f.changed !== undefined) parts.push(f.changed ? 'changed' : 'NOT changed');
  if (f.text) {
    params.text = `%${f.text}%`;
    parts.push('(summary LIKE $text OR case_no LIKE $text OR subject_name LIKE $text)');
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export async function queryLeads(
  db: Database,
  filter: LeadFilter,
  sort: LeadSort,
  limit: number,
  offset: number,
): Promise<LeadRow[]> {
  const w = where(filter);
  return db.all<LeadRow>(
    `SELECT * EXCLUDE (created_at, updated_at), strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
       strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at
     FROM leads ${w.sql} ORDER BY ${ORDER[sort]} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    w.params as Record<string, never>,
  );
}

export async function countLeads(db: Database, filter: LeadFilter): Promise<number> {
  const w = where(filter);
  const rows = await db.all<{ n: string }>(
    `SELECT count(*) AS n FROM leads ${w.sql}`,
    w.params as Record<string, never>,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function getLeadRow(db: Database, leadKey: string): Promise<LeadRow | undefined> {
  return db.one<LeadRow>(
    `SELECT * EXCLUDE (created_at, updated_at), strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created_at,
       strftime(updated_at, '%Y-%m-%d %H:%M:%S') AS updated_at FROM leads WHERE lead_key = $key`,
    { key: leadKey },
  );
}

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

export async function leadNotes(
  db: Database,
  leadKey: string,
): Promise<{ at: string; author: string | null; kind: string; text: string }[]> {
  return db.all(
    `SELECT strftime(noted_at, '%Y-%m-%d %H:%M:%S') AS at, author, kind, text FROM lead_notes
     WHERE lead_key = $key ORDER BY id`,
    { key: leadKey },
  );
}
