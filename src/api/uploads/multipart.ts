import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { AppError } from '../../domain/app-error.ts';

/** An upload over the limit (413), refused from Content-Length or cut off while it streams. */
export function uploadTooLarge(maxBytes: number): AppError {
  return new AppError(
    'UPLOAD_TOO_LARGE',
    `上传内容过大：单次上传上限为 ${Math.round(maxBytes / 1024 / 1024)} MB，请拆分文件后分批上传`,
  );
}

/** The form fields that carry files (`files`, several; `file`, one). */
const FILE_FIELDS = new Set(['files', 'file']);

/**
 * The files of a multipart/form-data request, each streamed to `save` as it arrives: a file is
 * never held in memory whole (a province ledger CSV is over 1 GB). Other fields are ignored. Bytes
 * past `maxBytes` end the read with a 413 (a chunked body has no Content-Length to refuse first;
 * Hono's bodyLimit would buffer it whole). Resolves once every
 * file is saved; rejects with the first error, after every started save has settled (so the caller
 * can remove what was written).
 */
export async function receiveFiles<T>(
  request: Request,
  save: (fileName: string, stream: Readable) => Promise<T>,
  /** Undoes a save when the request as a whole fails (nothing of a failed upload is kept). */
  discard: (saved: T) => void,
  /** The body's limit, counted as it streams (a chunked body has no Content-Length to refuse). */
  maxBytes: number,
): Promise<T[]> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
    throw new AppError('NO_FILE', '请选择要上传的文件（表单字段 files）');
  }
  const saves: Promise<T>[] = [];
  const open = new Set<Readable>();
  const parsed = new Promise<void>((resolve, reject) => {
    let busboy: InstanceType<typeof Busboy>;
    try {
      busboy = new Busboy({ headers: { 'content-type': contentType }, defCharset: 'utf8' });
    } catch (error) {
      reject(new AppError('BAD_UPLOAD', `上传内容格式不正确：${String(error)}`));
      return;
    }
    busboy.on('file', (field, stream, fileName) => {
      if (!FILE_FIELDS.has(field)) {
        stream.resume();
        return;
      }
      open.add(stream);
      stream.once('end', () => open.delete(stream));
      const saving = save(fileName, stream);
      // A failed save must not stall the parser: the rest of its part is drained.
      saving.catch(() => stream.resume());
      saves.push(saving);
    });
    busboy.on('finish', resolve);
    busboy.on('error', (error: Error) => fail(error));
    const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
    let received = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(received > maxBytes ? uploadTooLarge(maxBytes) : null, chunk);
      },
    });
    const fail = (error: Error) => {
      // The file being written ends with the error too, so its save settles (and is removed).
      for (const stream of open) stream.destroy(error);
      busboy.destroy(error);
      reject(error);
    };
    body.on('error', fail);
    counted.on('error', (error) => {
      body.destroy();
      fail(error);
    });
    body.pipe(counted).pipe(busboy);
  });
  // The saves are known once the parser has seen the whole body.
  const parsing = await Promise.allSettled([parsed]);
  const results = await Promise.allSettled(saves);
  const failure = [...parsing, ...results].find(
    (r): r is PromiseRejectedResult => r.status === 'rejected',
  );
  const saved = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (failure) {
    for (const s of saved) discard(s);
    throw failure.reason;
  }
  if (saved.length === 0) throw new AppError('NO_FILE', '请选择要上传的文件（表单字段 files）');
  return saved;
}
