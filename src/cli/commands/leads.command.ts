import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian leads` — 线索列表与导出 / list and export leads */
export function register(program: Command): void {
  program
    .command('leads')
    .description('线索列表与导出 / list and export leads')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('leads')));
}
