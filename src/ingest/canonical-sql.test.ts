import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnType } from '../catalog/column-types.ts';
import { citizenIdCheckChar } from '../domain/citizen-id.ts';
import { KNOWN_TYPE_CODES } from '../domain/case-number.ts';
import { Database } from '../store/database.ts';
import { canonicalHelpers, canonicalPredicate, yearPattern } from './canonical-sql.ts';
import { parserFor } from './value-parsers.ts';

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(42);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Random edits that real exports make: spaces, full-width, lower case, a changed or dropped char. */
function mutate(s: string): string {
  const i = int(s.length + 1);
  switch (int(9)) {
    case 0:
      return ` ${s}`;
    case 1:
      return `${s} `;
    case 2:
      return s.slice(0, i) + ' ' + s.slice(i);
    case 3:
      return s.slice(0, i) + s.slice(i + 1);
    case 4:
      return (
        s.slice(0, i) + pick([...'0123456789Xx-./（）()，号执年月日 　ＡＢ１２']) + s.slice(i + 1)
      );
    case 5:
      return s.replace(/[0-9A-Z]/g, (c) =>
        rand() < 0.2 ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c,
      );
    case 6:
      return s.toLowerCase();
    case 7:
      return s + s.slice(0, int(3));
    default:
      return (
        s.slice(0, i) +
        String.fromCharCode(
          pick([0x21 + int(0x5e), 0x4e00 + int(0x5000), 0x3000 + int(0x40), 0xff01 + int(0x5e)]),
        ) +
        s.slice(i)
      );
  }
}

function id(): string {
  const prefix = pick(['33', '11', '44', '65', '83', '10', '99', '00']) + pad(int(10000), 4);
  const date = `${pick([1799, 1800, 1900, 1950, 1999, 2000, 2024, 2026, 2099])}${pad(1 + int(13), 2)}${pad(int(32), 2)}`;
  const first17 = prefix + date + pad(int(1000), 3);
  const check = rand() < 0.8 ? citizenIdCheckChar(first17) : pick([...'0123456789X']);
  return first17 + check;
}

function caseNo(): string {
  const types = [...KNOWN_TYPE_CODES, '执字第', '知民终', '民初初'];
  const court =
    pick(['浙', '京', '沪', '粤', '最高法', '杭西', '兵', '军', '台', 'A']) +
    pick(['', '01', '0102', '1', '010']);
  const [o, c] = pick([
    ['（', '）'],
    ['(', ')'],
    ['（', ')'],
    ['〔', '〕'],
  ]);
  return `${o}${pick([1979, 1980, 2000, 2023, 2027, 2030])}${c}${court}${pick(types)}${pick(['0', '1', '01', '1234', '123456789'])}${pick(['号', '号', '号之一', '', '號'])}`;
}

function date(): string {
  return `${pick([1899, 1900, 2000, 2023, 2024, 2100, 2101])}-${pad(int(14), 2)}-${pad(int(33), 2)}`;
}

function money(): string {
  return (
    pick(['', '-', '+']) +
    pick(['0', '00', '1', '12', '1234567', '12345678901234567', '1,234']) +
    pick(['', '.', '.0', '.00', '.12', '.123'])
  );
}

function plate(): string {
  return (
    pick(['浙', '粤', '蒙', '内', '粵', 'A']) +
    pick(['A', 'a', 'Z', '1']) +
    pick(['12345', '1234', 'D12345', '12345D', '1234挂', '1234567', 'ABCDE'])
  );
}

function text(): string {
  const parts = [
    '杭州市上城区人民法院',
    '终结本次执行程序',
    'ABC Trading Co',
    '某某(北京)科技有限公司',
    '陳法官',
    '執行',
    '=HYPERLINK("x")',
    '-5',
    '+1',
    '@a',
    '[x]',
    '〔2023〕',
    '红谷 滩区',
    '１２３',
    '王伟',
    'a\tb',
    '😀',
    'Ａ',
  ];
  return pick(parts) + (rand() < 0.5 ? pick(parts) : '');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const GENERATORS: [ColumnType, () => string][] = [
  ['id', id],
  ['case_no', caseNo],
  ['date', date],
  ['money', money],
  ['plate', plate],
  ['text', text],
  ['int', () => pick(['0', '00', '-0', '12', '-12', '+3', '1,000', '123456789012345678901'])],
];

/** What the JS row validator would store for a cell, or undefined when it would change or warn. */
function jsAcceptsUnchanged(type: ColumnType, raw: string): boolean {
  const text = raw.trim();
  if (text !== raw || text === '') return false;
  const r = parserFor(type)(text);
  if (!r.ok || r.warnings.length > 0) return false;
  if (r.value.masked || r.value.from15) return false;
  if (type === 'text' && /^[=+@]|^-(?![\d.])/.test(text)) return false;
  return r.value.value === raw;
}

/** Shapes the fast path exists for: the screen must let them through, or it is pointless. */
const TYPICAL: [ColumnType, string[]][] = [
  [
    'id',
    ['33010219500101001', '11010519491231002', '44030120000229003'].map(
      (f) => f + citizenIdCheckChar(f),
    ),
  ],
  ['case_no', ['（2023）浙0102执1234号', '（2019）浙01民初12号之一', '（2024）京执恢3号']],
  ['date', ['2023-05-01', '2024-02-29', '1990-12-31']],
  ['money', ['125000.00', '0.00', '-12.50', '0.05']],
  ['plate', ['浙A12345', '浙AD12345', '粤B1234挂']],
  ['text', ['杭州市上城区人民法院', '终结本次执行程序', '某某(北京)科技有限公司', 'ABC']],
  ['int', ['0', '12', '-3']],
];

describe('canonicalPredicate (SQL pre-screen of the CSV fast path)', () => {
  let dir: string;
  let db: Database;
  /** The values of $1 as column v, with the type's helper columns as the fast path computes them. */
  const valuesOf = (type: ColumnType): string =>
    `(SELECT ${['v', ...canonicalHelpers('v', type)].join(', ')} FROM
      (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')) AS v))`;

  it('builds a year alternation that matches exactly the years of its range', () => {
    for (const [from, to] of [
      [1980, 2027],
      [1980, 1980],
      [1995, 2031],
      [2000, 2009],
    ] as const) {
      const re = new RegExp(`^${yearPattern(from, to)}$`);
      for (let y = 1000; y < 3000; y++) {
        expect(re.test(String(y)), `${from}–${to}: ${y}`).toBe(y >= from && y <= to);
      }
    }
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-canon-'));
    db = await Database.open(join(dir, 'c.duckdb'));
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts the canonical shapes of each type', async () => {
    for (const [type, list] of TYPICAL) {
      for (const v of list) expect(jsAcceptsUnchanged(type, v), `${type} ${v}`).toBe(true);
      const rows = await db.all<{ v: string; ok: boolean }>(
        `SELECT v, coalesce(${canonicalPredicate('v', type)}, false) AS ok FROM ${valuesOf(type)}`,
        [JSON.stringify(list)] as never,
      );
      expect(rows.filter((r) => !r.ok).map((r) => `${type} ${r.v}`)).toEqual([]);
    }
  });

  for (const [type, generate] of GENERATORS) {
    it(`never accepts a ${type} value the domain primitive would reject or change`, async () => {
      const values = new Set<string>();
      for (let i = 0; i < 3000; i++) {
        const v = generate();
        // A CSV decoder never yields a lone surrogate (it substitutes U+FFFD).
        for (const x of [v, mutate(v)]) if (!LONE_SURROGATE.test(x)) values.add(x);
      }
      const list = [...values];
      const predicate = canonicalPredicate('v', type);
      expect(predicate).toBeDefined();
      const rows = await db.all<{ v: string; ok: boolean }>(
        `SELECT v, coalesce(${predicate}, false) AS ok FROM ${valuesOf(type)}`,
        [JSON.stringify(list)] as never,
      );
      expect(rows.length).toBe(list.length);
      const wrong = rows.filter((r) => r.ok && !jsAcceptsUnchanged(type, r.v)).map((r) => r.v);
      expect(wrong).toEqual([]);
      // Non-vacuous: the generated values include values the screen accepts and values it refuses.
      expect(rows.some((r) => r.ok)).toBe(true);
      expect(rows.some((r) => !r.ok)).toBe(true);
    });
  }
});
