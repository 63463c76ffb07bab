/**
 * The demo province's casework, applied (see `demo-casework-plan.ts` for what and when): after the
 * demo load and the model run, a few months of supervision cases made through the services — the
 * same scope, rules, state machine, audit rows and Word documents as a prosecutor's — acting as the
 * demo operator (`demo`) of each county unit. Runs once: nothing is done when any supervision case
 * exists already.
 */
import { log } from '../audit/logger.ts';
import type { SupervisionCaseDetail } from '../contract/casework.ts';
import { AppError } from '../domain/app-error.ts';
import { todayInChina } from '../domain/date.ts';
import type { LeadAccessService } from '../org/lead-access.service.ts';
import type { LeadActionService } from '../org/lead-actions.service.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { OrgService } from '../org/org.service.ts';
import type { CaseworkService } from './casework.service.ts';
import { planDemoCasework, type DemoCasePlan, type DemoStep } from './demo-casework-plan.ts';
import type { DocumentsService } from './documents.service.ts';
import type { RecommendationsService } from './recommendations.service.ts';

/** The services the demo casework goes through (the platform has them all). */
export interface DemoCaseworkDeps {
  readonly org: OrgService;
  readonly leads: LeadAccessService;
  readonly leadActions: LeadActionService;
  readonly casework: CaseworkService;
  readonly recommendations: RecommendationsService;
  readonly documents: DocumentsService;
  /** The clock the services use (the overdue list compares with it). */
  readonly now?: () => number;
}

export interface DemoCaseworkResult {
  readonly cases: number;
  readonly recommendations: number;
  readonly dismissed: number;
}

/** More leads than any demo scale makes; the plan takes a few dozen of them. */
const LEAD_LIMIT = 50_000;

/**
 * The demo's own operator, like the demo load's `demo` user: no platform user row. A unit's
 * casework needs the unit; lead dismissal goes through the lead actions as the trusted local
 * operator (no unit), who may do all province-wide.
 */
export function demoOperator(unitId: string | null): Operator {
  return { userId: null, username: 'demo', unitId, ip: null, canViewFullId: false };
}

/** Seeds the casework when there is none yet; undefined when it did nothing. */
export async function seedDemoCasework(
  deps: DemoCaseworkDeps,
  asOf: string,
): Promise<DemoCaseworkResult | undefined> {
  const units = await deps.org.units();
  const root = units.find((u) => u.parentId === null);
  if (!root) return undefined;
  const province = demoOperator(root.id);
  if ((await deps.casework.list(province, { page: 1, pageSize: 1 })).total > 0) return undefined;
  const scope = await deps.org.scope(root.id);
  const rows = await deps.leads.all(
    scope,
    { filter: { statuses: ['待研判'] }, sort: 'firstSeenAt', desc: false },
    LEAD_LIMIT,
  );
  const leads = rows.map((r) => ({
    leadKey: r.lead_key,
    leadId: r.lead_id,
    modelId: r.model_id,
    caseNo: r.case_no,
    court: r.court,
  }));
  const today = todayInChina(deps.now?.() ?? Date.now());
  const plan = planDemoCasework({ leads, units }, asOf, today);
  let recommendations = 0;
  for (const c of plan.cases) {
    const made = await applyCase(deps, c);
    recommendations += made.recommendations.filter((r) => r.state === '已发出').length;
  }
  // The bulk form: the same rules and audit, without building each lead's page for an answer.
  for (const d of plan.dismissals) {
    await deps.leadActions.bulk(demoOperator(null), {
      action: 'dismiss',
      leadIds: [d.leadId],
      reason: d.reason,
      note: d.note,
    });
  }
  log(
    'info',
    `演示办案数据：${plan.cases.length} 件监督案件，${recommendations} 份检察建议，排除线索 ${plan.dismissals.length} 条`,
  );
  return { cases: plan.cases.length, recommendations, dismissed: plan.dismissals.length };
}

/** One planned case: opened by the demo operator of its unit, then each step in turn. */
async function applyCase(
  deps: DemoCaseworkDeps,
  plan: DemoCasePlan,
): Promise<SupervisionCaseDetail> {
  const op = demoOperator(plan.unitId);
  let c = await deps.casework.open(op, {
    leadIds: plan.leadIds,
    kind: plan.kind,
    dueDate: plan.dueDate,
    note: `受理（${plan.openedOn}）`,
  });
  for (const step of plan.steps) c = await applyStep(deps, op, c, step);
  return c;
}

/** The latest recommendation of the case (the steps after 起草 act on it). */
function latestRec(c: SupervisionCaseDetail): { id: number; version: number } {
  const rec = c.recommendations.at(-1);
  if (!rec) throw new AppError('INTERNAL', `演示办案数据：${c.caseNo} 没有检察建议`);
  return rec;
}

async function applyStep(
  deps: DemoCaseworkDeps,
  op: Operator,
  c: SupervisionCaseDetail,
  step: DemoStep,
): Promise<SupervisionCaseDetail> {
  const { casework, recommendations: recs } = deps;
  switch (step.do) {
    case 'move':
      return casework.move(op, c.id, { to: step.to, version: c.version, note: step.note });
    case 'act':
      return casework.addAct(op, c.id, { kind: step.kind, date: step.date, note: step.note });
    case 'draft':
      return recs.create(op, c.id, { note: step.note });
    case 'document':
      await deps.documents.generate(op, c.id, {
        kind: '检察建议书',
        recommendationId: latestRec(c).id,
      });
      return c;
    case 'issue': {
      const { id, version } = latestRec(c);
      return recs.issue(op, id, { version, issuedOn: step.issuedOn });
    }
    case 'extend': {
      const { id, version } = latestRec(c);
      return recs.extend(op, id, { version, note: step.note });
    }
    case 'reply': {
      const { id, version } = latestRec(c);
      const { result, date, actions, resumedCaseNo, note } = step;
      return recs.reply(op, id, { version, result, date, actions, resumedCaseNo, note });
    }
    case 'escalate': {
      const { id, version } = latestRec(c);
      return recs.escalate(op, id, { version, note: step.note });
    }
    case 'outcome':
      return recs.addOutcome(op, c.id, {
        ...step.outcome,
        recommendationId: c.recommendations.at(-1)?.id ?? null,
      });
  }
}
