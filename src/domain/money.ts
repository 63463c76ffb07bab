/**
 * Amounts in yuan, exact: `1,234.56`, `400，000元`, `¥1,234`, `12.5万元`, `人民币3650.00元整`, `-12.00`.
 * Output is a decimal string with exactly 2 decimals (`'125000.00'`). Arithmetic is done on bigint
 * cents, never on floats, so `0.1 + 0.2` style drift cannot reach a lead's amount. Never throws.
 */
import { fail, ok, warning, type Parsed } from './diagnostic.ts';
import { toHalfWidth } from './text.ts';

const LEADING_ZEROS = /^0+(?=\d)/;
const COMMAS = /,/g;

/** Fast path: plain `-?\d+(\.\d{1,2})?` handled with string slicing only. */
function fastPlain(s: string): string | undefined {
  const n = s.length;
  if (n === 0 || n > 20) return undefined;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  const intEnd = i;
  if (intEnd === intStart) return undefined;
  let frac = '';
  if (i < n) {
    if (s.charCodeAt(i) !== 46) return undefined;
    frac = s.slice(i + 1);
    if (frac.length === 0 || frac.length > 2) return undefined;
    for (let k = 0; k < frac.length; k++) {
      const c = frac.charCodeAt(k);
      if (c < 48 || c > 57) return undefined;
    }
  }
  let intPart = s.slice(intStart, intEnd);
  if (intPart.length > 1 && intPart.charCodeAt(0) === 48)
    intPart = intPart.replace(LEADING_ZEROS, '');
  const out = `${intPart}.${frac.padEnd(2, '0')}`;
  return intStart === 1 && out !== '0.00' ? '-' + out : out;
}

const PREFIX = /^(?:人民币|RMB|CNY|¥|￥)+/i;
const SUFFIX = /(?:元整|圆整|元|圆|整|RMB|CNY)+$/i;
const SPACES = /[\s\u00a0\u3000]+/g;
const NUMBER = /^([-+]?)(\d+(?:,\d{3})*|\d*)(?:\.(\d*))?(?:E([-+]?\d{1,3}))?$/i;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/;

/** Float noise such as `1234.5600000000001` (a number printed by JS) has this many decimals or more. */
const FLOAT_NOISE_DECIMALS = 10;

function formatCents(cents: bigint): string {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  const yuan = abs / 100n;
  const fen = abs % 100n;
  const body = `${yuan}.${fen < 10n ? '0' : ''}${fen}`;
  return neg && abs !== 0n ? '-' + body : body;
}

const CN_NUMERAL = /[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟一二两三四五六七八九十百千角分]/;
const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  壹: 1,
  一: 1,
  贰: 2,
  貳: 2,
  二: 2,
  两: 2,
  叁: 3,
  參: 3,
  三: 3,
  肆: 4,
  四: 4,
  伍: 5,
  五: 5,
  陆: 6,
  陸: 6,
  六: 6,
  柒: 7,
  七: 7,
  捌: 8,
  八: 8,
  玖: 9,
  九: 9,
};
const CN_SMALL_UNITS: Readonly<Record<string, bigint>> = {
  拾: 10n,
  十: 10n,
  佰: 100n,
  百: 100n,
  仟: 1000n,
  千: 1000n,
};

/**
 * 中文大写金额 as written in rulings and receipts: `壹拾贰万叁仟肆佰伍拾陆元柒角捌分`, `十二万元`,
 * `壹亿贰仟万元`, `3万5千元`. Returns cents, or undefined when the text is not a well-formed amount.
 */
function readChineseAmount(t: string): bigint | undefined {
  let total = 0n; // completed 亿 groups
  let wan = 0n; // completed 万 group below 亿
  let section = 0n; // below 万
  let digit = -1;
  let cents = 0n;
  let afterYuan = false;
  for (const ch of t) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      // Mixed spellings such as 3万5千元: Arabic digit runs act as one numeral.
      digit = Math.max(digit, 0) * 10 + (ch.charCodeAt(0) - 48);
      continue;
    }
    if (afterYuan) {
      if (digit < 0 || (ch !== '角' && ch !== '分')) return undefined;
      cents += BigInt(digit) * (ch === '角' ? 10n : 1n);
      digit = -1;
      continue;
    }
    const unit = CN_SMALL_UNITS[ch];
    if (unit !== undefined) {
      section += BigInt(digit < 0 ? 1 : digit) * unit; // 十二 = 12: a bare 十 means 一十
      digit = -1;
    } else if (ch === '万' || ch === '萬') {
      wan = (section + BigInt(Math.max(digit, 0))) * 10_000n;
      section = 0n;
      digit = -1;
    } else if (ch === '亿' || ch === '億') {
      total = (total + wan + section + BigInt(Math.max(digit, 0))) * 100_000_000n;
      wan = 0n;
      section = 0n;
      digit = -1;
    } else if (ch === '元' || ch === '圆') {
      afterYuan = true;
      section += BigInt(Math.max(digit, 0));
      digit = -1;
    } else if (ch === '角' || ch === '分') {
      if (digit < 0) return undefined;
      cents += BigInt(digit) * (ch === '角' ? 10n : 1n);
      afterYuan = true;
      digit = -1;
    } else {
      return undefined;
    }
  }
  if (digit >= 0) {
    if (afterYuan) return undefined; // 伍角柒: a digit without its unit
    section += BigInt(digit);
  }
  return (total + wan + section) * 100n + cents;
}

/** Parses an amount in yuan into an exact 2-decimal string. */
export function parseMoney(s: string): Parsed<string> {
  const fast = fastPlain(s);
  if (fast !== undefined) return ok(fast);

  let t = toHalfWidth(s).replace(SPACES, '');
  if (t === '') return fail('money.empty', '金额为空');
  const raw = t;
  let negative = false;
  if (t.startsWith('(') && t.endsWith(')')) {
    // Accounting style `(1,234.00)` means a negative amount.
    negative = true;
    t = t.slice(1, -1);
  }
  t = t.replace('−', '-');
  const leadingMinus = t.startsWith('-');
  if (leadingMinus) {
    negative = !negative;
    t = t.slice(1);
  }
  t = t.replace(PREFIX, '').replace(SUFFIX, '');
  if (CN_NUMERAL.test(t)) {
    const cents = readChineseAmount(t);
    if (cents === undefined) {
      return fail('money.format', `无法识别的中文大写金额：“${raw.slice(0, 40)}”`, s);
    }
    return ok(formatCents(negative ? -cents : cents));
  }
  let unitExp = 0;
  if (t.endsWith('万')) {
    unitExp = 4;
    t = t.slice(0, -1);
  } else if (t.endsWith('亿')) {
    unitExp = 8;
    t = t.slice(0, -1);
  }
  const m = NUMBER.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '') || (leadingMinus && m[1] !== '')) {
    return fail('money.format', `无法识别的金额：“${raw.slice(0, 40)}”`, s);
  }
  if (m[1] === '-') negative = !negative;
  const intPart = m[2] ?? '';
  if (intPart.includes(',') && !GROUPED.test(intPart)) {
    return fail('money.format', `金额的千分位分隔符位置不对：“${raw.slice(0, 40)}”`, s);
  }
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? '0') + unitExp;
  // value = digits × 10^(exp − frac.length); cents = value × 100.
  const digits = BigInt((intPart.replace(COMMAS, '') || '0') + frac);
  const shift = exp - frac.length + 2;
  let cents: bigint;
  let rounded = false;
  if (shift >= 0) {
    cents = digits * 10n ** BigInt(shift);
  } else {
    const div = 10n ** BigInt(-shift);
    cents = digits / div;
    const rem = digits % div;
    if (rem !== 0n) {
      rounded = true;
      if (rem * 2n >= div) cents += 1n; // half away from zero, as amounts are rounded in Chinese accounting
    }
  }
  if (negative) cents = -cents;
  const value = formatCents(cents);
  if (rounded && frac.length < FLOAT_NOISE_DECIMALS) {
    return ok(value, [
      warning('money.rounded', `金额“${raw.slice(0, 40)}”超过两位小数，已四舍五入为 ${value}`, s),
    ]);
  }
  return ok(value);
}

/** Parses a canonical 2-decimal amount into bigint cents (for exact sums in services). */
export function toCents(amount: string): bigint {
  const neg = amount.startsWith('-');
  const [yuan = '0', fen = ''] = (neg ? amount.slice(1) : amount).split('.');
  const cents = BigInt(yuan) * 100n + BigInt(fen.padEnd(2, '0').slice(0, 2) || '0');
  return neg ? -cents : cents;
}

/** Formats bigint cents as a canonical 2-decimal amount. */
export function fromCents(cents: bigint): string {
  return formatCents(cents);
}
