/**
 * The fixed vocabularies of the platform, each value once with its Chinese label: the contract's
 * zod enums (`src/contract/vocabulary.ts`), the store, the services, the CLI and the web all read
 * these tables. Lead states, dismissal reasons and priorities are Chinese words already (stored as
 * such, workflow.md): the value is its own label; so are the supervision-case states and kinds. `vocabulary.test.ts` checks every table is whole.
 */

function member<T extends string>(values: readonly T[]) {
  return (value: string): value is T => (values as readonly string[]).includes(value);
}

/** Lead states (workflow.md): 待研判 → 研判中 → 已成案 / 已排除 / 已合并. */
export const LEAD_STATUSES = ['待研判', '研判中', '已成案', '已排除', '已合并'] as const;
export const isLeadStatus = member(LEAD_STATUSES);
/** The lead states from which a lead may open or join a supervision case (not dismissed or in one). */
export const CASEABLE_LEAD_STATUSES = ['待研判', '研判中'] as const;
export const isCaseableLeadStatus = member(CASEABLE_LEAD_STATUSES);

/** Reasons a lead may be dismissed for (workflow.md). */
export const DISMISS_REASONS = [
  '数据错误',
  '已恢复执行',
  '财产已处置',
  '不具备执行条件',
  '其他',
] as const;
export const isDismissReason = member(DISMISS_REASONS);

/** Lead priorities, highest first (a model's 高 / 中 conditions, else its default). */
/** The one sort vocabulary of lead lists (web table, CLI listing, exports). */
export const LEAD_SORTS = [
  'priority',
  'firstSeenAt',
  'lastSeenAt',
  'caseNo',
  'modelId',
  'status',
] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const PRIORITIES = ['高', '中', '低'] as const;
export const isPriority = member(PRIORITIES);

/** A batch of imported rows: in force, rolled back (rows removed, older versions back), or refused whole. */
export const BATCH_STATUSES = ['committed', 'rolled_back', 'rejected'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  committed: '有效',
  rolled_back: '已回滚',
  rejected: '已拒绝',
};

/** How a batch came in: a user's file, the demo generator, or document extraction. */
export const BATCH_KINDS = ['import', 'demo', 'extracted'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export const BATCH_KIND_LABELS: Record<BatchKind, string> = {
  import: '导入',
  demo: '演示',
  extracted: '文书提取',
};

/** Roles (角色); what each may do is `ROLE_RIGHTS` (`src/contract/rights.ts`). */
export const ROLES = ['admin', 'data_admin', 'prosecutor', 'dept_head'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  data_admin: '数据管理员',
  prosecutor: '检察官',
  dept_head: '部门负责人',
};

/** States of a background job (import, model run, demo load). */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: '排队中',
  running: '进行中',
  succeeded: '已完成',
  failed: '失败',
};

/**
 * States of a supervision case (监督案件, workflow.md), Chinese words that are their own labels; the
 * allowed moves are in `src/casework/case-states.ts`.
 */
export const CASE_STATES = [
  '受理',
  '调查核实',
  '审查终结',
  '制发检察建议',
  '法院回复',
  '跟进监督',
  '结案',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const isCaseState = member(CASE_STATES);

/** 个案: leads of one enforcement case; 类案: leads of one model across enforcement cases. */
export const CASE_KINDS = ['个案', '类案'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const isCaseKind = member(CASE_KINDS);

/** Verification acts (调查核实) a supervision case records. */
export const ACT_KINDS = ['调阅卷宗', '询问', '调取', '查询银行流水', '听证'] as const;
export type ActKind = (typeof ACT_KINDS)[number];
export const isActKind = member(ACT_KINDS);

/** Label of a value of a labelled vocabulary; an unknown value (an old row) is shown as it is. */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string {
  return Object.hasOwn(labels, value) ? (labels as Record<string, string>)[value]! : value;
}

/** A recommendation (检察建议) is drafted, then issued (发出: its number and date are fixed). */
export const RECOMMENDATION_STATES = ['草稿', '已发出'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];
export const isRecommendationState = member(RECOMMENDATION_STATES);

/** Word documents a supervision case produces. */
export const DOCUMENT_KINDS = ['检察建议书', '线索移送函', '审查终结报告'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const isDocumentKind = member(DOCUMENT_KINDS);

/** A document version: a draft, or the final one (定稿: issued with its number and date). */
export const DOCUMENT_STATUSES = ['草稿', '定稿'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Where a version came from: the built-in layout, a user's edited upload, the unit's template. */
export const DOCUMENT_SOURCES = ['生成', '上传', '模板'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

/**
 * The placeholders of a unit's Word template (docxtemplater `{名称}`), the one vocabulary: the
 * template check, the generator's data and the web's template page read it. `required`: the kinds
 * whose template must carry it (a 检察建议书 without its reply deadline is no recommendation).
 */
export const TEMPLATE_PLACEHOLDERS = [
  { name: '单位名称', label: '发文单位', required: DOCUMENT_KINDS },
  { name: '文号', label: '文号（草稿为〔　〕号）', required: DOCUMENT_KINDS },
  { name: '主送单位', label: '主送单位', required: ['检察建议书', '线索移送函'] },
  { name: '案件事实', label: '查明的案件事实', required: DOCUMENT_KINDS },
  { name: '审查意见', label: '审查意见（发现的问题与证据）', required: [] },
  { name: '法律依据', label: '法律依据（引用条文）', required: ['检察建议书'] },
  { name: '检察建议', label: '检察建议 / 移送意见 / 处理意见', required: DOCUMENT_KINDS },
  { name: '回复期限', label: '回复期限', required: ['检察建议书'] },
  { name: '日期', label: '落款日期', required: DOCUMENT_KINDS },
  { name: '案件列表', label: '案件列表（循环：{#案件列表}…{/案件列表}）', required: [] },
] as const satisfies readonly {
  name: string;
  label: string;
  required: readonly DocumentKind[];
}[];
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number]['name'];

/** The fields of one row inside the `{#案件列表}` loop. */
export const TEMPLATE_LIST_FIELDS = ['序号', '案号', '被执行人', '终本日期', '财产线索'] as const;
export type TemplateListField = (typeof TEMPLATE_LIST_FIELDS)[number];

/** The court's answer to a recommendation (采纳率 = 采纳 / replied; 部分采纳 counts as replied, not adopted). */
export const REPLY_RESULTS = ['采纳', '部分采纳', '不采纳'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export const isReplyResult = member(REPLY_RESULTS);
/** The 检察建议台账's reply filter: a result in force, or 未回复 (issued, no reply yet). */
export const REPLY_FILTERS = [...REPLY_RESULTS, '未回复'] as const;
export type ReplyFilter = (typeof REPLY_FILTERS)[number];

/** What the court did in its reply. */
export const REPLY_ACTIONS = ['恢复执行', '删除失信', '解除限消', '纠正', '其他'] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];
export const isReplyAction = member(REPLY_ACTIONS);

/** Outcomes that count (workflow.md); money is exact (DECIMAL(18,2)), entered over time. */
export const OUTCOME_KINDS = [
  '恢复执行',
  '执行到位',
  '移送刑事线索',
  '公安立案',
  '听证',
  '执行和解',
  '司法救助',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const isOutcomeKind = member(OUTCOME_KINDS);

/** The crimes a criminal referral (移送刑事线索) names. */
export const REFERRAL_CRIMES = ['拒不执行判决、裁定罪', '虚假诉讼罪', '其他'] as const;
export type ReferralCrime = (typeof REFERRAL_CRIMES)[number];
export const isReferralCrime = member(REFERRAL_CRIMES);

/** Where an unanswered recommendation's reply deadline stands (the warning and the overdue list). */
export const DEADLINE_STATUSES = ['未到期', '即将到期', '已逾期'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** How an outcome came in: entered by hand, or found in a later ledger import (a 执恢 case). */
export const OUTCOME_SOURCES = ['手工', '台账导入'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];
/** What the next deadline of a work-list item (我的待办) is: the case's own, or a court's reply. */
export const WORK_DEADLINE_KINDS = ['办理期限', '法院回复期限'] as const;
export type WorkDeadlineKind = (typeof WORK_DEADLINE_KINDS)[number];
