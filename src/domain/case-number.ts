/**
 * 案号 (法〔2015〕137号, amended 法〔2018〕335号; legal-basis.md §6):
 * “（”+收案年度+“）”+法院代字+[专门审判代字]+类型代字+案件编号+“号”. Accepts real-world variants —
 * half-/full-width and mixed brackets, 〔〕 and [], spaces, traditional script, suffixes 之一/之二,
 * old-style 字第 and old court abbreviations (杭西, 甬仑, kept as written), a missing 号 — and
 * renders one canonical form `（2023）浙0102执1234号`. Never throws.
 */
import { fail, ok, warning, type Diagnostic, type Parsed } from './diagnostic.ts';
import { todayInChina } from './date.ts';
import { PROVINCE_ABBREVIATIONS } from './court-code.ts';
import { toHalfWidth, toSimplified, unifyBrackets } from './text.ts';

export { courtOf, COURT_LEVELS, type CourtInfo, type CourtLevel } from './court-code.ts';

/** 案号, parsed. */
export interface CaseNumber {
  year: number;
  /** 法院代字: `浙0102`, `浙01`, `浙`, `最高法`, or an old-style abbreviation as written (`杭西`). */
  courtCode: string;
  /** 专门审判代字 (one character, e.g. 知), when present. */
  specialCode?: string;
  /** 类型代字: 执, 执恢, 执保, 民初 … */
  typeCode: string;
  serial: number;
  /** `之一`, `之二` … */
  suffix?: string;
  /** `（2023）浙0102执1234号`, full-width brackets. */
  canonical: string;
}

/**
 * 类型代字 seen in practice. The SPC's 《人民法院案件类型及其代字标准》 was not retrieved
 * (legal-basis.md §6 ✗), so an unlisted code is accepted with a warning rather than rejected.
 */
export const KNOWN_TYPE_CODES: ReadonlySet<string> = new Set([
  ...['执', '执恢', '执保', '执异', '执复', '执监', '执协', '执他', '执配', '执请', '执外', '执审'],
  ...['民初', '民终', '民特', '民申', '民再', '民监', '民辖', '民辖终', '民辖监', '民撤', '民催'],
  ...['民督', '民督监', '民他', '民抗', '民提', '民算', '民认'],
  ...['行初', '行终', '行审', '行审复', '行申', '行再', '行监', '行辖', '行辖终', '行他', '行赔初'],
  ...['行赔终', '行赔申', '行非诉', '行保'],
  ...[
    '刑初',
    '刑终',
    '刑更',
    '刑申',
    '刑再',
    '刑核',
    '刑监',
    '刑他',
    '刑辖',
    '刑医',
    '刑没',
    '刑赔',
  ],
  ...['财保', '证保', '破', '破申', '破终', '破监', '强清', '强清终', '清申', '法赔', '委赔', '赔'],
  ...['司惩', '司惩复', '司救', '认台', '认港', '认澳', '协外认', '请台送', '商初', '商终'],
]);

/** 专门审判代字 observed in published numbers (知 = 知识产权, 金 = 金融, 环 = 环境资源, 海 = 海事). */
const SPECIAL_CODES = new Set(['知', '金', '环', '海']);

const CN_SUFFIX = '[一二三四五六七八九十]+';
// Fast path for the two spellings most cells use, `（2023）浙0102执1234号` and `(2023)浙0102执1234号`:
// province court code, a known type, no special code, serial without leading zeros.
const COMMON = new RegExp(
  `^[（(](\\d{4})[）)]([^\\d（）()](?:\\d{4}|\\d{2})?)([^\\d（）()\\s]{1,3})([1-9]\\d{0,7})号(之${CN_SUFFIX})?$`,
);
// Middle = non-digits, optionally digits and more non-digits (浙0102执, 杭西执字第, 最高法知民终): no backtracking.
const SHAPE = new RegExp(
  `^\\((\\d{4})\\)(\\D+(?:\\d+\\D+)?)(\\d{1,8})号?(之(?:${CN_SUFFIX}|[1-9]\\d?))?号?$`,
);
const SUFFIX_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** `之1` → `之一`, `之12` → `之十二`: the suffix is written in Chinese numerals in canonical form. */
function canonicalSuffix(suffix: string): string {
  const n = Number(suffix.slice(1));
  if (!Number.isInteger(n) || n === 0) return suffix;
  const tens = Math.floor(n / 10);
  const ones = SUFFIX_DIGITS[n % 10] ?? '';
  return '之' + (tens === 0 ? '' : (tens === 1 ? '' : (SUFFIX_DIGITS[tens] ?? '')) + '十') + ones;
}
const HAS_DIGIT = /\d/;
const NOT_HAN_OR_DIGIT = /[^\u3400-\u9fff\d]/;
const SPACES = /[\s\u00a0\u3000]+/g;
const MODERN_COURT = /^(最高法|[^\d])(\d{4}|\d{2})?(\D*)$/;
/** Characters that start a 类型代字; used to split old-style middles such as `杭西执`. */
const TYPE_START = /[执民刑行商财破赔司认强清证法委协请]/;

/** Next year at the latest: a case number cannot be filed further ahead. */
function maxCaseYear(): number {
  return Number(todayInChina().slice(0, 4)) + 1;
}

function canonicalOf(c: CaseNumber): string {
  return `（${c.year}）${c.courtCode}${c.specialCode ?? ''}${c.typeCode}${c.serial}号${c.suffix ?? ''}`;
}

interface Split {
  courtCode: string;
  specialCode?: string;
  typeCode: string;
}

/** Splits the part between year and serial into court, optional special code and type. */
function splitMiddle(middle: string): Split | undefined {
  const modern = MODERN_COURT.exec(middle);
  const abbr = modern?.[1];
  if (
    modern &&
    abbr &&
    (abbr === '最高法' || abbr === '军' || abbr === '兵' || PROVINCE_ABBREVIATIONS[abbr])
  ) {
    const court = abbr + (modern[2] ?? '');
    const rest = modern[3] ?? '';
    if (KNOWN_TYPE_CODES.has(rest)) return { courtCode: court, typeCode: rest };
    const head = rest.charAt(0);
    if (SPECIAL_CODES.has(head) && KNOWN_TYPE_CODES.has(rest.slice(1))) {
      return { courtCode: court, specialCode: head, typeCode: rest.slice(1) };
    }
    // Digits present: the court is modern even if the type is one we have not listed.
    if (modern[2] && rest !== '') return { courtCode: court, typeCode: rest };
  }
  if (KNOWN_TYPE_CODES.has(middle)) return { courtCode: '', typeCode: middle }; // (2014)执他字第22号
  // Old style: court abbreviation as written, then the type from its first type character.
  for (let i = 1; i < middle.length; i++) {
    if (TYPE_START.test(middle.charAt(i))) {
      const court = middle.slice(0, i);
      if (HAS_DIGIT.test(court)) return undefined;
      return { courtCode: court, typeCode: middle.slice(i) };
    }
  }
  return undefined;
}

function parseNormalised(v: string, original: string): Parsed<CaseNumber> {
  const m = SHAPE.exec(v);
  if (!m) {
    return fail(
      'case-number.format',
      `无法识别的案号“${original.trim().slice(0, 40)}”：应为“（年度）法院代字类型代字编号号”`,
      original,
    );
  }
  const year = Number(m[1]);
  const maxYear = maxCaseYear();
  if (year < 1980 || year > maxYear) {
    return fail('case-number.year', `案号年度 ${year} 不在合理范围（1980–${maxYear}）`, original);
  }
  // Pre-2016 numbers read 执字第123号: drop 字 and 第, which carry no information.
  let middle = m[2] ?? '';
  if (middle.endsWith('第')) middle = middle.slice(0, -1);
  if (middle.endsWith('字')) middle = middle.slice(0, -1);
  if (NOT_HAN_OR_DIGIT.test(middle)) {
    return fail(
      'case-number.format',
      `案号“${original.trim().slice(0, 40)}”含有无法识别的字符`,
      original,
    );
  }
  const split = splitMiddle(middle);
  if (!split || split.typeCode === '' || HAS_DIGIT.test(split.typeCode)) {
    return fail(
      'case-number.court',
      `案号“${original.trim().slice(0, 40)}”中的法院代字或类型代字无法识别`,
      original,
    );
  }
  const serial = Number(m[3]);
  if (serial === 0) return fail('case-number.serial', '案号编号不能为 0', original);
  // Built field by field: object spread after a property takes V8's slow path (measured ~1 µs).
  const value: CaseNumber = {
    year,
    courtCode: split.courtCode,
    typeCode: split.typeCode,
    serial,
    canonical: '',
  };
  if (split.specialCode) value.specialCode = split.specialCode;
  if (m[4]) value.suffix = canonicalSuffix(m[4]);
  value.canonical = canonicalOf(value);
  const warnings: Diagnostic[] = [];
  if (!KNOWN_TYPE_CODES.has(split.typeCode)) {
    warnings.push(
      warning(
        'case-number.type',
        `案号类型代字“${split.typeCode}”不在已知列表中，请核对`,
        original,
      ),
    );
  }
  return ok(value, warnings);
}

/** Parses a 案号 into its parts and canonical form. */
export function parseCaseNumber(s: string): Parsed<CaseNumber> {
  const c = COMMON.exec(s);
  if (c) {
    const year = Number(c[1]);
    const courtCode = c[2] ?? '';
    const typeCode = c[3] ?? '';
    if (
      year >= 1980 &&
      year <= maxCaseYear() &&
      PROVINCE_ABBREVIATIONS[courtCode.charAt(0)] !== undefined &&
      KNOWN_TYPE_CODES.has(typeCode)
    ) {
      const value: CaseNumber = { year, courtCode, typeCode, serial: Number(c[4]), canonical: '' };
      if (c[5]) value.suffix = c[5];
      value.canonical =
        s.charCodeAt(0) === 0xff08 && s.charCodeAt(5) === 0xff09 ? s : canonicalOf(value);
      return ok(value);
    }
  }
  const v = unifyBrackets(toHalfWidth(s)).replace(SPACES, '');
  if (v === '') return fail('case-number.empty', '案号为空');
  const first = parseNormalised(v, s);
  if (first.ok) return first;
  const simplified = toSimplified(v); // 執 → 执, 號 → 号 in traditional-script sources
  return simplified === v ? first : parseNormalised(simplified, s);
}

// A caption may name several numbers of one court and type: `（2016）粤03民辖终3827、3828号`,
// `（2015）杭西执字第682号、第683号`, ranges `18775-18776号`, `第5号至第7号`. The tail after the first
// serial is read item by item below.
const CANDIDATE = new RegExp(
  `\\((\\d{4})\\)([\\u3400-\\u9fff\\d]{1,16}?)(\\d{1,8})((?:号?(?:之${CN_SUFFIX})?(?:[、和及与至到~\\-\\u2013\\u2014])第?\\d{1,8})*)号(之(?:${CN_SUFFIX}|[1-9]\\d?(?!\\d)))?`,
  'g',
);
const MORE_SERIALS = new RegExp(
  `(号)?(?:之${CN_SUFFIX})?([、和及与至到~\\-\\u2013\\u2014])第?(\\d{1,8})`,
  'g',
);
const RANGE_MARKS = new Set(['至', '到', '~', '-', '\u2013', '\u2014']);
/**
 * A range longer than this is not expanded (a typo such as 18775-187760 would invent thousands of
 * cases): only its two written ends are returned.
 */
export const MAX_CASE_RANGE = 100;

/** The serials a caption names, in order: `3827、3828` → both, `18775-18777` → all three. */
function serialsOf(first: string, tail: string): number[] {
  const out = [Number(first)];
  for (const m of tail.matchAll(MORE_SERIALS)) {
    const written = m[3] ?? '';
    let n = Number(written);
    const prev = out[out.length - 1] ?? n;
    if (!RANGE_MARKS.has(m[2] ?? '')) {
      out.push(n);
      continue;
    }
    // 18775-76号: a shorter end replaces the last digits of the start (not after a 号: 1234号至5号).
    const start = String(prev);
    if (n <= prev && !m[1] && written.length < start.length) {
      n = Number(start.slice(0, start.length - written.length) + written);
    }
    if (n <= prev) continue; // 1234号至5号 is no range of this court's numbers
    if (n - prev <= MAX_CASE_RANGE) for (let k = prev + 1; k <= n; k++) out.push(k);
    else out.push(n);
  }
  return out;
}

/** Canonical 案号 mentioned in free text (petitions, rulings), in order of first appearance. */
export function findCaseNumbers(text: string): string[] {
  const v = toSimplified(unifyBrackets(toHalfWidth(text)).replace(SPACES, ''));
  const seen = new Set<string>();
  for (const m of v.matchAll(CANDIDATE)) {
    const head = `(${m[1] ?? ''})${m[2] ?? ''}`;
    const serials = m[4] ? serialsOf(m[3] ?? '', m[4]) : [Number(m[3])];
    for (let i = 0; i < serials.length; i++) {
      // A suffix written after the last 号 belongs to the last number only.
      const suffix = i === serials.length - 1 ? (m[5] ?? '') : '';
      const candidate = `${head}${serials[i]}号${suffix}`;
      const r = parseNormalised(candidate, candidate);
      if (r.ok) seen.add(r.value.canonical);
    }
  }
  return [...seen];
}
