import { describe, expect, it } from 'vitest';
import { CASE_STATES, type CaseState } from '../domain/vocabulary.ts';
import { provinceUnits } from '../org/province-units.ts';
import { checkTransition } from './case-states.ts';
import { planDemoCasework, type DemoCasePlan, type DemoLead } from './demo-casework-plan.ts';
import { deadlineStatus, replyDue } from './reply-deadline.ts';

const units = provinceUnits('33');
const COURTS: Record<string, string> = {
  浙0102: '杭州市上城区人民法院',
  浙0105: '杭州市拱墅区人民法院',
  浙0203: '宁波市海曙区人民法院',
  浙0302: '温州市鹿城区人民法院',
  浙0603: '绍兴市柯桥区人民法院',
};

/** Two leads per court and model M01–M04 (so a class case can be made), one per case. */
function leads(): DemoLead[] {
  const out: DemoLead[] = [];
  let n = 0;
  for (const [code, court] of Object.entries(COURTS)) {
    for (const model of ['M01', 'M02', 'M03', 'M04']) {
      for (let i = 0; i < 2; i++) {
        n++;
        out.push({
          leadKey: `k${String(n).padStart(3, '0')}`,
          leadId: `L${n}`,
          modelId: model,
          caseNo: `（2024）${code}执${100 + n}号`,
          court,
        });
      }
    }
  }
  return out;
}

/** The state a case ends in, replaying its steps through the state machine as the services do. */
function finalState(c: DemoCasePlan): CaseState {
  let state: CaseState = '受理';
  for (const s of c.steps) {
    if (s.do === 'move') state = checkTransition(state, s.to);
    if (s.do === 'issue' && state === '审查终结') state = checkTransition(state, '制发检察建议');
    if (s.do === 'reply' && (state === '制发检察建议' || state === '跟进监督')) state = '法院回复';
    if (s.do === 'escalate') state = checkTransition(state, '跟进监督');
  }
  return state;
}

function datesOf(c: DemoCasePlan): string[] {
  return c.steps.flatMap((s) => {
    if (s.do === 'act' || s.do === 'reply') return [s.date];
    if (s.do === 'issue') return [s.issuedOn];
    if (s.do === 'outcome') return [s.outcome.date];
    return [];
  });
}

describe('the demo casework plan', () => {
  const today = '2026-12-04';
  const plan = planDemoCasework({ leads: leads(), units }, '2026-06-30', today);

  it('reaches every case state, with one class case of several enforcement cases', () => {
    expect(new Set(plan.cases.map(finalState))).toEqual(new Set(CASE_STATES));
    const klass = plan.cases.filter((c) => c.kind === '类案');
    expect(klass).toHaveLength(1);
    expect(klass[0]!.leadIds.length).toBeGreaterThanOrEqual(2);
    expect(plan.cases).toHaveLength(12);
  });

  it('spreads the cases over the county units and uses each lead once', () => {
    expect(new Set(plan.cases.map((c) => c.unitId)).size).toBe(Object.keys(COURTS).length);
    const used = [...plan.cases.flatMap((c) => c.leadIds), ...plan.dismissals.map((d) => d.leadId)];
    expect(new Set(used).size).toBe(used.length);
    expect(plan.dismissals.map((d) => d.reason)).toEqual([
      '数据错误',
      '已恢复执行',
      '不具备执行条件',
    ]);
  });

  it('does not depend on the order the leads come in', () => {
    const shuffled = leads().reverse();
    expect(planDemoCasework({ leads: shuffled, units }, '2026-06-30', today)).toEqual(plan);
  });

  it('opens cases from July 2026 on, every date in order and none after today', () => {
    expect(plan.cases.map((c) => c.openedOn).sort()[0]! >= '2026-07-01').toBe(true);
    for (const c of plan.cases) {
      for (const d of datesOf(c)) {
        expect(d >= c.openedOn, `${c.scenario} ${d}`).toBe(true);
        expect(d <= today, `${c.scenario} ${d}`).toBe(true);
      }
    }
  });

  // Month ends and a later year: one unanswered recommendation overdue, one due within 15 days.
  for (const day of ['2026-12-04', '2027-03-21', '2027-05-21', '2027-02-28', '2028-08-30']) {
    it(`keeps one recommendation overdue and one due soon on ${day}`, () => {
      const p = planDemoCasework({ leads: leads(), units }, '2026-06-30', day);
      const unanswered = p.cases.flatMap((c) => {
        const issue = c.steps.find((s) => s.do === 'issue');
        const answered = c.steps.some((s) => s.do === 'reply' || s.do === 'extend');
        return issue?.do === 'issue' && !answered
          ? [deadlineStatus(replyDue(issue.issuedOn), day)]
          : [];
      });
      expect(unanswered.sort()).toEqual(['即将到期', '已逾期']);
      for (const c of p.cases) for (const d of datesOf(c)) expect(d <= day).toBe(true);
    });
  }

  it('plans what the leads allow in a tiny province (no class case without two cases)', () => {
    const few = leads().filter((l) => l.modelId === 'M01' && l.leadKey < 'k010');
    const p = planDemoCasework({ leads: few.slice(0, 1), units }, '2026-06-30', today);
    expect(p.cases).toHaveLength(1);
    expect(p.cases[0]!.kind).toBe('个案');
    expect(p.dismissals).toEqual([]);
  });
});
