/** Document rows → the contract's shapes (pure). */
import type { CaseDocumentVersion, DocumentTemplate } from '../contract/documents.ts';
import type { DocumentKind } from '../domain/vocabulary.ts';
import type { CaseDocumentRow, TemplateRow } from '../store/case-documents.repo.ts';

export function toVersion(r: CaseDocumentRow): CaseDocumentVersion {
  return {
    id: Number(r.id),
    kind: r.kind as DocumentKind,
    recommendationId: r.recommendation_id === null ? null : Number(r.recommendation_id),
    version: Number(r.version),
    status: r.status as CaseDocumentVersion['status'],
    source: r.source as CaseDocumentVersion['source'],
    fileName: r.original_name,
    size: Number(r.size),
    sha256: r.sha256,
    revealed: Boolean(r.revealed),
    by: r.created_by,
    at: r.created_at,
  };
}

export function toTemplate(r: TemplateRow): DocumentTemplate {
  return {
    id: Number(r.id),
    kind: r.kind as DocumentKind,
    fileName: r.original_name,
    placeholders: [...r.placeholders],
    size: Number(r.size),
    by: r.created_by,
    at: r.created_at,
  };
}
