import type { Database } from './database.ts';
import { sqlString } from '../sql/literal.ts';

export interface AuditRecord {
  id: number;
  at: string;
  userId: string | null;
  username: string | null;
  unitId: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
}

export interface AuditFilterInput {
  userId?: string;
  username?: string;
  action?: string;
  unitIds?: readonly string[];
  from?: string;
  to?: string;
  target?: string;
}

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS audit_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS audit_log (
    id BIGINT PRIMARY KEY DEFAULT nextval('audit_id_seq'),
    occurred_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    user_id VARCHAR,
    username VARCHAR,
    unit_id VARCHAR,
    action VARCHAR NOT NULL,
    target VARCHAR,
    detail VARCHAR,
    ip VARCHAR
  )`,
];

export async function ensureAuditSchema(db: Database): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

/** Several entries in one statement (one commit): the audit log's group commit. */
export async function insertAuditMany(
  db: Database,
  entries: readonly Omit<AuditRecord, 'id' | 'at'>[],
): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.flatMap((e) => [
    e.userId,
    e.username,
    e.unitId,
    e.action,
    e.target,
    e.detail,
    e.ip,
  ]);
  // Literals when they can carry the text: one call into DuckDB instead of three (extract, prepare,
  // execute), each waiting for a libuv thread behind the reads when the server is busy.
  if (values.every((v) => v === null || !v.includes('\u0000'))) {
    const lit = (v: string | null) => (v === null ? 'NULL' : sqlString(v));
    const rows = entries.map(
      (_, i) =>
        `(${values
          .slice(i * 7, i * 7 + 7)
          .map(lit)
          .join(', ')})`,
    );
    await db.run(
      `INSERT INTO audit_log (user_id, username, unit_id, action, target, detail, ip) VALUES ${rows.join(', ')}`,
    );
    return;
  }
  const params: (string | null)[] = [];
  const rows = entries.map((e) => {
    const start = params.length;
    params.push(e.userId, e.username, e.unitId, e.action, e.target, e.detail, e.ip);
    return `(${[1, 2, 3, 4, 5, 6, 7].map((i) => `$${start + i}`).join(', ')})`;
  });
  await db.run(
    `INSERT INTO audit_log (user_id, username, unit_id, action, target, detail, ip) VALUES ${rows.join(', ')}`,
    params,
  );
}

function where(f: AuditFilterInput): { sql: string; params: (string | null)[] } {
  const clauses: string[] = [];
  const params: (string | null)[] = [];
  const add = (clause: string, value: string) => {
    params.push(value);
    clauses.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (f.userId) add('user_id = ?', f.userId);
  if (f.username) add(`username ILIKE '%' || ? || '%'`, f.username);
  if (f.action) add('action = ?', f.action);
  if (f.target) add(`target ILIKE '%' || ? || '%'`, f.target);
  if (f.from) add('occurred_at >= ?::DATE', f.from);
  if (f.to) add(`occurred_at < ?::DATE + INTERVAL 1 DAY`, f.to);
  if (f.unitIds) {
    const marks = f.unitIds.map((id) => {
      params.push(id);
      return `$${params.length}`;
    });
    clauses.push(marks.length ? `unit_id IN (${marks.join(', ')})` : 'false');
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Newest first. */
export async function queryAudit(
  db: Database,
  filter: AuditFilterInput,
  page: { offset: number; limit: number },
): Promise<{ items: AuditRecord[]; total: number }> {
  const w = where(filter);
  const total = await db.one<{ n: string | number }>(
    `SELECT count(*) AS n FROM audit_log ${w.sql}`,
    w.params,
  );
  const rows = await db.all<{
    id: string | number;
    at: string;
    user_id: string | null;
    username: string | null;
    unit_id: string | null;
    action: string;
    target: string | null;
    detail: string | null;
    ip: string | null;
  }>(
    `SELECT id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS at, user_id, username, unit_id, action, target,
       detail, ip FROM audit_log ${w.sql} ORDER BY id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
    w.params,
  );
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      userId: r.user_id,
      username: r.username,
      unitId: r.unit_id,
      action: r.action,
      target: r.target,
      detail: r.detail,
      ip: r.ip,
    })),
  };
}
