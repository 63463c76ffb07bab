/** Changing leads for people: status, dismissal, assignee, notes (reads are in lead-table.repo.ts). */
import type { Database } from './database.ts';

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
