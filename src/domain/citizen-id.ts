/**
 * 公民身份号码 (GB 11643-1999): normalise, check the ISO 7064 MOD 11-2 digit, convert 15 → 18,
 * read birth date, sex and region; recognise masked public-data forms (`330102********1234`).
 * Algorithm and examples: legal-basis.md §8.1. Never throws.
 */
import { fail, ok, warning, type Diagnostic, type Parsed } from './diagnostic.ts';
import { isValidYmd, todayNumberInChina } from './date.ts';
import { toHalfWidth } from './text.ts';

/** 公民身份号码, parsed. */
export interface CitizenId {
  /** 18 chars with upper-case X, or the masked form with `*` for every hidden character. */
  value: string;
  masked: boolean;
  /** `YYYY-MM-DD`, when readable (always for unmasked numbers). */
  birthDate?: string;
  /** From the parity of the 17th digit (顺序码): odd = 男, even = 女. */
  sex?: '男' | '女';
  /** 6-digit 地址码: place of first registration, never a residence (legal-basis.md §8.1). */
  regionCode?: string;
  /** True when the input was a legacy 15-digit number. */
  from15?: boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits (assumed to be digits). */
export function citizenIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Province-level prefixes of GB/T 2260 (plus 83 for Taiwan residents' 居住证 numbers). */
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

/** Characters sources use to hide digits. `X`/`x` counts as a mask only away from the check position. */
const MASK_CHARS = /[*＊×✱●○#]/;
const MASK_CHARS_G = /[*＊×✱●○#]/g;
const JUNK = /[\s\u00a0\u3000\-－]/g;

/** True when `s` looks like a masked ID (`330102********1234`, `3301**********123X`, `×××`). */
export function isMaskedId(s: string): boolean {
  if (MASK_CHARS.test(s)) return true;
  const t = s.trim().toUpperCase();
  const x = t.indexOf('X');
  return x >= 0 && x < t.length - 1;
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Birth date `YYYYMMDD` starting at `at` (digits already checked), or a Chinese reason it is impossible. */
function readBirth(s: string, at: number): { date: string } | { problem: string } {
  const y = digitsAt(s, at, 4);
  const m = digitsAt(s, at + 4, 2);
  const d = digitsAt(s, at + 6, 2);
  if (!isValidYmd(y, m, d) || y < 1800) {
    return { problem: `出生日期 ${s.slice(at, at + 8)} 不存在` };
  }
  const date = `${s.slice(at, at + 4)}-${s.slice(at + 4, at + 6)}-${s.slice(at + 6, at + 8)}`;
  if (y * 10000 + m * 100 + d > todayNumberInChina()) {
    return { problem: `出生日期 ${date} 晚于今天` };
  }
  return { date };
}

function regionWarnings(region: string): Diagnostic[] | undefined {
  if (PROVINCE_PREFIXES.has(region.slice(0, 2))) return undefined;
  return [warning('id.region', `身份证号码的地址码 ${region} 不属于已知省份`)];
}

/** Validates a normalised 18-character candidate (17 digits + digit/X). */
function parse18(v: string, from15: boolean): Parsed<CitizenId> {
  const birth = readBirth(v, 6);
  if ('problem' in birth) return fail('id.birth', `身份证号码${birth.problem}`);
  const expected = citizenIdCheckChar(v);
  if (v.charAt(17) !== expected) {
    return fail('id.checksum', `身份证号码校验位错误（末位应为 ${expected}）`);
  }
  const seq = v.charCodeAt(16) - 48;
  const region = v.slice(0, 6);
  const id: CitizenId = {
    value: v,
    masked: false,
    birthDate: birth.date,
    sex: seq % 2 === 1 ? '男' : '女',
    regionCode: region,
  };
  if (from15) id.from15 = true;
  return ok(id, regionWarnings(region));
}

/** Masked forms keep the visible characters in place; every hidden one becomes `*`. */
function parseMasked(v: string): Parsed<CitizenId> {
  // X is the check digit only in the last position and only when a visible digit precedes it.
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v.charAt(i);
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch === 'X' && i === v.length - 1 && i === 17 && isDigits(v, i - 1, i)) out += ch;
    else if (ch === 'X' || MASK_CHARS.test(ch)) out += '*';
    else return fail('id.chars', `身份证号码含有无法识别的字符“${ch}”`);
  }
  if (out.length > 18)
    return fail('id.length', `脱敏身份证号码长度为 ${out.length} 位，超过 18 位`);
  const id: CitizenId = { value: out, masked: true };
  if (isDigits(out, 0, 6)) id.regionCode = out.slice(0, 6);
  if (out.length === 18) {
    if (isDigits(out, 6, 14)) {
      const birth = readBirth(out, 6);
      if ('problem' in birth) return fail('id.birth', `身份证号码${birth.problem}`);
      id.birthDate = birth.date;
    }
    const seq = out.charCodeAt(16) - 48;
    if (seq >= 0 && seq <= 9) id.sex = seq % 2 === 1 ? '男' : '女';
  }
  return ok(id);
}

/**
 * Parses a 公民身份号码. Accepts full-width digits, spaces, lower-case x, legacy 15-digit numbers
 * (converted to 18 with `19` and a computed check digit) and masked forms. A wrong check digit or an
 * impossible birth date is an error (datasets.md: such rows go to the error report).
 */
export function parseCitizenId(s: string): Parsed<CitizenId> {
  // Fast path: the canonical 18-character form.
  if (s.length === 18 && isDigits(s, 0, 17)) {
    const last = s.charCodeAt(17);
    if ((last >= 48 && last <= 57) || last === 88) return parse18(s, false);
  }
  const v = toHalfWidth(s).replace(JUNK, '').toUpperCase();
  if (v === '') return fail('id.empty', '身份证号码为空');
  if (isMaskedId(v)) return parseMasked(v.replace(MASK_CHARS_G, '*'));
  if (v.length === 18) {
    if (!isDigits(v, 0, 17) || !(isDigits(v, 17, 18) || v.charAt(17) === 'X')) {
      return fail('id.chars', '身份证号码应为 17 位数字加 1 位数字或 X');
    }
    return parse18(v, false);
  }
  if (v.length === 15) {
    if (!isDigits(v, 0, 15)) return fail('id.chars', '15 位身份证号码应全部为数字');
    const first17 = v.slice(0, 6) + '19' + v.slice(6);
    return parse18(first17 + citizenIdCheckChar(first17), true);
  }
  return fail('id.length', `身份证号码应为 18 位（或旧式 15 位），实际为 ${v.length} 位`);
}
