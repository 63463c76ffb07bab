import type { DocumentText } from '../types.ts';

/** Plain text in UTF-8 (with or without BOM) or GBK/GB18030, the two encodings courts' exports use. */
export function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

export function readText(buf: Uint8Array): DocumentText {
  return { text: decodeText(buf), layout: 'paragraphs', ocr: false, pages: 1, notes: [] };
}
