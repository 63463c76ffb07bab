import { removeSpacesInChinese } from '../domain/text.ts';
import type { TextLayout } from './types.ts';

/**
 * CJK Radicals Supplement code points that PDF producers write into ToUnicode maps instead of the
 * ideograph (the glyph is shared): `⺠` for 民, `⻓` for 长 … NFKC already folds the Kangxi block.
 */
const RADICAL_FIXES: Record<string, string> = {
  '⺠': '民',
  '⻓': '长',
  '⻅': '见',
  '⻆': '角',
  '⻋': '车',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
  '⺟': '母',
  '⺩': '王',
  '⻄': '西',
  '⻨': '麦',
  '⻭': '齿',
};
const RADICALS = new RegExp(`[${Object.keys(RADICAL_FIXES).join('')}]`, 'g');

const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  times: '×',
  emsp: ' ',
  ensp: ' ',
  thinsp: ' ',
};

/** Decodes HTML character references (`&lt;`, `&#12290;`, `&#x3002;`); unknown names stay as they are. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** A ruling's text prepared for the patterns: paragraphs separated by `\n`, and a whitespace-free copy. */
export interface RulingText {
  /** Paragraphs (or joined visual lines) separated by `\n`; spaces inside Chinese removed. */
  text: string;
  /** `text` without any whitespace: for the classifier and the signature date. */
  compact: string;
}

const SENTENCE_END = /[。:;!?”」]$/;

/**
 * Normalises a ruling: NFKC (full-width → half-width, Kangxi radicals → ideographs), entities,
 * spaces inside Chinese removed (`终结本 次执行程序`, `红谷 滩区`), full-width `，` inside amounts
 * made a thousands separator. `lines` layout (PDF, OCR) joins visual lines that do not end a sentence.
 */
export function normalizeRulingText(raw: string, layout: TextLayout): RulingText {
  const nfkc = decodeEntities(raw.replace(/^\uFEFF/, ''))
    .normalize('NFKC')
    .replace(RADICALS, (c) => RADICAL_FIXES[c] ?? c)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2028\u2029]/g, '\n')
    .replace(/\u0000/g, '');
  const lines = nfkc
    .split('\n')
    .map((line) => removeSpacesInChinese(line))
    .filter((line) => line !== '');
  let text: string;
  if (layout === 'lines') {
    text = '';
    for (const line of lines) {
      if (text === '') text = line;
      else text += (SENTENCE_END.test(text) ? '\n' : '') + line;
    }
  } else {
    text = lines.join('\n');
  }
  // Digits split by a comma and a space (`400, 000`) are one amount; OCR also reads `，` as `，`.
  text = text.replace(/(\d)[,，]\s*(?=\d{3}(?!\d))/g, '$1,');
  return { text, compact: text.replace(/\s+/g, '') };
}

/**
 * Removes cited laws (`《…《中华人民共和国民事诉讼法》的解释》`, `<…>`, `〈…〉`) so their titles
 * (限制消费, 失信被执行人) are not read as acts. Nested brackets are matched by depth.
 */
export function stripCitations(s: string): string {
  let out = '';
  let depth = 0;
  for (const c of s) {
    if (c === '《' || c === '<' || c === '〈' || c === '«') depth++;
    else if ((c === '》' || c === '>' || c === '〉' || c === '»') && depth > 0) {
      depth--;
      if (depth === 0) out += '《》';
    } else if (depth === 0) out += c;
  }
  // An opener without its closer is a stray `<`: keep the text rather than lose the rest of it.
  return depth === 0 ? out : s;
}
