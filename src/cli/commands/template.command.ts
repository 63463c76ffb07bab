import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian template` — 生成数据集的 Excel 模板 / write a dataset template workbook */
export function register(program: Command): void {
  program
    .command('template')
    .description('生成数据集的 Excel 模板 / write a dataset template workbook')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('template')));
}
