/**
 * 执行措施 vocabulary (datasets.md `case_actions`): the 25 act types models and extraction use, the
 * 5 liftings of a measure (解除查封 …: issue 13, a lifting is an act of its own, never the measure), and
 * `mapActType`, which maps a source system's wording (执行通知书, 总对总查询, 限高 …) to one of them.
 * The original wording is kept by the importer; this only decides the type.
 */
import { normalizeText } from './text.ts';

/** 执行行为类型. */
export const ACT_TYPES = [
  '执行通知',
  '报告财产令',
  '网络查控',
  '不动产调查',
  '车辆调查',
  '工商调查',
  '公积金调查',
  '社保调查',
  '实地调查',
  '限制消费令',
  '纳入失信',
  '悬赏公告',
  '审计调查',
  '搜查',
  '罚款',
  '拘留',
  '告知申请执行人',
  '终本后查询',
  '查封',
  '扣押',
  '冻结',
  '划拨',
  '拍卖',
  '变卖',
  '以物抵债',
  // Liftings: the court undid one of the measures above (解除查封, 撤销限制消费令, 屏蔽失信信息).
  '解除查封',
  '解除扣押',
  '解除冻结',
  '解除限制消费',
  '解除失信',
] as const;
export type ActType = (typeof ACT_TYPES)[number];

const ACT_SET: ReadonlySet<string> = new Set(ACT_TYPES);

export function isActType(s: string): s is ActType {
  return ACT_SET.has(s);
}

/** Exact source wordings seen in court process systems. */
const EXACT: Readonly<Record<string, ActType>> = {
  执行通知书: '执行通知',
  发出执行通知书: '执行通知',
  报告财产令: '报告财产令',
  责令申报财产: '报告财产令',
  责令报告财产: '报告财产令',
  网络执行查控: '网络查控',
  总对总查询: '网络查控',
  点对点查询: '网络查控',
  约谈申请执行人: '告知申请执行人',
  告知申请执行人终本: '告知申请执行人',
  发出限制消费令: '限制消费令',
  限高: '限制消费令',
  纳入失信被执行人名单: '纳入失信',
  终本后网络查控: '终本后查询',
  司法拘留: '拘留',
  悬赏: '悬赏公告',
  审计: '审计调查',
  冻结存款: '冻结',
  扣划: '划拨',
  划扣: '划拨',
};

/** Acts that undo or lift a measure are not the measure: `解除查封` must not count as 查封. */
const UNDOING = /^(?:解除|撤销|撤回|屏蔽|删除|解封|解冻|暂缓|中止|终止)/;
/** Of those, the ones that lift it for good (a pause — 暂缓, 中止 — is no lifting). */
const LIFTING = /^(?:解除|撤销|撤回|屏蔽|删除|解封|解冻)/;

/** The measures that have a lifting type, and that type. */
const LIFTING_OF: Partial<Record<ActType, ActType>> = {
  查封: '解除查封',
  扣押: '解除扣押',
  冻结: '解除冻结',
  限制消费令: '解除限制消费',
  纳入失信: '解除失信',
};

/** The lifting type of a measure (查封 → 解除查封), or undefined when the vocabulary has none. */
export function liftingOf(type: ActType): ActType | undefined {
  return LIFTING_OF[type];
}

/**
 * Keyword rules in priority order. Disposal acts come before investigations (冻结公积金 is 冻结,
 * not 公积金调查) and 终本后 comes first (终本后网络查控 is 终本后查询, not 网络查控).
 */
const RULES: ReadonlyArray<readonly [RegExp, ActType]> = [
  [/终本后|恢复.*查询|定期查询/, '终本后查询'],
  [/以物抵债|抵债/, '以物抵债'],
  [/变卖/, '变卖'],
  [/拍卖|挂拍/, '拍卖'],
  [/划拨|扣划|划扣|提取|扣留.*收入/, '划拨'],
  [/冻结/, '冻结'],
  [/扣押/, '扣押'],
  [/查封/, '查封'],
  [/限制消费|限高|限消|限制高消费/, '限制消费令'],
  [/失信/, '纳入失信'],
  [/悬赏/, '悬赏公告'],
  [/审计/, '审计调查'],
  [/搜查/, '搜查'],
  [/罚款/, '罚款'],
  [/拘留/, '拘留'],
  [/报告财产|申报财产|财产报告/, '报告财产令'],
  [/执行通知/, '执行通知'],
  [
    /(?:约谈|告知|通知|询问|谈话|听取).*申请执行人|申请执行人.*(?:约谈|谈话|意见)/,
    '告知申请执行人',
  ],
  [/网络查控|总对总|点对点|网络执行查控|网络查询|网上查控/, '网络查控'],
  [/不动产|房产|房屋|土地|住房(?!公积金)/, '不动产调查'],
  [/车辆|机动车/, '车辆调查'],
  [/工商|股权|市场监督|企业登记/, '工商调查'],
  [/公积金/, '公积金调查'],
  [/社保|社会保险|养老/, '社保调查'],
  [/实地|现场|上门|走访|入户/, '实地调查'],
  [/存款|银行|账户|支付宝|微信|证券|理财/, '网络查控'],
];

const BRACKETS_AND_SPACES = /[()\s]/g;
const cache = new Map<string, ActType | null>();
const CACHE_LIMIT = 10_000;

/** Maps a source wording to an act type, or undefined when it is none of the 25 (or lifts one). */
export function mapActType(wording: string): ActType | undefined {
  const hit = cache.get(wording);
  if (hit !== undefined) return hit ?? undefined;
  const result = classify(wording);
  if (cache.size < CACHE_LIMIT) cache.set(wording, result ?? null);
  return result;
}

function classify(wording: string): ActType | undefined {
  const t = normalizeText(wording).replace(BRACKETS_AND_SPACES, '');
  if (t === '') return undefined;
  if (isActType(t)) return t;
  const exact = EXACT[t];
  if (exact) return exact;
  if (UNDOING.test(t)) {
    if (!LIFTING.test(t)) return undefined;
    // 解封 / 解冻 name the measure in the verb itself.
    const rest = t.replace(/^解封/, '查封').replace(/^解冻/, '冻结').replace(LIFTING, '');
    const lifted = RULES.find(([pattern]) => pattern.test(rest))?.[1];
    return lifted ? liftingOf(lifted) : undefined;
  }
  for (const [pattern, type] of RULES) if (pattern.test(t)) return type;
  return undefined;
}
