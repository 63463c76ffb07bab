import type { Database } from './database.ts';

/** A sign-in session. Only the SHA-256 of the cookie token is stored, so a DB leak gives no sessions. */
export interface SessionRecord {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
  ip: string | null;
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS sessions (
    token_hash VARCHAR PRIMARY KEY,
    user_id VARCHAR NOT NULL,
    csrf_token VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    expires_at TIMESTAMP NOT NULL,
    ip VARCHAR
  )`,
];

export async function ensureSessionSchema(db: Database): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

function sqlTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

export async function insertSession(db: Database, s: SessionRecord): Promise<void> {
  await db.run(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, ip)
     VALUES ($1, $2, $3, $4::TIMESTAMP, $5)`,
    [s.tokenHash, s.userId, s.csrfToken, s.expiresAt.replace('T', ' ').replace('Z', ''), s.ip],
  );
}

/** The live session with this token hash (expired ones are not returned). */
export async function findSession(
  db: Database,
  tokenHash: string,
  now: Date,
): Promise<SessionRecord | undefined> {
  const row = await db.one<{
    token_hash: string;
    user_id: string;
    csrf_token: string;
    expires_at: string;
    ip: string | null;
  }>(
    `SELECT token_hash, user_id, csrf_token, strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at, ip
     FROM sessions WHERE token_hash = $1 AND expires_at > $2::TIMESTAMP`,
    [tokenHash, sqlTime(now)],
  );
  return (
    row && {
      tokenHash: row.token_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      ip: row.ip,
    }
  );
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash]);
}

/** Ends every session of a user (password change, reset, disable) except, optionally, one. */
export async function deleteUserSessions(
  db: Database,
  userId: string,
  exceptTokenHash?: string,
): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, [
    userId,
    exceptTokenHash ?? '',
  ]);
}

export async function deleteExpiredSessions(db: Database, now: Date): Promise<void> {
  await db.run(`DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMP`, [sqlTime(now)]);
}
