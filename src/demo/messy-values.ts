import { toLegacyId } from './identity.ts';
import { toTraditional } from './names.ts';
import type { Rng } from './prng.ts';

/**
 * Writes canonical values the way real exports spell them. Every spelling here must parse back to
 * the canonical value (datasets.md "Values come messy"); the demo's import test holds us to it.
 */
export type DateStyle = 'iso' | 'slash' | 'chinese' | 'dot' | 'compact' | 'excel' | 'mixed';
export type MoneyStyle = 'plain' | 'comma' | 'wan' | 'yuan' | 'number' | 'mixed';

/** An Excel date cell (UTC midnight, which ExcelJS stores as the serial of that day). */
export function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function messyDate(iso: string, style: DateStyle, rng: Rng): string | Date {
  const s =
    style === 'mixed' ? rng.pick(['iso', 'slash', 'chinese', 'dot', 'compact'] as const) : style;
  const [y, m, d] = iso.split('-') as [string, string, string];
  switch (s) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${Number(m)}/${Number(d)}`;
    case 'chinese':
      return `${y}年${Number(m)}月${Number(d)}日`;
    case 'dot':
      return `${y}.${Number(m)}.${Number(d)}`;
    case 'compact':
      return `${y}${m}${d}`;
    case 'excel':
      return excelDate(iso);
  }
}

export function messyDateTime(value: string, rng: Rng): string {
  if (!rng.chance(0.3)) return value;
  const [date, time] = value.split(' ') as [string, string];
  const [y, m, d] = date.split('-') as [string, string, string];
  const [hh, mi, ss] = time.split(':') as [string, string, string];
  return `${y}/${Number(m)}/${Number(d)} ${Number(hh)}:${mi}:${ss}`;
}

export function messyMonth(month: string, rng: Rng): string {
  const [y, m] = month.split('-') as [string, string];
  return rng.pick([`${y}-${m}`, `${y}-${m}`, `${y}年${Number(m)}月`, `${y}${m}`]);
}

/** `12345.60` → `1.23456万`: exact, from the digits (no float arithmetic). */
function toWan(canonical: string): string {
  const negative = canonical.startsWith('-');
  const [int, frac] = canonical.replace('-', '').split('.') as [string, string];
  const digits = (int + frac).padStart(7, '0');
  const whole = digits.slice(0, digits.length - 6).replace(/^0+(?=\d)/, '');
  const decimals = digits.slice(digits.length - 6).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${decimals ? `.${decimals}` : ''}万`;
}

function withCommas(canonical: string): string {
  const [int, frac] = canonical.split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

export function messyMoney(canonical: string, style: MoneyStyle, rng: Rng): string | number {
  const s = style === 'mixed' ? rng.pick(['plain', 'comma', 'wan', 'yuan'] as const) : style;
  switch (s) {
    case 'plain':
      return canonical.endsWith('.00') && rng.chance(0.5) ? canonical.slice(0, -3) : canonical;
    case 'comma':
      return withCommas(canonical);
    case 'wan':
      // Real exports write 万 for round amounts; keep the others as they are.
      return canonical.endsWith('00.00') ? toWan(canonical) : canonical;
    case 'yuan':
      return rng.chance(0.5) ? `¥${withCommas(canonical)}` : `${canonical}元`;
    case 'number':
      return Number(canonical);
  }
}

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width digits and Latin letters (`３３０１…Ｘ`). */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

export interface IdMess {
  /** Share of 18-digit IDs of people born in the 1900s written in their 15-digit form. */
  readonly legacy?: number;
  readonly fullWidth?: number;
}

/** Citizen IDs: lower-case x, some 15-digit legacy forms, some full-width; masked and organisation codes as they are. */
export function messyId(id: string, mess: IdMess, rng: Rng): string {
  if (id.includes('*') || !/^\d{17}[\dX]$/.test(id)) return id;
  if (mess.legacy && rng.chance(mess.legacy)) {
    const legacy = toLegacyId(id);
    if (legacy) return legacy;
  }
  if (mess.fullWidth && rng.chance(mess.fullWidth)) return toFullWidth(id);
  return id.endsWith('X') && rng.chance(0.5) ? `${id.slice(0, 17)}x` : id;
}

export function messyPlate(plate: string, rng: Rng): string {
  return rng.chance(0.4) ? `${plate.slice(0, 2)}·${plate.slice(2)}` : plate;
}

/** `（2023）浙0102执1234号` → `(2023)浙0102执1234号` in some rows, as many systems print it. */
export function messyCaseNo(caseNo: string, rng: Rng): string {
  return rng.chance(0.3) ? caseNo.replace('（', '(').replace('）', ')') : caseNo;
}

export function messyName(name: string, rng: Rng, share: number): string {
  return rng.chance(share) ? toTraditional(name) : name;
}
