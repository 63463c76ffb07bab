/**
 * Masking for display and logs: an ID number is never logged or shown in full outside the case view
 * (preamble "never log an ID number unmasked"). The shapes follow what courts publish:
 * `330102********1234` (first 6 + last 4 visible).
 */

/**
 * `330102199001011234` → `330102********1234`. Works for citizen IDs (18/15) and credit codes alike;
 * strings of 10 characters or fewer keep only the last 2 visible. Already-masked input is returned as is.
 */
export function maskId(s: string): string {
  const v = s.trim();
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
  return t.replace(ID_IN_TEXT, (m) => maskId(m));
}
