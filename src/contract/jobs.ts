import { z } from 'zod';
import { Timestamp } from './common.ts';
import { JobState } from './vocabulary.ts';

export const JOB_KINDS = ['import', 'run', 'demo'] as const;
export const JobKind = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKind>;

/**
 * A background job (import, model run, demo load). The browser follows it with SSE at
 * `/api/jobs/:id/events` (events `progress` with a Job each time it changes, then `end`); after a
 * reload it re-attaches by id, or finds it in `GET /api/jobs`.
 */
export const Job = z.object({
  id: z.string(),
  kind: JobKind,
  title: z.string(),
  state: JobState,
  /** done/total in the job's own unit (rows, models); total null when unknown. */
  progress: z.object({
    done: z.number(),
    total: z.number().nullable(),
    message: z.string(),
  }),
  /** ImportReport for 'import', RunResult for 'run', anything small for 'demo'. */
  result: z.unknown().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

/** Answer of every request that starts a job. */
export const JobStarted = z.object({ jobId: z.string() });
export type JobStarted = z.infer<typeof JobStarted>;
