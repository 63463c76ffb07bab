import { randomUUID } from 'node:crypto';
import type { Job, JobKind } from '../contract/jobs.ts';
import { AppError } from '../domain/app-error.ts';
import { log } from '../audit/logger.ts';
import type { Database } from '../store/database.ts';
import {
  failInterruptedJobs,
  findJob,
  finishJob,
  insertJob,
  listJobsOf,
  markJobStarted,
  saveJobProgress,
  type JobRecord,
} from '../store/job.repo.ts';

/** What a job's work function gets: its own connection and a way to report progress. */
export interface JobContext {
  /** The job's id (names its files, e.g. an import's validation reports). */
  id: string;
  /** A forked Database: the job's transactions do not capture concurrent requests. */
  db: Database;
  progress(done: number, total: number | null, message: string): void;
}

export type JobListener = (job: Job) => void;

/** How often progress is written to the table (pushed to listeners every time). */
const PERSIST_EVERY_MS = 1000;

function toJob(r: JobRecord): Job {
  return { ...r, kind: r.kind as JobKind, state: r.state as Job['state'] };
}

/**
 * Background jobs (后台任务): imports, model runs, demo load. One at a time, in order — DuckDB writes
 * are best serialised on 2 cores, and an import must not race a model run over the same tables.
 * State lives in the `jobs` table so a reloaded page (or `GET /api/jobs`) finds it again.
 */
export class JobService {
  private readonly live = new Map<string, Job>();
  private readonly listeners = new Map<string, Set<JobListener>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: Database) {}

  /** Marks jobs a previous process left unfinished as failed. */
  async recover(): Promise<void> {
    await failInterruptedJobs(this.db);
  }

  /** Queues `work`; returns the job id at once. */
  async start(
    kind: JobKind,
    title: string,
    userId: string,
    work: (ctx: JobContext) => Promise<unknown>,
  ): Promise<string> {
    const id = randomUUID();
    await insertJob(this.db, { id, kind, title, createdBy: userId });
    const record = await findJob(this.db, id);
    if (!record) throw new AppError('INTERNAL', '内部错误');
    this.live.set(id, toJob(record));
    this.queue = this.queue.then(() => this.execute(id, work));
    return id;
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  async idle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.queue;
      await current;
    } while (current !== this.queue);
  }

  private emit(job: Job): void {
    this.live.set(job.id, job);
    for (const listener of this.listeners.get(job.id) ?? []) listener(job);
  }

  private async execute(id: string, work: (ctx: JobContext) => Promise<unknown>): Promise<void> {
    let job = this.live.get(id);
    if (!job) return;
    const jobDb = await this.db.fork();
    let lastPersist = 0;
    try {
      await markJobStarted(this.db, id);
      job = { ...job, state: 'running', startedAt: new Date().toISOString() };
      this.emit(job);
      const result = await work({
        id,
        db: jobDb,
        progress: (done, total, message) => {
          const current = this.live.get(id);
          if (!current) return;
          const progress = { done, total, message };
          this.emit({ ...current, progress });
          const now = Date.now();
          if (now - lastPersist >= PERSIST_EVERY_MS) {
            lastPersist = now;
            saveJobProgress(this.db, id, progress).catch(() => undefined);
          }
        },
      });
      const current = this.live.get(id) ?? job;
      const progress = {
        ...current.progress,
        done: current.progress.total ?? current.progress.done,
        message: '已完成',
      };
      await finishJob(this.db, id, {
        state: 'succeeded',
        result: result ?? null,
        error: null,
        progress,
      });
      this.emit({
        ...current,
        state: 'succeeded',
        result: result ?? null,
        progress,
        finishedAt: new Date().toISOString(),
      });
    } catch (error) {
      const current = this.live.get(id) ?? job;
      const appError =
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: '内部错误' };
      if (!(error instanceof AppError) || error.status >= 500) {
        log('error', `后台任务失败 ${current.kind}`, {
          job: id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
      const progress = { ...current.progress, message: appError.message };
      await finishJob(this.db, id, {
        state: 'failed',
        result: null,
        error: appError,
        progress,
      }).catch(() => undefined);
      this.emit({
        ...current,
        state: 'failed',
        error: appError,
        progress,
        finishedAt: new Date().toISOString(),
      });
    } finally {
      jobDb.close();
      // Finished jobs are served from the table; keep memory bounded.
      setTimeout(() => this.live.delete(id), 60_000).unref();
    }
  }

  /** The job if it belongs to `userId` (someone else's job is 404, like any foreign object). */
  async get(id: string, userId: string): Promise<Job> {
    const live = this.live.get(id);
    const job = live ?? (await findJob(this.db, id).then((r) => r && toJob(r)));
    if (!job || job.createdBy !== userId) throw new AppError('NOT_FOUND', '任务不存在');
    return job;
  }

  async list(userId: string): Promise<Job[]> {
    const rows = (await listJobsOf(this.db, userId)).map(toJob);
    return rows.map((r) => this.live.get(r.id) ?? r);
  }

  /** Calls `listener` on every change of the job; returns the unsubscribe function. */
  subscribe(id: string, listener: JobListener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }
}
