import type { Command } from 'commander';
import { openApp } from '../../app.ts';
import { BATCH_KIND_LABELS, BATCH_STATUS_LABELS, labelOf } from '../../contract/vocabulary.ts';
import { AppError } from '../../domain/app-error.ts';
import { batchesFor, rollbackBatchAs } from '../../ingest/batch.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

/** `zhijian batches` — 数据批次列表与回滚 / list and roll back batches */
export function register(program: Command): void {
  const batches = program
    .command('batches')
    .description('数据批次列表与回滚 / list and roll back batches')
    .option('--dataset <name>', '只看某个数据集 / one dataset')
    .option('--limit <n>', '最多显示条数 / rows to show', '50')
    .action(
      action(async (opts: { dataset?: string; limit: string }, command: Command) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit <= 0) {
          throw new AppError('USAGE', `--limit 应为正整数：${opts.limit}`);
        }
        const app = await openApp(globalOptions(command).db);
        try {
          // The operator's view: a platform user sees their unit's batches, the local operator all.
          const list = await batchesFor(app.db, await cliOperator(app.db, command), {
            ...(opts.dataset ? { dataset: opts.dataset } : {}),
            limit,
          });
          if (!list.length) {
            process.stdout.write('还没有导入任何数据批次。\n');
            return;
          }
          process.stdout.write(
            '批次\t数据集\t类型\t来源\t读取\t导入\t替换\t拒绝\t时间\t操作人\t状态\n',
          );
          for (const b of list) {
            process.stdout.write(
              [
                `#${b.id}`,
                b.dataset,
                labelOf(BATCH_KIND_LABELS, b.kind),
                b.source ?? (b.files.map((f) => f.file).join('、') || '-'),
                b.rowsRead,
                b.rowsImported,
                b.rowsSuperseded,
                b.rowsRejected,
                b.createdAt,
                b.createdBy ?? '-',
                labelOf(BATCH_STATUS_LABELS, b.status),
              ].join('\t') + '\n',
            );
          }
        } finally {
          app.close();
        }
      }),
    );

  batches
    .command('rollback <id>')
    .description('回滚（删除）一个批次，恢复被它替换的旧版本 / roll back a batch')
    .action(
      action(async (id: string, _opts: unknown, command: Command) => {
        const batchId = Number(id.replace(/^#/, ''));
        if (!Number.isInteger(batchId) || batchId <= 0) {
          throw new AppError('USAGE', `批次编号应为正整数：${id}`);
        }
        const app = await openApp(globalOptions(command).db);
        try {
          // The web's rule: another unit's batch is "not found"; audited, cached pages dropped.
          const { result: r } = await rollbackBatchAs(
            app,
            await cliOperator(app.db, command),
            batchId,
          );
          process.stdout.write(
            `已回滚批次 #${r.batchId}：删除 ${r.deleted} 行，恢复旧版本 ${r.reactivated} 行\n`,
          );
        } finally {
          app.close();
        }
      }),
    );
}
