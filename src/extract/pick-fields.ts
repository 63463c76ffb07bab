import type { AmountHit, AmountKind } from './amounts.ts';
import { findArabicDates, findChineseDates, findDates } from './dates.ts';

/** Confidence of a field that is absent and often is (a ruling need not recite it). */
export const ABSENT = 0.85;

/** A field's value, how sure we are, and — when less than sure — why, in Chinese for the reviewer. */
export interface Picked<T> {
  value: T | null;
  confidence: number;
  reason?: string;
}

const KIND_NAMES: Record<AmountKind, string> = {
  claim: '执行标的',
  paid: '到位金额',
  unpaid: '未履行金额',
};
const yuan = (n: number): string => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
const cents = (n: number): number => Math.round(n * 100) / 100;

/**
 * First labelled figure of each kind; several different figures lower the confidence. When two
 * of claim / paid / unpaid are stated the third follows (claim − paid = unpaid); when all three
 * are stated they must agree, else all three are doubtful.
 */
export function pickAmounts(hits: AmountHit[]): Record<AmountKind, Picked<number>> {
  // A figure whose 大写 and 小写 disagree stays doubtful even when the three amounts agree.
  const doubted = new Set<Picked<number>>();
  const pick = (kind: AmountKind): Picked<number> => {
    const own = hits.filter((h) => h.kind === kind);
    const first = own.find((h) => h.strong) ?? own[0];
    if (!first) return { value: null, confidence: ABSENT };
    // A weak figure (本金 before interest) does not contradict a strong one (执行标的额).
    const other = own.find((h) => h.strong === first.strong && h.yuan !== first.yuan);
    if (other)
      return {
        value: first.yuan,
        confidence: 0.5,
        reason: `文中${KIND_NAMES[kind]}有两个不同数额（${yuan(first.yuan)}、${yuan(other.yuan)}）`,
      };
    if (first.doubt) {
      const p = { value: first.yuan, confidence: 0.5, reason: `${KIND_NAMES[kind]}${first.doubt}` };
      doubted.add(p);
      return p;
    }
    return first.strong
      ? { value: first.yuan, confidence: 0.92 }
      : { value: first.yuan, confidence: 0.72, reason: `${KIND_NAMES[kind]}的表述不是标准用语` };
  };
  const result = { claim: pick('claim'), paid: pick('paid'), unpaid: pick('unpaid') };
  const { claim, paid, unpaid } = result;
  if (claim.value !== null && paid.value !== null && unpaid.value !== null) {
    const consistent = Math.abs(claim.value - paid.value - unpaid.value) < 0.005;
    for (const p of [claim, paid, unpaid]) {
      if (consistent && doubted.has(p)) continue;
      p.confidence = consistent ? Math.max(p.confidence, 0.98) : Math.min(p.confidence, 0.6);
      if (consistent) delete p.reason;
      else {
        const sum = `标的 ${yuan(claim.value)} − 到位 ${yuan(paid.value)} ≠ 未履行 ${yuan(unpaid.value)}`;
        p.reason = doubted.has(p) ? `${p.reason}；${sum}` : sum;
      }
    }
  } else if (claim.value !== null && paid.value !== null && paid.value <= claim.value) {
    result.unpaid = {
      value: cents(claim.value - paid.value),
      confidence: 0.8,
      reason: '文中未写明，由执行标的减到位金额推算',
    };
  } else if (claim.value !== null && unpaid.value !== null && unpaid.value <= claim.value) {
    result.paid = {
      value: cents(claim.value - unpaid.value),
      confidence: 0.8,
      reason: '文中未写明，由执行标的减未履行金额推算',
    };
  } else if (claim.value === null && paid.value !== null && unpaid.value !== null) {
    // Less sure than the other two: a claim stated with interest may exceed paid + unpaid.
    result.claim = {
      value: cents(paid.value + unpaid.value),
      confidence: 0.7,
      reason: '文中未写明，由到位金额加未履行金额推算',
    };
  } else if (claim.value !== null) {
    // Two stated figures that cannot both be right: the third is not derived, both are doubtful.
    const limit = claim.value;
    const over = [paid, unpaid].find((p) => p.value !== null && p.value > limit);
    if (over?.value != null) {
      const why = `${over === paid ? '到位金额' : '未履行金额'} ${yuan(over.value)} 大于执行标的 ${yuan(limit)}`;
      for (const p of [claim, over]) [p.confidence, p.reason] = [Math.min(p.confidence, 0.6), why];
    }
  }
  // A figure derived from a doubtful one is as doubtful.
  for (const kind of ['claim', 'paid', 'unpaid'] as const) {
    const p = result[kind];
    if (p.reason?.startsWith('文中未写明') && [claim, paid, unpaid].some((q) => doubted.has(q))) {
      p.confidence = Math.min(p.confidence, 0.5);
      p.reason = `${p.reason}，所据金额的大写与小写不一致`;
    }
  }
  return result;
}

const FILED_AFTER = /^[,]?(?:向本院)?(?:申请|提出)(?:强制|恢复)?执行|^[,]?(?:本院)?(?:立案|受理)/;
const FILED_IN_CLAUSE = /向本院(?:申请|提出)(?:强制)?执行/;
const RESUMED_IN_CLAUSE = /申请恢复执行|恢复执行立案|立案恢复执行/;

export function pickFiledDate(body: string, resumed: boolean): Picked<string> | null {
  const dates = findDates(body);
  const after = (d: { end: number }): string => body.slice(d.end, d.end + 16);
  // The rest of the date's clause, up to the next date or sentence end.
  const clause = (d: { end: number }): string =>
    body.slice(d.end, d.end + 50).split(/[。;\n]|(?:\d|[〇零一二三四五六七八九]){4}年/)[0] ?? '';
  if (resumed) {
    const r = dates.find((d) => RESUMED_IN_CLAUSE.test(clause(d)));
    if (r) return { value: r.iso, confidence: 0.9 };
  }
  const d = dates.find((x) => FILED_AFTER.test(after(x)) || FILED_IN_CLAUSE.test(clause(x)));
  if (!d) return null;
  return resumed
    ? { value: d.iso, confidence: 0.6, reason: '恢复执行案件未写明恢复立案日期，取原申请执行日期' }
    : { value: d.iso, confidence: 0.92 };
}

export function pickRulingDate(
  compact: string,
  text: string,
  operativeAt: number,
): Picked<string> | null {
  const chinese = findChineseDates(compact).at(-1);
  if (chinese) return { value: chinese.iso, confidence: 0.95 };
  // Some published texts print the signature date in Arabic numerals: the last date after 裁定如下.
  const tail = findArabicDates(operativeAt >= 0 ? text.slice(operativeAt) : text.slice(-200)).at(
    -1,
  );
  return tail
    ? {
        value: tail.iso,
        confidence: 0.7,
        reason: '落款日期不是中文数字，取裁定主文后的最后一个日期',
      }
    : null;
}

const PROVINCES =
  /(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆)/;
// A signature (书记员王芳) or its date left over from the previous document on the same page.
const STRAY_SIGNATURE =
  /^.*(?:审判长|审判员|执行员|执行长|书记员|法官助理|人民陪审员)(?:[\u4e00-\u9fff]{2,3}?)(?=[\u4e00-\u9fff]{2,}(?:人民法院|法院))/;

// The signature date of the previous document on the same page (`二〇二一年三月五日湖北省…法院`).
const STRAY_DATE =
  /^[〇零OoО○0一二三四五六七八九]{4}年(?:十[一二]?|[一二三四五六七八九])月[一二三十]{0,2}[一二三四五六七八九十]日/;

export function pickCourt(compact: string): Picked<string> | null {
  const strayDate = STRAY_DATE.exec(compact);
  const head = compact.slice(strayDate ? strayDate[0].length : 0).slice(0, 120);
  const m = /([\u4e00-\u9fff]{2,40}?(?:人民法院|法院))/.exec(head);
  if (!m?.[1]) return null;
  let name = m[1];
  let reason: string | undefined = strayDate
    ? `法院名称前有上一份文书的落款日期（${strayDate[0]}），已去除`
    : undefined;
  const stray = STRAY_SIGNATURE.exec(name);
  if (stray) {
    // Cut where the province begins if one is named; else after a 2-character signature name.
    const province = PROVINCES.exec(name.slice(stray[0].length - 3));
    name = province
      ? name.slice(stray[0].length - 3 + province.index)
      : name.slice(stray[0].length);
    reason = province ? reason : `法院名称前有上一份文书的落款（${stray[0]}），已去除`;
  } else if (m.index > 12) return null;
  // The header precedes the title or the case number; a court named later is in the body.
  const title = head.search(/裁定书|判决书|决定书|通知书|\(\d{4}\)/);
  if (title >= 0 && m.index > title) return null;
  if (strayDate && !stray) return { value: name, confidence: 0.85, reason };
  return reason
    ? { value: name, confidence: 0.7, reason }
    : { value: name, confidence: stray ? 0.85 : 0.95 };
}
