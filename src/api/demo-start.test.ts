import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOperator } from '../casework/demo-casework.ts';
import { Database } from '../store/database.ts';
import { startDemoIfEmpty } from './demo-start.ts';
import { createPlatform, type Platform } from './platform.ts';

/** `serve --demo-if-empty`: the job loads the demo, runs the models and seeds the casework. */
describe('startDemoIfEmpty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-demo-start-'));
  let db: Database;
  let platform: Platform;

  beforeAll(async () => {
    db = await Database.open(join(dir, 'demo.duckdb'));
    platform = createPlatform(db);
    await platform.org.bootstrap('33');
  });
  afterAll(async () => {
    await platform.caseWriter.close();
    platform.leads.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with leads and casework, and does nothing on a database with data', async () => {
    const id = await startDemoIfEmpty(platform);
    expect(id).toBeDefined();
    await platform.jobs.idle();
    const admin = (await platform.org.users()).find((u) => u.roles.includes('admin'))!;
    const job = await platform.jobs.get(id!, admin.id);
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ cases: 12 });
    const due = await platform.recommendations.due(demoOperator('330000'));
    expect(due.overdue.length).toBe(1);
    expect(await startDemoIfEmpty(platform)).toBeUndefined();
  }, 300_000);
});
