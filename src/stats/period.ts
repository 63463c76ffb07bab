/**
 * Report periods as users write them — `2025-09` (月报), `2025Q3` (季报), `2025` (年报) — and the
 * date range each covers. Pure.
 */
import { AppError } from '../domain/app-error.ts';

export interface ReportPeriod {
  readonly kind: '月报' | '季报' | '年报';
  /** Inclusive 'YYYY-MM-DD' bounds. */
  readonly from: string;
  readonly to: string;
  /** 2025年9月 / 2025年第三季度 / 2025年 */
  readonly label: string;
  /** The period as written (`2025Q3`), for file names. */
  readonly code: string;
}

const QUARTERS = ['一', '二', '三', '四'];

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
}

export function parsePeriod(text: string): ReportPeriod {
  const s = text.trim().toUpperCase();
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) {
      return {
        kind: '月报',
        from: `${year}-${pad(month)}-01`,
        to: lastDay(year, month),
        label: `${year}年${month}月`,
        code: `${year}-${pad(month)}`,
      };
    }
  }
  m = /^(\d{4})Q([1-4])$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return {
      kind: '季报',
      from: `${year}-${pad(q * 3 - 2)}-01`,
      to: lastDay(year, q * 3),
      label: `${year}年第${QUARTERS[q - 1]}季度`,
      code: `${year}Q${q}`,
    };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    return {
      kind: '年报',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      label: `${year}年`,
      code: s,
    };
  }
  throw new AppError('USAGE', `报告期应写作 2025-09（月）、2025Q3（季度）或 2025（年）：${text}`);
}

/** The twelve months (or fewer) ending with the period, 'YYYY-MM', for a trend chart. */
export function monthsOf(p: Pick<ReportPeriod, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let [y, m] = p.from.split('-').map(Number) as [number, number];
  const end = p.to.slice(0, 7);
  while (`${y}-${pad(m)}` <= end) {
    out.push(`${y}-${pad(m)}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** A 'YYYY-MM-DD' date or nothing; anything else is refused in Chinese. */
export function isoDate(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new AppError('USAGE', `${name} 应为日期 YYYY-MM-DD：${value}`);
  }
  return value;
}

/** The period just before (2025Q3 → 2025Q2, 2025-01 → 2024-12, 2025 → 2024). */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  const [y, m] = p.from.split('-').map(Number) as [number, number];
  if (p.kind === '年报') return parsePeriod(String(y - 1));
  if (p.kind === '季报') {
    const q = (m + 2) / 3;
    return parsePeriod(q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`);
  }
  return parsePeriod(m === 1 ? `${y - 1}-12` : `${y}-${m - 1}`);
}

/** The first day of the twelve months ending with the period (a year: the year itself). */
export function trendStart(p: ReportPeriod): string {
  if (p.kind === '年报') return p.from;
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  const startMonth = m - 11;
  return startMonth >= 1 ? `${y}-${pad(startMonth)}-01` : `${y - 1}-${pad(startMonth + 12)}-01`;
}
