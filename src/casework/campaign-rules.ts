/**
 * Campaign (专项监督活动) rules, free of I/O: who sees a campaign, whether its fields make sense, and
 * how a run under it is bounded by its models, units, courts, closure dates and period.
 */
import { AppError } from '../domain/app-error.ts';
import { descendantsOf, type UnitNode } from '../org/unit-tree.ts';

/** What the rules read of a campaign. */
export interface CampaignDef {
  readonly theme: string;
  readonly unitId: string;
  readonly modelIds: readonly string[];
  readonly scopeUnitIds: readonly string[];
  readonly courts: readonly string[];
  readonly closedFrom: string | null;
  readonly closedTo: string | null;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly participantIds: readonly string[];
}

/**
 * Visible to its creating unit, its participating units and the units above them: a scope (a unit
 * and those below) sees it when one of those units is inside the scope.
 */
export function campaignVisible(c: CampaignDef, scopeUnitIds: readonly string[]): boolean {
  return [c.unitId, ...c.participantIds].some((u) => scopeUnitIds.includes(u));
}

/** The unit may run models under it: the creating unit or a participating one. */
export function takesPart(c: CampaignDef, unitId: string): boolean {
  return c.unitId === unitId || c.participantIds.includes(unitId);
}

/** Its creating unit or a unit above it (scope = the editor's unit and those below) may edit. */
export function campaignEditable(c: CampaignDef, scopeUnitIds: readonly string[]): boolean {
  return scopeUnitIds.includes(c.unitId);
}

function bad(problems: readonly string[]): AppError {
  return new AppError('BAD_CAMPAIGN', problems.join('；'));
}

/**
 * The fields of a campaign created by a unit whose scope is `scopeUnitIds`: dates in order, units
 * (scope and participants) inside the creator's units, models known.
 */
export function checkCampaign(
  c: CampaignDef,
  scopeUnitIds: readonly string[],
  knownModels: ReadonlySet<string>,
): void {
  const problems: string[] = [];
  if (!c.theme.trim()) problems.push('请填写活动主题');
  if (c.startsOn && c.endsOn && c.startsOn > c.endsOn) {
    problems.push(`活动期间的开始日期 ${c.startsOn} 晚于结束日期 ${c.endsOn}`);
  }
  if (c.closedFrom && c.closedTo && c.closedFrom > c.closedTo) {
    problems.push(`终本日期范围的起日 ${c.closedFrom} 晚于止日 ${c.closedTo}`);
  }
  const outside = [...c.scopeUnitIds, ...c.participantIds].filter((u) => !scopeUnitIds.includes(u));
  if (outside.length > 0) {
    problems.push(`单位 ${[...new Set(outside)].join('、')} 不存在或不在本单位及下级范围内`);
  }
  const unknown = c.modelIds.filter((m) => !knownModels.has(m));
  if (unknown.length > 0) problems.push(`没有模型 ${unknown.join('、')}`);
  if (problems.length > 0) throw bad(problems);
}

/** What a run asks for (before the campaign bounds it). */
export interface RunAsk {
  /** Undefined: every model (the campaign's, when it names some). */
  readonly models?: readonly string[] | undefined;
  /** Undefined: the runner's unit and those below. */
  readonly units?: readonly string[] | undefined;
  readonly courts?: readonly string[] | undefined;
  readonly closedFrom?: string | undefined;
  readonly closedTo?: string | undefined;
}

/** The run as the campaign bounds it: what the request left open is filled from the campaign. */
export interface BoundedRun {
  readonly models?: readonly string[];
  readonly units?: readonly string[];
  readonly courts?: readonly string[];
  readonly closedFrom?: string;
  readonly closedTo?: string;
}

function within(units: readonly UnitNode[], roots: readonly string[], unitId: string): boolean {
  return roots.some((r) => descendantsOf(units, r).some((u) => u.id === unitId));
}

/** Units of a run inside the campaign's scope units (each inside one of their subtrees). */
function boundUnits(
  c: CampaignDef,
  ask: RunAsk,
  runner: string | null,
  units: readonly UnitNode[],
  problems: string[],
): readonly string[] | undefined {
  if (c.scopeUnitIds.length === 0) return ask.units;
  if (ask.units?.length) {
    const outside = ask.units.filter((u) => !within(units, c.scopeUnitIds, u));
    if (outside.length > 0) problems.push(`单位 ${outside.join('、')} 不在专项活动的范围内`);
    return ask.units;
  }
  // Nothing asked: the campaign's units that are the runner's (or the runner, inside one of them).
  if (runner === null) return c.scopeUnitIds;
  if (within(units, c.scopeUnitIds, runner)) return [runner];
  const mine = c.scopeUnitIds.filter((u) => within(units, [runner], u));
  if (mine.length === 0) problems.push('专项活动的范围内没有本单位或下级单位');
  return mine;
}

function boundList(
  campaign: readonly string[],
  asked: readonly string[] | undefined,
  what: string,
  problems: string[],
): readonly string[] | undefined {
  if (campaign.length === 0) return asked?.length ? asked : undefined;
  if (!asked?.length) return campaign;
  const outside = asked.filter((x) => !campaign.includes(x));
  if (outside.length > 0) problems.push(`${what} ${outside.join('、')} 不在专项活动的范围内`);
  return asked;
}

function boundDates(c: CampaignDef, ask: RunAsk, problems: string[]): Partial<BoundedRun> {
  const from = ask.closedFrom ?? c.closedFrom ?? undefined;
  const to = ask.closedTo ?? c.closedTo ?? undefined;
  if (c.closedFrom && from && from < c.closedFrom) {
    problems.push(`终本日期起日 ${from} 早于专项活动的 ${c.closedFrom}`);
  }
  if (c.closedTo && to && to > c.closedTo) {
    problems.push(`终本日期止日 ${to} 晚于专项活动的 ${c.closedTo}`);
  }
  return { ...(from ? { closedFrom: from } : {}), ...(to ? { closedTo: to } : {}) };
}

/**
 * A run under the campaign, on `today` (YYYY-MM-DD, China) by a unit (null: the trusted local
 * operator): inside its period, the runner taking part, models, units, courts and closure dates
 * within its scope; what the run leaves open is taken from the campaign. Throws `CAMPAIGN_SCOPE`
 * naming every problem.
 */
export function boundRun(
  c: CampaignDef,
  ask: RunAsk,
  runner: string | null,
  today: string,
  units: readonly UnitNode[],
): BoundedRun {
  const problems: string[] = [];
  if ((c.startsOn && today < c.startsOn) || (c.endsOn && today > c.endsOn)) {
    problems.push(
      `今天（${today}）不在专项活动「${c.theme}」的期间（${c.startsOn ?? '…'} 至 ${c.endsOn ?? '…'}）内`,
    );
  }
  if (runner !== null && !takesPart(c, runner)) {
    problems.push(`本单位未参加专项活动「${c.theme}」`);
  }
  const models = boundList(c.modelIds, ask.models, '模型', problems);
  const runUnits = boundUnits(c, ask, runner, units, problems);
  const courts = boundList(c.courts, ask.courts, '法院', problems);
  const dates = boundDates(c, ask, problems);
  if (problems.length > 0) throw new AppError('CAMPAIGN_SCOPE', problems.join('；'));
  return {
    ...(models ? { models } : {}),
    ...(runUnits?.length ? { units: runUnits } : {}),
    ...(courts ? { courts } : {}),
    ...dates,
  };
}

/**
 * The campaign of a case opened from leads: the one chosen, else the one its leads share (leads
 * of several campaigns, or none: no campaign, to be chosen on the case).
 */
export function caseCampaign(
  leadCampaigns: readonly (number | null)[],
  chosen: number | null | undefined,
): number | null {
  if (chosen !== undefined) return chosen;
  const distinct = new Set(leadCampaigns.filter((c): c is number => c !== null));
  const [only] = distinct;
  return distinct.size === 1 && only !== undefined ? only : null;
}
