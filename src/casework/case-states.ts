/**
 * The states of a supervision case (监督案件, workflow.md) and the moves allowed between them. Pure:
 * the service checks every move here before it writes, whichever entry point asks.
 */
import { AppError } from '../domain/app-error.ts';
import { CASE_STATES, isCaseState, type CaseState } from '../domain/vocabulary.ts';

/** The state every case is opened in. */
export const INITIAL_CASE_STATE: CaseState = '受理';

/**
 * Allowed moves. Beyond the main chain: a review may send the case back to verification or close
 * it without a recommendation (no violation found); an overdue or improper reply escalates to
 * 跟进监督 (两高监督规定 第十四条), where the court may still reply; a satisfactory reply closes it.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, readonly CaseState[]>> = {
  受理: ['调查核实'],
  调查核实: ['审查终结'],
  审查终结: ['制发检察建议', '调查核实', '结案'],
  制发检察建议: ['法院回复', '跟进监督'],
  法院回复: ['跟进监督', '结案'],
  跟进监督: ['法院回复', '结案'],
  结案: [],
};

export function allowedTransitions(from: CaseState): readonly CaseState[] {
  return CASE_TRANSITIONS[from];
}

/** Throws a Chinese 400 naming the allowed moves unless `from → to` is one of them. */
export function checkTransition(from: string, to: string): CaseState {
  if (!isCaseState(to)) {
    throw new AppError('BAD_CASE_STATE', `案件状态只能是：${CASE_STATES.join('、')}`);
  }
  if (!isCaseState(from)) throw new AppError('INTERNAL', `案件处于未知状态 ${from}`);
  const allowed = CASE_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw new AppError(
      'CASE_TRANSITION',
      allowed.length === 0
        ? `案件已${from}，不能再改为「${to}」`
        : `案件处于「${from}」，不能改为「${to}」；可改为：${allowed.join('、')}`,
    );
  }
  return to;
}

/** Whether the case still takes work (acts, joining leads): everything before 结案. */
export function isOpenState(state: string): boolean {
  return state !== '结案';
}
