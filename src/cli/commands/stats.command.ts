import { writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import type { Command } from 'commander';
import { openApp } from '../../app.ts';
import { STATS_DIMENSIONS, type StatsQuery } from '../../contract/stats.ts';
import { AppError } from '../../domain/app-error.ts';
import { LeadAccessService } from '../../org/lead-access.service.ts';
import type { Operator } from '../../org/lead-disclosure.ts';
import { OrgService } from '../../org/org.service.ts';
import { isoDate } from '../../stats/period.ts';
import { StatsService } from '../../stats/stats.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

/** The statistics service on the command's database, as the CLI operator (no read pool, no cache). */
async function withStats(
  cmd: Command,
  fn: (service: StatsService, op: Operator, org: OrgService) => Promise<void>,
): Promise<void> {
  const app = await openApp(globalOptions(cmd).db);
  const leads = new LeadAccessService(app.db, 0);
  const org = new OrgService(app.db, app.audit);
  const service = new StatsService({
    ...app,
    org,
    readers: 0,
    cacheMs: 0,
    modelNames: () => leads.modelNames(),
  });
  try {
    await fn(service, await cliOperator(app.db, cmd), org);
  } finally {
    service.close();
    leads.close();
    app.close();
  }
}

/** `--unit` as a unit id or name (the service then checks it lies in the operator's scope). */
async function unitIdOf(org: OrgService, ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  const unit = (await org.units()).find((u) => u.id === ref || u.name === ref);
  if (!unit) throw new AppError('UNIT_NOT_FOUND', `单位 ${ref} 不存在`);
  return unit.id;
}

interface StatsOptions {
  unit?: string;
  from?: string;
  to?: string;
  by: string;
  model?: string;
  campaign?: string;
  format: string;
  out?: string;
}

function write(out: string, data: Buffer | string): void {
  writeFileSync(out, data);
  process.stderr.write(`已写入 ${out}\n`);
}

/** `zhijian stats` and `zhijian report` — 统计与通报 / statistics and the periodic bulletin */
export function register(program: Command): void {
  program
    .command('stats')
    .description('统计（成案率、采纳率、执行到位金额……；本单位及下级）/ statistics')
    .option('--unit <id|名称>', '单位（本单位范围内，含下级）/ unit, with the units below')
    .option('--from <date>', '起始日期 YYYY-MM-DD（各指标按其发生日期）')
    .option('--to <date>', '截止日期 YYYY-MM-DD（含）')
    .option('--by <dimension>', STATS_DIMENSIONS.join('|'), 'unit')
    .option('--model <id>', '只统计某一模型')
    .option('--campaign <编号>', '只统计某一专项活动（本单位可见的）/ one campaign')
    .option('--format <format>', 'json | xlsx', 'json')
    .option('--out <file>', '输出文件（xlsx 必须指定）/ output file')
    .action(
      action(async (opts: StatsOptions, cmd: Command) => {
        const by = STATS_DIMENSIONS.find((d) => d === opts.by);
        if (!by) throw new AppError('USAGE', `--by 只能是：${STATS_DIMENSIONS.join('、')}`);
        if (opts.format !== 'json' && opts.format !== 'xlsx')
          throw new AppError('USAGE', '--format 只能是 json 或 xlsx');
        if (opts.format === 'xlsx' && !opts.out)
          throw new AppError('USAGE', '导出 xlsx 时请用 --out 指定文件');
        if (opts.campaign !== undefined && !/^\d{1,9}$/.test(opts.campaign))
          throw new AppError('USAGE', '--campaign 应为专项活动编号（数字）');
        const from = isoDate(opts.from, '--from');
        const to = isoDate(opts.to, '--to');
        await withStats(cmd, async (service, op, org) => {
          const unitId = await unitIdOf(org, opts.unit);
          const q: StatsQuery = {
            by,
            ...(unitId ? { unitId } : {}),
            ...(from ? { from } : {}),
            ...(to ? { to } : {}),
            ...(opts.model ? { modelId: opts.model } : {}),
            ...(opts.campaign ? { campaign: opts.campaign } : {}),
          };
          if (opts.format === 'xlsx') {
            write(opts.out ?? '', await service.tableWorkbook(op, q));
            return;
          }
          const table = await service.table(op, q);
          // A JSON file is an export like the Excel one: audited the same.
          if (opts.out) {
            await service.audit(op, 'statistics', {
              ...q,
              format: 'json',
              rows: table.rows.length,
            });
            write(opts.out, `${JSON.stringify(table, null, 2)}\n`);
          } else process.stdout.write(`${JSON.stringify(table, null, 2)}\n`);
        });
      }),
    );

  program
    .command('report')
    .description(
      '工作通报（月报 2025-09、季报 2025Q3、年报 2025）Word 与 Excel / periodic bulletin',
    )
    .requiredOption('--period <period>', '报告期：2025-09 | 2025Q3 | 2025')
    .option('--unit <id|名称>', '单位（本单位范围内，含下级）')
    .requiredOption('--out <file.docx>', 'Word 文件')
    .option('--xlsx <file.xlsx>', 'Excel 文件（默认与 Word 同名同目录）')
    .option('--campaign <编号>', '只统计某一专项活动（本单位可见的）/ one campaign')
    .action(
      action(
        async (
          opts: { period: string; unit?: string; out: string; xlsx?: string; campaign?: string },
          cmd: Command,
        ) => {
          if (!opts.out.toLowerCase().endsWith('.docx'))
            throw new AppError('USAGE', '--out 应为 .docx 文件');
          if (opts.campaign !== undefined && !/^\d{1,9}$/.test(opts.campaign))
            throw new AppError('USAGE', '--campaign 应为专项活动编号（数字）');
          const xlsx = opts.xlsx ?? join(dirname(opts.out), `${parse(opts.out).name}.xlsx`);
          await withStats(cmd, async (service, op, org) => {
            const unitId = await unitIdOf(org, opts.unit);
            const b = await service.bulletin(op, opts.period, unitId, undefined, opts.campaign);
            write(opts.out, b.docx);
            write(xlsx, b.xlsx);
            process.stdout.write(`${b.title}\n`);
          });
        },
      ),
    );
}
