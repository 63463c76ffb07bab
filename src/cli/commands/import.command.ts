import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian import` — 导入数据文件（Excel/CSV）/ import data files */
export function register(program: Command): void {
  program
    .command('import')
    .description('导入数据文件（Excel/CSV）/ import data files')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('import')));
}
