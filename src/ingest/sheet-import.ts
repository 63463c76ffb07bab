import type { Database } from '../store/database.ts';
import { DuplicateKeysError, type DuplicateKey } from '../store/batch-dedupe.ts';
import { recordRejectedBatch, writeBatch, type BatchRow } from '../store/batch.repo.ts';
import { findSourceMapping, saveSourceMapping, touchSourceMapping } from '../store/mapping.repo.ts';
import type { RawRow, SheetSource } from './cell.ts';
import { fastPathEligible, importCsvFast } from './csv-fast-path.ts';
import { DuplicateTracker } from './duplicate-keys.ts';
import type { DiagnosticCollector } from './diagnostic-collector.ts';
import type { ImportOptions, ImportProgress, SheetOutcome } from './import-types.ts';
import { FooterCounter } from './row-kinds.ts';
import { createRowValidator } from './row-validator.ts';
import { headerRefusal } from './match-columns.ts';
import { planSheet } from './sheet-plan.ts';

/** Bad row numbers stored with a batch (batches.report); beyond this, counts only. */
const MAX_RECORDED_ROWS = 10_000;

/** Thrown inside the row stream to abort the batch's transaction once validation found errors. */
class BatchRejected extends Error {}

/** Thrown inside the row stream when the sheet has a header but no data row: no empty batch. */
class NoDataRows extends Error {}

/**
 * Imports one sheet (or CSV file) as one batch: plan (header, dataset, mapping), validate every row,
 * write the good rows atomically, or reject the batch and record why.
 */
export async function importSheet(
  db: Database,
  fileName: string,
  source: SheetSource,
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
  for (const d of plan.matchDiagnostics) collector.add(d);
  // A matching column with candidate headers but no mapping: the user must decide first.
  const unmappedMatches = plan.unresolved.filter((u) => u.candidates.length > 0);
  const datasetInfo = {
    dataset: dataset.name,
    datasetLabel: dataset.label,
    score: plan.ranking.find((r) => r.dataset === dataset.name)?.score ?? 0,
  };

  let rowsRead = 0;
  let badRows = 0;
  // Footer rows (合计, 制表人 …): neither data nor errors, counted and reported as such.
  const footers = new FooterCounter(mapping.columns, where, collector);
  const isFooter = (raw: RawRow): boolean => footers.test(raw);
  // Sheet rows skipped or rejected, kept with the batch (capped: the report workbook lists them all).
  const badRowNumbers: number[] = [];
  let good = 0;
  const headerBroken = mapping.missingRequired.length > 0 || unmappedMatches.length > 0;
  const validate = createRowValidator(mapping, where, collector);
  const progress = (phase: ImportProgress['phase'], share?: number): void => {
    const fraction = phase === 'done' ? 1 : (share ?? source.progress?.());
    options.onProgress?.({
      file: fileName,
      sheet: plan.sheet,
      dataset: dataset.name,
      rowsRead,
      ...(fraction !== undefined ? { fraction } : {}),
      phase,
    });
  };

  let dataRows: AsyncIterable<RawRow[]> = plan.dataRows;

  // A natural key repeated within the sheet: the store finds it on write (both paths alike); a dry
  // run, which writes nothing, finds it here by the same key.
  const dedupe = options.dedupe ?? 'reject';
  const duplicates = new DuplicateTracker(dataset, dedupe, where, collector, !!options.dryRun);
  const refuseDuplicates = (found: readonly DuplicateKey[], extraRows: number): void => {
    for (const row of duplicates.refuse(found, extraRows)) {
      if (badRowNumbers.length < MAX_RECORDED_ROWS) badRowNumbers.push(row);
    }
    badRows += extraRows;
  };
  const onDuplicates = (found: readonly DuplicateKey[], removed: number): void =>
    duplicates.kept(found, removed);

  // Reads every row whatever happens (the report lists all problems); yields good rows only while
  // the batch can still be imported.
  async function* rows(): AsyncGenerator<BatchRow[]> {
    for await (const chunk of dataRows) {
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
        if (isFooter(raw)) continue;
        const v = validate(raw);
        if (!v) continue;
        rowsRead += 1;
        if (v.errors > 0) {
          badRows += 1;
          if (badRowNumbers.length < MAX_RECORDED_ROWS) badRowNumbers.push(v.row);
          continue;
        }
        good += 1;
        duplicates.see(v);
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
    const message = duplicates.message
      ? duplicates.message
      : headerBroken
        ? headerRefusal(mapping, unmappedMatches)
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
        report: { ...collector.summary(), badRows: badRowNumbers },
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
      footerRows: footers.count,
      summary: collector.summary(),
    };
  };

  // CSV: DuckDB reads the file and screens canonical rows in SQL; the JS path below is the fallback.
  if (
    options.csvFastPath !== false &&
    !options.dryRun &&
    !headerBroken &&
    source.file &&
    fastPathEligible(mapping)
  ) {
    const iterator = plan.dataRows[Symbol.asyncIterator]();
    const head = await iterator.next();
    const firstChunk: RawRow[] = head.done ? [] : head.value;
    const first = firstChunk[0];
    let fast: Awaited<ReturnType<typeof importCsvFast>> | undefined;
    try {
      fast = first
        ? await importCsvFast(db, {
            file: fileName,
            source: source.file,
            mapping,
            first,
            validate,
            isFooter,
            skipBadRows: options.skipBadRows ?? false,
            dedupe,
            onDuplicates,
            kind: options.kind ?? 'import',
            sourceName: options.source ?? fileName,
            unitId: options.unitId ?? null,
            user: options.user ?? null,
            onRead: () => (rowsRead += 1),
            onBad: (row) => {
              badRows += 1;
              if (badRowNumbers.length < MAX_RECORDED_ROWS) badRowNumbers.push(row);
            },
            badRows: () => badRows,
            report: () => ({ ...collector.summary(), badRows: badRowNumbers }),
            // DuckDB has read the whole file by the time rows are written.
            onProgress: () => progress('writing', 1),
            onScreening: (share) => progress('screening', share),
          })
        : undefined;
    } catch (error) {
      if (!(error instanceof DuplicateKeysError)) throw error;
      await iterator.return?.();
      refuseDuplicates(error.duplicates, error.extraRows);
      return rejectedOutcome();
    }
    if (fast) {
      await iterator.return?.();
      rowsRead += fast.screened;
      if (rowsRead === 0) return noDataOutcome();
      if (fast.status === 'rejected') return rejectedOutcome();
      await remember();
      progress('done');
      return {
        ...base,
        ...datasetInfo,
        status: 'imported',
        batchId: fast.batchId,
        rowsRead,
        imported: fast.imported,
        superseded: fast.superseded,
        duplicateRows: duplicates.removed,
        rejected: badRows,
        badRows,
        footerRows: footers.count,
        summary: collector.summary(),
      };
    }
    // The JS path reads on from where the peek stopped.
    dataRows = {
      async *[Symbol.asyncIterator]() {
        if (firstChunk.length) yield firstChunk;
        if (head.done) return;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      },
    };
  }

  if (options.dryRun) {
    try {
      for await (const chunk of rows()) void chunk;
    } catch (error) {
      if (error instanceof NoDataRows) return noDataOutcome();
      if (!(error instanceof BatchRejected)) throw error;
      return rejectedOutcome();
    }
    const repeated = duplicates.inDryRun();
    if (repeated && dedupe === 'reject') {
      refuseDuplicates(repeated.found, repeated.extraRows);
      return rejectedOutcome();
    }
    if (repeated) onDuplicates(repeated.found, repeated.extraRows);
    progress('done');
    return {
      ...base,
      ...datasetInfo,
      status: 'dry-run',
      rowsRead,
      imported: good - duplicates.removed,
      rejected: badRows,
      badRows,
      footerRows: footers.count,
      duplicateRows: duplicates.removed,
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
      dedupe,
      onDuplicates,
      rowsRead: () => rowsRead,
      rowsRejected: () => badRows,
      report: () => ({ ...collector.summary(), badRows: badRowNumbers }),
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
      duplicateRows: duplicates.removed,
      rejected: badRows,
      badRows,
      footerRows: footers.count,
      summary: collector.summary(),
    };
  } catch (error) {
    if (error instanceof NoDataRows) return noDataOutcome();
    if (error instanceof DuplicateKeysError) {
      refuseDuplicates(error.duplicates, error.extraRows);
      return rejectedOutcome();
    }
    if (!(error instanceof BatchRejected)) throw error;
    return rejectedOutcome();
  }
}
