/** ISO-date arithmetic for the generator (UTC, 'YYYY-MM-DD'); pure. */

const DAY_MS = 86_400_000;

export function toDayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDayNumber(toDayNumber(iso) + n);
}

export function diffDays(later: string, earlier: string): number {
  return toDayNumber(later) - toDayNumber(earlier);
}

/**
 * Calendar months added; the generator keeps days of month ≤ 28 so no clamping question arises
 * (models.md windows such as "filing + 3 calendar months").
 */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (d > 28) throw new Error(`addMonths: day ${d} > 28 in ${iso}`);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addYears(iso: string, n: number): string {
  return addMonths(iso, 12 * n);
}
