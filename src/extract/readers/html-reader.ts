import { decodeEntities } from '../ruling-text.ts';
import type { DocumentText } from '../types.ts';
import { decodeText } from './text-reader.ts';

const BLOCK_END =
  /<\/(?:div|p|h[1-6]|li|tr|table|section|article|title)\s*>|<br\s*\/?>|<(?:div|p|tr|li|h[1-6])\b[^>]*>/gi;

/**
 * Court websites' HTML → paragraphs: scripts, styles and comments dropped, one paragraph per
 * `<div>`/`<p>`/`<br>`, anchors and spans removed, entities decoded once (`&lt;` → `<`).
 */
export function htmlToText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<title\b[\s\S]*?<\/title\s*>/gi, '');
  const text = body.replace(BLOCK_END, '\n').replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

export function readHtml(buf: Uint8Array): DocumentText {
  const raw = decodeText(buf);
  // A page declaring GBK but read as valid UTF-8 is rare; a GBK page fails UTF-8 and is decoded as GB18030.
  return { text: htmlToText(raw), layout: 'paragraphs', ocr: false, pages: 1, notes: [] };
}
