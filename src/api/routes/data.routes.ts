import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DATASETS, findDataset } from '../../catalog/datasets.ts';
import {
  type Batch,
  type BadRow,
  type FilePreview,
  type ImportReport,
} from '../../contract/data.ts';
import { receiveUploads } from '../uploads/receive-uploads.ts';
import { AppError, isUserError } from '../../domain/app-error.ts';
import { IMPORT_PHASE_LABELS, importAs, type SheetOutcome } from '../../ingest/import.service.ts';
import { batchesFor, rollbackBatchAs, type BatchInfo } from '../../ingest/batch.service.ts';
import { PreviewRunner } from '../../ingest/preview-runner.ts';
import { writeTemplate } from '../../ingest/template.ts';
import { findModel } from '../../models/library.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, sessionOf, XLSX_TYPE, type Ctx } from '../context.ts';

/** The validation report of an import job, from the importer's outcomes. */
export function toImportReport(outcomes: readonly SheetOutcome[], dryRun: boolean): ImportReport {
  const reasons = new Map<string, { code: string; message: string; count: number }>();
  const badRows: BadRow[] = [];
  for (const o of outcomes) {
    for (const r of o.summary.reasons) {
      const key = `${r.code}|${r.column ?? ''}`;
      const entry = reasons.get(key) ?? {
        code: r.code,
        message: r.column ? `${r.column}：${r.message}` : r.message,
        count: 0,
      };
      entry.count += r.count;
      reasons.set(key, entry);
    }
    for (const d of o.summary.first) {
      if (badRows.length >= 1000) break;
      badRows.push({
        file: d.file ?? o.file,
        sheet: d.sheet ?? o.sheet,
        row: d.row ?? null,
        column: d.column ?? null,
        value: d.value ?? null,
        code: d.code,
        severity: d.severity,
        message: d.message,
      });
    }
  }
  return {
    ok: outcomes.every(
      (o) => o.status === 'imported' || o.status === 'dry-run' || o.status === 'empty',
    ),
    dryRun,
    batches: outcomes.map((o) => ({
      batchId: o.batchId ?? null,
      dataset: o.dataset ?? '',
      file: o.sheet ? `${o.file}（${o.sheet}）` : o.file,
      imported: o.imported,
      superseded: o.superseded,
      rejected: o.rejected,
    })),
    reasons: [...reasons.values()].sort((a, b) => b.count - a.count),
    badRows,
    rowsRead: outcomes.reduce((s, o) => s + o.rowsRead, 0),
  };
}

async function toBatch(c: Ctx, b: BatchInfo): Promise<Batch> {
  const unit = b.unitId ? await c.get('platform').org.unit(b.unitId) : undefined;
  return {
    id: b.id,
    dataset: b.dataset,
    datasetLabel: findDataset(b.dataset)?.label ?? b.dataset,
    kind: b.kind,
    status: b.status,
    source: b.source,
    files: b.files.map((f) => (f.sheet ? `${f.file}（${f.sheet}）` : f.file)),
    unitId: b.unitId,
    unitName: unit?.name ?? null,
    createdBy: b.createdBy,
    createdAt: b.createdAt,
    rolledBackAt: b.rolledBackAt,
    rowsRead: b.rowsRead,
    rowsImported: b.rowsImported,
    rowsSuperseded: b.rowsSuperseded,
    rowsRejected: b.rowsRejected,
  };
}

/** Previews parse on a worker thread: a hostile upload never holds the server's request thread. */
const previews = new PreviewRunner();

/** Merges several validation-report workbooks into one (same sheet names, rows appended). */
async function mergeReports(paths: readonly string[]): Promise<Buffer> {
  if (paths.length === 1 && paths[0]) return readFileSync(paths[0]);
  const out = new ExcelJS.Workbook();
  for (const path of paths) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.eachSheet((sheet) => {
      const target = out.getWorksheet(sheet.name) ?? out.addWorksheet(sheet.name);
      sheet.eachRow((row, n) => {
        if (n === 1 && target.rowCount > 0) return;
        target.addRow((row.values as unknown[]).slice(1));
      });
    });
  }
  return Buffer.from(await out.xlsx.writeBuffer());
}

export const dataRoutes = {
  'POST /api/uploads': (c) => receiveUploads(c),

  'POST /api/uploads/preview': async (c, { body }) => {
    const { uploadIds } = body;
    const session = sessionOf(c);
    const files: FilePreview[] = [];
    for (const id of uploadIds) {
      const stored = c.get('uploads').get(id, session.user.id);
      const preview = await previews
        .preview(stored.path, c.get('platform').db)
        .catch((error: unknown) => {
          // A timeout or a worker out of memory is this file's problem, not the request's.
          if (!isUserError(error)) throw error;
          return { fileName: stored.fileName, sheets: [], problems: [error.message] };
        });
      files.push({
        ...preview,
        uploadId: id,
        fileName: stored.fileName,
        sheets: preview.sheets.map((s) => ({
          ...s,
          candidates: [...s.candidates],
          mapping: [...s.mapping],
          missingRequired: [...s.missingRequired],
          sampleRows: [...s.sampleRows],
        })),
      });
    }
    return { files };
  },

  'POST /api/imports': async (c, { body: req }) => {
    const session = sessionOf(c);
    const platform = c.get('platform');
    const operator = operatorOf(c);
    const uploads = c.get('uploads');
    const chosen = req.files.map((f) => ({
      choice: f,
      stored: uploads.get(f.uploadId, session.user.id),
    }));
    for (const { choice } of chosen) {
      if (choice.dataset && !findDataset(choice.dataset)) {
        throw new AppError('UNKNOWN_DATASET', `未知的数据集：${choice.dataset}`);
      }
    }
    const names = chosen.map((x) => x.stored.fileName).join('、');
    const jobId = await platform.jobs.start(
      'import',
      `导入 ${names}`.slice(0, 200),
      session.user.id,
      async (job) => {
        const reportDir = uploads.reportDir(job.id);
        const outcomes: SheetOutcome[] = [];
        let before = 0;
        for (const [i, { choice, stored }] of chosen.entries()) {
          // The service audits each file's import and signals the change (cached pages drop).
          const result = await importAs({ ...platform, db: job.db }, operator, [stored.path], {
            names: [stored.fileName],
            ...(choice.dataset ? { dataset: choice.dataset } : {}),
            ...(choice.mapping
              ? {
                  mapping: {
                    ...(choice.dataset ? { dataset: choice.dataset } : {}),
                    columns: choice.mapping,
                  },
                }
              : {}),
            dryRun: req.dryRun,
            skipBadRows: req.skipBadRows,
            dedupe: req.dedupe,
            source: req.source ?? stored.fileName,
            kind: 'import',
            report: join(reportDir, `${i + 1}.xlsx`),
            onProgress: (p) =>
              job.progress(
                before + p.rowsRead,
                null,
                `${stored.fileName}${p.sheet ? `（${p.sheet}）` : ''}：${
                  p.phase === 'screening'
                    ? `${IMPORT_PHASE_LABELS.screening} ${Math.round((p.fraction ?? 0) * 100)}%`
                    : `已读 ${p.rowsRead} 行`
                }`,
              ),
          });
          outcomes.push(...result.outcomes);
          before += result.outcomes.reduce((s, o) => s + o.rowsRead, 0);
        }
        return toImportReport(outcomes, req.dryRun);
      },
    );
    return { jobId };
  },

  'GET /api/imports/:jobId/report.xlsx': async (c, { params }) => {
    const { jobId } = params;
    const job = await c.get('platform').jobs.get(jobId, sessionOf(c).user.id);
    const dir = c.get('uploads').reportDir(job.id);
    const paths = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.xlsx'))
          .sort((a, b) => parseInt(a) - parseInt(b))
          .map((f) => join(dir, f))
      : [];
    if (paths.length === 0) throw new AppError('NOT_FOUND', '此次导入没有问题行，无校验报告');
    return download(
      await mergeReports(paths),
      `校验报告-${job.createdAt.slice(0, 10)}.xlsx`,
      XLSX_TYPE,
    );
  },

  'GET /api/batches': async (c, { query: q }) => {
    const mine = await batchesFor(c.get('platform').db, operatorOf(c), {
      ...(q.dataset ? { dataset: q.dataset } : {}),
      ...(q.status ? { status: q.status } : {}),
      limit: 2000,
    });
    return Promise.all(mine.map((b) => toBatch(c, b)));
  },

  /** Rollback: the unit rule, the audit row and the change signal are the batch service's. */
  'POST /api/batches/:id/rollback': async (c, { params }) => {
    const { batch } = await rollbackBatchAs(c.get('platform'), operatorOf(c), Number(params.id));
    return toBatch(c, batch);
  },

  /** `enforcement_cases` → its template; `model:M01` → every dataset the model reads. */
  'GET /api/templates/:dataset': async (c, { params }) => {
    const name = params.dataset.replace(/\.xlsx$/, ''); // decoded by Hono
    let datasets = DATASETS.filter((d) => d.name === name);
    let title = datasets[0]?.label ?? name;
    if (name.startsWith('model:')) {
      const model = await findModel(name.slice(6), c.get('platform').db, sessionOf(c).user);
      const wanted = [...model.def.datasets.required, ...model.def.datasets.optional];
      datasets = DATASETS.filter((d) => wanted.includes(d.name));
      title = `${model.def.id}${model.def.name}`;
    }
    if (datasets.length === 0) throw new AppError('NOT_FOUND', `没有数据集 ${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'zhijian-template-'));
    try {
      const path = join(dir, 'template.xlsx');
      await writeTemplate(path, datasets);
      return download(readFileSync(path), `${title}-数据模板.xlsx`, XLSX_TYPE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
} satisfies AreaHandlers;
