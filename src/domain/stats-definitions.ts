/**
 * The figures of the statistics (workflow.md, "Statistics and reports"): each with its Chinese
 * name, its formula in words and how it is computed from the raw counts one grouping row holds.
 * Pure (no I/O): the store counts, this module names, derives rates and adds rows up.
 *
 * The 已合并 rule: a class case's leads become 已合并, not 已成案. Counting only 已成案 + 已排除 as
 * judged (workflow.md's literal formula) would make 成案率 fall whenever leads go into a class
 * case, so here a lead judged is 已成案 + 已合并 + 已排除 and a lead made a case is 已成案 + 已合并.
 */

/** What the store counts per grouping row (money as exact decimal strings, yuan). */
export interface RawCounts {
  leads: number;
  leadsOpened: number; // 已成案
  leadsMerged: number; // 已合并
  leadsDismissed: number; // 已排除
  cases: number;
  recIndividual: number;
  recClass: number;
  recClassCases: number;
  replied: number;
  adopted: number; // latest reply 采纳
  partlyAdopted: number; // latest reply 部分采纳
  resumed: number;
  moneyRecovered: string; // DECIMAL(18,2) as text
  referrals: number;
  policeCases: number;
}

export const ZERO_COUNTS: RawCounts = {
  leads: 0,
  leadsOpened: 0,
  leadsMerged: 0,
  leadsDismissed: 0,
  cases: 0,
  recIndividual: 0,
  recClass: 0,
  recClassCases: 0,
  replied: 0,
  adopted: 0,
  partlyAdopted: 0,
  resumed: 0,
  moneyRecovered: '0.00',
  referrals: 0,
  policeCases: 0,
};

/** A rate with what it is made of; `value` null when the denominator is 0 (shown as —). */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** A rate as people read it: 87.5% (one decimal), or — without a denominator. */
export function formatRate(r: Rate): string {
  return r.value === null ? '—' : `${(Math.round(r.value * 1000) / 10).toFixed(1)}%`;
}

/** The figures of one grouping row. */
export interface Figures {
  leads: number;
  judged: number;
  leadsMadeCases: number;
  cases: number;
  caseRate: Rate;
  recommendations: number;
  recIndividual: number;
  recClass: number;
  recClassCases: number;
  replied: number;
  adopted: number;
  adoptionRate: Rate;
  resumed: number;
  moneyRecovered: string;
  referrals: number;
  policeCases: number;
}

export type FigureKey = keyof Figures;

/** Every figure: its Chinese name and its formula (README, exports and the bulletin show these). */
export const FIGURES: readonly { key: FigureKey; name: string; formula: string }[] = [
  { key: 'leads', name: '线索数', formula: '期间内生成的线索（按生成日期）' },
  { key: 'judged', name: '已研判', formula: '已成案 + 已合并 + 已排除（按线索生成日期）' },
  { key: 'leadsMadeCases', name: '成案线索数', formula: '已成案 + 已合并' },
  { key: 'cases', name: '成案数', formula: '期间内立案的监督案件（按立案日期）' },
  { key: 'caseRate', name: '成案率', formula: '成案线索数 ÷ 已研判（已合并计入分子与分母）' },
  { key: 'recommendations', name: '检察建议数', formula: '已发出的检察建议（按发出日期）' },
  { key: 'recIndividual', name: '个案检察建议', formula: '已发出的个案检察建议' },
  { key: 'recClass', name: '类案检察建议', formula: '已发出的类案检察建议' },
  { key: 'recClassCases', name: '类案涉及执行案件数', formula: '类案检察建议所列执行案件之和' },
  { key: 'replied', name: '已回复', formula: '有法院回复的检察建议（以最新回复为准，按回复日期）' },
  { key: 'adopted', name: '采纳数', formula: '最新回复为采纳或部分采纳' },
  { key: 'adoptionRate', name: '采纳率', formula: '采纳数 ÷ 已回复' },
  { key: 'resumed', name: '恢复执行数', formula: '结果为恢复执行的记录（按结果日期）' },
  { key: 'moneyRecovered', name: '执行到位金额（元）', formula: '执行到位金额之和（精确到分）' },
  { key: 'referrals', name: '移送刑事线索数', formula: '结果为移送刑事线索的记录' },
  { key: 'policeCases', name: '公安立案数', formula: '结果为公安立案的记录' },
];

export function figuresOf(c: RawCounts): Figures {
  const judged = c.leadsOpened + c.leadsMerged + c.leadsDismissed;
  const leadsMadeCases = c.leadsOpened + c.leadsMerged;
  const adopted = c.adopted + c.partlyAdopted;
  return {
    leads: c.leads,
    judged,
    leadsMadeCases,
    cases: c.cases,
    caseRate: rate(leadsMadeCases, judged),
    recommendations: c.recIndividual + c.recClass,
    recIndividual: c.recIndividual,
    recClass: c.recClass,
    recClassCases: c.recClassCases,
    replied: c.replied,
    adopted,
    adoptionRate: rate(adopted, c.replied),
    resumed: c.resumed,
    moneyRecovered: c.moneyRecovered,
    referrals: c.referrals,
    policeCases: c.policeCases,
  };
}

/** Adds two amounts of yuan given as decimal text, exactly (through integer fen). */
export function addMoney(a: string, b: string): string {
  return fenToYuan(yuanToFen(a) + yuanToFen(b));
}

function yuanToFen(s: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new Error(`not an amount: ${s}`);
  const fen = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The sum of grouping rows' counts (a total line). */
export function sumCounts(rows: readonly RawCounts[]): RawCounts {
  const out: RawCounts = { ...ZERO_COUNTS };
  for (const r of rows) {
    for (const k of Object.keys(out) as (keyof RawCounts)[]) {
      if (k === 'moneyRecovered') out.moneyRecovered = addMoney(out.moneyRecovered, r[k]);
      else out[k] += r[k];
    }
  }
  return out;
}

/** A figure as a table cell shows it (rates as percentages, money with thousands separators). */
export function formatFigure(f: Figures, key: FigureKey): string {
  const v = f[key];
  if (typeof v === 'object') return formatRate(v);
  if (key === 'moneyRecovered') return formatMoney(String(v));
  return String(v);
}

export function formatMoney(yuan: string): string {
  const [int = '0', dec = '00'] = yuan.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}
