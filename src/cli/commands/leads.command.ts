import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openApp } from '../../app.ts';
import { LEAD_STATUSES, PRIORITIES } from '../../contract/vocabulary.ts';
import { AppError } from '../../domain/app-error.ts';
import { maskIdsInText } from '../../domain/mask.ts';
import { AuditService } from '../../audit/audit.service.ts';
import { exportLeads, isExportFormat } from '../../models/lead-export.ts';
import { listLeads } from '../../models/lead.service.ts';
import { discloseLeadExport } from '../../org/lead-disclosure.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

interface FilterOptions {
  model?: string;
  status?: string;
  priority?: string;
  court?: string;
}

function filterFrom(opts: FilterOptions) {
  const list = (v?: string): string[] | undefined =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  return {
    ...(list(opts.model) ? { models: list(opts.model) } : {}),
    ...(list(opts.status) ? { status: list(opts.status) } : {}),
    ...(list(opts.priority) ? { priority: list(opts.priority) } : {}),
    ...(list(opts.court) ? { courts: list(opts.court) } : {}),
  };
}

/** `zhijian leads` — 线索列表与导出 / list and export leads */
export function register(program: Command): void {
  const leads = program
    .command('leads')
    .description('线索列表与导出 / list and export leads')
    .option('--model <ids>', '模型编号，逗号分隔 / model ids')
    .option('--status <statuses>', `状态：${LEAD_STATUSES.join(',')}`)
    .option('--priority <levels>', `优先级：${PRIORITIES.join(',')}`)
    .option('--court <names>', '执行法院，逗号分隔')
    .option('--limit <n>', '最多显示条数 / max rows', '50')
    .action(
      action(async (opts: FilterOptions & { limit: string }, cmd: Command) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit <= 0)
          throw new AppError('USAGE', '--limit 应为正整数');
        const app = await openApp(globalOptions(cmd).db);
        try {
          const { total, items } = await listLeads(app.db, { ...filterFrom(opts), limit });
          for (const l of items) {
            // The terminal is a log: IDs stay masked here (the data export carries them in full).
            process.stdout.write(
              `[${l.priority}] ${l.status}  ${l.leadId}  ${l.modelId}  ${l.caseNo ?? ''}\n      ${maskIdsInText(l.summary)}\n`,
            );
          }
          process.stdout.write(
            `共 ${total} 条线索${total > items.length ? `，显示前 ${items.length} 条` : ''}\n`,
          );
        } finally {
          app.close();
        }
      }),
    );

  leads
    .command('export')
    .description('导出线索 / export leads (json|csv|xlsx)')
    .option('--format <format>', 'json | csv | xlsx', 'json')
    .option('--out <file>', '输出文件（默认标准输出；xlsx 必须指定）/ output file')
    .option(
      '--reveal',
      '显示完整证件号码（需有查看权限，记入审计）/ full IDs (needs the right; audited)',
    )
    .action(
      action(async (opts: { format: string; out?: string; reveal?: boolean }, cmd: Command) => {
        if (!isExportFormat(opts.format))
          throw new AppError('USAGE', '--format 只能是 json、csv 或 xlsx');
        if (opts.format === 'xlsx' && !opts.out)
          throw new AppError('USAGE', '导出 xlsx 时请用 --out 指定文件');
        const parentOpts = cmd.parent?.opts<FilterOptions>() ?? {};
        const app = await openApp(globalOptions(cmd).db);
        try {
          const format = opts.format;
          const filter = filterFrom(parentOpts);
          // Masked unless revealed by a user with the right, and audited: the web export's rule.
          const data = await discloseLeadExport(
            new AuditService(app.db),
            await cliOperator(app.db, cmd),
            { reveal: opts.reveal ?? false, conditions: JSON.stringify({ format, ...filter }) },
            async (reveal) => {
              const r = await exportLeads(app.db, format, filter, { reveal });
              return { value: r.data, count: r.count };
            },
          );
          if (opts.out) {
            writeFileSync(opts.out, data);
            process.stderr.write(`已导出到 ${opts.out}\n`);
          } else process.stdout.write(data);
        } finally {
          app.close();
        }
      }),
    );
}
