import { streamSSE } from 'hono/streaming';
import type { Job } from '../../contract/jobs.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { sessionOf } from '../context.ts';

function finished(job: Job): boolean {
  return job.state === 'succeeded' || job.state === 'failed';
}

export const jobRoutes = {
  'GET /api/jobs': async (c) => c.get('platform').jobs.list(sessionOf(c).user.id),
  'GET /api/jobs/:id': async (c, { params }) =>
    c.get('platform').jobs.get(params.id, sessionOf(c).user.id),
  /**
   * SSE: `progress` with the job now and on every change, then `end`. A reloaded page re-attaches
   * with the same id; a finished job answers at once.
   */
  'GET /api/jobs/:id/events': async (c, { params }) => {
    const jobs = c.get('platform').jobs;
    const { id } = params;
    const first = await jobs.get(id, sessionOf(c).user.id); // 404 for someone else's job
    return streamSSE(c, async (stream) => {
      let resolveDone: () => void = () => undefined;
      const done = new Promise<void>((r) => (resolveDone = r));
      let last = 0;
      let pending: Job | undefined;
      const send = async (job: Job) => {
        await stream.writeSSE({
          event: 'progress',
          data: JSON.stringify(job),
          id: String(Date.now()),
        });
        if (finished(job)) {
          await stream.writeSSE({ event: 'end', data: JSON.stringify({ state: job.state }) });
          resolveDone();
        }
      };
      const unsubscribe = jobs.subscribe(id, (job) => {
        // At most ~10 events a second; the final state is always sent.
        const now = Date.now();
        if (finished(job) || now - last >= 100) {
          last = now;
          pending = undefined;
          void send(job);
        } else {
          pending = job;
        }
      });
      stream.onAbort(() => {
        unsubscribe();
        resolveDone();
      });
      const current = await jobs.get(id, first.createdBy);
      await send(current);
      const timer = setInterval(() => {
        if (pending) {
          const job = pending;
          pending = undefined;
          void send(job);
        }
      }, 250);
      await done;
      clearInterval(timer);
      unsubscribe();
    });
  },
} satisfies AreaHandlers;
