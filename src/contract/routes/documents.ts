import {
  ActFileParams,
  AttachQuery,
  CaseAttachmentList,
  CaseDocuments,
  CaseDocumentVersion,
  DocumentTemplate,
  DocumentTemplateList,
  GenerateDocumentRequest,
  TemplateKindQuery,
  UploadDocumentQuery,
} from '../documents.ts';
import { NumericIdParams } from '../params.ts';
import { route } from './define.ts';

/**
 * Attachments of verification acts and the case's Word documents. Downloads name only the row's
 * id (file names may hold personal data); the name comes back in Content-Disposition.
 */
export const DOCUMENT_ROUTES = [
  route({
    method: 'GET',
    path: '/api/supervision-cases/:id/files',
    params: NumericIdParams,
    summary: '监督案件的调查核实附件',
    access: 'user',
    response: CaseAttachmentList,
  }),
  route({
    method: 'POST',
    path: '/api/supervision-cases/:id/acts/:actId/files',
    params: ActFileParams,
    summary: '上传调查核实附件（PDF、图片、Word，按内容检查类型；multipart 字段 files，可多个）',
    access: 'work_cases',
    query: AttachQuery,
    response: CaseAttachmentList,
    produces: 'multipart',
  }),
  route({
    method: 'GET',
    path: '/api/case-files/:id',
    params: NumericIdParams,
    summary: '下载调查核实附件（审计）',
    access: 'user',
    produces: 'file',
  }),
  route({
    method: 'GET',
    path: '/api/supervision-cases/:id/documents',
    params: NumericIdParams,
    summary: '案件文书的各版本、检察建议与本单位模板',
    access: 'user',
    response: CaseDocuments,
  }),
  route({
    method: 'POST',
    path: '/api/supervision-cases/:id/documents',
    params: NumericIdParams,
    summary: '生成文书新版本（检察建议书、线索移送函、审查终结报告）',
    access: 'work_cases',
    body: GenerateDocumentRequest,
    response: CaseDocumentVersion,
  }),
  route({
    method: 'POST',
    path: '/api/supervision-cases/:id/documents/upload',
    params: NumericIdParams,
    summary: '上传修改后的文书（.docx）作为新版本（multipart 字段 file）',
    access: 'work_cases',
    query: UploadDocumentQuery,
    response: CaseDocumentVersion,
    produces: 'multipart',
  }),
  route({
    method: 'GET',
    path: '/api/case-documents/:id',
    params: NumericIdParams,
    summary: '下载文书的某一版本（审计）',
    access: 'user',
    produces: 'file',
  }),
  route({
    method: 'GET',
    path: '/api/document-templates',
    summary: '本单位在用的文书模板',
    access: 'user',
    response: DocumentTemplateList,
  }),
  route({
    method: 'POST',
    path: '/api/document-templates',
    summary: '上传本单位文书模板（.docx，占位符须合规；multipart 字段 file）',
    access: 'number_cases',
    query: TemplateKindQuery,
    response: DocumentTemplate,
    produces: 'multipart',
  }),
  route({
    method: 'DELETE',
    path: '/api/document-templates',
    summary: '停用本单位某类文书模板，改用标准格式',
    access: 'number_cases',
    query: TemplateKindQuery,
    response: DocumentTemplateList,
  }),
] as const;
