import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian extract` — 从裁定书中提取结构化数据 / extract case data from rulings */
export function register(program: Command): void {
  program
    .command('extract')
    .description('从裁定书中提取结构化数据 / extract case data from rulings')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('extract')));
}
