/**
 * The preview worker thread (`preview-runner.ts` starts it): runs `previewFile` on a file and posts
 * the result back. Remembered mappings live in the database, which stays with the main thread: the
 * worker asks for them by message.
 */
import { parentPort } from 'node:worker_threads';
import { previewFile, type FilePreview } from './preview.service.ts';

export type ToWorker =
  | { type: 'preview'; id: number; path: string }
  | { type: 'lookup-result'; lookupId: number; value: LookupValue };

export type FromWorker =
  | { type: 'lookup'; lookupId: number; signature: string }
  | { type: 'done'; id: number; preview: FilePreview }
  | { type: 'failed'; id: number; message: string };

type LookupValue = { dataset: string; columns: Record<string, string | null> } | undefined;

const port = parentPort;
if (port) {
  const waiting = new Map<number, (value: LookupValue) => void>();
  let nextLookup = 0;
  const post = (message: FromWorker): void => port.postMessage(message);
  const lookup = (signature: string): Promise<LookupValue> =>
    new Promise((resolve) => {
      const lookupId = ++nextLookup;
      waiting.set(lookupId, resolve);
      post({ type: 'lookup', lookupId, signature });
    });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'lookup-result') {
      waiting.get(message.lookupId)?.(message.value);
      waiting.delete(message.lookupId);
      return;
    }
    previewFile(message.path, { lookup }).then(
      (preview) => post({ type: 'done', id: message.id, preview }),
      (error: unknown) =>
        post({
          type: 'failed',
          id: message.id,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
}
