import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian models` — 监督模型库 / the supervision-model library */
export function register(program: Command): void {
  program
    .command('models')
    .description('监督模型库 / the supervision-model library')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('models')));
}
