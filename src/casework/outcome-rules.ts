/**
 * Outcomes of supervision (成效, workflow.md): which fields each kind takes, amounts as exact
 * decimals (strings of yuan with two decimals, summed in cents, never floats), the totals a case
 * shows. Pure.
 */
import { AppError } from '../domain/app-error.ts';
import { fromCents, parseMoney, toCents } from '../domain/money.ts';
import { toHalfWidth } from '../domain/text.ts';
import {
  isOutcomeKind,
  isReferralCrime,
  OUTCOME_KINDS,
  REFERRAL_CRIMES,
  type OutcomeKind,
  type ReferralCrime,
} from '../domain/vocabulary.ts';

/** The kinds that carry an amount (执行到位金额, 和解金额, 救助金额), required and above zero. */
export const AMOUNT_KINDS: ReadonlySet<OutcomeKind> = new Set(['执行到位', '执行和解', '司法救助']);

/** The amount a kind is measured in, for labels (执行到位 → 执行到位金额). */
export const AMOUNT_LABELS: Partial<Record<OutcomeKind, string>> = {
  执行到位: '执行到位金额',
  执行和解: '和解金额',
  司法救助: '救助金额',
};

const UNIT_DIGITS: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** More decimals than a fen, written out: `12.345`, `1.234567万` (rounding them would invent money). */
function tooPrecise(raw: string): boolean {
  const t = toHalfWidth(raw).replace(/\s+/g, '');
  const m = /\.(\d+)\s*([万萬亿億])?/.exec(t);
  if (!m) return false;
  const allowed = 2 + (m[2] ? (UNIT_DIGITS[m[2]] ?? 0) : 0);
  return /[1-9]/.test((m[1] ?? '').slice(allowed));
}

/**
 * An amount of yuan as typed (`12,345.60`, `1.2万`, `12345.6元`, `壹万元`) → `12345.60`. Refused with
 * a Chinese message: empty, not a number, negative, zero (an outcome of nothing is not an outcome),
 * more than two decimals.
 */
export function parseAmount(raw: string, label = '金额'): string {
  const text = raw.trim();
  if (text === '') throw new AppError('BAD_AMOUNT', `请填写${label}`);
  if (tooPrecise(text)) {
    throw new AppError('BAD_AMOUNT', `${label}「${text.slice(0, 40)}」超过两位小数（精确到分）`);
  }
  const parsed = parseMoney(text);
  if (!parsed.ok) {
    throw new AppError(
      'BAD_AMOUNT',
      `${label}「${text.slice(0, 40)}」不是有效金额（如 12,345.60、1.2万、12345.6元）`,
    );
  }
  if (parsed.warnings.some((w) => w.code === 'money.rounded')) {
    throw new AppError('BAD_AMOUNT', `${label}「${text.slice(0, 40)}」超过两位小数（精确到分）`);
  }
  const cents = toCents(parsed.value);
  if (cents < 0n) throw new AppError('BAD_AMOUNT', `${label}不能为负数：${text.slice(0, 40)}`);
  if (cents === 0n) throw new AppError('BAD_AMOUNT', `${label}应大于零`);
  return parsed.value;
}

export interface OutcomeInput {
  kind: string;
  date: string;
  amount?: string | null | undefined;
  crime?: string | null | undefined;
  persons?: number | null | undefined;
  enforcementCaseNo?: string | null | undefined;
  note?: string | undefined;
}

export interface CheckedOutcome {
  kind: OutcomeKind;
  date: string;
  amount: string | null;
  crime: ReferralCrime | null;
  persons: number | null;
  enforcementCaseNo: string | null;
  note: string;
}

/** An outcome's fields, by kind: only the fields the kind takes are kept, the required ones checked. */
export function checkOutcome(
  input: OutcomeInput,
  checkCaseNo: (no: string) => string,
): CheckedOutcome {
  if (!isOutcomeKind(input.kind)) {
    throw new AppError('BAD_OUTCOME', `成效类型只能是：${OUTCOME_KINDS.join('、')}`);
  }
  const kind = input.kind;
  const out: CheckedOutcome = {
    kind,
    date: input.date,
    amount: null,
    crime: null,
    persons: null,
    enforcementCaseNo: null,
    note: input.note?.trim() ?? '',
  };
  if (AMOUNT_KINDS.has(kind)) out.amount = parseAmount(input.amount ?? '', AMOUNT_LABELS[kind]);
  else if (input.amount?.trim()) {
    throw new AppError(
      'BAD_OUTCOME',
      `「${kind}」不记金额（金额只用于执行到位、执行和解、司法救助）`,
    );
  }
  if (kind === '移送刑事线索') {
    if (!input.crime || !isReferralCrime(input.crime)) {
      throw new AppError(
        'BAD_OUTCOME',
        `移送刑事线索须写明涉嫌罪名：${REFERRAL_CRIMES.join('、')}`,
      );
    }
    out.crime = input.crime;
  }
  if (kind === '公安立案') {
    const n = input.persons;
    if (n === null || n === undefined || !Number.isInteger(n) || n < 1 || n > 10_000) {
      throw new AppError('BAD_OUTCOME', '公安立案须写明立案人数（正整数）');
    }
    out.persons = n;
  }
  if (kind === '恢复执行' && input.enforcementCaseNo?.trim()) {
    out.enforcementCaseNo = checkCaseNo(input.enforcementCaseNo);
  }
  return out;
}

export interface OutcomeTotal {
  kind: OutcomeKind;
  count: number;
  /** Sum of the amounts (kinds with an amount), exact; null for the others. */
  amount: string | null;
  /** Sum of persons (公安立案), null for the others. */
  persons: number | null;
}

/** Per kind (in vocabulary order, kinds with entries only): entries, the exact sum, persons. */
export function outcomeTotals(
  rows: readonly { kind: string; amount: string | null; persons: number | null }[],
): OutcomeTotal[] {
  const out: OutcomeTotal[] = [];
  for (const kind of OUTCOME_KINDS) {
    const of = rows.filter((r) => r.kind === kind);
    if (of.length === 0) continue;
    const cents = of.reduce((s, r) => s + (r.amount ? toCents(r.amount) : 0n), 0n);
    out.push({
      kind,
      count: of.length,
      amount: AMOUNT_KINDS.has(kind) ? fromCents(cents) : null,
      persons: kind === '公安立案' ? of.reduce((s, r) => s + (r.persons ?? 0), 0) : null,
    });
  }
  return out;
}
