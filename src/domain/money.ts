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
