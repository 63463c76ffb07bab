import {
  SaveCorrectionRequest,
  type PendingDocument,
  type ReviewDocument,
} from '../../contract/extract.ts';
import { AppError } from '../../domain/app-error.ts';
import {
  getReviewDocument,
  listPendingReviews,
  saveCorrections,
  type ReviewDocument as StoredReview,
} from '../../extract/review.service.ts';
import { CONFIDENCE_FIELDS } from '../../extract/types.ts';
import type { RouteHandlers } from '../bind-routes.ts';
import { actorOf, bodyOf, sessionOf, type Ctx } from '../context.ts';
import { maskText } from '../../audit/masking.ts';

/** Chinese names of the extracted fields (the review form's labels). */
const FIELD_LABELS: Record<string, string> = {
  docType: '文书类型',
  caseNo: '案号',
  court: '执行法院',
  applicants: '申请执行人',
  debtors: '被执行人',
  basisCaseNo: '执行依据文号',
  claimAmount: '执行标的金额',
  paidAmount: '实际到位金额',
  unpaidAmount: '未履行金额',
  filedDate: '立案日期',
  rulingDate: '裁定日期',
  actions: '执行措施',
};

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
      throw new AppError(
        'BAD_CORRECTION',
        `字段 ${FIELD_LABELS[field] ?? field} 应为列表（JSON），无法识别`,
        400,
      );
    }
  }
  if (typeof original === 'number' || /Amount$/.test(field)) {
    const n = Number(text.replace(/[,，元\s]/g, ''));
    if (!Number.isFinite(n))
      throw new AppError(
        'BAD_CORRECTION',
        `字段 ${FIELD_LABELS[field] ?? field} 应为金额（元）`,
        400,
      );
    return n;
  }
  return text.trim();
}

function toDocument(r: StoredReview, reveal: boolean): ReviewDocument {
  const reviews = new Map(r.reviews.map((x) => [x.field, x]));
  const names = CONFIDENCE_FIELDS.filter((f) => f in r.document.fields || reviews.has(f));
  return {
    documentId: String(r.document.id),
    fileName: r.document.file,
    text: maskText(r.document.text ?? '', reveal),
    fields: names.map((name) => {
      const review = reviews.get(name);
      const value =
        review?.status === 'corrected' ? review.correctedValue : r.document.fields[name];
      return {
        name,
        label: FIELD_LABELS[name] ?? name,
        value: asText(value),
        confidence: review ? review.confidence : null,
        source: null,
        reviewStatus: review?.status ?? null,
        corrected: review?.status === 'corrected',
      };
    }),
  };
}

function documentId(c: Ctx): number {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) throw new AppError('NOT_FOUND', '文书不存在', 404);
  return id;
}

export const extractRoutes: RouteHandlers = {
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
  'GET /api/extract/documents/:id': async (c) =>
    toDocument(await getReviewDocument(c.get('platform').db, documentId(c)), false),
  'PUT /api/extract/documents/:id': async (c) => {
    const body = bodyOf(c, SaveCorrectionRequest);
    const db = c.get('platform').db;
    const id = documentId(c);
    const current = await getReviewDocument(db, id);
    const corrections = body.fields.map((f) => ({
      field: f.name,
      value: fromText(f.name, f.value, current.document.fields[f.name]),
    }));
    const saved = await saveCorrections(db, id, corrections, sessionOf(c).user.username);
    c.get('platform').leads.invalidate();
    await c
      .get('platform')
      .audit.record(actorOf(c), 'import', `文书 ${id}`, `复核更正 ${corrections.length} 个字段`);
    return toDocument(saved, false);
  },
};
