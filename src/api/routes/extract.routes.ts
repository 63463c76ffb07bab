import { basename } from 'node:path';
import {
  fieldLabel,
  type ExtractedDocumentSummary,
  type ExtractionJobResult,
  type PendingDocument,
  type ReviewDocument,
} from '../../contract/extract.ts';
import {
  importExtractedAs,
  DEFAULT_REVIEW_THRESHOLD,
} from '../../extract/extract-import.service.ts';
import { extractFiles, type ExtractionResult } from '../../extract/extract.service.ts';
import { SUPPORTED_EXTENSIONS } from '../../extract/readers/read-document.ts';
import { receiveUploads } from '../uploads/receive-uploads.ts';
import { AppError } from '../../domain/app-error.ts';
import {
  getReviewDocument,
  listPendingReviews,
  saveCorrectionsAs,
  type ReviewDocument as StoredReview,
} from '../../extract/review.service.ts';
import { CONFIDENCE_FIELDS } from '../../extract/types.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { operatorOf, sessionOf } from '../context.ts';
import { maskExtraction, maskParties } from '../../extract/mask-extraction.ts';

/** A value as the form edits it: text for scalars, JSON text for lists. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Back from the form's text to the extraction's shape of the field (number, list …). */
function fromText(field: string, text: string | null, original: unknown): unknown {
  if (text === null || text.trim() === '') return null;
  if (
    Array.isArray(original) ||
    field === 'applicants' ||
    field === 'debtors' ||
    field === 'actions'
  ) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError('BAD_CORRECTION', `字段 ${fieldLabel(field)} 应为列表（JSON），无法识别`);
    }
  }
  if (typeof original === 'number' || /Amount$/.test(field)) {
    const n = Number(text.replace(/[,，元\s]/g, ''));
    if (!Number.isFinite(n))
      throw new AppError('BAD_CORRECTION', `字段 ${fieldLabel(field)} 应为金额（元）`);
    return n;
  }
  return text.trim();
}

const PARTY_FIELDS = new Set(['applicants', 'debtors']);

/** A party list sent back from the form: a masked ID that matches the stored one keeps it. */
function unmaskParties(value: unknown, stored: unknown): unknown {
  if (!Array.isArray(value) || !Array.isArray(stored)) return value;
  const known = stored as { name: string; idNo: string | null }[];
  const shown = maskParties(known);
  return (value as { name?: unknown; idNo?: unknown }[]).map((p) => {
    const i = known.findIndex((k) => k.name === p.name);
    const same = known[i];
    if (same?.idNo && typeof p.idNo === 'string' && p.idNo === shown[i]?.idNo)
      return { ...p, idNo: same.idNo };
    return p;
  });
}

function toDocument(r: StoredReview, reveal: boolean): ReviewDocument {
  const reviews = new Map(r.reviews.map((x) => [x.field, x]));
  const names = CONFIDENCE_FIELDS.filter((f) => f in r.document.fields || reviews.has(f));
  const reasons = r.document.fields.reasons as Record<string, string> | undefined;
  const values: Record<string, unknown> = { text: r.document.text ?? '' };
  for (const name of names) {
    const review = reviews.get(name);
    values[name] = review?.status === 'corrected' ? review.correctedValue : r.document.fields[name];
  }
  // IDs in the text and the party lists masked; a save keeps the stored ones.
  const shown = reveal ? values : maskExtraction(values);
  return {
    documentId: String(r.document.id),
    fileName: r.document.file,
    text: shown.text as string,
    fields: names.map((name) => {
      const review = reviews.get(name);
      return {
        name,
        label: fieldLabel(name),
        value: asText(shown[name]),
        confidence: review ? review.confidence : null,
        reason: reasons?.[name] ?? null,
        source: null,
        reviewStatus: review?.status ?? null,
        corrected: review?.status === 'corrected',
      };
    }),
  };
}

function documentId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('NOT_FOUND', '文书不存在');
  return id;
}

// Rulings as the extractor reads them: .txt .html .docx .pdf and scans.
const DOCUMENTS = {
  pattern: new RegExp(
    `(?:${SUPPORTED_EXTENSIONS.map((e) => e.replace('.', '\\.')).join('|')})$`,
    'i',
  ),
  hint: SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join('、'),
};

/** One row of the job's answer per document: where to review it, or why it was not imported. */
function summarize(
  results: readonly ExtractionResult[],
  stored: ReadonlyMap<number, number>,
  skipped: ReadonlyMap<string, string>,
): ExtractedDocumentSummary[] {
  return results.map((r, i) => {
    const id = stored.get(i);
    const low = Object.entries(r.confidence)
      .filter(([, c]) => c < DEFAULT_REVIEW_THRESHOLD)
      .map(([f]) => f);
    return {
      fileName: r.file,
      part: r.part ?? null,
      docType: r.docType,
      caseNo: r.caseNo,
      documentId: id === undefined ? null : String(id),
      lowConfidenceFields: low.map((f) => fieldLabel(f)),
      lowConfidenceReasons: Object.fromEntries(
        low.flatMap((f) => {
          const why = r.reasons[f as keyof typeof r.reasons];
          return why ? [[fieldLabel(f), why]] : [];
        }),
      ),
      note: r.error ?? (id === undefined ? (skipped.get(r.file) ?? null) : null),
    };
  });
}

export const extractRoutes = {
  'POST /api/extract/uploads': (c) => receiveUploads(c, DOCUMENTS),
  'POST /api/extract/jobs': async (c, { body: req }) => {
    const session = sessionOf(c);
    const platform = c.get('platform');
    const operator = operatorOf(c);
    const files = req.uploadIds.map((id) => c.get('uploads').get(id, session.user.id));
    const names = new Map(files.map((f) => [f.path, f.fileName]));
    const title = `提取文书 ${files.map((f) => f.fileName).join('、')}`.slice(0, 200);
    const jobId = await platform.jobs.start('import', title, session.user.id, async (job) => {
      const results: ExtractionResult[] = [];
      let filesDone = 0;
      const name = (path: string): string => names.get(path) ?? basename(path);
      job.progress(0, files.length, `开始读取 ${files.length} 个文件`);
      for await (const r of extractFiles(
        files.map((f) => f.path),
        {
          ocr: req.ocr,
          keepText: true,
          // Scans report page by page (OCR is the slow part).
          onPage: (page, pages, file) =>
            job.progress(filesDone, files.length, `${name(file)}：第 ${page}/${pages} 页`),
          onProgress: (done, total, file) => {
            filesDone = done;
            job.progress(done, total, `已读 ${name(file)}`);
          },
        },
      )) {
        // A case file gives several results, one per document in it. The stored and shown name is
        // the uploaded file's, never the server's path.
        const shown = name(r.file);
        results.push({
          ...r,
          file: shown,
          ...(r.error ? { error: r.error.replace(r.file, shown) } : {}),
        });
      }
      let stored = new Map<number, number>();
      let skipped = new Map<string, string>();
      let reviews = 0;
      if (results.some((r) => !r.error && r.docType !== '其他' && r.caseNo)) {
        // Audited by the service; the change it signals drops cached lead pages.
        const imported = await importExtractedAs({ ...platform, db: job.db }, operator, results);
        stored = new Map(imported.stored.map((s) => [s.resultIndex, s.documentId]));
        skipped = new Map(imported.skipped.map((s) => [s.file, s.reason]));
        reviews = imported.reviews;
      } else skipped = new Map(results.map((r) => [r.file, '不是执行裁定书或未识别出案号']));
      const result: ExtractionJobResult = {
        documents: summarize(results, stored, skipped),
        imported: stored.size,
        reviews,
      };
      return result;
    });
    return { jobId };
  },
  'GET /api/extract/pending': async (c) => {
    const rows = await listPendingReviews(c.get('platform').db);
    const docs = new Map<number, PendingDocument>();
    for (const r of rows) {
      const d = docs.get(r.documentId) ?? {
        documentId: String(r.documentId),
        fileName: r.file,
        dataset: r.docType,
        fieldCount: 0,
        lowConfidenceCount: 0,
        createdAt: null,
      };
      d.fieldCount++;
      if (r.confidence < 0.8) d.lowConfidenceCount++;
      docs.set(r.documentId, d);
    }
    return [...docs.values()];
  },
  'GET /api/extract/documents/:id': async (c, { params }) =>
    toDocument(await getReviewDocument(c.get('platform').db, documentId(params.id)), false),
  'PUT /api/extract/documents/:id': async (c, { params, body }) => {
    const platform = c.get('platform');
    const db = platform.db;
    const id = documentId(params.id);
    const current = await getReviewDocument(db, id);
    const corrections = body.fields.map((f) => ({
      field: f.name,
      value: PARTY_FIELDS.has(f.name)
        ? unmaskParties(
            fromText(f.name, f.value, current.document.fields[f.name]),
            current.document.fields[f.name],
          )
        : fromText(f.name, f.value, current.document.fields[f.name]),
    }));
    const saved = await saveCorrectionsAs(platform, operatorOf(c), id, corrections);
    return toDocument(saved, false);
  },
} satisfies AreaHandlers;
