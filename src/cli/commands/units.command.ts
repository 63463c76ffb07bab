import type { Command } from 'commander';
import { openApp, type App } from '../../app.ts';
import { RecommendationsService } from '../../casework/recommendations.service.ts';
import type { RecommendationNumbering } from '../../contract/recommendations.ts';
import { AppError } from '../../domain/app-error.ts';
import { LeadAccessService } from '../../org/lead-access.service.ts';
import type { Operator } from '../../org/lead-disclosure.ts';
import { OrgService } from '../../org/org.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

/** The recommendations service on the command's database, as the CLI operator. */
async function withRecommendations(
  cmd: Command,
  fn: (service: RecommendationsService, op: Operator, org: OrgService) => Promise<void>,
): Promise<void> {
  const app: App = await openApp(globalOptions(cmd).db);
  const leads = new LeadAccessService(app.db, 0);
  const { db, audit, changes } = app;
  const org = new OrgService(db, audit);
  const service = new RecommendationsService({ db, audit, changes, org, leads });
  try {
    await fn(service, await cliOperator(app.db, cmd), org);
  } finally {
    await service.close();
    leads.close();
    app.close();
  }
}

/** A unit by id or name (undefined: the operator's own). */
async function unitIdOf(org: OrgService, ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  const unit = (await org.units()).find((u) => u.id === ref || u.name === ref);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', `单位 ${ref} 不存在`);
  return unit.id;
}

function print(n: RecommendationNumbering): void {
  process.stdout.write(
    `${n.unitId}  ${n.pattern}${n.isDefault ? '（默认）' : ''}\n  今年下一个文号：${n.example}\n`,
  );
}

/** `zhijian units` — 单位设置 / unit settings (the recommendation number pattern). */
export function register(program: Command): void {
  const units = program.command('units').description('单位设置 / unit settings');
  units
    .command('number-pattern')
    .description('检察建议文号格式 / the recommendation number pattern')
    .option('--unit <id|名称>', '单位（本单位范围内，默认本单位）')
    .action(
      action(async (opts: { unit?: string }, cmd: Command) => {
        await withRecommendations(cmd, async (service, op, org) => {
          print(await service.numbering(op, await unitIdOf(org, opts.unit)));
        });
      }),
    );
  units
    .command('set-number-pattern <pattern>')
    .description(
      '设置检察建议文号格式，占位符 {简称}、{年}、{号}，如 {简称}检民执建〔{年}〕{号}号 / set it',
    )
    .option('--unit <id|名称>', '单位（本单位范围内，默认本单位）')
    .action(
      action(async (pattern: string, opts: { unit?: string }, cmd: Command) => {
        await withRecommendations(cmd, async (service, op, org) => {
          print(await service.setNumbering(op, await unitIdOf(org, opts.unit), pattern));
        });
      }),
    );
}
