import type { ActType } from '../domain/act-vocabulary.ts';
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
  ['报告财产令', /报告财产令/g],
  ['网络查控', /网络(?:执行)?查控|总对总|点对点查询|四查/g],
  [
    '不动产调查',
    /不动产登记(?:中心|机构|部门)|房(?:产|地产)管理(?:局|部门|中心)|房管局|自然资源(?:和规划)?局/g,
  ],
  ['车辆调查', /车辆管理所|车管所|公安(?:局)?交通(?:警察|管理)/g],
  ['工商调查', /市场监督管理局|市场监管局|工商(?:行政管理)?局/g],
  ['公积金调查', /公积金(?:管理)?中心|公积金(?:缴存|账户)?(?:情况)?(?:进行了?)?(?:调查|查询)/g],
  ['社保调查', /社会保险(?:事业)?(?:局|中心|经办机构)|社保(?:局|中心)|人力资源和社会保障局/g],
  ['实地调查', /实地(?:调查|走访|查看|核查)|到被执行人(?:的)?(?:住所地?|经营场所|户籍地|居住地)/g],
  ['限制消费令', /限制(?:高)?消费/g],
  ['纳入失信', /失信被执行人名单|失信名单/g],
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
  ['扣押', /扣押/g],
  ['冻结', /冻结/g],
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
const UNDOING = /(?:解除|撤销|解封|解冻)[^,。;]*$/;
// Words that only describe what a law or the system allows, or what did not happen.
const NOT_AN_ACT = /(?:^|[,])(?:如|若|可以|可向|有权|应当)/;

/**
 * The acts a ruling recites, each with the date nearest before it in its sentence (or, failing
 * that, the first date after it), and the sentence as `text`. One act per type and date.
 */
export function findActions(body: string): ExtractedAction[] {
  const actions: ExtractedAction[] = [];
  for (const piece of body.split(SENTENCE_SPLIT)) {
    const sentence = (piece ?? '').trim().replace(ITEM_PREFIX, '').trim();
    if (sentence.length < 4) continue;
    const plain = stripCitations(sentence);
    if (LEGAL_BASIS.test(plain) || NOT_AN_ACT.test(plain)) continue;
    const dates = findDates(plain);
    const found: { type: ActType; index: number }[] = [];
    for (const [type, pattern] of ACT_PATTERNS) {
      for (const m of plain.matchAll(pattern)) {
        // 解除查封 / 解除对…的冻结 lifts a measure; it is not the measure (act-vocabulary.ts).
        if (UNDOING.test(plain.slice(Math.max(0, m.index - 12), m.index))) continue;
        found.push({ type, index: m.index });
      }
    }
    found.sort((a, b) => a.index - b.index);
    for (const { type, index } of found) {
      const before = dates.filter((d) => d.index < index).at(-1);
      const date = (before ?? dates.find((d) => d.index > index))?.iso ?? null;
      if (actions.some((a) => a.type === type && a.date === date)) continue;
      actions.push({ type, date, text: sentence });
    }
  }
  return actions;
}
