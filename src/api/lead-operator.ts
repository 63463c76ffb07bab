import type { Operator } from '../org/lead-disclosure.ts';
import { actorOf, sessionOf, type Ctx } from './context.ts';

/** The signed-in user of a request as the operator of a disclosure (see org/lead-disclosure.ts). */
export function operatorOf(c: Ctx): Operator {
  return { ...actorOf(c), canViewFullId: sessionOf(c).user.canViewFullId };
}
