/**
 * Chinese numerals (小写 一二三, 大写 壹贰叁, traditional 貳參陸, mixed `3万5千`), read strictly: a
 * string that is not a well-formed numeral gives undefined rather than a guess. Used by money.ts
 * (amounts) and date.ts (months, days, times). Pure.
 */

/** Digit characters → value. 〇 and 零 are both zero; 两/兩 mean 2. */
export const CN_DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  兩: 2,
  贰: 2,
  貳: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNIT: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

const WAN = new Set(['万', '萬']);
const YI = new Set(['亿', '億']);

/**
 * Reads an integer numeral: `一百二十三`, `壹拾贰万叁仟`, `一千零五`, `3万5千`, `一亿零二千`.
 * Rules (those of written amounts and of speech, which agree):
 * - units descend within a 万 group (`一十一百` is refused), 万 appears once per 亿 group;
 * - two digits never follow each other (`一一`, `一百一二三` are refused) — only 零 marks a gap;
 * - a bare unit counts one only where a group starts (`十二` = 12, `千三` = 1300);
 * - a final digit right after a unit, with no 零 between, stands for the next lower unit
 *   (`一百二` = 120, `两万二` = 22000, `一亿二` = 120000000), as `一百零二` is how 102 is written.
 * Arabic digit runs stand where one digit may (`3万5千`).
 */
export function readChineseInteger(s: string): bigint | undefined {
  if (s === '') return undefined;
  let total = 0n; // completed 亿 groups
  let wan = 0n; // the completed 万 part of the current 亿 group
  let section = 0n; // below 万
  let digit = -1n; // pending digit, not yet multiplied by a unit
  let lastSmall = 10_000; // smallest small unit so far in the section: the next must be smaller
  let wanSeen = false;
  let lastUnit = 0n; // the unit just before the pending digit (for the elision rule)
  let zero = false; // a 零 since the last unit
  let digitAfterUnit = false;
  let digitArabic = false;
  let onlyZeros = true;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    let value = CN_DIGIT_VALUE[ch];
    let arabic = false;
    if (value === undefined && ch >= '0' && ch <= '9') {
      let n = ch.charCodeAt(0) - 48;
      while (i + 1 < chars.length && (chars[i + 1] ?? '') >= '0' && (chars[i + 1] ?? '') <= '9') {
        n = n * 10 + (chars[i + 1] ?? '0').charCodeAt(0) - 48;
        i++;
        if (n > 1e15) return undefined;
      }
      value = n;
      arabic = true;
    }
    if (value !== undefined) {
      if (digit >= 0n) return undefined; // 一一: two digits in a row
      if (value === 0 && !arabic) {
        zero = true;
        continue;
      }
      onlyZeros = false;
      digit = BigInt(value);
      digitAfterUnit = lastUnit > 0n && !zero;
      digitArabic = arabic;
      continue;
    }
    onlyZeros = false;
    const small = SMALL_UNIT[ch];
    if (small !== undefined) {
      if (digit < 0n) {
        // A bare unit means one of it only where a group starts (十二, 千三).
        if (section !== 0n || zero || lastSmall !== 10_000) return undefined;
        digit = 1n;
      }
      if (small >= lastSmall) return undefined;
      section += digit * BigInt(small);
      lastSmall = small;
      lastUnit = BigInt(small);
    } else if (WAN.has(ch)) {
      const x = section + (digit < 0n ? 0n : digit);
      if (wanSeen || x === 0n) return undefined;
      wan = x * 10_000n;
      section = 0n;
      wanSeen = true;
      lastSmall = 10_000;
      lastUnit = 10_000n;
    } else if (YI.has(ch)) {
      const x = wan + section + (digit < 0n ? 0n : digit);
      if (x === 0n) return undefined;
      total = (total + x) * 100_000_000n;
      wan = 0n;
      section = 0n;
      wanSeen = false;
      lastSmall = 10_000;
      lastUnit = 100_000_000n;
    } else {
      return undefined;
    }
    digit = -1n;
    zero = false;
  }
  if (onlyZeros) return zero ? 0n : undefined;
  if (digit >= 0n) {
    // 3万5: elision of an Arabic figure is too unusual to guess (35000 or 30005).
    if (digitAfterUnit && digitArabic && (lastUnit > 10n || digit > 9n)) return undefined;
    section += digitAfterUnit ? (digit * lastUnit) / 10n : digit;
  } else if (zero) {
    return undefined; // 一千零: a 零 must be followed by a digit
  }
  return total + wan + section;
}

/** A small numeral (months, days, hours, minutes) as a number: `十二`, `二十五`, `五`, `12`. */
export function readSmallNumber(s: string): number | undefined {
  if (s.length <= 2 && s.length > 0) {
    let n = 0;
    let digits = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) digits = false;
      n = n * 10 + c;
    }
    if (digits) return n;
  }
  // Elision is for amounts: 二十五 is 25, but 一百二 as a day or minute is no number.
  for (const ch of s) if (SMALL_UNIT[ch] === 100 || SMALL_UNIT[ch] === 1000) return undefined;
  const v = readChineseInteger(s);
  return v === undefined || v > 99n ? undefined : Number(v);
}
