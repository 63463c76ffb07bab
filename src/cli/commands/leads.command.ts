import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { leadViewsOf, openApp } from '../../app.ts';
import { LEAD_SORTS, type LeadFilter, type LeadRow, type LeadSort } from '../../contract/leads.ts';
import { isLeadStatus, LEAD_STATUSES, PRIORITIES } from '../../contract/vocabulary.ts';
import { AppError } from '../../domain/app-error.ts';
import { isExportFormat } from '../../models/lead-export.ts';
import type { Operator } from '../../org/lead-disclosure.ts';
import type { LeadViewService } from '../../org/lead-views.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

interface ListOptions {
  model?: string;
  status?: string;
  priority?: string;
  court?: string;
  unit?: string;
  campaign?: string;
  sort: string;
  order: string;
}

/** The options as the contract's filter and sort (the web list's vocabulary). */
function queryFrom(opts: ListOptions): {
  filter: LeadFilter;
  sort: LeadSort;
  order: 'asc' | 'desc';
} {
  const statuses = opts.status?.split(',').map((s) => s.trim()) ?? [];
  const bad = statuses.find((s) => s && !isLeadStatus(s));
  if (bad !== undefined) {
    throw new AppError('BAD_STATUS', `线索状态只能是：${LEAD_STATUSES.join('、')}`);
  }
  if (opts.campaign && !/^\d{1,9}$/.test(opts.campaign)) {
    throw new AppError('USAGE', `--campaign 应为专项活动编号（数字），实际为“${opts.campaign}”`);
  }
  const sort = LEAD_SORTS.find((s) => s === opts.sort);
  if (!sort) throw new AppError('USAGE', `--sort 只能是：${LEAD_SORTS.join('、')}`);
  if (opts.order !== 'asc' && opts.order !== 'desc') {
    throw new AppError('USAGE', '--order 只能是 asc 或 desc');
  }
  const filter: LeadFilter = {
    ...(opts.model ? { modelId: opts.model } : {}),
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.priority ? { priority: opts.priority } : {}),
    ...(opts.court ? { court: opts.court } : {}),
    ...(opts.unit ? { unitId: opts.unit } : {}),
    ...(opts.campaign ? { campaign: opts.campaign } : {}),
  };
  return { filter, sort, order: opts.order };
}

/** The first `limit` leads of the list, read page by page as the web table reads them. */
async function firstLeads(
  views: LeadViewService,
  operator: Operator,
  q: ReturnType<typeof queryFrom>,
  limit: number,
): Promise<{ items: LeadRow[]; total: number }> {
  const pageSize = Math.min(limit, 500);
  const items: LeadRow[] = [];
  for (let page = 1; ; page++) {
    const r = await views.list(operator, {
      ...q.filter,
      sort: q.sort,
      order: q.order,
      page,
      pageSize,
    });
    items.push(...r.items);
    if (items.length >= limit || r.items.length < pageSize) {
      return { items: items.slice(0, limit), total: r.total };
    }
  }
}

/** Runs `fn` with the lead views and the operator of this command (see cliOperator). */
async function withViews(
  cmd: Command,
  fn: (views: LeadViewService, operator: Operator) => Promise<void>,
): Promise<void> {
  const app = await openApp(globalOptions(cmd).db);
  try {
    await fn(await leadViewsOf(app), await cliOperator(app.db, cmd));
  } finally {
    app.close();
  }
}

/** `zhijian leads` — 线索列表与导出 / list and export leads */
export function register(program: Command): void {
  const leads = program
    .command('leads')
    .description('线索列表与导出（本单位及下级单位；--as 指定用户）/ list and export leads')
    .option('--model <ids>', '模型编号，逗号分隔 / model ids')
    .option('--status <statuses>', `状态：${LEAD_STATUSES.join(',')}`)
    .option('--priority <levels>', `优先级：${PRIORITIES.join(',')}`)
    .option('--court <names>', '执行法院，逗号分隔')
    .option('--unit <id>', '只看某一单位（本单位范围内）/ one unit of the scope')
    .option('--campaign <id>', '只看某一专项活动的线索 / leads of one campaign')
    .option('--sort <field>', `排序：${LEAD_SORTS.join('|')}`, 'priority')
    .option('--order <order>', 'asc | desc', 'desc')
    .option('--limit <n>', '最多显示条数 / max rows', '50')
    .action(
      action(async (opts: ListOptions & { limit: string }, cmd: Command) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit <= 0)
          throw new AppError('USAGE', '--limit 应为正整数');
        const q = queryFrom(opts);
        await withViews(cmd, async (views, operator) => {
          const { total, items } = await firstLeads(views, operator, q, limit);
          for (const l of items) {
            // The list is masked (as the web's): the data export carries IDs in full if revealed.
            process.stdout.write(
              `[${l.priority}] ${l.status}  ${l.id}  ${l.modelId}  ${l.caseNo ?? ''}\n      ${l.summary}\n`,
            );
          }
          process.stdout.write(
            `共 ${total} 条线索${total > items.length ? `，显示前 ${items.length} 条` : ''}\n`,
          );
        });
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
        const format = opts.format;
        const q = queryFrom(cmd.parent?.opts<ListOptions>() ?? { sort: 'priority', order: 'desc' });
        await withViews(cmd, async (views, operator) => {
          // Scoped, masked unless revealed by a user with the right, and audited: the web's rule.
          const data = await views.dataExport(operator, {
            format,
            ...q,
            reveal: opts.reveal ?? false,
          });
          if (opts.out) {
            writeFileSync(opts.out, data);
            process.stderr.write(`已导出到 ${opts.out}\n`);
          } else process.stdout.write(data);
        });
      }),
    );
}
