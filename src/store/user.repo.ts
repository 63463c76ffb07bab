import type { Database } from './database.ts';

/** A user account as stored (the password hash never leaves the auth service). */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  canViewFullId: boolean;
  disabled: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS users (
    id VARCHAR PRIMARY KEY,
    username VARCHAR NOT NULL UNIQUE,
    display_name VARCHAR NOT NULL,
    unit_id VARCHAR NOT NULL,
    roles VARCHAR NOT NULL,                 -- comma-separated role codes
    can_view_full_id BOOLEAN NOT NULL DEFAULT false,
    disabled BOOLEAN NOT NULL DEFAULT false,
    password_hash VARCHAR NOT NULL,         -- scrypt$N$r$p$salt$hash
    must_change_password BOOLEAN NOT NULL DEFAULT false,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    last_login_at TIMESTAMP
  )`,
  `CREATE TABLE IF NOT EXISTS saved_filters (
    id VARCHAR PRIMARY KEY,
    user_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    filter JSON NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
];

export async function ensureUserSchema(db: Database): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

const COLUMNS = `id, username, display_name, unit_id, roles, can_view_full_id, disabled, password_hash,
  must_change_password, failed_logins, strftime(locked_until, '%Y-%m-%dT%H:%M:%SZ') AS locked_until,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
  strftime(last_login_at, '%Y-%m-%dT%H:%M:%SZ') AS last_login_at`;

interface Row extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  unit_id: string;
  roles: string;
  can_view_full_id: boolean;
  disabled: boolean;
  password_hash: string;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  last_login_at: string | null;
}

function toUser(r: Row): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    unitId: r.unit_id,
    roles: r.roles ? r.roles.split(',') : [],
    canViewFullId: r.can_view_full_id,
    disabled: r.disabled,
    passwordHash: r.password_hash,
    mustChangePassword: r.must_change_password,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
  };
}

export async function listUsers(db: Database): Promise<UserRecord[]> {
  return (await db.all<Row>(`SELECT ${COLUMNS} FROM users ORDER BY username`)).map(toUser);
}

export async function findUserById(db: Database, id: string): Promise<UserRecord | undefined> {
  const row = await db.one<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return row && toUser(row);
}

export async function findUserByName(
  db: Database,
  username: string,
): Promise<UserRecord | undefined> {
  const row = await db.one<Row>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return row && toUser(row);
}

export async function insertUser(
  db: Database,
  user: Omit<UserRecord, 'createdAt' | 'lastLoginAt' | 'failedLogins' | 'lockedUntil'>,
): Promise<void> {
  await db.run(
    `INSERT INTO users (id, username, display_name, unit_id, roles, can_view_full_id, disabled,
       password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      user.id,
      user.username,
      user.displayName,
      user.unitId,
      user.roles.join(','),
      user.canViewFullId,
      user.disabled,
      user.passwordHash,
      user.mustChangePassword,
    ],
  );
}

export async function updateUserProfile(
  db: Database,
  id: string,
  patch: Pick<UserRecord, 'displayName' | 'unitId' | 'roles' | 'canViewFullId' | 'disabled'>,
): Promise<void> {
  await db.run(
    `UPDATE users SET display_name = $2, unit_id = $3, roles = $4, can_view_full_id = $5, disabled = $6
     WHERE id = $1`,
    [
      id,
      patch.displayName,
      patch.unitId,
      patch.roles.join(','),
      patch.canViewFullId,
      patch.disabled,
    ],
  );
}

export async function setPassword(
  db: Database,
  id: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await db.run(
    `UPDATE users SET password_hash = $2, must_change_password = $3, failed_logins = 0,
       locked_until = NULL WHERE id = $1`,
    [id, passwordHash, mustChange],
  );
}

/** Records a failed sign-in; locks the account (until `lockUntil`) when the count reaches `limit`. */
export async function recordFailedLogin(
  db: Database,
  id: string,
  limit: number,
  lockUntil: Date,
): Promise<{ failedLogins: number; locked: boolean }> {
  const row = await db.one<{ failed_logins: number }>(
    `UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins`,
    [id],
  );
  const failed = Number(row?.failed_logins ?? 0);
  if (failed >= limit) {
    await db.run(`UPDATE users SET locked_until = $2::TIMESTAMP, failed_logins = 0 WHERE id = $1`, [
      id,
      lockUntil.toISOString().replace('T', ' ').replace('Z', ''),
    ]);
    return { failedLogins: failed, locked: true };
  }
  return { failedLogins: failed, locked: false };
}

export async function recordSuccessfulLogin(db: Database, id: string): Promise<void> {
  await db.run(
    `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = current_timestamp
     WHERE id = $1`,
    [id],
  );
}

export async function unlockUser(db: Database, id: string): Promise<void> {
  await db.run(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [id]);
}

/** Saved lead-table filters of a user. */
export interface SavedFilterRecord {
  id: string;
  name: string;
  filter: unknown;
  createdAt: string;
}

export async function listSavedFilters(db: Database, userId: string): Promise<SavedFilterRecord[]> {
  const rows = await db.all<{ id: string; name: string; filter: string; created_at: string }>(
    `SELECT id, name, CAST(filter AS VARCHAR) AS filter,
       strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
     FROM saved_filters WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filter: JSON.parse(r.filter) as unknown,
    createdAt: r.created_at,
  }));
}

export async function insertSavedFilter(
  db: Database,
  userId: string,
  filter: { id: string; name: string; filter: unknown },
): Promise<void> {
  await db.run(`INSERT INTO saved_filters (id, user_id, name, filter) VALUES ($1, $2, $3, $4)`, [
    filter.id,
    userId,
    filter.name,
    JSON.stringify(filter.filter),
  ]);
}

/** Deletes a user's own saved filter; false when there was none. */
export async function deleteSavedFilter(
  db: Database,
  userId: string,
  id: string,
): Promise<boolean> {
  const rows = await db.all(
    `DELETE FROM saved_filters WHERE id = $1 AND user_id = $2 RETURNING id`,
    [id, userId],
  );
  return rows.length > 0;
}
