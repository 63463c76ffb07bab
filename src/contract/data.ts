import { z } from 'zod';
import { Timestamp } from './common.ts';
import { BatchKind, BatchStatus } from './vocabulary.ts';

/**
 * The default upload limit (1.5 GB): uploads stream to disk, so a province ledger (5M rows ≈ 1.2 GB
 * of CSV) fits, and a 2 GB upload is refused. The browser checks it before sending.
 */
export const DEFAULT_MAX_UPLOAD_BYTES = 1536 * 1024 * 1024;

/** One canonical column of a dataset (the mapping UI offers these). */
export const DatasetColumn = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  description: z.string(),
  synonyms: z.array(z.string()),
});
export type DatasetColumn = z.infer<typeof DatasetColumn>;

/** A dataset of the catalog, with what the database holds of it (for the user's units). */
export const Dataset = z.object({
  name: z.string(),
  label: z.string(),
  group: z.string(),
  rowMeaning: z.string(),
  columns: z.array(DatasetColumn),
  rows: z.number().int(),
  lastImportAt: Timestamp.nullable(),
});
export type Dataset = z.infer<typeof Dataset>;

/** A file received by `POST /api/uploads` (multipart field `files`, many). */
export const UploadedFile = z.object({
  uploadId: z.string(),
  /** The name the user's file had (sanitised for display); stored under a generated name. */
  fileName: z.string(),
  size: z.number().int(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;
export const UploadResponse = z.object({ files: z.array(UploadedFile) });
export type UploadResponse = z.infer<typeof UploadResponse>;

/** Header → column mapping of one sheet; `column` null = ignored (kept in `_extra`). */
export const ColumnMapping = z.object({
  header: z.string(),
  column: z.string().nullable(),
  /** 0–1: how sure detection is. */
  confidence: z.number(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const SheetPreview = z.object({
  sheet: z.string().nullable(),
  /** Detected dataset (null when nothing fits). */
  dataset: z.string().nullable(),
  datasetConfidence: z.number(),
  /** Other datasets that might fit, best first. */
  candidates: z.array(z.object({ dataset: z.string(), score: z.number() })),
  headerRow: z.number().int(),
  mapping: z.array(ColumnMapping),
  /** Required columns of the dataset that no header maps to. */
  missingRequired: z.array(z.string()),
  /** First rows as the file has them (header → cell text; ID numbers masked). */
  sampleRows: z.array(z.record(z.string(), z.string().nullable())),
  rowCount: z.number().int().nullable(),
});
export type SheetPreview = z.infer<typeof SheetPreview>;

export const FilePreview = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  sheets: z.array(SheetPreview),
  /** Problems reading the file (Chinese). */
  problems: z.array(z.string()),
});
export type FilePreview = z.infer<typeof FilePreview>;

export const PreviewRequest = z.object({ uploadIds: z.array(z.string()).min(1, '请先上传文件') });
export const PreviewResponse = z.object({ files: z.array(FilePreview) });
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** The user's confirmed (or corrected) choice for one uploaded file. */
export const ImportFileChoice = z.object({
  uploadId: z.string(),
  dataset: z.string().optional(),
  /** header → column name (null = ignore). Omit to use the detected mapping. */
  mapping: z.record(z.string(), z.string().nullable()).optional(),
});
export const ImportRequest = z.object({
  files: z.array(ImportFileChoice).min(1, '请选择要导入的文件'),
  /** Import the good rows and report the bad ones, instead of refusing the whole batch. */
  skipBadRows: z.boolean().default(false),
  /** A natural key (e.g. 案号) repeated within one file: refuse the batch (default) or keep the last row. */
  dedupe: z.enum(['reject', 'last']).default('reject'),
  dryRun: z.boolean().default(false),
  /** Where the data came from (e.g. 杭州市中级人民法院), remembered with its mapping. */
  source: z.string().max(200).optional(),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

/** A bad row of the validation report. */
export const BadRow = z.object({
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type BadRow = z.infer<typeof BadRow>;

/** Validation report of one import (the job's result). */
export const ImportReport = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  batches: z.array(
    z.object({
      batchId: z.number().int().nullable(),
      dataset: z.string(),
      file: z.string(),
      imported: z.number().int(),
      superseded: z.number().int(),
      rejected: z.number().int(),
    }),
  ),
  /** Counts per reason (diagnostic code + Chinese label). */
  reasons: z.array(z.object({ code: z.string(), message: z.string(), count: z.number().int() })),
  /** The first bad rows (at most 1000; the Excel download has them all that were kept). */
  badRows: z.array(BadRow),
  rowsRead: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const Batch = z.object({
  id: z.number().int(),
  dataset: z.string(),
  datasetLabel: z.string(),
  kind: BatchKind,
  status: BatchStatus,
  source: z.string().nullable(),
  files: z.array(z.string()),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  rolledBackAt: Timestamp.nullable(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsSuperseded: z.number().int(),
  rowsRejected: z.number().int(),
});
export type Batch = z.infer<typeof Batch>;
export const BatchQuery = z.object({
  dataset: z.string().optional(),
  status: BatchStatus.optional(),
});
