import { randomUUID } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../domain/app-error.ts';
import { assertNotZipBomb } from './zip-guard.ts';

/** An uploaded file as kept on disk: `<uploadDir>/<uploadId>/<safe name>` + `meta.json`. */
export interface StoredUpload {
  uploadId: string;
  fileName: string;
  size: number;
  path: string;
  userId: string;
  unitId: string;
}

const ACCEPTED = /\.(xlsx|xlsm|xls|csv|tsv|txt)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The file name as it may be stored and shown: the last path segment only (`../../x.xlsx` →
 * `x.xlsx`), no control characters, no leading dots, at most 120 characters (keeping the extension).
 */
export function safeFileName(name: string): string {
  const last = name.replaceAll('\\', '/').split('/').pop() ?? '';

  let clean = last
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (clean.length > 120) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
    clean = clean.slice(0, 120 - ext.length) + ext;
  }
  return clean || 'upload';
}

/**
 * Uploads kept until imported. The directory name is generated (a UUID), so whatever the browser
 * sends as a file name cannot reach outside `dir`; an upload belongs to the user who sent it.
 */
export class UploadStore {
  constructor(private readonly dir: string) {}

  /**
   * Streams one uploaded file to disk (never whole in memory), then checks it (an xlsx zip bomb is
   * refused). On any failure nothing of it is kept.
   */
  async save(
    originalName: string,
    content: Readable,
    owner: { userId: string; unitId: string },
    maxUncompressed: number,
    /** Other uploads than data files (rulings for extraction): their extensions and a hint. */
    accept: { pattern: RegExp; hint: string } = {
      pattern: ACCEPTED,
      hint: 'xlsx、xls 或 csv 文件',
    },
  ): Promise<StoredUpload> {
    const fileName = safeFileName(originalName);
    if (!accept.pattern.test(fileName)) {
      throw new AppError(
        'UNSUPPORTED_FILE',
        `文件 ${fileName} 的格式不支持：请上传 ${accept.hint}`,
      );
    }
    const uploadId = randomUUID();
    const folder = join(this.dir, uploadId);
    mkdirSync(folder, { recursive: true });
    const path = join(folder, fileName);
    try {
      await pipeline(content, createWriteStream(path));
      if (/\.xls[xm]$/i.test(fileName)) assertNotZipBomb(path, fileName, maxUncompressed);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    const stored: StoredUpload = { uploadId, fileName, size: statSync(path).size, path, ...owner };
    writeFileSync(join(folder, 'meta.json'), JSON.stringify(stored));
    return stored;
  }

  /** Removes an upload (a request that failed after it was stored). */
  discard(stored: StoredUpload): void {
    rmSync(join(this.dir, stored.uploadId), { recursive: true, force: true });
  }

  /** The user's own upload; anyone else's (or an unknown id) is "not found". */
  get(uploadId: string, userId: string): StoredUpload {
    const notFound = new AppError(
      'NOT_FOUND',
      `上传的文件不存在或已过期：${uploadId.slice(0, 40)}`,
    );
    if (!UUID.test(uploadId)) throw notFound;
    const meta = join(this.dir, uploadId, 'meta.json');
    if (!existsSync(meta)) throw notFound;
    const stored = JSON.parse(readFileSync(meta, 'utf8')) as StoredUpload;
    if (stored.userId !== userId) throw notFound;
    return stored;
  }

  /** Where an import job keeps its validation reports. */
  reportDir(jobId: string): string {
    const dir = join(this.dir, 'reports', jobId);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
}
