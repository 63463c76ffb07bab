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

/** NFKC (Kangxi radicals, full width) and the radical-supplement fixes: glyph forms to text. */
export function foldGlyphs(s: string): string {
  return s.normalize('NFKC').replace(RADICALS, (c) => RADICAL_FIXES[c] ?? c);
}

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
 * Lines a web page puts around a published ruling: `…号.doc 发布日期：… 浏览：…次`, 来源, 打印, and a
 * court site's breadcrumb (`首页 > 执行公开 > 终本案件公开`, `当前位置：…`).
 */
const WEB_CHROME =
  /发布日期[:]?\s*\d{4}|浏览(?:次数)?[:]?\s*\d+|\.(?:docx?|pdf|wps)(?:\s|$)|^(?:来源|打印|关闭|分享)[:]?|中国裁判文书网|^(?:首页|网站首页|当前位置|您的位置|您现在的位置)\s*[:>»]/;
// Where the chrome of a title line ends, when the page put the ruling on the same line.
const CHROME_END =
  /发布日期[:]?\s*\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|浏览(?:次数)?[:]?\s*\d+次?|\.(?:docx?|pdf|wps)/g;
const CHROME_SCAN = 300;
// A paragraph that goes on in the next line (a hard wrap), unless that line opens an entry.
const OPENS_ENTRY =
  /^(?:申请执行人|被执行人|复议申请人|异议人|案外人|第三人|法定代表人|负责人|委托|诉讼代理人|法定代理人|本院|依照|依据|裁定如下|审判|执行员|书记员|法官助理|人民陪审员|截至|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、]|\(\d)/;
const WRAP_WIDTH = 24;
// Noise after names in published texts: `??` for characters the page could not encode, and
// private-use code points (the site's own glyphs) — neither belongs to a name.
const NOISE = /[\uE000-\uF8FF\uFFFD]|(?<=[\u4e00-\u9fff][ \t\u3000]*)\?+/g;

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
    .replace(/\u0000/g, '')
    .replace(NOISE, '');
  const lines = nfkc
    .split('\n')
    .map((line) => removeSpacesInChinese(line))
    .filter((line) => line !== '');
  // The web page's title and metadata lines come before the court; they are not the ruling.
  // The page title (`…纠纷执行实施类执行裁定书`) may stand on its own line above the metadata.
  const chrome = lines.slice(0, 4).findLastIndex((l) => WEB_CHROME.test(l));
  const chromeLine = chrome >= 0 ? lines[chrome] : undefined;
  if (
    chromeLine !== undefined &&
    (chrome === lines.length - 1 || chromeLine.length > CHROME_SCAN)
  ) {
    // A text without line breaks: the ruling follows the chrome on its line; cut after the chrome.
    const ends = [...chromeLine.slice(0, CHROME_SCAN).matchAll(CHROME_END)];
    const last = ends.at(-1);
    if (last) lines.splice(0, chrome + 1, chromeLine.slice(last.index + last[0].length));
  } else if (chrome >= 0) lines.splice(0, chrome + 1);
  // A text copied with hard wraps has many long lines that stop mid-sentence; a paragraph text
  // may have one (an item list without its final 。), which must stay a paragraph.
  const long = lines.filter((l) => l.length >= WRAP_WIDTH);
  const open = long.filter((l) => !SENTENCE_END.test(l)).length;
  const hardWrapped = open >= 3 && open * 3 >= long.length;
  let text = '';
  let previous = '';
  for (const line of lines) {
    // Visual lines (PDF, OCR) join unless a sentence ended; paragraphs join only where a long
    // line stops mid-sentence (a text copied with hard wraps: `…洪山区劳` / `动人事争议…`).
    const joins =
      layout === 'lines'
        ? !SENTENCE_END.test(previous)
        : hardWrapped &&
          previous.length >= WRAP_WIDTH &&
          !SENTENCE_END.test(previous) &&
          !OPENS_ENTRY.test(line);
    if (text === '') text = line;
    else text += (joins ? '' : '\n') + line;
    previous = joins ? previous + line : line;
  }
  // Digits split by a comma and a space (`400, 000`) are one amount; OCR also reads `，` as `，`.
  text = text.replace(/(\d)[,，]\s*(?=\d{3}(?!\d))/g, '$1,');
  return { text, compact: text.replace(/\s+/g, '') };
}

// A court document named in book-title marks (`送达《执行通知书》《报告财产令》`) is the act's own
// name, not a citation: laws end in 法, 规定, 解释, 意见 …, documents in 书, 令, 表, 单, 公告.
const DOCUMENT_TITLE = /(?:书|令|表|单|公告)$/;

/**
 * Removes cited laws (`《…《中华人民共和国民事诉讼法》的解释》`, `<…>`, `〈…〉`) so their titles
 * (限制消费, 失信被执行人) are not read as acts. Nested brackets are matched by depth; a document's
 * name in 《》 is kept.
 */
export function stripCitations(s: string): string {
  let out = '';
  let depth = 0;
  let inner = '';
  for (const c of s) {
    if (c === '《' || c === '<' || c === '〈' || c === '«') {
      if (depth === 0) inner = '';
      else inner += c;
      depth++;
    } else if ((c === '》' || c === '>' || c === '〉' || c === '»') && depth > 0) {
      depth--;
      if (depth === 0) out += DOCUMENT_TITLE.test(inner) && c === '》' ? `《${inner}》` : '《》';
      else inner += c;
    } else if (depth === 0) out += c;
    else inner += c;
  }
  // An opener without its closer is a stray `<`: keep the text rather than lose the rest of it.
  return depth === 0 ? out : s;
}
