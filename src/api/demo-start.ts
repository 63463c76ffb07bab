import { log } from '../audit/logger.ts';
import type { Platform } from './platform.ts';

/**
 * `serve --demo-if-empty`: loads the demo province in the background when the database holds no
 * data yet. Wired to the demo generator once it lands (src/demo).
 */
export async function startDemoIfEmpty(platform: Platform): Promise<void> {
  log('warn', '演示数据生成器尚未提供，跳过 --demo-if-empty', { db: platform.db.path });
}
