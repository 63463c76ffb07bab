import type { OcrPool } from '../ocr-pool.ts';
import type { DocumentText, OcrMode } from '../types.ts';
import { ReadError } from './read-error.ts';

/** An image (png, jpg, tiff, bmp) is a page scan: OCR it, unless OCR is off. */
export async function readImage(
  buf: Buffer,
  ocr: OcrMode,
  pool: () => OcrPool,
): Promise<DocumentText> {
  if (ocr === 'never')
    throw new ReadError('IMAGE_OCR_OFF', '图片文件需要 OCR 识别，但已关闭 OCR（--ocr never）');
  try {
    const r = await pool().recognize(buf);
    return { text: r.text, layout: 'lines', ocr: true, pages: 1, notes: [] };
  } catch (error) {
    throw new ReadError(
      'IMAGE_UNREADABLE',
      `无法识别图片：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
