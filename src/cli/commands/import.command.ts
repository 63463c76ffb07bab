import { readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { openApp } from '../../app.ts';
import { AppError } from '../../domain/app-error.ts';
import {
  IMPORT_PHASE_LABELS,
  importAs,
  type ImportProgress,
  type ImportResult,
  type SheetOutcome,
} from '../../ingest/import.service.ts';
import type { MappingOverride } from '../../ingest/mapping.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

const MappingFile = z.object({
  dataset: z.string().optional(),
  columns: z.record(z.string(), z.string().nullable()).optional(),
});

function readMapping(path: string): MappingOverride {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError(
      'MAPPING_FILE',
      `无法读取映射文件 ${path}：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'MAPPING_FILE',
      `映射文件 ${path} 格式不对，应为 { "dataset": "vehicles", "columns": { "源表头": "plate" } }`,
    );
  }
  return parsed.data;
}

/** Progress on a terminal: a bar with rows/s; elsewhere a plain line every few seconds. */
function progressReporter(): { update(p: ImportProgress): void; stop(): void } {
  const started = new Map<string, number>();
  if (process.stderr.isTTY) {
    // The bar's value is the share of the file read (CSV: bytes); rows and rows/s are shown beside it.
    const bar = new cliProgress.SingleBar(
      {
        format: '导入 {name} |{bar}| {percentage}% | {rows} 行 | {speed} 行/秒 | {phase}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let active = '';
    return {
      update(p) {
        const key = `${p.file}|${p.sheet ?? ''}`;
        if (!started.has(key)) started.set(key, Date.now());
        const seconds = Math.max(0.001, (Date.now() - (started.get(key) ?? Date.now())) / 1000);
        // Screening counts no rows yet (DuckDB's pass over the file): a dash, not a false 0.
        const counted = p.phase !== 'screening';
        const payload = {
          name: p.sheet ? `${p.file}/${p.sheet}` : p.file,
          rows: counted ? p.rowsRead : '—',
          speed: counted ? Math.round(p.rowsRead / seconds) : '—',
          phase: IMPORT_PHASE_LABELS[p.phase],
        };
        if (active !== key) {
          if (active) bar.stop();
          bar.start(1000, 0, payload);
          active = key;
        }
        bar.update(Math.round((p.fraction ?? 0) * 1000), payload);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(p) {
      const key = `${p.file}|${p.sheet ?? ''}`;
      if (!started.has(key)) started.set(key, Date.now());
      const now = Date.now();
      if ((p.phase === 'reading' || p.phase === 'screening') && now - last < 2000) return;
      last = now;
      const seconds = Math.max(0.001, (now - (started.get(key) ?? now)) / 1000);
      if (p.phase === 'screening') {
        process.stderr.write(
          `导入 ${p.sheet ? `${p.file}/${p.sheet}` : p.file}：${IMPORT_PHASE_LABELS.screening} ${Math.round((p.fraction ?? 0) * 100)}%\n`,
        );
        return;
      }
      process.stderr.write(
        `导入 ${p.sheet ? `${p.file}/${p.sheet}` : p.file}：${p.rowsRead} 行，${Math.round(p.rowsRead / seconds)} 行/秒${p.phase === 'done' ? '，完成' : ''}\n`,
      );
    },
    stop: () => undefined,
  };
}

const STATUS: Record<SheetOutcome['status'], string> = {
  imported: '✔ 已导入',
  rejected: '✘ 已拒绝',
  'dry-run': '✔ 试运行（未写入）',
  empty: '– 无数据',
  failed: '✘ 失败',
};

function printOutcome(o: SheetOutcome): void {
  const out = process.stdout;
  const where = o.sheet ? `${o.file} / ${o.sheet}` : o.file;
  const dataset = o.datasetLabel
    ? ` → ${o.datasetLabel}（${o.dataset}${o.mappingFrom === 'detected' ? `，识别得分 ${o.score}` : o.mappingFrom === 'remembered' ? '，沿用已确认的映射' : '，按指定映射'}）`
    : '';
  out.write(`\n${STATUS[o.status]}  ${where}${dataset}\n`);
  if (o.message) out.write(`   ${o.message}\n`);
  if (o.dataset && o.status === 'dry-run') {
    out.write(
      `   读取 ${o.rowsRead} 行，可导入 ${o.imported} 行，有错误 ${o.badRows} 行（未写入数据库）\n`,
    );
  } else if (o.dataset) {
    out.write(
      `   读取 ${o.rowsRead} 行，导入 ${o.imported} 行，替换旧版本 ${o.superseded} 行，拒绝 ${o.rejected} 行` +
        `${o.batchId !== undefined ? `（批次 #${o.batchId}）` : ''}` +
        `${o.headerRow && o.headerRow > 1 ? `；表头在第 ${o.headerRow} 行` : ''}${o.templateForm ? '（模板格式）' : ''}` +
        `${o.footerRows ? `；表尾 ${o.footerRows} 行（合计、制表人等，未导入）` : ''}` +
        `${o.duplicateRows ? `；重复键只保留最后一行，略去 ${o.duplicateRows} 行` : ''}` +
        `${o.encoding && o.encoding !== 'utf-8' ? `；编码 ${o.encoding.toUpperCase()}` : ''}\n`,
    );
  }
  const reasons = o.summary.reasons;
  if (reasons.length) {
    out.write('   问题统计：\n');
    for (const r of reasons.slice(0, 15)) {
      out.write(
        `     ${r.severity === 'error' ? '错误' : '提醒'} ${r.column ? `[${r.column}] ` : ''}${r.message} × ${r.count}\n`,
      );
    }
    if (reasons.length > 15) out.write(`     …… 另有 ${reasons.length - 15} 类问题，见校验报告\n`);
  }
  const rows = o.summary.first.filter((d) => d.row !== undefined && d.severity === 'error');
  if (rows.length) {
    out.write(`   前 ${Math.min(20, rows.length)} 条错误：\n`);
    for (const d of rows.slice(0, 20)) {
      out.write(
        `     第 ${d.row} 行 ${d.column ? `[${d.column}] ` : ''}${d.value !== undefined ? `“${d.value}” ` : ''}${d.message}\n`,
      );
    }
  }
}

function printTotals(result: ImportResult): void {
  const totals = new Map<
    string,
    { read: number; imported: number; superseded: number; rejected: number }
  >();
  for (const o of result.outcomes) {
    if (!o.datasetLabel) continue;
    const t = totals.get(o.datasetLabel) ?? { read: 0, imported: 0, superseded: 0, rejected: 0 };
    t.read += o.rowsRead;
    t.imported += o.imported;
    t.superseded += o.superseded;
    t.rejected += o.rejected;
    totals.set(o.datasetLabel, t);
  }
  if (totals.size) {
    process.stdout.write('\n汇总（数据集：读取 / 导入 / 替换 / 拒绝）\n');
    for (const [label, t] of totals) {
      process.stdout.write(
        `  ${label}：${t.read} / ${t.imported} / ${t.superseded} / ${t.rejected}\n`,
      );
    }
  }
  for (const report of result.reports) process.stdout.write(`校验报告：${report}\n`);
}

function parseDedupe(value: string): 'reject' | 'last' {
  if (value === 'reject' || value === 'last') return value;
  throw new InvalidArgumentError('--dedupe 只能是 reject（整批拒绝）或 last（保留最后一行）');
}

/** `zhijian import` — 导入数据文件（Excel/CSV）/ import data files */
export function register(program: Command): void {
  program
    .command('import')
    .description('导入数据文件（Excel/CSV）/ import data files')
    .argument('<files...>', '.xlsx、.csv 或 .tsv 文件 / data files')
    .option('--dataset <name>', '指定数据集（不自动识别）/ dataset name')
    .option('--mapping <file>', '表头映射 JSON 文件 / header mapping JSON')
    .option('--dry-run', '只校验不写入 / validate only')
    .option('--skip-bad-rows', '跳过有错误的行，导入其余行 / import the good rows')
    .option(
      '--dedupe <policy>',
      '同一文件中自然键（如案号）重复时：reject 整批拒绝（默认）、last 保留最后一行 / repeated keys',
      parseDedupe,
    )
    .option('--report <file>', '校验报告 Excel 路径 / report workbook path')
    .option('--source <name>', '数据来源（如 某某法院）/ where the data came from')
    .action(
      action(
        async (
          files: string[],
          opts: {
            dataset?: string;
            mapping?: string;
            dryRun?: boolean;
            skipBadRows?: boolean;
            dedupe?: 'reject' | 'last';
            report?: string;
            source?: string;
          },
          command: Command,
        ) => {
          const mapping = opts.mapping ? readMapping(opts.mapping) : undefined;
          const app = await openApp(globalOptions(command).db);
          const progress = progressReporter();
          let result: ImportResult;
          try {
            // Audited by the service, naming the CLI operator; the batches are its unit's (none:
            // shared province-wide).
            result = await importAs(app, await cliOperator(app.db, command), files, {
              ...(opts.dataset ? { dataset: opts.dataset } : {}),
              ...(mapping ? { mapping } : {}),
              dryRun: opts.dryRun ?? false,
              skipBadRows: opts.skipBadRows ?? false,
              dedupe: opts.dedupe ?? 'reject',
              ...(opts.report ? { report: opts.report } : {}),
              ...(opts.source ? { source: opts.source } : {}),
              onProgress: (p) => progress.update(p),
            });
          } finally {
            progress.stop();
            app.close();
          }
          for (const outcome of result.outcomes) printOutcome(outcome);
          printTotals(result);
          if (!result.ok) process.exitCode = 1;
        },
      ),
    );
}
