import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DATASET_NAMES, DATASETS, findDataset } from '../../catalog/datasets.ts';
import { AppError } from '../../domain/app-error.ts';
import { writeTemplate } from '../../ingest/template.ts';
import { action } from '../context.ts';

/** `zhijian template` — 生成数据集的 Excel 模板 / write a dataset template workbook */
export function register(program: Command): void {
  program
    .command('template')
    .description('生成数据集的 Excel 模板 / write a dataset template workbook')
    .argument('[dataset]', `数据集 / dataset: ${DATASET_NAMES.join(', ')}`)
    .option('--all', '所有数据集，每个一张工作表 / every dataset, one sheet each')
    .option('--out <file>', '输出文件 / output file')
    .action(
      action(async (name: string | undefined, opts: { all?: boolean; out?: string }) => {
        if (!name && !opts.all) {
          process.stdout.write('可用的数据集 / datasets:\n');
          for (const d of DATASETS) process.stdout.write(`  ${d.name}\t${d.label}\n`);
          throw new AppError('USAGE', '请指定数据集名称，或用 --all 生成全部模板');
        }
        const datasets = opts.all
          ? DATASETS
          : [findDataset(name ?? '')].filter((d) => d !== undefined);
        if (!datasets.length) {
          throw new AppError(
            'UNKNOWN_DATASET',
            `未知的数据集：${name}（可用：${DATASET_NAMES.join('、')}）`,
          );
        }
        const out = resolve(
          opts.out ??
            (opts.all ? '数据导入模板.xlsx' : `${datasets[0]?.label ?? name}-导入模板.xlsx`),
        );
        await writeTemplate(out, datasets);
        process.stdout.write(`已生成模板：${out}\n`);
      }),
    );
}
