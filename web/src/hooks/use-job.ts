import { useEffect, useState } from 'react';
import type { Job } from '../../../src/contract/jobs.ts';
import { api, ApiError } from '../api/client.ts';

/**
 * Follows a background job (import, model run) over SSE. The id lives in the page URL, so after a
 * reload the page re-attaches: the first GET shows where the job is, the stream shows the rest.
 */
export function useJob(jobId: string | undefined): { job: Job | undefined; error?: ApiError } {
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    setJob(undefined);
    setError(undefined);
    if (!jobId) return;
    let closed = false;
    let source: EventSource | undefined;
    const path = `/api/jobs/${encodeURIComponent(jobId)}`;
    const fetchJob = () => api.call('GET /api/jobs/:id', { params: { id: jobId } });

    const finished = (j: Job) => j.state === 'succeeded' || j.state === 'failed';
    fetchJob()
      .then((j) => {
        if (closed) return;
        setJob(j);
        if (finished(j)) return;
        source = new EventSource(`${path}/events`, { withCredentials: true });
        const onJob = (ev: MessageEvent<string>) => {
          try {
            const next = JSON.parse(ev.data) as Job;
            setJob(next);
            if (finished(next)) source?.close();
          } catch {
            /* a keep-alive or partial line: ignore */
          }
        };
        source.addEventListener('progress', onJob);
        source.addEventListener('end', () => {
          // `end` carries only the state: fetch the final job with its result.
          source?.close();
          void fetchJob()
            .then((j) => !closed && setJob(j))
            .catch(() => undefined);
        });
        source.onerror = () => {
          // The browser reconnects by itself; if the job ended meanwhile, poll once to settle.
          void fetchJob()
            .then((j) => {
              if (closed) return;
              setJob(j);
              if (finished(j)) source?.close();
            })
            .catch(() => undefined);
        };
      })
      .catch((e: unknown) => {
        if (!closed) setError(e instanceof ApiError ? e : new ApiError('CLIENT', String(e), 0));
      });
    return () => {
      closed = true;
      source?.close();
    };
  }, [jobId]);

  return { job, error };
}

/** Percent for a Progress bar; undefined when the total is unknown. */
export function jobPercent(job: Job | undefined): number | undefined {
  if (!job) return undefined;
  if (job.state === 'succeeded') return 100;
  const { done, total } = job.progress;
  if (!total) return undefined;
  return Math.min(99, Math.floor((done / total) * 100));
}
