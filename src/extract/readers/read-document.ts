import { extname } from 'node:path';
import type { OcrPool } from '../ocr-pool.ts';
import type { DocumentText, OcrMode } from '../types.ts';
import { readDocx } from './docx-reader.ts';
import { readHtml } from './html-reader.ts';
import { readImage } from './image-reader.ts';
import { readPdf } from './pdf-reader.ts';
import { ReadError } from './read-error.ts';
import { readText } from './text-reader.ts';

/** Files a directory walk picks up; `.doc` is included so that it is reported, not silently skipped. */
export const SUPPORTED_EXTENSIONS = [
  '.txt',
  '.html',
  '.htm',
  '.docx',
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.tif',
  '.tiff',
  '.bmp',
  '.doc',
] as const;

export interface ReadOptions {
  ocr: OcrMode;
  pool: () => OcrPool;
  maxPages: number;
  signal?: AbortSignal;
  onPage?: (page: number, pages: number) => void;
}

type Kind = 'pdf' | 'docx' | 'image' | 'html' | 'text';

/** The content decides (magic bytes), the extension only breaks ties (html vs text). */
function kindOf(buf: Buffer, ext: string): Kind {
  const head = Buffer.concat([buf.subarray(0, 8), Buffer.alloc(8)]).subarray(0, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'docx';
  // OLE2 compound file: a legacy .doc (or .wps), which mammoth cannot read.
  if (head.readUInt32BE(0) === 0xd0cf11e0)
    throw new ReadError('LEGACY_WORD', '不支持旧版 Word（.doc）文件，请另存为 .docx 后再提取');
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'image';
  if (head[0] === 0xff && head[1] === 0xd8) return 'image';
  if (
    head.subarray(0, 4).toString('latin1') === 'II*\0' ||
    head.subarray(0, 4).toString('latin1') === 'MM\0*'
  )
    return 'image';
  if (head.subarray(0, 2).toString('latin1') === 'BM') return 'image';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (['.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.pdf', '.docx'].includes(ext))
    throw new ReadError('WRONG_CONTENT', `扩展名为 ${ext}，但内容不是该格式`);
  return /^\s*<(?:!doctype|html|div|p)\b/i.test(buf.subarray(0, 200).toString('latin1'))
    ? 'html'
    : 'text';
}

/** Reads one document's text; throws ReadError (Chinese) for a file that cannot be read. */
export async function readDocument(
  buf: Buffer,
  file: string,
  options: ReadOptions,
): Promise<DocumentText> {
  if (buf.length === 0) throw new ReadError('EMPTY', '文件为空');
  switch (kindOf(buf, extname(file).toLowerCase())) {
    case 'pdf':
      return readPdf(buf, options);
    case 'docx':
      return readDocx(buf);
    case 'image':
      return readImage(buf, options.ocr, options.pool);
    case 'html':
      return readHtml(buf);
    case 'text':
      return readText(buf);
  }
}
