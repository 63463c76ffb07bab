import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian demo` — 生成或导入演示省份数据 / generate or load the demo province */
export function register(program: Command): void {
  program
    .command('demo')
    .description('生成或导入演示省份数据 / generate or load the demo province')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('demo')));
}
