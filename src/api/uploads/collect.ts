import type { Readable } from 'node:stream';
import { safeFileName } from './upload-store.ts';

/** An uploaded file held in memory: at most `keep` bytes, and the size that was sent. */
export interface CollectedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly size: number;
}

/**
 * Reads one uploaded file into memory for a service that checks its content (attachments, Word):
 * past `keep` bytes the rest is counted and dropped, so an oversize file costs no more memory than
 * the limit and the service still names the size it refuses.
 */
export async function collectFile(
  fileName: string,
  stream: Readable,
  keep: number,
): Promise<CollectedFile> {
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (kept < keep) {
      const part = chunk.subarray(0, keep - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { name: safeFileName(fileName), bytes: Buffer.concat(chunks), size };
}
