/**
 * Amounts in yuan, exact: `1,234.56`, `400，000元`, `¥1,234`, `12.5万元`, `人民币3650.00元整`, `-12.00`.
 * Output is a decimal string with exactly 2 decimals (`'125000.00'`). Arithmetic is done on bigint
 * cents, never on floats, so `0.1 + 0.2` style drift cannot reach a lead's amount. Never throws.
 */
import { fail, ok, warning, type Parsed } from './diagnostic.ts';
import { CN_DIGIT_VALUE, readChineseInteger } from './chinese-numeral.ts';
import { toHalfWidth } from './text.ts';

const LEADING_ZEROS = /^0+(?=\d)/;
const COMMAS = /,/g;

/**
 * Amounts are stored as DECIMAL(18,2): at most 16 digits of yuan. Anything larger is a typo or a
 * float artefact (`1e309`), refused rather than stored as a 310-digit figure.
 */
const MAX_YUAN_DIGITS = 16;
const MAX_CENTS = 10n ** BigInt(MAX_YUAN_DIGITS + 2) - 1n;

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
  if (intPart.length > MAX_YUAN_DIGITS) return undefined; // the slow path says why
  const out = `${intPart}.${frac.padEnd(2, '0')}`;
  return intStart === 1 && out !== '0.00' ? '-' + out : out;
}

// `人民币（大写）：壹万元整` on receipts and rulings: the labels carry no amount.
const PREFIX = /^(?:人民币|RMB|CNY|¥|￥|\((?:大写|小写)\)|大写|小写|金额|:)+/i;
const SUFFIX = /(?:[元圆圓块塊][整正]?|整|钱|RMB|CNY)+$/i;
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

/** A character that only a Chinese-numeral amount holds (万/亿 alone also follow Arabic figures). */
const CN_NUMERAL =
  /[零〇壹一贰貳二两兩叁參三肆四伍五陆陸六柒七捌八玖九拾十佰百仟千角毛分块塊圆圓点]/;
/** 元 and its spellings: 圆/圓 in 大写, 块/塊 in speech. */
const YUAN = /[元圆圓块塊]/;
const CN_D = '[零〇壹一贰貳二两兩叁參三肆四伍五陆陸六柒七捌八玖九0-9]';
/** What follows 元: `伍角`, `三毛五`, `伍角陆分`, `零五分`, `零五`, `五` (两块五 = 2.50), `五分`. */
const JIAO_FEN = new RegExp(`^(${CN_D})[角毛](?:(${CN_D})分)?$`);
const MAO_FEN_ELIDED = new RegExp(`^(${CN_D})毛(${CN_D})$`);
const FEN_ONLY = new RegExp(`^零?(${CN_D})分$`);
const FEN_ELIDED = new RegExp(`^零(${CN_D})$`);
const JIAO_ELIDED = new RegExp(`^(${CN_D})$`);
const DECIMAL_DIGITS = new RegExp(`^${CN_D}{1,2}$`);

function digitOf(ch: string | undefined): bigint {
  if (ch === undefined) return 0n;
  const v = CN_DIGIT_VALUE[ch];
  return BigInt(v ?? ch.charCodeAt(0) - 48);
}

/**
 * Cents below one yuan from what follows 元 (or a whole `伍角`), or undefined when malformed. A
 * digit without its unit (两块五, 一块零五) is speech, said only with 块: `壹万元伍` is refused.
 */
function readFraction(f: string, spoken: boolean): bigint | undefined {
  if (f === '') return 0n;
  let m = JIAO_FEN.exec(f);
  if (m) return digitOf(m[1]) * 10n + digitOf(m[2]);
  m = FEN_ONLY.exec(f);
  if (m) return digitOf(m[1]);
  m = MAO_FEN_ELIDED.exec(f); // 三毛五: 毛 is itself speech
  if (m) return digitOf(m[1]) * 10n + digitOf(m[2]);
  if (!spoken) return undefined;
  m = FEN_ELIDED.exec(f);
  if (m) return digitOf(m[1]);
  m = JIAO_ELIDED.exec(f);
  if (m) return digitOf(m[1]) * 10n;
  return undefined;
}

/**
 * 中文金额 as written in rulings and receipts or said aloud: `壹拾贰万叁仟肆佰伍拾陆元柒角捌分`,
 * `十二万元`, `壹萬貳仟圓`, `3万5千元`, `一百二`, `十块三毛`, `一百二十三点四五`. Returns cents, or
 * undefined when the text is not a well-formed amount (chinese-numeral.ts states the rules).
 */
function readChineseAmount(t: string): bigint | undefined {
  const y = YUAN.exec(t);
  if (y) {
    if (YUAN.test(t.slice(y.index + 1))) return undefined; // 元 twice
    const yuan = y.index === 0 ? undefined : readChineseInteger(t.slice(0, y.index));
    const spoken = y[0] === '块' || y[0] === '塊';
    const cents = readFraction(t.slice(y.index + 1), spoken);
    return yuan === undefined || cents === undefined ? undefined : yuan * 100n + cents;
  }
  const dot = t.indexOf('点');
  if (dot >= 0) {
    const yuan = readChineseInteger(t.slice(0, dot));
    const frac = t.slice(dot + 1);
    if (yuan === undefined || !DECIMAL_DIGITS.test(frac)) return undefined;
    const [a, b] = [...frac];
    return yuan * 100n + digitOf(a) * 10n + digitOf(b);
  }
  const f = t.search(/[角毛分]/);
  if (f >= 0) {
    // No 元: a fraction alone (伍角, 三毛五). Digits before it belong to the fraction.
    return readFraction(t, false);
  }
  const yuan = readChineseInteger(t);
  return yuan === undefined ? undefined : yuan * 100n;
}

function outOfRange(raw: string, s: string): Parsed<string> {
  return fail(
    'money.range',
    `金额“${raw.slice(0, 40)}”超出可记录的范围（整数部分最多 ${MAX_YUAN_DIGITS} 位），请核对`,
    s,
  );
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
  if (t.startsWith('负')) {
    negative = !negative;
    t = t.slice(1);
  }
  if (CN_NUMERAL.test(t)) {
    const cents = readChineseAmount(t);
    if (cents === undefined) {
      return fail('money.format', `无法识别的中文金额：“${raw.slice(0, 40)}”`, s);
    }
    if (cents > MAX_CENTS) return outOfRange(raw, s);
    return ok(formatCents(negative ? -cents : cents));
  }
  let unitExp = 0;
  const last = t.charAt(t.length - 1);
  if (last === '万' || last === '萬') {
    unitExp = 4;
    t = t.slice(0, -1);
  } else if (last === '亿' || last === '億') {
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
  if (cents > MAX_CENTS) return outOfRange(raw, s);
  if (negative) cents = -cents;
  const value = formatCents(cents);
  if (rounded && frac.length < FLOAT_NOISE_DECIMALS) {
    return ok(value, [
      warning('money.rounded', `金额“${raw.slice(0, 40)}”超过两位小数，已四舍五入为 ${value}`, s),
    ]);
  }
  return ok(value);
}

const STATES_UNIT = /[万萬亿億元圆圓块塊角毛分]/;

/**
 * An amount in a column headed in 万元 (`标的额（万元）`): a plain figure counts in 10,000 yuan; a
 * cell that states its own unit (`12.5万`, `3000元`, `壹万元`) is taken as written.
 */
export function parseMoneyInWan(s: string): Parsed<string> {
  const r = parseMoney(s);
  if (!r.ok || STATES_UNIT.test(s)) return r;
  const cents = toCents(r.value) * 10_000n;
  if (cents > MAX_CENTS || -cents > MAX_CENTS) return outOfRange(s.trim(), s);
  return ok(formatCents(cents), r.warnings);
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
