import type { Database } from './database.ts';

export interface JobRecord {
  id: string;
  kind: string;
  title: string;
  state: string;
  progress: { done: number; total: number | null; message: string };
  result: unknown;
  error: { code: string; message: string } | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS jobs (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    state VARCHAR NOT NULL,           -- queued | running | succeeded | failed
    progress JSON,
    result JSON,
    error JSON,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    started_at TIMESTAMP,
    finished_at TIMESTAMP
  )`,
];

export async function ensureJobSchema(db: Database): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

const COLUMNS = `id, kind, title, state, CAST(progress AS VARCHAR) AS progress,
  CAST(result AS VARCHAR) AS result, CAST(error AS VARCHAR) AS error, created_by,
  strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at,
  strftime(started_at, '%Y-%m-%dT%H:%M:%SZ') AS started_at,
  strftime(finished_at, '%Y-%m-%dT%H:%M:%SZ') AS finished_at`;

interface Row extends Record<string, unknown> {
  id: string;
  kind: string;
  title: string;
  state: string;
  progress: string | null;
  result: string | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function parse<T>(json: string | null, fallback: T): T {
  return json ? (JSON.parse(json) as T) : fallback;
}

function toJob(r: Row): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    state: r.state,
    progress: parse(r.progress, { done: 0, total: null, message: '' }),
    result: parse<unknown>(r.result, null),
    error: parse(r.error, null),
    createdBy: r.created_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export async function insertJob(
  db: Database,
  job: Pick<JobRecord, 'id' | 'kind' | 'title' | 'createdBy'>,
): Promise<void> {
  await db.run(
    `INSERT INTO jobs (id, kind, title, state, progress, created_by) VALUES ($1, $2, $3, 'queued', $4, $5)`,
    [
      job.id,
      job.kind,
      job.title,
      JSON.stringify({ done: 0, total: null, message: '排队中' }),
      job.createdBy,
    ],
  );
}

export async function markJobStarted(db: Database, id: string): Promise<void> {
  await db.run(`UPDATE jobs SET state = 'running', started_at = current_timestamp WHERE id = $1`, [
    id,
  ]);
}

export async function saveJobProgress(
  db: Database,
  id: string,
  progress: JobRecord['progress'],
): Promise<void> {
  await db.run(`UPDATE jobs SET progress = $2 WHERE id = $1`, [id, JSON.stringify(progress)]);
}

export async function finishJob(
  db: Database,
  id: string,
  outcome: {
    state: 'succeeded' | 'failed';
    result: unknown;
    error: JobRecord['error'];
    progress: JobRecord['progress'];
  },
): Promise<void> {
  await db.run(
    `UPDATE jobs SET state = $2, result = $3, error = $4, progress = $5, finished_at = current_timestamp
     WHERE id = $1`,
    [
      id,
      outcome.state,
      outcome.result === undefined ? null : JSON.stringify(outcome.result),
      outcome.error ? JSON.stringify(outcome.error) : null,
      JSON.stringify(outcome.progress),
    ],
  );
}

export async function findJob(db: Database, id: string): Promise<JobRecord | undefined> {
  const row = await db.one<Row>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id]);
  return row && toJob(row);
}

export async function listJobsOf(db: Database, userId: string, limit = 20): Promise<JobRecord[]> {
  const rows = await db.all<Row>(
    `SELECT ${COLUMNS} FROM jobs WHERE created_by = $1 ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
    [userId],
  );
  return rows.map(toJob);
}

/** Jobs left running by a stopped server can never finish: mark them failed on start. */
export async function failInterruptedJobs(db: Database): Promise<void> {
  await db.run(
    `UPDATE jobs SET state = 'failed', finished_at = current_timestamp,
       error = '{"code":"INTERRUPTED","message":"服务重启，任务已中断，请重新提交"}'
     WHERE state IN ('queued', 'running')`,
  );
}
