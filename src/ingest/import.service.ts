import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { linkResumedCases } from '../casework/resumed-link.ts';
import { isUserError } from '../domain/app-error.ts';
import type { Diagnostic } from '../domain/diagnostic.ts';
import { actingUserWith, type Operator, type ServiceContext } from '../org/operator.ts';
import type { Database } from '../store/database.ts';
import { DiagnosticCollector, LISTED_CAP } from './diagnostic-collector.ts';
import type { ImportOptions, ImportResult, SheetOutcome, SheetStatus } from './import-types.ts';
import { writeReport, type ReportBatchLine } from './report-writer.ts';
import { importSheet } from './sheet-import.ts';
import { openTable } from './table-reader.ts';

export type {
  ImportOptions,
  ImportProgress,
  ImportResult,
  SheetOutcome,
  SheetStatus,
} from './import-types.ts';
export { IMPORT_PHASE_LABELS } from './import-types.ts';

const STATUS_LABEL: Record<SheetStatus, string> = {
  imported: '已导入',
  rejected: '已拒绝',
  'dry-run': '试运行',
  empty: '无数据',
  failed: '失败',
};

/**
 * Imports data files: each sheet (or CSV file) is detected, mapped, validated row by row and
 * written as one atomic batch; bad rows reject the batch (default) or are skipped
 * (`skipBadRows`). Used by the CLI, the web API and the demo generator.
 */
export async function importFiles(
  db: Database,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const outcomes: SheetOutcome[] = [];
  const reports: string[] = [];
  for (const [index, path] of files.entries()) {
    const fileOutcomes: SheetOutcome[] = [];
    const collectors: DiagnosticCollector[] = [];
    const fileName = basename(path);
    try {
      const table = await openTable(path);
      for await (const source of table.sheets) {
        const collector = new DiagnosticCollector();
        collectors.push(collector);
        try {
          const outcome = await importSheet(db, fileName, source, collector, options);
          fileOutcomes.push(table.encoding ? { ...outcome, encoding: table.encoding } : outcome);
        } catch (error) {
          if (!isUserError(error)) throw error;
          collector.add({
            code: error.code,
            severity: 'error',
            message: error.message,
            file: fileName,
            ...(source.name ? { sheet: source.name } : {}),
          });
          fileOutcomes.push(failed(fileName, source.name, error.message, collector));
          // A broken workbook cannot be read further.
          if (error.code === 'CORRUPT_XLSX') break;
        }
      }
    } catch (error) {
      if (!isUserError(error)) throw error;
      const collector = new DiagnosticCollector();
      collectors.push(collector);
      collector.add({
        code: error.code,
        severity: 'error',
        message: error.message,
        file: fileName,
      });
      fileOutcomes.push(failed(fileName, null, error.message, collector));
    }
    if (fileOutcomes.length === 0) {
      const collector = new DiagnosticCollector();
      const message = `文件 ${fileName} 没有任何数据`;
      collector.add({ code: 'file.empty', severity: 'error', message, file: fileName });
      collectors.push(collector);
      fileOutcomes.push(failed(fileName, null, message, collector));
    }
    outcomes.push(...fileOutcomes);

    const problems = collectors.some((c) => c.errors + c.warnings > 0);
    // An explicit report path is always written; the default one (beside the file) only when there
    // is something to say and the file is there to sit beside.
    if (
      typeof options.report === 'string' ||
      (options.report !== false && problems && existsSync(path))
    ) {
      const target =
        typeof options.report === 'string'
          ? files.length > 1
            ? options.report.replace(/(\.xlsx)?$/i, `-${index + 1}.xlsx`)
            : options.report
          : `${path}.校验报告.xlsx`;
      await writeFileReport(target, fileOutcomes, collectors);
      reports.push(target);
    }
  }
  return {
    outcomes,
    reports,
    ok: outcomes.every(
      (o) => o.status === 'imported' || o.status === 'dry-run' || o.status === 'empty',
    ),
  };
}

function failed(
  file: string,
  sheet: string | null,
  message: string,
  collector: DiagnosticCollector,
): SheetOutcome {
  return {
    file,
    sheet,
    status: 'failed',
    message,
    rowsRead: 0,
    imported: 0,
    superseded: 0,
    rejected: 0,
    badRows: 0,
    unmapped: [],
    duplicates: [],
    summary: collector.summary(),
  };
}

async function writeFileReport(
  path: string,
  outcomes: readonly SheetOutcome[],
  collectors: readonly DiagnosticCollector[],
): Promise<void> {
  const listed: Diagnostic[] = [];
  let unlisted = 0;
  for (const c of collectors) {
    const room = LISTED_CAP - listed.length;
    listed.push(...c.listed.slice(0, Math.max(0, room)));
    unlisted += c.unlisted + Math.max(0, c.listed.length - room);
  }
  const batches: ReportBatchLine[] = outcomes.map((o) => ({
    file: o.file,
    sheet: o.sheet,
    dataset: o.datasetLabel ?? '',
    status: STATUS_LABEL[o.status],
    rowsRead: o.rowsRead,
    imported: o.imported,
    rejected: o.rejected,
    badRows: o.badRows,
    ...(o.message ? { message: o.message } : {}),
  }));
  await writeReport(path, {
    batches,
    reasons: collectors.flatMap((c) => c.reasonCounts()),
    listed,
    unlisted,
  });
}

/**
 * An import by an operator (web user or CLI), the entry both use: the batches belong to the
 * operator's unit (none: shared province-wide, the local operator) and name the operator; one audit
 * row says what was read, imported and refused, or why it failed; the change signal goes out when
 * rows were written. `names` are the files as the user knows them (an upload's own name).
 */
export async function importAs(
  ctx: ServiceContext,
  operator: Operator,
  files: readonly string[],
  options: Omit<ImportOptions, 'unitId' | 'user'> & { names?: readonly string[] } = {},
): Promise<ImportResult> {
  await actingUserWith(ctx.db, operator, 'import_data');
  const { names, ...rest } = options;
  const target = (names ?? files.map((f) => basename(f))).join('、');
  let result: ImportResult;
  try {
    result = await importFiles(ctx.db, files, {
      ...rest,
      ...(operator.unitId ? { unitId: operator.unitId } : {}),
      ...(operator.username ? { user: operator.username } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ctx.audit.record(operator, 'import', target, `失败：${reason}`.slice(0, 2000));
    throw error;
  }
  if (result.outcomes.some((o) => o.status === 'imported')) ctx.changes.changed('data');
  await ctx.audit.record(operator, 'import', target, importSummary(result, rest.dryRun === true));
  await linkLedger(ctx, operator, result);
  return result;
}

/**
 * After the batches committed: new 执恢 cases of the ledger link themselves to the recommendations
 * that caused them (src/casework/resumed-link.ts). A failure there does not undo the import; it is
 * audited, and a later import of the same rows links them (the link is idempotent).
 */
async function linkLedger(ctx: ServiceContext, operator: Operator, result: ImportResult) {
  const batchIds = result.outcomes.flatMap((o) =>
    o.status === 'imported' && o.dataset === 'enforcement_cases' && o.batchId !== undefined
      ? [o.batchId]
      : [],
  );
  try {
    await linkResumedCases(ctx, operator, batchIds);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ctx.audit.record(
      operator,
      'outcome_add',
      '台账导入',
      `关联恢复执行失败：${reason}`.slice(0, 2000),
    );
  }
}

/** `批次 #3、#4：读取 120 行，导入 118 行，拒绝 2 行` (a dry run says so and names no batch). */
function importSummary(result: ImportResult, dryRun: boolean): string {
  const sum = (pick: (o: SheetOutcome) => number) =>
    result.outcomes.reduce((s, o) => s + pick(o), 0);
  const batches = result.outcomes.flatMap((o) =>
    o.batchId === undefined ? [] : [`#${o.batchId}`],
  );
  const counts = `读取 ${sum((o) => o.rowsRead)} 行，${dryRun ? '可导入' : '导入'} ${sum((o) => o.imported)} 行，拒绝 ${sum((o) => o.rejected)} 行`;
  if (dryRun) return `试运行（未写入）：${counts}`;
  return batches.length > 0 ? `批次 ${batches.join('、')}：${counts}` : counts;
}
