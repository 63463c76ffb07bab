import type { Command } from 'commander';
import { z } from 'zod';
import { openApp } from '../../app.ts';
import { fieldLabel } from '../../contract/extract.ts';
import { AppError } from '../../domain/app-error.ts';
import {
  DEFAULT_REVIEW_THRESHOLD,
  importExtractedAs,
} from '../../extract/extract-import.service.ts';
import {
  DEFAULT_MAX_PAGES,
  expandInputs,
  extractFiles,
  type ExtractionResult,
} from '../../extract/extract.service.ts';
import { maskExtraction } from '../../extract/mask-extraction.ts';
import { OCR_MODES } from '../../extract/types.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

const Options = z.object({
  json: z.boolean().optional(),
  import: z.boolean().optional(),
  ocr: z.enum(OCR_MODES, { error: '--ocr 只能是 auto、always 或 never' }).default('auto'),
  workers: z.coerce.number().int().min(1).max(64).optional(),
  maxPages: z.coerce.number().int().min(1).default(DEFAULT_MAX_PAGES),
  threshold: z.coerce.number().min(0).max(1).default(DEFAULT_REVIEW_THRESHOLD),
});

/** A one-line summary of a document for people (stdout without --json). */
function summary(r: ExtractionResult, threshold: number): string {
  if (r.error) return `✗ ${r.error}`;
  const low = Object.entries(r.confidence)
    .filter(([, c]) => c < threshold)
    .map(([f]) => {
      const why = r.reasons[f as keyof typeof r.reasons];
      return why ? `${fieldLabel(f)}（${why}）` : fieldLabel(f);
    });
  const amounts = [r.claimAmount, r.paidAmount, r.unpaidAmount]
    .map((a) => (a === null ? '—' : a.toFixed(2)))
    .join('/');
  return [
    `${r.docType}\t${r.caseNo ?? '（无案号）'}\t${r.file}`,
    `  法院 ${r.court ?? '—'}；申请执行人 ${r.applicants.map((p) => p.name).join('、') || '—'}；被执行人 ${r.debtors.map((p) => p.name).join('、') || '—'}`,
    `  标的/到位/未履行 ${amounts}；立案 ${r.filedDate ?? '—'}；裁定 ${r.rulingDate ?? '—'}；措施 ${r.actions.length} 项${low.length ? `；待核对：${low.join('、')}` : ''}`,
  ].join('\n');
}

/** A result as printed: ID numbers masked as every view of the platform shows them (the ledger keeps them whole). */
function masked({ text: _text, ...r }: ExtractionResult): Omit<ExtractionResult, 'text'> {
  return maskExtraction(r);
}

/** `zhijian extract` — 从裁定书中提取结构化数据 / extract case data from rulings */
export function register(program: Command): void {
  program
    .command('extract')
    .description(
      '从裁定书中提取结构化数据 / extract case data from rulings (txt, html, docx, pdf, png/jpg/tiff)',
    )
    .argument('<paths...>', '文件或目录 / files or directories')
    .option('--json', '在标准输出打印 JSON 数组 / print the JSON array on stdout')
    .option('--import', '写入执行案件台账（批次类型 extracted）/ write into the ledger')
    .option(
      '--ocr <mode>',
      'auto | always | never（auto：仅对无文字层的 PDF 页和图片识别）',
      'auto',
    )
    .option('--workers <n>', 'OCR 并行进程数（默认 = CPU 核数）/ OCR workers (default: cores)')
    .option(
      '--max-pages <n>',
      `单个 PDF 的页数上限（默认 ${DEFAULT_MAX_PAGES}）/ page limit per PDF`,
    )
    .option('--threshold <c>', `置信度低于此值的字段需人工核对（默认 ${DEFAULT_REVIEW_THRESHOLD}）`)
    .action(
      action(async (paths: string[], raw: Record<string, unknown>, cmd: Command) => {
        const parsed = Options.safeParse(raw);
        if (!parsed.success)
          throw new AppError('USAGE', parsed.error.issues[0]?.message ?? '参数不正确');
        const opts = parsed.data;
        let files: string[];
        try {
          files = await expandInputs(paths);
        } catch (error) {
          throw new AppError(
            'NO_SUCH_FILE',
            `找不到文件或目录：${(error as NodeJS.ErrnoException).path ?? paths.join(' ')}`,
          );
        }
        if (files.length === 0)
          throw new AppError(
            'NO_DOCUMENTS',
            '没有可提取的文件（支持 txt、html、docx、pdf、png、jpg、tiff）',
          );
        const started = Date.now();
        const results: ExtractionResult[] = [];
        for await (const r of extractFiles(files, {
          ocr: opts.ocr,
          workers: opts.workers,
          maxPages: opts.maxPages,
          keepText: opts.import === true,
          // Progress goes to stderr so that `--json` output pipes cleanly.
          onProgress: (done, total, file) => process.stderr.write(`[${done}/${total}] ${file}\n`),
          // Long PDFs (scans above all) report every tenth page.
          onPage: (page, pages) => {
            if (pages > 10 && (page % 10 === 0 || page === pages))
              process.stderr.write(`  第 ${page}/${pages} 页\n`);
          },
        })) {
          results.push(r);
          if (r.error) process.stderr.write(`  ✗ ${r.error}\n`);
          if (!opts.json) process.stdout.write(`${summary(r, opts.threshold)}\n`);
        }
        const failed = results.filter((r) => r.error).length;
        process.stderr.write(
          `提取完成：${results.length} 个文件，${results.length - failed} 个成功，${failed} 个无法读取，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒\n`,
        );
        if (opts.json) process.stdout.write(`${JSON.stringify(results.map(masked), null, 2)}\n`);
        if (opts.import) {
          const app = await openApp(globalOptions(cmd).db);
          try {
            // Audited by the service as the CLI operator, the web job's rule.
            const r = await importExtractedAs(app, await cliOperator(app.db, cmd), results, {
              threshold: opts.threshold,
            });
            for (const b of r.batches)
              process.stderr.write(`已写入 ${b.dataset}：批次 ${b.batchId}，${b.imported} 行\n`);
            for (const s of r.skipped) process.stderr.write(`未导入 ${s.file}：${s.reason}\n`);
            process.stderr.write(
              `导入 ${r.documents} 份裁定书；${r.reviews} 个字段待人工核对${r.undatedActions ? `；${r.undatedActions} 项措施无日期，未写入措施表` : ''}\n`,
            );
          } finally {
            app.close();
          }
        }
        if (failed === results.length) process.exitCode = 1;
      }),
    );
}
