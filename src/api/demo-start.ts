import { log } from '../audit/logger.ts';
import { seedDemoCasework } from '../casework/demo-casework.ts';
import { isDatabaseEmpty, loadDemoAs } from '../demo/load-demo.ts';
import { runModelsAs } from '../models/operator.service.ts';
import { SYSTEM_OPERATOR } from '../org/operator.ts';
import type { Platform } from './platform.ts';

/**
 * `serve --demo-if-empty` (what `npm start` does): when the database holds no data yet, loads the
 * demo province, runs every model and makes a few months of casework from the leads (cases in
 * every state, recommendations, replies, outcomes: `seedDemoCasework`), as a background job, so the
 * first page a visitor sees has data. The job belongs to the first administrator and shows in their job list; the load and the
 * run are the platform's own (audited as `system`, province-wide) and signal their changes.
 */
export async function startDemoIfEmpty(platform: Platform): Promise<string | undefined> {
  if (!(await isDatabaseEmpty(platform.db))) return undefined;
  const owner = (await platform.org.users()).find((u) => u.roles.includes('admin'));
  const jobId = await platform.jobs.start(
    'demo',
    '载入演示数据并运行全部模型',
    owner?.id ?? 'system',
    async (job) => {
      job.progress(0, null, '正在生成并导入演示数据');
      const ctx = { ...platform, db: job.db };
      const loaded = await loadDemoAs(ctx, SYSTEM_OPERATOR, {
        onProgress: (p) => job.progress(p.rowsRead, null, `导入 ${p.file}：已读 ${p.rowsRead} 行`),
      });
      job.progress(0, null, '正在运行全部模型');
      const run = await runModelsAs(ctx, SYSTEM_OPERATOR, {
        all: true,
        // The demo's planted situations are exact against its fixed as-of date (answers.json).
        asOf: loaded.answers.asOf,
        onProgress: (p) => job.progress(p.index, p.total, `运行模型 ${p.modelId}`),
      });
      const leads = run.outcomes.reduce((s, o) => s + o.leads, 0);
      job.progress(0, null, '正在生成演示办案数据');
      // Through the platform's casework services (their own writing connection), after the run.
      const casework = await seedDemoCasework(platform, loaded.answers.asOf);
      log('info', `演示数据已载入：${loaded.rows} 行，${leads} 条线索`);
      return { rows: loaded.rows, leads, cases: casework?.cases ?? 0 };
    },
  );
  log('info', '数据库为空：正在后台载入演示数据');
  return jobId;
}
