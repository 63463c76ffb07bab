import type { Command } from 'commander';
import { campaignsOf, openApp } from '../../app.ts';
import { AppError } from '../../domain/app-error.ts';
import { runModelsAs } from '../../models/operator.service.ts';
import type { RunProgress, RunScope } from '../../models/run.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `key=value` pairs → object; values stay text (the engine checks them against parameter types). */
export function parsePairs(pairs: readonly string[], what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs.flatMap((p) => p.split(/,(?=[A-Za-z]+=)/))) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)=(.*)$/.exec(pair.trim());
    if (!m?.[1]) throw new AppError('USAGE', `${what} 应写作 key=value，实际为“${pair}”`);
    out[m[1]] = m[2] ?? '';
  }
  return out;
}

/** `--scope court=甲法院|乙法院,closedFrom=2023-01-01,closedTo=2023-12-31,campaign=3` (专项活动编号) */
export function parseScope(pairs: readonly string[]): RunScope & { campaignId?: number } {
  const raw = parsePairs(pairs, '--scope');
  const allowed = ['court', 'courts', 'unit', 'units', 'closedFrom', 'closedTo', 'campaign'];
  for (const k of Object.keys(raw)) {
    if (!allowed.includes(k))
      throw new AppError('USAGE', `--scope 不支持 ${k}（可用：${allowed.join('、')}）`);
  }
  const list = (v: string | undefined): string[] | undefined =>
    v
      ? v
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  if (raw.campaign && !/^\d{1,9}$/.test(raw.campaign)) {
    throw new AppError(
      'USAGE',
      `--scope campaign 应为专项活动编号（数字），实际为“${raw.campaign}”`,
    );
  }
  for (const k of ['closedFrom', 'closedTo'] as const) {
    if (raw[k] && !/^\d{4}-\d{2}-\d{2}$/.test(raw[k])) {
      throw new AppError('USAGE', `--scope ${k} 应为日期 YYYY-MM-DD，实际为“${raw[k]}”`);
    }
  }
  return {
    ...(list(raw.court ?? raw.courts) ? { courts: list(raw.court ?? raw.courts) } : {}),
    ...(list(raw.unit ?? raw.units) ? { units: list(raw.unit ?? raw.units) } : {}),
    ...(raw.closedFrom ? { closedFrom: raw.closedFrom } : {}),
    ...(raw.closedTo ? { closedTo: raw.closedTo } : {}),
    ...(raw.campaign ? { campaignId: Number(raw.campaign) } : {}),
  };
}

const STATUS: Record<RunProgress['status'], string> = {
  running: '运行中',
  ran: '完成',
  cached: '无新数据，沿用上次结果',
  skipped: '跳过',
  failed: '失败',
};

/** `zhijian run` — 运行监督模型 / run supervision models */
export function register(program: Command): void {
  program
    .command('run')
    .description('运行监督模型 / run supervision models')
    .option('--model <ids>', '模型编号，逗号分隔，如 M01,M05 / model ids')
    .option('--all', '运行全部模型 / run every model')
    .option('--param <key=value>', '模型参数，可重复 / a model parameter (repeatable)', collect)
    .option(
      '--scope <key=value,…>',
      '范围：court=…|…,closedFrom=…,closedTo=…,campaign=专项活动编号',
      collect,
    )
    .option('--as-of <date>', '运行基准日 YYYY-MM-DD（默认今天）/ reference date')
    .option('--timeout <seconds>', '单个模型的时间上限（秒）/ per-model time limit', '300')
    .option('--force', '忽略缓存重新运行 / ignore the cache')
    .action(
      action(
        async (
          opts: {
            model?: string;
            all?: boolean;
            param?: string[];
            scope?: string[];
            asOf?: string;
            timeout: string;
            force?: boolean;
          },
          cmd: Command,
        ) => {
          if (!opts.model && !opts.all) {
            throw new AppError('USAGE', '请用 --model M01,M05 指定模型，或用 --all 运行全部模型');
          }
          if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) {
            throw new AppError('USAGE', `--as-of 应为日期 YYYY-MM-DD，实际为“${opts.asOf}”`);
          }
          const timeout = Number(opts.timeout);
          if (!Number.isFinite(timeout) || timeout <= 0)
            throw new AppError('USAGE', '--timeout 应为正数（秒）');
          const app = await openApp(globalOptions(cmd).db);
          // Ctrl-C interrupts the running model; finished models keep their leads.
          const controller = new AbortController();
          const onSigint = (): void => {
            process.stderr.write('\n正在中止……\n');
            controller.abort();
          };
          process.once('SIGINT', onSigint);
          try {
            const operator = await cliOperator(app.db, cmd);
            const { campaignId, ...asked } = parseScope(opts.scope ?? []);
            const models = opts.all ? undefined : (opts.model ?? '').split(',').filter(Boolean);
            // Under a campaign: bounded by it (period, taking part, models, units, courts, dates).
            const bounded = campaignId
              ? await (await campaignsOf(app)).forRun(operator, campaignId, { ...asked, models })
              : { ...asked, models };
            const { models: runModels, ...scope } = bounded;
            // Bounded by the operator's unit (none: the local operator), audited as the operator.
            const result = await runModelsAs(app, operator, {
              ...(runModels?.length ? { models: [...runModels] } : { all: true }),
              params: parsePairs(opts.param ?? [], '--param'),
              scope,
              ...(campaignId ? { campaignId } : {}),
              ...(opts.asOf ? { asOf: opts.asOf } : {}),
              timeoutSeconds: timeout,
              force: opts.force ?? false,
              signal: controller.signal,
              onProgress: (p) => {
                if (p.status === 'running') {
                  process.stderr.write(`[${p.index + 1}/${p.total}] ${p.modelId} 运行中……\n`);
                  return;
                }
                const detail =
                  p.status === 'ran' || p.status === 'cached'
                    ? `${p.leads ?? 0} 条线索，${((p.ms ?? 0) / 1000).toFixed(1)} 秒`
                    : '';
                process.stderr.write(
                  `[${p.index + 1}/${p.total}] ${p.modelId} ${STATUS[p.status]}${detail ? `：${detail}` : ''}${p.message ? `（${p.message}）` : ''}\n`,
                );
              },
            });
            const total = result.outcomes.reduce((n, o) => n + o.leads, 0);
            const created = result.outcomes.reduce((n, o) => n + o.created, 0);
            const failed = result.outcomes.filter((o) => o.status === 'failed');
            process.stdout.write(
              `运行 #${result.runId}（基准日 ${result.asOf}）：${result.outcomes.length} 个模型，线索 ${total} 条（新增 ${created} 条）` +
                `${failed.length ? `，${failed.length} 个模型失败` : ''}\n`,
            );
            for (const f of failed) process.stderr.write(`${f.reason ?? f.id}\n`);
            if (failed.length > 0) process.exitCode = 1;
          } finally {
            process.off('SIGINT', onSigint);
            app.close();
          }
        },
      ),
    );
}
