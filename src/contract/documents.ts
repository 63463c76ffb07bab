import { z } from 'zod';
import { IsoDate, RevealQuery, Timestamp } from './common.ts';
import { DocumentKind, RecommendationState } from './vocabulary.ts';
import { DOCUMENT_SOURCES, DOCUMENT_STATUSES } from '../domain/vocabulary.ts';

export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export const DocumentSource = z.enum(DOCUMENT_SOURCES);

/** An attachment of a verification act. The URL names only `id`; the name is data. */
export const CaseAttachment = z.object({
  id: z.number().int(),
  actId: z.number().int(),
  documentKind: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  by: z.string().nullable(),
  at: Timestamp,
});
export type CaseAttachment = z.infer<typeof CaseAttachment>;

export const CaseAttachmentList = z.object({ items: z.array(CaseAttachment) });
export type CaseAttachmentList = z.infer<typeof CaseAttachmentList>;

export const ActFileParams = z.object({
  id: z.string().regex(/^\d{1,12}$/, '应为数字'),
  actId: z.string().regex(/^\d{1,12}$/, '应为数字'),
});

/** What the uploaded files are (optional, e.g. 询问笔录, 银行流水). */
export const AttachQuery = z.object({ documentKind: z.string().trim().max(40).optional() });

/** One version of a case's Word document. */
export const CaseDocumentVersion = z.object({
  id: z.number().int(),
  kind: DocumentKind,
  recommendationId: z.number().int().nullable(),
  version: z.number().int(),
  status: DocumentStatus,
  source: DocumentSource,
  /** An uploaded version's file name, as sent. */
  fileName: z.string().nullable(),
  size: z.number().int(),
  sha256: z.string(),
  /** Carries full ID numbers (generated with the reveal right; only such users download it). */
  revealed: z.boolean(),
  by: z.string().nullable(),
  at: Timestamp,
});
export type CaseDocumentVersion = z.infer<typeof CaseDocumentVersion>;

/** A recommendation of the case as the documents section offers it (its own service writes it). */
export const DocumentRecommendation = z.object({
  id: z.number().int(),
  kind: z.string(),
  addressee: z.string(),
  state: RecommendationState,
  docNo: z.string().nullable(),
  issuedOn: IsoDate.nullable(),
});

export const CaseDocuments = z.object({
  versions: z.array(CaseDocumentVersion),
  recommendations: z.array(DocumentRecommendation),
  /** The kinds the case's unit has its own template for (else the built-in layout). */
  templateKinds: z.array(DocumentKind),
});
export type CaseDocuments = z.infer<typeof CaseDocuments>;

export const GenerateDocumentRequest = z.object({
  kind: DocumentKind,
  /** The 检察建议 it drafts (its addressee, and once issued its number and dates). */
  recommendationId: z.number().int().positive().nullable().optional(),
  /** 主送单位 when there is no recommendation (the police for a 线索移送函). */
  addressee: z.string().trim().max(100).optional(),
  /** Full ID numbers in the document: needs the reveal right. */
  reveal: z.boolean().default(false),
});
export type GenerateDocumentRequest = z.input<typeof GenerateDocumentRequest>;

/** An edited version uploaded (multipart `file`): which document it continues. */
export const UploadDocumentQuery = z.object({
  kind: DocumentKind,
  recommendationId: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number)
    .optional(),
});

export const DocumentDownloadQuery = RevealQuery;

export const DocumentTemplate = z.object({
  id: z.number().int(),
  kind: DocumentKind,
  fileName: z.string(),
  placeholders: z.array(z.string()),
  size: z.number().int(),
  by: z.string().nullable(),
  at: Timestamp,
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;

export const DocumentTemplateList = z.object({ items: z.array(DocumentTemplate) });
export type DocumentTemplateList = z.infer<typeof DocumentTemplateList>;

export const TemplateKindQuery = z.object({ kind: DocumentKind });
