import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, type Ctx } from '../context.ts';
import { collectFile, type CollectedFile } from '../uploads/collect.ts';
import { receiveFiles } from '../uploads/multipart.ts';

/** Files one request may carry: ten at the per-file limit (each is held in memory to be checked). */
const FILES_PER_REQUEST = 10;

/** The files of a multipart body, each kept up to one byte past the per-file limit. */
async function filesOf(c: Ctx): Promise<CollectedFile[]> {
  const max = c.get('platform').caseFiles.maxFileBytes;
  return receiveFiles(
    c.req.raw,
    (name, stream) => collectFile(name, stream, max + 1),
    () => undefined,
    Math.min(c.get('options').maxUploadBytes, FILES_PER_REQUEST * max + 1024 * 1024),
  );
}

async function oneFile(c: Ctx): Promise<CollectedFile> {
  const [first] = await filesOf(c);
  // receiveFiles refuses a body without a file.
  return first!;
}

/** Attachments and Word documents: parse → the casework services (scope, checks, audit) → answer. */
export const documentRoutes = {
  'GET /api/supervision-cases/:id/files': async (c, { params }) => ({
    items: await c.get('platform').caseFiles.list(operatorOf(c), Number(params.id)),
  }),
  'POST /api/supervision-cases/:id/acts/:actId/files': async (c, { params, query }) => {
    const files = await filesOf(c);
    const items = await c
      .get('platform')
      .caseFiles.attach(
        operatorOf(c),
        Number(params.id),
        Number(params.actId),
        files,
        query.documentKind,
      );
    return { items };
  },
  'GET /api/case-files/:id': async (c, { params }) => {
    const f = await c.get('platform').caseFiles.download(operatorOf(c), Number(params.id));
    return download(f.bytes, f.fileName, f.mime);
  },
  'GET /api/supervision-cases/:id/documents': async (c, { params }) =>
    c.get('platform').documents.list(operatorOf(c), Number(params.id)),
  'POST /api/supervision-cases/:id/documents': async (c, { params, body }) =>
    c.get('platform').documents.generate(operatorOf(c), Number(params.id), body),
  'POST /api/supervision-cases/:id/documents/upload': async (c, { params, query }) => {
    const file = await oneFile(c);
    return c.get('platform').documents.uploadVersion(operatorOf(c), Number(params.id), query, file);
  },
  'GET /api/case-documents/:id': async (c, { params }) => {
    const f = await c.get('platform').documents.download(operatorOf(c), Number(params.id));
    return download(f.bytes, f.fileName, f.mime);
  },
  'GET /api/document-templates': async (c) => ({
    items: await c.get('platform').documents.templates(operatorOf(c)),
  }),
  'POST /api/document-templates': async (c, { query }) => {
    const file = await oneFile(c);
    return c.get('platform').documents.uploadTemplate(operatorOf(c), query.kind, file);
  },
  'DELETE /api/document-templates': async (c, { query }) => ({
    items: await c.get('platform').documents.removeTemplate(operatorOf(c), query.kind),
  }),
} satisfies AreaHandlers;
