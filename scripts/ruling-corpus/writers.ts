/** Writes a ruling's paragraphs in the formats courts publish: txt (UTF-8/GBK), three HTML forms, docx, PDF, PNG. */
import {
  createCanvas,
  GlobalFonts,
  loadImage,
  PDFDocument,
  type SKRSContext2D,
} from '@napi-rs/canvas';
import { Document, Packer, Paragraph, TextRun } from 'docx';

const FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
];
let fontsReady = false;
/** Registers the Noto CJK font of the Debian package `fonts-noto-cjk` (CI installs it). */
export function ensureFonts(): void {
  if (fontsReady) return;
  for (const f of FONT_FILES) GlobalFonts.registerFromPath(f, 'RulingSerif');
  fontsReady = true;
}

let gbkTable: Map<string, number[]> | undefined;
/** GBK encoder built from the platform's GBK decoder (no encoding package needed). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const c = decoder.decode(new Uint8Array([hi, lo]));
        if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0x3f;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(gbkTable.get(c) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const HEAD = (title: string): string =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>\n` +
  `<style type="text/css">div { line-height: 25pt; } .hidden { display:none }</style>\n` +
  `<script type="text/javascript">var tip = "<div>不是正文：裁定如下：终结本次执行程序</div>"; if (a < b) { run(); }</script>\n</head>\n`;

/** 裁判文书网 form: one `<div style=…>` per paragraph. */
export function htmlDiv(paragraphs: string[]): string {
  const body = paragraphs
    .map((p, i) =>
      i < 2
        ? `<div style="TEXT-ALIGN: center; LINE-HEIGHT: 25pt; MARGIN: 0.5pt 0cm; FONT-FAMILY: 宋体; FONT-SIZE: 22pt;">${escapeHtml(p)}</div>`
        : `<div style="LINE-HEIGHT: 25pt; TEXT-INDENT: 30pt; MARGIN: 0.5pt 0cm; FONT-FAMILY: 仿宋; FONT-SIZE: 16pt;">${escapeHtml(p)}</div>`,
    )
    .join('\n');
  return `${HEAD(paragraphs[0] ?? '')}<body>\n${body}\n</body></html>\n`;
}

/** The older form: section anchors (`<a type='dir' name='DSRXX'>`) before the paragraphs of each section. */
export function htmlAnchor(paragraphs: string[]): string {
  const parts: string[] = [];
  paragraphs.forEach((p, i) => {
    if (i === 0) parts.push(`<a type='dir' name='WBSB'></a>`);
    if (i === 3) parts.push(`<a type='dir' name='DSRXX'></a>`);
    if (
      p.startsWith('申请执行人') &&
      !paragraphs[i - 1]?.match(/^(申请执行人|被执行人|法定代表人|负责人|委托)/)
    )
      parts.push(`<a type='dir' name='SSJL'></a>`);
    if (p.includes('裁定如下')) parts.push(`<a type='dir' name='CPYZ'></a>`);
    if (p.startsWith('审判长')) parts.push(`<a type='dir' name='WBWB'></a>`);
    parts.push(
      `<div style='LINE-HEIGHT: 25pt;TEXT-ALIGN:justify;TEXT-JUSTIFY:inter-ideograph; TEXT-INDENT: 30pt; MARGIN: 0.5pt 0cm;FONT-FAMILY: 宋体; FONT-SIZE: 15pt; '>${escapeHtml(p)}</div>`,
    );
  });
  return `${HEAD('')}<body><div id='DivContent'>\n${parts.join('')}\n</div></body></html>\n`;
}

/** Provincial court sites: `<p class=…>` paragraphs, `&nbsp;` indents, `<span>` runs and `<br>`. */
export function htmlP(paragraphs: string[]): string {
  const body = paragraphs
    .map((p, i) => {
      if (i < 2) return `<p class="p_title" align="center"><b>${escapeHtml(p)}</b></p>`;
      const half = Math.floor(p.length / 2);
      // A paragraph split over two spans, the way editors save it.
      return `<p class="p_text">&nbsp;&nbsp;&nbsp;&nbsp;<span style="font-family:仿宋">${escapeHtml(p.slice(0, half))}</span><span>${escapeHtml(p.slice(half))}</span></p>`;
    })
    .join('\n');
  return `${HEAD('')}<body><div class="article"><!-- 正文 -->\n${body}\n<p class="p_foot">来源：某省高级人民法院网&nbsp;&nbsp;&copy;版权所有</p></div></body></html>\n`;
}

export async function docx(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (t) => new Paragraph({ children: [new TextRun({ text: t, font: '仿宋' })] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const A4 = { width: 595, height: 842 };
const MARGIN = 60;

/** Lays the paragraphs out on A4 pages (points): wrapped lines with their baselines. */
function layout(
  ctx: SKRSContext2D,
  paragraphs: string[],
  size: number,
): { text: string; x: number; y: number }[][] {
  const pages: { text: string; x: number; y: number }[][] = [[]];
  const width = A4.width - 2 * MARGIN;
  const lineHeight = size * 1.6;
  let y = MARGIN + size;
  for (const [i, p] of paragraphs.entries()) {
    const centred = i < 3 && p.length < 30;
    const indent = centred ? 0 : size * 2;
    let line = '';
    const lines: string[] = [];
    for (const c of p) {
      if (ctx.measureText(line + c).width > width - (lines.length === 0 ? indent : 0)) {
        lines.push(line);
        line = '';
      }
      line += c;
    }
    lines.push(line);
    lines.forEach((l, k) => {
      if (y > A4.height - MARGIN) {
        pages.push([]);
        y = MARGIN + size;
      }
      const x = centred
        ? (A4.width - ctx.measureText(l).width) / 2
        : MARGIN + (k === 0 ? indent : 0);
      pages.at(-1)?.push({ text: l, x, y });
      y += lineHeight;
    });
  }
  return pages;
}

/**
 * Draws Latin letters and the rest as separate runs: shaped together, Skia picks alternate digit
 * glyphs after letters (`MA2498…`) that its ToUnicode map leaves out, and the digits read as NUL.
 */
function drawRuns(ctx: SKRSContext2D, text: string, x: number, y: number): void {
  let at = x;
  for (const run of text.match(/[A-Za-z]+|[^A-Za-z]+/g) ?? []) {
    ctx.fillText(run, at, y);
    at += ctx.measureText(run).width;
  }
}

/** A text PDF (Skia's PDF backend embeds a subset of the font with a ToUnicode map). */
export function pdf(paragraphs: string[]): Buffer {
  ensureFonts();
  const doc = new PDFDocument();
  const measure = createCanvas(10, 10).getContext('2d');
  measure.font = '12px RulingSerif';
  for (const page of layout(measure, paragraphs, 12)) {
    const ctx = doc.beginPage(A4.width, A4.height);
    ctx.fillStyle = '#000';
    ctx.font = '12px RulingSerif';
    for (const l of page) drawRuns(ctx as unknown as SKRSContext2D, l.text, l.x, l.y);
    doc.endPage();
  }
  return doc.close();
}

/**
 * Page images as a scanner would give them, at `dpi`; thresholded to black and white, which keeps
 * a 300 dpi A4 page PNG small.
 */
export function pageImages(paragraphs: string[], dpi = 300, size = 11, threshold = true): Buffer[] {
  ensureFonts();
  const scale = dpi / 72;
  const measure = createCanvas(10, 10).getContext('2d');
  measure.font = `${size}px RulingSerif`;
  return layout(measure, paragraphs, size).map((page) => {
    const canvas = createCanvas(Math.round(A4.width * scale), Math.round(A4.height * scale));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#000';
    ctx.font = `${size * scale}px RulingSerif`;
    for (const l of page) ctx.fillText(l.text, l.x * scale, l.y * scale);
    if (!threshold) return canvas.toBuffer('image/png');
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const d = img.data;
    for (let k = 0; k < d.length; k += 4) {
      const v = (d[k] ?? 255) < 160 ? 0 : 255;
      d[k] = v;
      d[k + 1] = v;
      d[k + 2] = v;
    }
    ctx.putImageData(img, 0, 0);
    return canvas.toBuffer('image/png');
  });
}

/** A scanned PDF: each page one image, no text layer. */
export async function scannedPdf(images: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument();
  for (const png of images) {
    const image = await loadImage(png);
    const ctx = doc.beginPage(A4.width, A4.height);
    (ctx as unknown as SKRSContext2D).drawImage(image, 0, 0, A4.width, A4.height);
    doc.endPage();
  }
  return doc.close();
}
