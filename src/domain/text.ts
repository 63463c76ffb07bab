/**
 * Text normalisation for Chinese source data: full-width → half-width, traditional → simplified,
 * spaces inside Chinese removed, brackets unified. Pure; hot paths avoid work on ASCII strings.
 */
import { Converter, Locale } from 'opencc-js/t2cn';

type Convert = (s: string) => string;
let t2s: Convert | undefined;
let convertible: Uint8Array | undefined;

/** The opencc converter is costly to build (dictionary tries), so it is built once, on first use. */
function simplifier(): Convert {
  t2s ??= Converter({ from: 't', to: 'cn' });
  return t2s;
}

/**
 * A BMP bitmap of every character the t → cn dictionaries can change: for each entry, the positions
 * where the key differs from its (first) replacement. A string with none of them cannot be changed by
 * opencc, so most (already simplified) cells skip it: ~20 ns instead of ~500 ns.
 */
function convertibleChars(): Uint8Array {
  if (convertible) return convertible;
  const mask = new Uint8Array(65536);
  const mark = (key: string, value: string): void => {
    const same = key.length === value.length;
    for (let i = 0; i < key.length; i++) {
      if (!same || key.charCodeAt(i) !== value.charCodeAt(i)) mask[key.charCodeAt(i)] = 1;
    }
  };
  for (const group of Locale.to.cn ?? []) {
    for (const dict of group) {
      if (typeof dict === 'string') {
        for (const entry of dict.split('|')) {
          const [key = '', value = ''] = entry.split(' ');
          mark(key, value);
        }
      } else {
        for (const [key, value] of dict) mark(key, value);
      }
    }
  }
  convertible = mask;
  return mask;
}

/**
 * The same bitmap, for callers that must decide "opencc leaves this unchanged" elsewhere (the CSV
 * import's SQL pre-screen builds a character class from it; one definition of what converts).
 */
export function convertibleCharMask(): Readonly<Uint8Array> {
  return convertibleChars();
}

/** True for UTF-16 surrogates: astral characters are rare, so they always go through opencc. */
function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

/** True when every code unit is ASCII: such strings need no width, script or bracket work. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Invisible characters that copy-paste from web pages and OCR layers leave inside values: zero-width
 * space, non-joiner and joiner, word joiner, BOM. They would make `浙0102\u200b执` a different key.
 */
export function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Full-width forms (U+FF01–U+FF5E) and the ideographic space → ASCII; zero-width characters are
 * dropped. Every normaliser here starts with this step, so none of them sees an invisible character.
 * `〇`/`Ｏ` are left alone: they are digits only inside Chinese-numeral dates (`date.ts`).
 */
export function toHalfWidth(s: string): string {
  if (isAscii(s)) return s;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r = -1;
    if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
    else if (c === 0x3000) r = 0x20;
    else if (isZeroWidth(c)) {
      out += s.slice(start, i);
      start = i + 1;
      continue;
    }
    if (r >= 0) {
      out += s.slice(start, i) + String.fromCharCode(r);
      start = i + 1;
    }
  }
  return start === 0 ? s : out + s.slice(start);
}

/** Traditional → simplified Chinese (OpenCC t → cn). ASCII strings are returned untouched. */
export function toSimplified(s: string): string {
  if (isAscii(s)) return s;
  const mask = convertibleChars();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f && (mask[c] === 1 || isSurrogate(c))) return simplifier()(s);
  }
  return s;
}

const SPACES = /[\s\u00a0\u3000]+/g;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/**
 * Removes whitespace runs unless both neighbours are Latin letters or digits:
 * `红谷 滩区` → `红谷滩区`, `ABC Trading Co` keeps its spaces. Leading/trailing space is trimmed.
 */
export function removeSpacesInChinese(s: string): string {
  const t = (isAscii(s) ? s : s.replace(ZERO_WIDTH, '')).trim();
  if (isAscii(t)) return t;
  return t.replace(SPACES, (m, offset: number) => {
    const before = t.charAt(offset - 1);
    const after = t.charAt(offset + m.length);
    return LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after) ? ' ' : '';
  });
}

const OPEN_BRACKETS = /[（〔［【〖｛{[]/g;
const CLOSE_BRACKETS = /[）〕］】〗｝}\]]/g;

/** Every bracket shape (full-width, 〔〕, 【】, [] …) → ASCII `(` and `)`. */
export function unifyBrackets(s: string): string {
  return s.replace(OPEN_BRACKETS, '(').replace(CLOSE_BRACKETS, ')');
}

/** All of the above, in the order that keeps each step simple. */
export function normalizeText(s: string): string {
  const t = s.trim();
  if (isAscii(t)) return unifyBrackets(t);
  if (isCleanText(t)) return t;
  return unifyBrackets(removeSpacesInChinese(toSimplified(toHalfWidth(t))));
}

/**
 * One pass over a trimmed string: true when no step of normalizeText would change it (no
 * full-width form, no whitespace, no non-ASCII bracket, nothing opencc converts). Most cells are.
 */
function isCleanText(t: string): boolean {
  const mask = convertibleChars();
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c <= 0x20 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0xa0)
      return false;
    if (c < 0x80) continue;
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000 || (c >= 0x3008 && c <= 0x3017)) return false;
    if (isZeroWidth(c)) return false;
    if (mask[c] === 1 || isSurrogate(c)) return false;
  }
  return true;
}

const NAME_NOISE = /[\s\u00a0·•．.、,，"'“”‘’]/g;

/**
 * Key for matching person and company names across datasets: `某某（北京）有限公司` and
 * `某某(北京)有限公司` give the same key. Drops all spaces and dots (`阿卜杜·热合曼`), upper-cases Latin.
 */
export function normalizeName(s: string): string {
  return unifyBrackets(toSimplified(toHalfWidth(s.trim())))
    .replace(NAME_NOISE, '')
    .toUpperCase();
}

const HEADER_UNIT = /\((?:元|万元|人民币元|人民币|元\/月|个|次|%|yuan)\)$/i;
const ROUND_BRACKETS = /[()]/g;
const HEADER_NOISE = /[\s\u00a0*:：\r\n]/g;

/**
 * Key for matching a spreadsheet header to a catalog label: trimmed, half-width, simplified,
 * without spaces, required-markers (`*`), colons, or a trailing unit (`金额（元）` → `金额`).
 */
export function normalizeHeader(s: string): string {
  const t = unifyBrackets(toSimplified(toHalfWidth(s))).replace(HEADER_NOISE, '');
  return t.replace(HEADER_UNIT, '').replace(ROUND_BRACKETS, '');
}

const WAN_UNIT = /[(（]\s*(?:人民币)?万元\s*[)）]\s*$|万元$/;

/**
 * The money unit a header declares: `标的额（万元）` → `'wan'` (cell values must be × 10,000), else
 * `'yuan'`. normalizeHeader drops the unit for matching, so the importer asks here before it does.
 */
export function moneyUnitOfHeader(header: string): 'yuan' | 'wan' {
  return WAN_UNIT.test(toHalfWidth(header.trim())) ? 'wan' : 'yuan';
}
