import { liftingOf, type ActType } from '../domain/act-vocabulary.ts';
import { findDates } from './dates.ts';
import { stripCitations } from './ruling-text.ts';
import type { ExtractedAction } from './types.ts';

/**
 * Wording → act type (datasets.md act vocabulary). A registry named in the sentence (不动产登记中心,
 * 车管所 …) makes a 传统查控 check of its own; property types listed after 网络执行查控系统 do not:
 * that system queried them. `四查` is read as the network query it starts with.
 */
const ACT_PATTERNS: readonly (readonly [ActType, RegExp])[] = [
  ['执行通知', /执行通知(?:书)?/g],
  // 责令…报告财产状况; a debtor who 未向本院申报财产 was ordered to (the order is the act).
  [
    '报告财产令',
    /报告财产令|财产申报表|责令[^,。;]{0,12}(?:报告|申报)(?:其)?(?:财产|当前)|(?:未|没有|拒不)(?:按期|如实|按要求)?(?:向(?:本院|法院))?(?:如实)?(?:申报|报告)(?:其)?财产/g,
  ],
  ['网络查控', /网络(?:执行)?查控|总对总|点对点查询|四查/g],
  [
    '不动产调查',
    /不动产登记(?:中心|机构|部门)|房(?:产|地产)管理(?:局|部门|中心)|房管局|自然资源(?:和规划)?局/g,
  ],
  ['车辆调查', /车辆管理所|车管所|公安(?:局)?交通(?:警察|管理)/g],
  ['工商调查', /市场监督管理局|市场监管局|工商(?:行政管理)?局/g],
  ['公积金调查', /公积金(?:管理)?中心|公积金(?:缴存|账户)?(?:情况)?(?:进行了?)?(?:调查|查询)/g],
  ['社保调查', /社会保险(?:事业)?(?:局|中心|经办机构)|社保(?:局|中心)|人力资源和社会保障局/g],
  [
    '实地调查',
    /实地(?:调查|走访|查看|核查)|(?:现场|上门|入户)(?:调查|走访|查看|核查|勘查)|(?:前往|到|赴|至)被执行人(?:的)?(?:住所地?|经营场所|户籍地|经常居住地|居住地|住处|家中)/g,
  ],
  ['限制消费令', /限制(?:高)?消费|限消令|限高令/g],
  // `屏蔽其失信信息` names the listing by its published record.
  ['纳入失信', /失信(?:被执行)?(?:人员?)?名单|失信信息/g],
  ['悬赏公告', /悬赏/g],
  ['审计调查', /审计/g],
  ['搜查', /搜查/g],
  ['罚款', /罚款/g],
  ['拘留', /拘留/g],
  [
    '告知申请执行人',
    /(?:约谈|告知|通知|询问)申请执行人|向申请执行人(?:告知|送达|释明|征询|了解)|与申请执行人[^,。;]{0,6}(?:谈话|约谈)/g,
  ],
  ['查封', /查封/g],
  // 解封 / 解冻 name the lifting in one word.
  ['解除查封', /解封/g],
  ['扣押', /扣押/g],
  ['冻结', /冻结/g],
  ['解除冻结', /解冻/g],
  ['划拨', /扣划|划拨|划扣/g],
  ['拍卖', /拍卖/g],
  ['变卖', /变卖/g],
  ['以物抵债', /以物抵债/g],
];

// Sentences: 。 ; and paragraph breaks, and numbered items (`1.` `2、` `(3)`) run together on one line.
// An item number may run into a date (`1.2021年1月20日`) but not into a decimal (`50.00元`).
const SENTENCE_SPLIT =
  /[。;\n]|(?<![\d.])(?=\d{1,2}[.、](?:(?!\d)|\d{4}年))|(?=\(\d{1,2}\))|(?=[一二三四五六七八九十]{1,2}、)/;
const ITEM_PREFIX = /^(?:\d{1,2}[.、]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}、)/;
// 依照《…》第…条 recites the law, not an act.
const LEGAL_BASIS = /^(?:依照|依据|根据|按照)《》/;
// Words that only describe what a law or the system allows.
const NOT_AN_ACT = /(?:^|[,])(?:如|若|可以|可向|有权|应当)/;

/** Why a mention of an act is not the act (the reviewer sees it). */
type NotDone = '否定' | '解除' | '申请或拟采取' | '描述' | '其他法院所为';
// In the act's clause, before it: 解除查封, 解除对…纳入失信…名单, 撤销…限制消费令, 屏蔽失信信息.
const LIFTED = /(?:解除|撤销|撤回|屏蔽|删除|解封|解冻|移出|撤出)[^,。;]*$/;
// 从失信被执行人名单中删除: the lifting follows the measure.
const LIFTED_AFTER = /^[^,。;]{0,6}?(?:中|内)?(?:删除|移出|撤出|屏蔽)/;
// 未实际扣押, 没有查封到, 尚未冻结, 不予拘留, 未能, 无法: the act did not happen.
// `未履行义务的被执行人` is a description, not a negation: no 的 between.
const NEGATED =
  /(?:未|没有|尚未|不予|未能|无法|不能|暂未|暂不|不宜|不得|无需|不再|暂缓|停止)[^,。;未的]{0,10}$/;
// 可供查封的财产 describes property (未发现可供查封的…, 无可供扣押的车辆); it is no act.
const DESCRIBED = /可供$/;
const DESCRIBED_NEGATED = /(?:未|无|没有)[^,。;]*可供$/;
// 已被其他法院查封: another court's measure, not this court's act.
const OTHER_COURT = /(?:已?被|由)(?:其他|外地|另案|[\u4e00-\u9fff]{2,16}?)法院[^,。;本]{0,6}$/;
const NEGATED_AFTER = /^[^,。;]{0,10}?(?:未果|未成功|不予准许|不予支持|未获准许|被驳回)/;
// 申请执行人申请拘留, 拟拍卖, 计划, 准备: asked for or planned, not done. `依…申请查封` is done.
const PLANNED = /(?:申请(?!执行)|拟|计划|准备|将要|要求|请求)[^,。;]{0,20}$/;
const ON_REQUEST = /(?:依|根据|经|应|据|按|依据)[^,。;]{0,12}申请[^,。;]{0,12}$/;

function notDone(plain: string, index: number, length: number): NotDone | null {
  const before = plain.slice(Math.max(0, index - 30), index);
  if (DESCRIBED.test(before)) return DESCRIBED_NEGATED.test(before) ? '否定' : '描述';
  if (LIFTED.test(before) || LIFTED_AFTER.test(plain.slice(index + length))) return '解除';
  if (NEGATED.test(before) || NEGATED_AFTER.test(plain.slice(index + length))) return '否定';
  if (PLANNED.test(before) && !ON_REQUEST.test(before)) return '申请或拟采取';
  if (OTHER_COURT.test(before)) return '其他法院所为';
  return null;
}

/** The acts a ruling recites, and the mentions left out (negated, lifted, planned), in Chinese. */
export interface FoundActions {
  actions: ExtractedAction[];
  skipped: string[];
}

/**
 * The acts a ruling recites (a lifting as its lifting type: 解除对…的查封 → 解除查封), each with the date nearest before it in its sentence (or, failing
 * that, the first date after it), and the sentence as `text`. One act per type and date. Dates in
 * a row before the first act (`2020年12月3日，2021年1月14号，通过网络查控…`) are one act each.
 */
export function findActions(body: string): FoundActions {
  const actions: ExtractedAction[] = [];
  const skipped: string[] = [];
  for (const piece of body.split(SENTENCE_SPLIT)) {
    const sentence = (piece ?? '').trim().replace(ITEM_PREFIX, '').trim();
    if (sentence.length < 4) continue;
    const plain = stripCitations(sentence);
    if (LEGAL_BASIS.test(plain) || NOT_AN_ACT.test(plain)) continue;
    const dates = findDates(plain);
    const found: { type: ActType; index: number }[] = [];
    for (const [type, pattern] of ACT_PATTERNS) {
      for (const m of plain.matchAll(pattern)) {
        // A match that itself says the debtor did not report (未向本院申报财产) is the order's trace.
        const why = /^(?:未|没有|拒不)/.test(m[0]) ? null : notDone(plain, m.index, m[0].length);
        // A lifting is an act of its own where the vocabulary has a type for it (解除查封 …).
        const lifting = why === '解除' ? liftingOf(type) : undefined;
        if (lifting) {
          found.push({ type: lifting, index: m.index });
          continue;
        }
        // A description of property (有可供查封的房产) is no mention of an act at all.
        if (why === '描述') continue;
        if (why) {
          const note = `${type}（${why}：“${clip(plain, m.index)}”）`;
          if (!skipped.includes(note)) skipped.push(note);
          continue;
        }
        found.push({ type, index: m.index });
      }
    }
    found.sort((a, b) => a.index - b.index);
    found.forEach(({ type, index }, i) => {
      const before = dates.filter((d) => d.index < index);
      const last = before.at(-1);
      let own = last ? [last] : dates.filter((d) => d.index > index).slice(0, 1);
      const previousAct = found[i - 1]?.index ?? -1;
      if (last && previousAct < last.index) {
        // A run of dates joined only by separators, with no act between it and this one.
        const run = [last];
        for (let k = before.length - 2; k >= 0; k--) {
          const d = before[k];
          const next = run[0];
          if (!d || !next || d.index < previousAct) break;
          if (!/^[,、和及与]?$/.test(plain.slice(d.end, next.index))) break;
          run.unshift(d);
        }
        own = run;
      }
      for (const d of own.length ? own : [null]) {
        const date = d?.iso ?? null;
        if (actions.some((a) => a.type === type && a.date === date)) continue;
        actions.push({ type, date, text: sentence });
      }
    });
  }
  return { actions, skipped };
}

/** The words around a mention, for the reviewer. */
function clip(s: string, index: number): string {
  return s.slice(Math.max(0, index - 10), index + 8);
}
