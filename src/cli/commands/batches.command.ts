import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian batches` — 数据批次列表与回滚 / list and roll back batches */
export function register(program: Command): void {
  program
    .command('batches')
    .description('数据批次列表与回滚 / list and roll back batches')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('batches')));
}
