/**
 * 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714), legal-basis.md §8.2–8.3.
 * A failed checksum is a warning, never a rejection: early pilot codes such as
 * `91350100M0001TGQXM` are lawful yet fail it. Never throws.
 */
import { fail, ok, warning, type Diagnostic, type Parsed } from './diagnostic.ts';
import { toHalfWidth } from './text.ts';

/** The 31 USCC symbols; a symbol's value is its index (no I, O, Z, S, V). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** charCode → USCC value, -1 for characters outside the charset. */
const USCC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) USCC_VALUE[USCC_CHARSET.charCodeAt(i)] = i;

const JUNK = /[\s\u00a0\u3000\-－—_.·]/g;

/**
 * GB 32100 table 1: 登记管理部门代码 (position 1) → the 机构类别代码 (position 2) it assigns.
 * 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管),
 * A 中央军委改革和编制办公室, N 农业, Y 其他 (category always 1).
 */
const CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/** GB/T 2260 province prefixes of 登记管理机关行政区划码, plus 10 for national registrations (100000). */
const REGION_PREFIXES: ReadonlySet<string> = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

/** True when all 18 characters are USCC symbols and positions 3–8 (登记管理机关行政区划码) are digits. */
export function hasCreditCodeShape(v: string): boolean {
  if (v.length !== 18) return false;
  for (let i = 0; i < 18; i++) {
    const c = v.charCodeAt(i);
    if (c >= 128 || USCC_VALUE[c] === -1) return false;
    if (i >= 2 && i < 8 && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** The GB 32100 check character for the first 17 symbols (assumed to be in the charset). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++)
    sum += (USCC_VALUE[first17.charCodeAt(i)] ?? 0) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** The GB 11714 check character for an 8-character 本体代码 (digits and A–Z = 10–35). */
export function orgCodeCheckChar(body8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else return undefined;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

function normalise(s: string): string {
  return toHalfWidth(s).replace(JUNK, '').toUpperCase();
}

/**
 * Parses a 统一社会信用代码 → 18 upper-case characters. Wrong length or characters outside the
 * charset are errors; a failed USCC or embedded 组织机构代码 checksum is a warning.
 */
export function parseCreditCode(s: string): Parsed<string> {
  const v = hasCreditCodeShape(s) ? s : normalise(s);
  if (v === '') return fail('credit-code.empty', '统一社会信用代码为空');
  if (v.length !== 18) {
    return fail('credit-code.length', `统一社会信用代码应为 18 位，实际为 ${v.length} 位`, s);
  }
  if (!hasCreditCodeShape(v)) {
    return fail(
      'credit-code.chars',
      '统一社会信用代码含有不允许的字符（第3–8位须为数字，字母不含 I、O、Z、S、V）',
      s,
    );
  }
  const categories = CATEGORIES[v.charAt(0)];
  if (categories === undefined) {
    return fail(
      'credit-code.department',
      `统一社会信用代码第1位（登记管理部门代码）“${v.charAt(0)}”不存在：应为 1–9、A、N 或 Y`,
      s,
    );
  }
  const warnings: Diagnostic[] = [];
  if (!categories.includes(v.charAt(1))) {
    warnings.push(
      warning(
        'credit-code.category',
        `统一社会信用代码第2位（机构类别代码）“${v.charAt(1)}”不属于登记管理部门“${v.charAt(0)}”，请核对`,
        v,
      ),
    );
  }
  if (!REGION_PREFIXES.has(v.slice(2, 4))) {
    warnings.push(
      warning(
        'credit-code.region',
        `统一社会信用代码第3–8位（登记管理机关行政区划码）${v.slice(2, 8)} 不属于已知省份，请核对`,
        v,
      ),
    );
  }
  const expected = creditCodeCheckChar(v);
  if (v.charAt(17) !== expected) {
    warnings.push(
      warning(
        'credit-code.checksum',
        `统一社会信用代码校验位不符（计算为 ${expected}）；早期试点代码可能如此，请核对`,
        v,
      ),
    );
  }
  const orgCheck = orgCodeCheckChar(v.slice(8, 16));
  if (orgCheck !== v.charAt(16)) {
    warnings.push(
      warning('credit-code.org-checksum', `统一社会信用代码内含的组织机构代码校验位不符`, v),
    );
  }
  return ok(v, warnings);
}

const ORG_CODE = /^[0-9A-Z]{8}[0-9X]$/;

/** Parses a 9-character 组织机构代码 (`D2143569-X`, `D2143569X`) → printed form `D2143569-X`. */
export function parseOrgCode(s: string): Parsed<string> {
  const v = normalise(s);
  if (!ORG_CODE.test(v)) {
    return fail(
      'org-code.format',
      '组织机构代码应为 8 位数字或大写字母加 1 位校验码（如 D2143569-X）',
      s,
    );
  }
  if (v.startsWith('00000000')) {
    return fail('org-code.format', '组织机构代码的本体代码不能全为 0', s);
  }
  const printed = `${v.slice(0, 8)}-${v.charAt(8)}`;
  const expected = orgCodeCheckChar(v.slice(0, 8));
  if (expected !== v.charAt(8)) {
    return ok(printed, [
      warning(
        'org-code.checksum',
        `组织机构代码校验位不符（计算为 ${expected ?? '?'}），请核对`,
        v,
      ),
    ]);
  }
  return ok(printed);
}

/**
 * True when `v` (normalised) is a 统一社会信用代码 beyond doubt: shape, a GB 32100 登记管理部门 and
 * its own check character. party-id.ts asks this before reading an OCR'd value as a person's ID.
 */
export function isCertainCreditCode(v: string): boolean {
  return (
    hasCreditCodeShape(v) &&
    CATEGORIES[v.charAt(0)] !== undefined &&
    creditCodeCheckChar(v) === v.charAt(17)
  );
}

/** The embedded 组织机构代码 of a USCC in printed form (`91440300123456788M` → `12345678-8`). */
export function orgCodeOfCreditCode(uscc: string): string {
  return `${uscc.slice(8, 16)}-${uscc.charAt(16)}`;
}
