/**
 * The demo province's casework (演示办案数据): which of the run's leads become supervision cases, in
 * which states, with which acts, recommendations, replies and outcomes on which dates — so that a
 * new user's first screen shows the whole chain. Pure: `demo-casework.ts` applies it through the
 * services, as a prosecutor would.
 *
 * Dates: most steps are counted from the day after the demo's as-of date (July–November 2026), and
 * never later than today (the services refuse future dates); the two recommendations whose reply
 * deadline matters are counted back from today, so one is overdue and one due within 15 days
 * whenever the demo is loaded.
 */
import type { CaseKind } from '../domain/vocabulary.ts';
import { courtCodeOfCaseNo, unitOfCourt, type UnitNode } from '../org/unit-tree.ts';
import {
  CLASS_CASE,
  DISMISSALS,
  INDIVIDUAL,
  type DemoGroup,
  type Scenario,
  type ScenarioCase,
} from './demo-casework-scenarios.ts';
import { addDays, addMonths } from './reply-deadline.ts';

export type { DemoStep } from './demo-casework-scenarios.ts';

/** A lead the run produced, still 待研判 (the internal key only orders them, never leaves here). */
export interface DemoLead {
  readonly leadKey: string;
  readonly leadId: string;
  readonly modelId: string;
  readonly caseNo: string | null;
  readonly court: string | null;
}

export interface DemoCasePlan extends ScenarioCase {
  readonly unitId: string;
  readonly kind: CaseKind;
  readonly leadIds: readonly string[];
  readonly dueDate: string;
}

export interface DemoDismissal {
  readonly unitId: string;
  readonly leadId: string;
  readonly reason: (typeof DISMISSALS)[number]['reason'];
  readonly note: string;
}

export interface DemoCaseworkPlan {
  readonly cases: readonly DemoCasePlan[];
  readonly dismissals: readonly DemoDismissal[];
}

/** A scenario's group, with the leads as the plan reads them. */
interface Group extends DemoGroup {
  readonly leads: readonly DemoLead[];
}

const byKey = (a: DemoLead, b: DemoLead) =>
  a.modelId.localeCompare(b.modelId) || a.leadKey.localeCompare(b.leadKey);

/** The county unit of a lead (by the court code of its 案号), or undefined. */
function countyOf(units: readonly UnitNode[], lead: DemoLead): Group | undefined {
  const courtCode = courtCodeOfCaseNo(lead.caseNo);
  const unit = unitOfCourt(units, courtCode);
  if (!unit || unit.level !== 'county' || !courtCode || !lead.court) return undefined;
  return { unitId: unit.id, courtCode, leads: [lead] };
}

/** The class case: the model with the most enforcement cases in one county court (≥ 2, at most 3). */
function classGroup(located: readonly Group[]): Group | undefined {
  const groups = new Map<string, Group>();
  for (const g of located) {
    const lead = g.leads[0]!;
    const key = `${g.unitId} ${lead.modelId}`;
    const seen = groups.get(key);
    const taken = seen?.leads ?? [];
    if (taken.some((l) => l.caseNo === lead.caseNo || l.court !== lead.court)) continue;
    groups.set(key, { ...g, leads: [...taken, lead] });
  }
  const best = [...groups.entries()]
    .filter(([, g]) => g.leads.length >= 2)
    .sort(
      ([ka, a], [kb, b]) =>
        Math.min(b.leads.length, 3) - Math.min(a.leads.length, 3) || ka.localeCompare(kb),
    )[0];
  return best && { ...best[1], leads: best[1].leads.slice(0, 3) };
}

/** Enforcement cases, one unit after another (the first case of each unit, then the second …). */
function individualGroups(located: readonly Group[], excluded: ReadonlySet<string>): Group[] {
  const byCase = new Map<string, Group>();
  for (const g of located) {
    const lead = g.leads[0]!;
    if (excluded.has(lead.caseNo ?? '')) continue;
    const seen = byCase.get(lead.caseNo ?? '');
    byCase.set(lead.caseNo ?? '', seen ? { ...seen, leads: [...seen.leads, lead] } : g);
  }
  const perUnit = new Map<string, Group[]>();
  for (const g of byCase.values()) perUnit.set(g.unitId, [...(perUnit.get(g.unitId) ?? []), g]);
  const units = [...perUnit.keys()].sort();
  const out: Group[] = [];
  for (let round = 0; out.length < byCase.size; round++) {
    for (const u of units) {
      const g = perUnit.get(u)?.[round];
      if (g) out.push(g);
    }
  }
  return out;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The plan for these leads and units on `today`. Leads are taken in a fixed order (model, then lead
 * key), one enforcement case per scenario, the units in turn; scenarios without leads left are
 * skipped (a tiny province), the class case when no model has two cases in one county court.
 */
export function planDemoCasework(
  input: { leads: readonly DemoLead[]; units: readonly UnitNode[] },
  asOf: string,
  today: string,
): DemoCaseworkPlan {
  // The day after the data's as-of date, or earlier so that every step lies before today.
  const start = [addDays(asOf, 1), addDays(today, -155)].sort()[0]!;
  const on = (days: number) => addDays(start, days);
  const located = [...input.leads]
    .sort(byKey)
    .map((l) => countyOf(input.units, l))
    .filter((g): g is Group => g !== undefined);
  const cases: DemoCasePlan[] = [];
  const klass = classGroup(located);
  const excluded = new Set(klass?.leads.map((l) => l.caseNo ?? ''));
  const groups = individualGroups(located, excluded);
  const take = (g: Group, kind: CaseKind, scenario: Scenario) => {
    const planned = scenario(g, on, today);
    const open = planned.steps.every((s) => s.do !== 'move' || s.to !== '结案');
    cases.push({
      ...planned,
      unitId: g.unitId,
      kind,
      leadIds: g.leads.map((l) => l.leadId),
      // Open cases fall due after today (the work list), closed ones four months after opening.
      dueDate: open
        ? later(addMonths(planned.openedOn, 6), addDays(today, 21 + 7 * cases.length))
        : addMonths(planned.openedOn, 4),
    });
  };
  if (klass) take(klass, '类案', CLASS_CASE);
  INDIVIDUAL.forEach((scenario, i) => {
    const g = groups[i];
    if (g) take(g, '个案', scenario);
  });
  const dismissals = DISMISSALS.flatMap((d, i): DemoDismissal[] => {
    const lead = groups[INDIVIDUAL.length + i]?.leads[0];
    const unitId = groups[INDIVIDUAL.length + i]?.unitId;
    return lead && unitId ? [{ ...d, unitId, leadId: lead.leadId }] : [];
  });
  return { cases, dismissals };
}
