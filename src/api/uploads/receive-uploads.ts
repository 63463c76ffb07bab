import { sessionOf, type Ctx } from '../context.ts';
import { receiveFiles } from './multipart.ts';

/**
 * The files of an upload request, streamed to the upload store as the body arrives (memory stays
 * flat whatever the size), owned by the signed-in user; `accept` names other file kinds than data
 * files. A failed request keeps nothing.
 */
export async function receiveUploads(
  c: Ctx,
  accept?: { pattern: RegExp; hint: string },
): Promise<{ files: { uploadId: string; fileName: string; size: number }[] }> {
  const { user } = sessionOf(c);
  const uploads = c.get('uploads');
  const { maxUnzippedBytes, maxUploadBytes } = c.get('options');
  const saved = await receiveFiles(
    c.req.raw,
    (name, stream) =>
      uploads.save(
        name,
        stream,
        { userId: user.id, unitId: user.unitId },
        maxUnzippedBytes,
        accept,
      ),
    (stored) => uploads.discard(stored),
    maxUploadBytes,
  );
  return {
    files: saved.map((s) => ({ uploadId: s.uploadId, fileName: s.fileName, size: s.size })),
  };
}
