import type { Command } from 'commander';
import { register as batches } from './batches.command.ts';
import { register as cases } from './cases.command.ts';
import { register as demo } from './demo.command.ts';
import { register as extract } from './extract.command.ts';
import { register as importFiles } from './import.command.ts';
import { register as leads } from './leads.command.ts';
import { register as models } from './models.command.ts';
import { register as run } from './run.command.ts';
import { register as serve } from './serve.command.ts';
import { register as stats } from './stats.command.ts';
import { register as template } from './template.command.ts';
import { register as units } from './units.command.ts';
import { register as users } from './users.command.ts';

/** Every subcommand, in the order `--help` lists them (the user's path: data → models → leads). */
export function registerCommands(program: Command): void {
  for (const register of [
    serve,
    demo,
    importFiles,
    batches,
    template,
    models,
    run,
    leads,
    cases,
    stats,
    extract,
    users,
    units,
  ]) {
    register(program);
  }
}
