/**
 * Times of day as sources write them: `15:45`, `3:45 PM`, `下午3:45`, `3点45分`, `三点四十五分`,
 * `15时45分30秒`, `下午三点半`, `上午九点一刻`. Canonical `HH:MM:SS`, 24-hour clock. Never throws.
 */
import { readSmallNumber } from './chinese-numeral.ts';
import { fail, ok, type Parsed } from './diagnostic.ts';
import { toHalfWidth } from './text.ts';

export interface TimeOfDay {
  hh: number;
  mi: number;
  ss: number;
}

/** Parts of the day; each decides how an hour 1–12 reads on a 24-hour clock. */
const MORNING = new Set(['凌晨', '早上', '早晨', '清晨', '上午', '早', 'AM', 'A.M.']);
const NOON = new Set(['中午', '正午', '午间']);
const AFTERNOON = new Set(['下午', '午后', '傍晚', 'PM', 'P.M.']);
const EVENING = new Set(['晚上', '晚间', '晚']);
const NIGHT = new Set(['夜里', '夜间', '深夜', '半夜']);

const PERIOD =
  '凌晨|早上|早晨|清晨|上午|中午|正午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|深夜|半夜|晚|早';
const NUM = '\\d{1,2}|[零〇一二两三四五六七八九十]{1,3}';
const TIME = new RegExp(
  `^(${PERIOD})?(${NUM})(?::(${NUM})(?::(${NUM})(?:\\.\\d+)?)?|[点點时時](?:(半)|([一三]|[13])刻|(整)|(${NUM})分?(?:(${NUM})秒)?)?)(AM|PM|A\\.M\\.|P\\.M\\.)?$`,
  'i',
);
const SPACES = /[\s\u00a0]+/g;

/** 24-hour value of `h` said in `period`, or a Chinese reason it cannot be read. */
function hourIn(period: string, h: number): number | string {
  if (period === '') return h;
  if (h > 12) {
    // 下午15点 is redundant but clear; 上午15点 contradicts itself.
    return MORNING.has(period) ? `“${period}${h}点”自相矛盾` : h;
  }
  if (MORNING.has(period)) return h === 12 && (period === '凌晨' || period.startsWith('A')) ? 0 : h;
  if (NOON.has(period)) return h <= 5 ? h + 12 : h; // 中午1点 = 13:00, 中午12点 = 12:00
  if (AFTERNOON.has(period)) return h === 12 ? 12 : h + 12;
  if (h === 12 && (EVENING.has(period) || NIGHT.has(period))) {
    return `“${period}12点”跨越两天，请写明日期和 0 点`;
  }
  if (EVENING.has(period)) return h + 12;
  if (NIGHT.has(period)) return h >= 6 ? h + 12 : h; // 夜里11点 = 23:00, 夜里2点 = 02:00
  return h;
}

/** Reads a time of day into parts, or returns a Chinese reason. */
export function readTimeOfDay(raw: string): TimeOfDay | string {
  const t = toHalfWidth(raw).replace(SPACES, '');
  const m = TIME.exec(t);
  if (!m) return `无法识别的时间：“${raw.trim().slice(0, 20)}”`;
  const h = readSmallNumber(m[2] ?? '');
  let mi = 0;
  if (m[5]) mi = 30;
  else if (m[6]) mi = m[6] === '一' || m[6] === '1' ? 15 : 45;
  const miText = m[3] ?? m[8];
  const ssText = m[4] ?? m[9];
  const miValue = miText === undefined ? mi : readSmallNumber(miText);
  const ss = ssText === undefined ? 0 : readSmallNumber(ssText);
  if (h === undefined || miValue === undefined || ss === undefined) {
    return `无法识别的时间：“${raw.trim().slice(0, 20)}”`;
  }
  const period = (m[1] ?? m[10] ?? '').toUpperCase();
  if (m[1] && m[10]) return `时间“${raw.trim().slice(0, 20)}”写了两次上午/下午`;
  const hh = hourIn(period, h);
  if (typeof hh === 'string') return hh;
  if (period !== '' && h === 0 && (AFTERNOON.has(period) || EVENING.has(period))) {
    return `“${period}0点”自相矛盾`;
  }
  if (hh > 23 || miValue > 59 || ss > 59) {
    return `时间不存在：${hh}:${String(miValue).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
  }
  return { hh, mi: miValue, ss };
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** A time of day → `HH:MM:SS`. */
export function parseTime(s: string): Parsed<string> {
  if (s.trim() === '') return fail('time.empty', '时间为空');
  const r = readTimeOfDay(s);
  if (typeof r === 'string') return fail('time.format', r, s);
  return ok(`${pad2(r.hh)}:${pad2(r.mi)}:${pad2(r.ss)}`);
}
