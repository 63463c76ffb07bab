import { log } from '../audit/logger.ts';
import { loadDemoIfEmpty } from '../demo/load-demo.ts';
import type { Platform } from './platform.ts';

/**
 * `serve --demo-if-empty`: loads the demo province (small default scale, a few seconds) when the
 * database holds no data yet. A failure is logged and the server starts anyway.
 */
export async function startDemoIfEmpty(platform: Platform): Promise<void> {
  try {
    const loaded = await loadDemoIfEmpty(platform.db);
    if (loaded) {
      log('info', `已载入演示数据：${loaded.outcomes.length} 个批次，${loaded.rows} 行`, {
        asOf: loaded.answers.asOf,
        ms: loaded.generateMs + loaded.importMs,
      });
    }
  } catch (error) {
    log('error', '载入演示数据失败', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
