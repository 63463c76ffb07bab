/**
 * Masking for display and logs: an ID number is never logged or shown in full outside the case view
 * (preamble "never log an ID number unmasked"). The shapes follow what courts publish:
 * `330102********1234` (first 6 + last 4 visible).
 */
import { parseCitizenId } from './citizen-id.ts';
import { isCertainCreditCode } from './credit-code.ts';
import { isValidYmd } from './date.ts';

/** Digits 7–14 read as a birth date of 1800–2099: the shape of a person's ID (typo or not). */
function hasBirthDate(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v) || !/^(18|19|20)$/.test(v.slice(6, 8))) return false;
  return isValidYmd(Number(v.slice(6, 10)), Number(v.slice(10, 12)), Number(v.slice(12, 14)));
}

/**
 * A 统一社会信用代码 beyond doubt (GB 32100 shape, 登记管理部门 and check character) that does not read
 * as a 公民身份号码 (GB 11643: neither valid nor carrying a birth date): it names an organisation,
 * which is not personal data, so it is shown in full. Anything in doubt counts as a person's number.
 */
export function isOrganisationCode(s: string): boolean {
  const v = s.trim().toUpperCase();
  return v.length === 18 && isCertainCreditCode(v) && !parseCitizenId(v).ok && !hasBirthDate(v);
}

/**
 * A person's ID (18 or 15 characters) keeps its 6-character region and last 4 (`330102********1234`),
 * as does any other identifier;
 * strings of 10 characters or fewer keep only the last 2 visible. Already-masked input is returned
 * as is, and a company's credit code (`isOrganisationCode`) is not personal data: shown in full.
 */
export function maskId(s: string): string {
  const v = s.trim();
  if (isOrganisationCode(v)) return v;
  if (v.length > 10) return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
  if (v.length > 2) return '*'.repeat(v.length - 2) + v.slice(-2);
  return '*'.repeat(v.length);
}

/** Mobile `13812345678` → `138****5678`; other numbers keep their first 3 and last 4 digits. */
export function maskPhone(s: string): string {
  const v = s.trim();
  if (v.length >= 8) return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
  if (v.length > 4) return '*'.repeat(v.length - 4) + v.slice(-4);
  return '*'.repeat(v.length);
}

const WHITESPACE = /\s+/g;

/** Bank account `6222021234567890123` → `6222***********0123` (first 4 + last 4). */
export function maskAccount(s: string): string {
  const v = s.replace(WHITESPACE, '');
  if (v.length > 8) return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
  if (v.length > 4) return '*'.repeat(v.length - 4) + v.slice(-4);
  return '*'.repeat(v.length);
}

// 18 digits (last may be X) or 15 digits, not part of a longer run of digits/letters
// (so bank account numbers of 16–19 digits are not half-masked as IDs). Masked by maskId.
const ID_IN_TEXT = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const FULL_WIDTH_DIGIT = /[０-９]/;
const FULL_WIDTH_ID_CHARS = /[０-９Ｘｘ]/g;

/** Replaces every 15/18-digit ID number in free text with its masked form (for loggers). */
export function maskIdsInText(text: string): string {
  let t = text;
  if (FULL_WIDTH_DIGIT.test(t)) {
    t = t.replace(FULL_WIDTH_ID_CHARS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  }
  // An all-digit 统一社会信用代码 has the shape of an ID number; maskId leaves it in full.
  return t.replace(ID_IN_TEXT, (m) => maskId(m));
}

/**
 * The unmasked ID numbers of persons in `text` (15/18 digits, as maskIdsInText finds them, minus
 * company credit codes) — each reported in its masked form, so a report does not repeat it. What
 * must never leave the platform without a reveal; tests ask this, so they and the masking agree.
 */
export function personIdsIn(text: string): string[] {
  return [...text.matchAll(ID_IN_TEXT)]
    .map((m) => m[0])
    .filter((m) => !isOrganisationCode(m))
    .map(maskId);
}
