/**
 * 机动车号牌号码 (GA 36): `浙A·12345`, `浙a12345`, full-width, spaces, new-energy 8-character plates
 * (`浙AD12345`, `浙A12345D`), trailing 挂/学/警/港/澳/领/试/超 (`浙A1234挂`), consular plates
 * (`沪12345领`: province, 3-digit mission and 2-digit serial) and embassy plates (`224001使`).
 * Canonical: no dot, upper case. Never throws.
 */
import { fail, ok, type Parsed } from './diagnostic.ts';
import { toHalfWidth, toSimplified } from './text.ts';

/** Plate province characters (Inner Mongolia is 蒙 on plates, unlike 内 in case numbers). */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** GA 36 serial characters: digits and letters except I and O, which read as 1 and 0. */
const SERIAL = '[A-HJ-NP-Z0-9]';

/**
 * The accepted canonical plates, as one pattern source that is valid both in JS and in RE2, so the
 * CSV import's SQL screen (src/ingest/canonical-sql.ts) uses this very definition.
 */
export const PLATE_PATTERN =
  `(?:[${PROVINCES}][A-Z](?:${SERIAL}{4}[挂学警港澳领试超]|${SERIAL}{5,6})` +
  `|[${PROVINCES}][0-9]{5}领|[0-9]{6}使|使[0-9]{6})`;
const PLATE = new RegExp(`^${PLATE_PATTERN}$`);
/** Most cells: province, letter, 5 or 6 serial characters (one branch of PLATE, tested first). */
const ORDINARY = new RegExp(`^[${PROVINCES}][A-Z]${SERIAL}{5,6}$`);
const JUNK = /[\s\u00a0\u3000·•・.．\-－_]/g;
const HAS_I_OR_O = /^.[A-Z].*[IO]/;

/** Parses a plate number into its canonical form (`浙A12345`, `浙AD12345`). */
export function parsePlate(s: string): Parsed<string> {
  if (ORDINARY.test(s) || PLATE.test(s)) return ok(s);
  const v = toHalfWidth(s).replace(JUNK, '').toUpperCase();
  if (v === '') return fail('plate.empty', '号牌号码为空');
  if (PLATE.test(v)) return ok(v);
  const simplified = toSimplified(v); // 粵B12345, 滬A12345 in traditional-script sources
  if (PLATE.test(simplified)) return ok(simplified);
  if (HAS_I_OR_O.test(simplified)) {
    return fail(
      'plate.format',
      `号牌号码“${s.trim().slice(0, 20)}”的序号含字母 I 或 O：号牌序号不使用这两个字母（易与 1、0 混淆），请核对`,
      s,
    );
  }
  return fail(
    'plate.format',
    `无法识别的号牌号码“${s.trim().slice(0, 20)}”：应为省份简称 + 发牌机关字母 + 5 位（新能源 6 位）号码`,
    s,
  );
}
