import type { DedupePolicy } from '../store/batch-dedupe.ts';
import type { BatchKind } from '../domain/vocabulary.ts';
import type { DiagnosticSummary } from './diagnostic-collector.ts';
import type { DatasetScore } from './header-match.ts';
import type { MappingOverride } from './mapping.ts';
import type { SheetPlan } from './sheet-plan.ts';

export interface ImportOptions {
  /** Dataset name (skips detection). */
  readonly dataset?: string;
  /** Header mapping (and optionally dataset) chosen by the user. */
  readonly mapping?: MappingOverride;
  /** Validate and report only; write nothing. */
  readonly dryRun?: boolean;
  /** Import the good rows and record the bad ones, instead of rejecting the batch. */
  readonly skipBadRows?: boolean;
  /** A natural key repeated within one sheet: refuse the batch (default) or keep the last row. */
  readonly dedupe?: DedupePolicy;
  /** Where the data came from (court, agency); defaults to the file name. */
  readonly source?: string;
  readonly kind?: BatchKind;
  readonly unitId?: string;
  readonly user?: string;
  /** Report workbook: a path (always written), false for none; by default `<input>.校验报告.xlsx` when there are problems. */
  readonly report?: string | false;
  /** Remember the mapping for this header signature (default: when dataset or mapping was given). */
  readonly rememberMapping?: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** CSV/TSV: let DuckDB read and pre-screen the file (default true); false = the JS row path only. */
  readonly csvFastPath?: boolean;
}

export interface ImportProgress {
  readonly file: string;
  readonly sheet: string | null;
  readonly dataset?: string;
  readonly rowsRead: number;
  /** Share of the file read (0..1), when known (CSV); in `screening`, DuckDB's share of its pass. */
  readonly fraction?: number;
  /** `screening`: the CSV fast path's DuckDB pass over the whole file (rows not counted yet). */
  readonly phase: 'reading' | 'screening' | 'writing' | 'done';
}

/** What a user reads for each phase (CLI progress bar, web job messages). */
export const IMPORT_PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: '读取校验',
  screening: '快速校验',
  writing: '写入数据库',
  done: '完成',
};

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
  /** Footer rows under the data (合计, 制表人, 打印时间 …): not data, not errors. */
  readonly footerRows?: number;
  /** Earlier rows of a repeated natural key left out (`dedupe: 'last'`). */
  readonly duplicateRows?: number;
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
