import type { Command } from 'commander';
import { action, notYetAvailable } from '../context.ts';

/** `zhijian run` — 运行监督模型 / run supervision models */
export function register(program: Command): void {
  program
    .command('run')
    .description('运行监督模型 / run supervision models')
    .allowUnknownOption()
    .action(action(() => notYetAvailable('run')));
}
