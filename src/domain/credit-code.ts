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
  const warnings: Diagnostic[] = [];
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

/** The embedded 组织机构代码 of a USCC in printed form (`91440300123456788M` → `12345678-8`). */
export function orgCodeOfCreditCode(uscc: string): string {
  return `${uscc.slice(8, 16)}-${uscc.charAt(16)}`;
}
