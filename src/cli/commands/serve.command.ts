import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian serve` — 启动平台（网页 + API）/ start the platform (web UI + API) */
export function register(program: Command): void {
  program
    .command('serve')
    .description('启动平台（网页 + API）/ start the platform (web UI + API)')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('serve')));
}
