import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OcrPool } from '../ocr-pool.ts';
import type { DocumentText, OcrMode } from '../types.ts';
import { ReadError } from './read-error.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));

/** A page with fewer visible characters than this has no usable text layer (a scan). */
const MIN_TEXT_CHARS = 20;
const OCR_DPI = 300;

export interface PdfOptions {
  ocr: OcrMode;
  pool: () => OcrPool;
  maxPages: number;
  /** Stops between pages (a cancelled job, or a benchmark's time limit). */
  signal?: AbortSignal;
  /** Called as each page's text is ready (progress of long scans). */
  onPage?: (page: number, pages: number) => void;
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  // The legacy build is the one for Node; loaded on first PDF only.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Text PDFs through pdfjs' text layer; pages without one (scans) are rendered at 300 dpi and
 * OCR'd when `ocr` allows. Pages are processed with at most `pool.size` in flight, so a long
 * scan never holds more than a few page images in memory.
 */
export async function readPdf(buf: Uint8Array, options: PdfOptions): Promise<DocumentText> {
  const lib = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(buf),
      cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException')
      throw new ReadError('PDF_ENCRYPTED', 'PDF 文件已加密（需要密码），无法读取');
    throw new ReadError(
      'PDF_UNREADABLE',
      `无法读取 PDF 文件：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    if (doc.numPages > options.maxPages)
      throw new ReadError(
        'PDF_TOO_MANY_PAGES',
        `PDF 共 ${doc.numPages} 页，超过单个文件 ${options.maxPages} 页的上限（可用 --max-pages 调整）`,
      );
    const texts: string[] = new Array<string>(doc.numPages).fill('');
    const notes: string[] = [];
    let ocrUsed = false;
    const pending = new Set<Promise<void>>();
    const limit = options.ocr === 'never' ? 1 : Math.max(1, options.pool().size);
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.signal?.aborted) throw new ReadError('ABORTED', `已取消（读到第 ${n} 页）`);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      const visible = text.replace(/\s/g, '').length;
      const needsOcr =
        options.ocr === 'always' || (options.ocr === 'auto' && visible < MIN_TEXT_CHARS);
      if (!needsOcr) {
        texts[n - 1] = text;
        options.onPage?.(n, doc.numPages);
        if (visible < MIN_TEXT_CHARS) notes.push(`第 ${n} 页没有文字层（已关闭 OCR）`);
        page.cleanup();
        continue;
      }
      ocrUsed = true;
      const viewport = page.getViewport({ scale: OCR_DPI / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
      const png = canvas.toBuffer('image/png');
      page.cleanup();
      const index = n - 1;
      const task = options
        .pool()
        .recognize(png)
        .then((r) => {
          texts[index] = r.text;
          options.onPage?.(index + 1, doc.numPages);
        })
        .finally(() => pending.delete(task));
      pending.add(task);
      if (pending.size >= limit) await Promise.race(pending);
    }
    await Promise.all(pending);
    const all = texts.join('\n');
    if (all.replace(/\s/g, '').length === 0 && options.ocr === 'never')
      throw new ReadError('PDF_NO_TEXT', 'PDF 没有文字层（扫描件），且已关闭 OCR（--ocr never）');
    return { text: all, layout: 'lines', ocr: ocrUsed, pages: doc.numPages, notes };
  } finally {
    await doc.destroy();
  }
}
