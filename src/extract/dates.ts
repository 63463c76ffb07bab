/** A date found in text, ISO, with its position. */
export interface DateHit {
  iso: string;
  index: number;
  end: number;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 1980 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Body dates use Arabic numerals; `号` for `日` is a common typo (2021年1月14号).
const ARABIC_DATE =
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/g;

/**
 * Body dates in the text, in order: Arabic numerals, and Chinese numerals as some courts write
 * the body too (`申请执行人于二〇二一年三月五日向本院申请执行`).
 */
export function findDates(text: string): DateHit[] {
  const hits = [...findArabicDates(text), ...chineseDates(text)];
  return hits.length < 2 ? hits : hits.sort((a, b) => a.index - b.index);
}

/** Arabic-numeral dates in the text, in order. */
export function findArabicDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of text.matchAll(ARABIC_DATE)) {
    const y = Number(m[1] ?? m[4]);
    const mo = Number(m[2] ?? m[5]);
    const d = Number(m[3] ?? m[6]);
    const value = iso(y, mo, d);
    if (value) hits.push({ iso: value, index: m.index, end: m.index + m[0].length });
  }
  return hits;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  О: 0,
  '○': 0,
  0: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `十二` → 12, `二十一` → 21, `三十` → 30, `九` → 9. */
function cnNumber(s: string): number {
  if (!s.includes('十')) return CN_DIGITS[s] ?? NaN;
  const [tens, units] = s.split('十');
  return (tens ? (CN_DIGITS[tens] ?? NaN) : 1) * 10 + (units ? (CN_DIGITS[units] ?? NaN) : 0);
}

// Signature dates: 二〇一八年六月十二日, also with a letter O (`二Ｏ一八`, NFKC → `二O一八`).
const CN_DATE =
  /([〇零OoО○0一二三四五六七八九]{4})年(十[一二]?|[一二三四五六七八九])月([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日/g;

// OCR reads 八 as 人 and leaves stray marks (C, _) between the numerals of a signature date.
const OCR_NOISE = /(?<=[〇零O一二三四五六七八九十])[Cc_|'"]+(?=[〇零O一二三四五六七八九十年月日])/g;

/** Chinese-numeral dates in whitespace-free text, in order. */
export function findChineseDates(compact: string): DateHit[] {
  const cleaned = compact
    .replace(OCR_NOISE, '')
    .replace(/(?<=[〇零O一二三四五六七八九十])人(?=[〇零O一二三四五六七八九十年月日])/g, '八');
  return chineseDates(cleaned);
}

/** Chinese-numeral dates as written (positions are the text's own). */
function chineseDates(text: string): DateHit[] {
  const hits: DateHit[] = [];
  if (!text.includes('年')) return hits;
  for (const m of text.matchAll(CN_DATE)) {
    const [, y, mo, d] = m;
    if (!y || !mo || !d) continue;
    const year = Number([...y].map((c) => CN_DIGITS[c] ?? NaN).join(''));
    const value = iso(year, cnNumber(mo), cnNumber(d));
    if (value) hits.push({ iso: value, index: m.index, end: m.index + m[0].length });
  }
  return hits;
}
