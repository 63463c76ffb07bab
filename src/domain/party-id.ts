/**
 * What an `id` column holds (datasets.md): a 公民身份号码, a 统一社会信用代码 or an old 组织机构代码,
 * possibly masked. Decides person vs organisation and delegates to the specific parser. Never throws.
 */
import { parseCitizenId, isMaskedId } from './citizen-id.ts';
import {
  creditCodeCheckChar,
  hasCreditCodeShape,
  isCertainCreditCode,
  parseCreditCode,
  parseOrgCode,
} from './credit-code.ts';
import { fail, ok, warning, type Diagnostic, type Parsed } from './diagnostic.ts';
import { toHalfWidth } from './text.ts';

/** 当事人证件号码, parsed. */
export interface PartyId {
  /** Canonical: 18-char citizen ID, 18-char USCC, `XXXXXXXX-X` org code, or a masked form with `*`. */
  value: string;
  kind: 'person' | 'organisation';
  masked: boolean;
}

const JUNK = /[\s\u00a0\u3000]/g;
const LETTER_NOT_X = /[A-WYZ]/;
const MASK_CHARS = /[*＊×✱●○#]/g;
const NOT_CODE_CHAR = /[^0-9A-Z]/g;
/** Letters OCR and typists put for digits: l, I, | for 1; O, o for 0. */
const LOOKS_LIKE_ONE = /[lLiI|]/g;
const LOOKS_LIKE_ZERO = /[oO]/g;
const CONFUSABLE = /[lLiI|oO]/;

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * An all-digit 18-char value (last may be X) is either a citizen ID or a numeric USCC such as
 * `914403001922038216`. Valid as a citizen ID → person; valid as a USCC → organisation; valid as
 * neither → person when positions 7–8 read as a birth century (18/19/20), so that a person's number
 * with a typo is reported as such instead of passing as an organisation with a mere warning.
 */
function looksLikePerson(v: string): boolean {
  if (!isDigits(v, 0, 17)) return false;
  const last = v.charAt(17);
  if (last !== 'X' && !(last >= '0' && last <= '9')) return false;
  if (parseCitizenId(v).ok) return true;
  if (creditCodeCheckChar(v) === last) return false;
  const century = v.slice(6, 8);
  return century === '18' || century === '19' || century === '20';
}

/** `l→1、O→0`: which letters were read as digits (no other character of the ID is echoed). */
function confusedLetters(v: string): string {
  const seen = new Set<string>();
  for (const ch of v) {
    if ('lLiI|'.includes(ch)) seen.add(`${ch}→1`);
    else if (ch === 'o' || ch === 'O') seen.add(`${ch}→0`);
  }
  return [...seen].join('、');
}

/** Parses the value of an `id` column. */
export function parsePartyId(s: string): Parsed<PartyId> {
  // Fast path: a clean, valid 18-character citizen ID.
  if (s.length === 18 && isDigits(s, 0, 17)) {
    const r = parseCitizenId(s);
    if (r.ok) return ok({ value: r.value.value, kind: 'person', masked: false }, r.warnings);
  }
  const v = toHalfWidth(s).replace(JUNK, '').toUpperCase();
  if (v === '') return fail('party-id.empty', '证件号码为空');

  if (isMaskedId(v) && !(v.length === 18 && hasCreditCodeShape(v))) {
    // Public lists mask people and (rarely) organisations; letters other than X betray an organisation.
    const visible = v.replace(MASK_CHARS, '');
    if (LETTER_NOT_X.test(visible)) {
      const masked = v.replace(NOT_CODE_CHAR, '*');
      return ok({ value: masked, kind: 'organisation', masked: true });
    }
    const r = parseCitizenId(v);
    if (!r.ok) return r;
    return ok({ value: r.value.value, kind: 'person', masked: true }, r.warnings);
  }

  if (v.length === 18 && CONFUSABLE.test(v) && !isCertainCreditCode(v)) {
    // an ID whose leading 1 was OCR-read as l must stay a person's number, not become an
    // organisation with a mere checksum warning. Read as digits, it is judged as a citizen ID.
    const asDigits = toHalfWidth(s)
      .replace(JUNK, '')
      .replace(LOOKS_LIKE_ONE, '1')
      .replace(LOOKS_LIKE_ZERO, '0')
      .toUpperCase();
    if (looksLikePerson(asDigits)) {
      const r = parseCitizenId(asDigits);
      if (!r.ok) return r;
      const note: Diagnostic = warning(
        'party-id.ocr',
        `证件号码中的字母（${confusedLetters(toHalfWidth(s))}）按数字读取为身份证号码（疑为识别或录入错误），请核对原件`,
      );
      return ok({ value: r.value.value, kind: 'person', masked: false }, [note, ...r.warnings]);
    }
  }
  if (v.length === 15 || (v.length === 18 && looksLikePerson(v))) {
    const r = parseCitizenId(v);
    if (!r.ok) return r;
    return ok({ value: r.value.value, kind: 'person', masked: r.value.masked }, r.warnings);
  }
  if (v.length === 18) {
    const r = parseCreditCode(v);
    if (!r.ok) {
      return fail(
        'party-id.format',
        '证件号码既不是有效的身份证号码，也不是有效的统一社会信用代码',
      );
    }
    return ok({ value: r.value, kind: 'organisation', masked: false }, r.warnings);
  }
  if (v.length === 9 || (v.length === 10 && v.charAt(8) === '-')) {
    const r = parseOrgCode(v);
    if (!r.ok) return r;
    return ok({ value: r.value, kind: 'organisation', masked: false }, r.warnings);
  }
  return fail(
    'party-id.length',
    `证件号码长度为 ${v.length} 位，不是身份证号码（18/15 位）、统一社会信用代码（18 位）或组织机构代码（9 位）`,
  );
}
