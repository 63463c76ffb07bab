import { basename } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.ts';
import { isUserError } from '../domain/app-error.ts';
import {
  recordRejectedBatch,
  writeBatch,
  type BatchKind,
  type BatchRow,
} from '../store/batch.repo.ts';
import type { Database } from '../store/database.ts';
import { findSourceMapping, saveSourceMapping, touchSourceMapping } from '../store/mapping.repo.ts';
import { DiagnosticCollector, LISTED_CAP, type DiagnosticSummary } from './diagnostic-collector.ts';
import type { DatasetScore } from './header-match.ts';
import type { MappingOverride } from './mapping.ts';
import { writeReport, type ReportBatchLine } from './report-writer.ts';
import { createRowValidator } from './row-validator.ts';
import { planSheet, type SheetPlan } from './sheet-plan.ts';
import { openTable } from './table-reader.ts';

export interface ImportOptions {
  /** Dataset name (skips detection). */
  readonly dataset?: string;
  /** Header mapping (and optionally dataset) chosen by the user. */
  readonly mapping?: MappingOverride;
  /** Validate and report only; write nothing. */
  readonly dryRun?: boolean;
  /** Import the good rows and record the bad ones, instead of rejecting the batch. */
  readonly skipBadRows?: boolean;
  /** Where the data came from (court, agency); defaults to the file name. */
  readonly source?: string;
  readonly kind?: BatchKind;
  readonly unitId?: string;
  readonly user?: string;
  /** Report workbook: a path, false for none; by default `<input>.校验报告.xlsx` when there are problems. */
  readonly report?: string | false;
  /** Remember the mapping for this header signature (default: when dataset or mapping was given). */
  readonly rememberMapping?: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  readonly file: string;
  readonly sheet: string | null;
  readonly dataset?: string;
  readonly rowsRead: number;
  /** Share of the file read (0..1), when known (CSV). */
  readonly fraction?: number;
  readonly phase: 'reading' | 'writing' | 'done';
}

export type SheetStatus = 'imported' | 'rejected' | 'dry-run' | 'empty' | 'failed';

/** What happened to one sheet (or CSV file): one batch, at most. */
export interface SheetOutcome {
  readonly file: string;
  readonly sheet: string | null;
  readonly status: SheetStatus;
  readonly message?: string;
  readonly dataset?: string;
  readonly datasetLabel?: string;
  readonly score?: number;
  readonly alternatives?: readonly DatasetScore[];
  readonly mappingFrom?: SheetPlan['mappingFrom'];
  readonly headerRow?: number;
  readonly templateForm?: boolean;
  readonly encoding?: string;
  readonly batchId?: number;
  readonly rowsRead: number;
  readonly imported: number;
  readonly superseded: number;
  /** Rows not imported: the bad ones with --skip-bad-rows, all rows of a rejected batch. */
  readonly rejected: number;
  /** Rows with at least one error. */
  readonly badRows: number;
  readonly unmapped: readonly string[];
  readonly duplicates: readonly string[];
  readonly summary: DiagnosticSummary;
}

export interface ImportResult {
  readonly outcomes: SheetOutcome[];
  /** Report workbooks written. */
  readonly reports: string[];
  /** False when any batch was rejected or any file failed. */
  readonly ok: boolean;
}

const STATUS_LABEL: Record<SheetStatus, string> = {
  imported: '已导入',
  rejected: '已拒绝',
  'dry-run': '试运行',
  empty: '无数据',
  failed: '失败',
};

/** Thrown inside the row stream to abort the batch's transaction once validation found errors. */
class BatchRejected extends Error {}

/** Thrown inside the row stream when the sheet has a header but no data row: no empty batch. */
class NoDataRows extends Error {}

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
    if (options.report !== false && problems) {
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

async function importSheet(
  db: Database,
  fileName: string,
  source: Parameters<typeof planSheet>[0],
  collector: DiagnosticCollector,
  options: ImportOptions,
): Promise<SheetOutcome> {
  const plan = await planSheet(source, fileName, {
    ...(options.dataset ? { dataset: options.dataset } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
    lookup: (signature) => findSourceMapping(db, signature),
  });
  const where = { file: fileName, ...(plan.sheet ? { sheet: plan.sheet } : {}) };
  const base = {
    file: fileName,
    sheet: plan.sheet,
    ...(plan.headerRow !== undefined ? { headerRow: plan.headerRow } : {}),
    templateForm: plan.templateForm,
    alternatives: plan.ranking.slice(0, 3),
    mappingFrom: plan.mappingFrom,
    superseded: 0,
    unmapped: plan.mapping?.unmapped ?? [],
    duplicates: plan.mapping?.duplicates ?? [],
  };
  if (plan.headerRow === undefined) {
    const message = plan.sheet ? `工作表“${plan.sheet}”没有数据` : `文件 ${fileName} 没有数据`;
    collector.add({ code: 'sheet.empty', severity: 'warning', message, ...where });
    return {
      ...base,
      status: 'empty',
      message,
      rowsRead: 0,
      imported: 0,
      rejected: 0,
      badRows: 0,
      summary: collector.summary(),
    };
  }
  const { dataset, mapping } = plan;
  if (!dataset || !mapping) {
    const best = plan.ranking[0];
    const second = plan.ranking[1];
    const message = plan.ambiguous
      ? `无法确定${plan.sheet ? `工作表“${plan.sheet}”` : `文件 ${fileName}`}属于哪个数据集：${best?.label}（${best?.dataset}）与 ${second?.label}（${second?.dataset}）得分相同；请用 --dataset 指定`
      : `无法识别${plan.sheet ? `工作表“${plan.sheet}”` : `文件 ${fileName}`}属于哪个数据集（最接近：${best?.label ?? '无'}，得分 ${best?.score ?? 0}）；请用 --dataset 指定数据集或用 --mapping 提供表头映射`;
    collector.add({
      code: 'dataset.unknown',
      severity: 'error',
      message,
      ...where,
      row: plan.headerRow,
    });
    return {
      ...base,
      status: 'failed',
      message,
      rowsRead: 0,
      imported: 0,
      rejected: 0,
      badRows: 0,
      summary: collector.summary(),
    };
  }
  for (const d of mapping.diagnostics) collector.add(d);
  const datasetInfo = {
    dataset: dataset.name,
    datasetLabel: dataset.label,
    score: plan.ranking.find((r) => r.dataset === dataset.name)?.score ?? 0,
  };

  let rowsRead = 0;
  let badRows = 0;
  let good = 0;
  const headerBroken = mapping.missingRequired.length > 0;
  const validate = createRowValidator(mapping, where, collector);
  const progress = (phase: ImportProgress['phase']): void => {
    const fraction = phase === 'done' ? 1 : source.progress?.();
    options.onProgress?.({
      file: fileName,
      sheet: plan.sheet,
      dataset: dataset.name,
      rowsRead,
      ...(fraction !== undefined ? { fraction } : {}),
      phase,
    });
  };

  // Reads every row whatever happens (the report lists all problems); yields good rows only while
  // the batch can still be imported.
  async function* rows(): AsyncGenerator<BatchRow[]> {
    for await (const chunk of plan.dataRows) {
      const out: BatchRow[] = [];
      for (const raw of chunk) {
        if (headerBroken) {
          if (
            !raw.cells.every(
              (c) => c === null || c === '' || (typeof c === 'string' && c.trim() === ''),
            )
          )
            rowsRead += 1;
          continue;
        }
        const v = validate(raw);
        if (!v) continue;
        rowsRead += 1;
        if (v.errors > 0) {
          badRows += 1;
          continue;
        }
        good += 1;
        if (badRows === 0 || options.skipBadRows) {
          out.push({
            values: v.values,
            extra: v.extra,
            file: fileName,
            sheet: plan.sheet,
            row: v.row,
          });
        }
      }
      progress('reading');
      if (out.length) yield out;
    }
    if (headerBroken || (badRows > 0 && !options.skipBadRows)) throw new BatchRejected();
    if (rowsRead === 0) throw new NoDataRows();
  }

  const noDataOutcome = (): SheetOutcome => {
    const message = `${plan.sheet ? `工作表“${plan.sheet}”` : `文件 ${fileName} `}只有表头，没有数据行`;
    collector.add({ code: 'sheet.no-rows', severity: 'warning', message, ...where });
    progress('done');
    return {
      ...base,
      ...datasetInfo,
      status: 'empty',
      message,
      rowsRead: 0,
      imported: 0,
      rejected: 0,
      badRows: 0,
      summary: collector.summary(),
    };
  };

  const remember = async (): Promise<void> => {
    if (plan.mappingFrom === 'remembered') {
      await touchSourceMapping(db, plan.signature, dataset.name);
    } else if (options.rememberMapping ?? Boolean(options.dataset || options.mapping)) {
      const columns: Record<string, string | null> = {};
      mapping.headers.forEach((h, i) => {
        if (h) columns[h] = mapping.columns[i]?.name ?? null;
      });
      await saveSourceMapping(db, {
        signature: plan.signature,
        dataset: dataset.name,
        columns,
        source: options.source ?? null,
        confirmedBy: options.user ?? null,
      });
    }
  };

  const rejectedOutcome = async (): Promise<SheetOutcome> => {
    const message = headerBroken
      ? `缺少必需的列：${mapping.missingRequired.map((c) => c.label).join('、')}`
      : `${badRows} 行有错误，整批未导入（可修正后重新导入，或加 --skip-bad-rows 只导入正确的行）`;
    let batchId: number | undefined;
    if (!options.dryRun) {
      batchId = await recordRejectedBatch(db, {
        dataset: dataset.name,
        kind: options.kind ?? 'import',
        source: options.source ?? fileName,
        files: [{ file: fileName, sheet: plan.sheet }],
        unitId: options.unitId ?? null,
        user: options.user ?? null,
        rowsRead,
        rowsRejected: rowsRead,
        report: collector.summary(),
      });
    }
    progress('done');
    return {
      ...base,
      ...datasetInfo,
      status: 'rejected',
      message,
      ...(batchId !== undefined ? { batchId } : {}),
      rowsRead,
      imported: 0,
      rejected: rowsRead,
      badRows,
      summary: collector.summary(),
    };
  };

  if (options.dryRun) {
    try {
      for await (const chunk of rows()) void chunk;
    } catch (error) {
      if (error instanceof NoDataRows) return noDataOutcome();
      if (!(error instanceof BatchRejected)) throw error;
      return rejectedOutcome();
    }
    progress('done');
    return {
      ...base,
      ...datasetInfo,
      status: 'dry-run',
      rowsRead,
      imported: good,
      rejected: badRows,
      badRows,
      summary: collector.summary(),
    };
  }

  try {
    const result = await writeBatch(db, {
      dataset: dataset.name,
      kind: options.kind ?? 'import',
      source: options.source ?? fileName,
      files: [{ file: fileName, sheet: plan.sheet }],
      unitId: options.unitId ?? null,
      user: options.user ?? null,
      rows: rows(),
      rowsRead: () => rowsRead,
      rowsRejected: () => badRows,
      report: () => collector.summary(),
      onPhase: (phase) => {
        if (phase === 'superseding') progress('writing');
      },
    });
    await remember();
    progress('done');
    return {
      ...base,
      ...datasetInfo,
      status: 'imported',
      batchId: result.batchId,
      rowsRead,
      imported: result.imported,
      superseded: result.superseded,
      rejected: badRows,
      badRows,
      summary: collector.summary(),
    };
  } catch (error) {
    if (error instanceof NoDataRows) return noDataOutcome();
    if (!(error instanceof BatchRejected)) throw error;
    return rejectedOutcome();
  }
}
