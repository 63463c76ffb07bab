/**
 * `PROBE=1 npm run bench:api`: during the import scenario, times single queries straight on the
 * database (no HTTP, no read pool) next to the clients, to tell where a page's time goes: DuckDB
 * itself (a bare SELECT 1, an index lookup, the lead page's evidence query) on a connection of its
 * own, or the shared main connection (audit commits, SELECT 1).
 */
import { performance } from 'node:perf_hooks';
import type { ApiApp } from '../src/api/server.ts';
import { leadPageSources, type SourceRef } from '../src/store/evidence.repo.ts';

export async function probeQueries(
  platform: ApiApp['platform'],
  until: Promise<unknown>,
): Promise<Record<string, number[]>> {
  const probes: Record<string, number[]> = {};
  const db = await platform.db.fork();
  let done = false;
  void until.finally(() => (done = true));
  const time = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    const t = performance.now();
    await fn();
    (probes[name] ??= []).push(performance.now() - t);
  };
  try {
    for (let i = 0; !done; i++) {
      await time('own: SELECT 1', () => db.all('SELECT 1'));
      await time('own: lead by key', () =>
        db.all(`SELECT * FROM leads WHERE lead_key = 'M01|${i}'`),
      );
      const lead = await db.one<{ subject_id: string; evidence: string }>(
        `SELECT subject_id, evidence FROM leads WHERE lead_key = 'M01|${i}'`,
      );
      if (lead) {
        const refs = JSON.parse(lead.evidence) as SourceRef[];
        await time('own: lead evidence', () => leadPageSources(db, lead.subject_id, refs));
      }
      await time('main: SELECT 1', () => platform.db.all('SELECT 1'));
      await time('main: audit commit', () =>
        platform.audit.record(
          { userId: null, username: 'probe', unitId: null, ip: null },
          'view_lead',
          'probe',
          null,
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    db.close();
  }
  return probes;
}
