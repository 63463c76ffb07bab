/**
 * The ledger's (一本账) roll-up, free of I/O: counts per court code (leads) and per unit (cases and
 * what follows) → one row per unit of the viewer's tree, each with the units below it. Money is
 * added in cents (bigint), so sums stay exact.
 */
import type { LedgerFigures, LedgerRow } from '../contract/campaigns.ts';
import { fromCents, toCents } from '../domain/money.ts';
import { descendantsOf, inScope, scopeOf, type UnitNode } from '../org/unit-tree.ts';

export interface LedgerInput {
  readonly src: 'court' | 'unit';
  readonly key: string;
  readonly leads: number;
  readonly judged: number;
  readonly cases: number;
  readonly recommendations: number;
  readonly adopted: number;
  readonly resumed: number;
  readonly money: string;
}

interface Sum {
  leads: number;
  judged: number;
  cases: number;
  recommendations: number;
  adopted: number;
  resumed: number;
  cents: bigint;
}

const zero = (): Sum => ({
  leads: 0,
  judged: 0,
  cases: 0,
  recommendations: 0,
  adopted: 0,
  resumed: 0,
  cents: 0n,
});

function add(into: Sum, r: LedgerInput | Sum): void {
  into.leads += r.leads;
  into.judged += r.judged;
  into.cases += r.cases;
  into.recommendations += r.recommendations;
  into.adopted += r.adopted;
  into.resumed += r.resumed;
  into.cents += 'cents' in r ? r.cents : toCents(r.money);
}

function figures(s: Sum): LedgerFigures {
  const { cents, ...counts } = s;
  return { ...counts, money: fromCents(cents) };
}

/**
 * The tree of `rootId` (the viewer's unit): each row counts the leads whose court code lies in the
 * unit's scope (its own prefix, those below, their explicit court codes — what the lead table's
 * unit filter shows) and the cases of the unit and the units below (what the case list's unit
 * filter shows). Children are the units directly below, in tree order; a leaf has no `children`.
 */
export function rollUpLedger(
  units: readonly UnitNode[],
  rootId: string,
  counts: readonly LedgerInput[],
): LedgerRow[] {
  const byCourt = counts.filter((c) => c.src === 'court' && c.key);
  const byUnit = new Map<string, Sum>();
  for (const c of counts) {
    if (c.src !== 'unit') continue;
    const s = byUnit.get(c.key) ?? zero();
    add(s, c);
    byUnit.set(c.key, s);
  }
  const children = new Map<string | null, UnitNode[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);

  const rowOf = (u: UnitNode): LedgerRow => {
    const sum = zero();
    const scope = scopeOf(units, u.id);
    for (const c of byCourt) {
      if (inScope(scope, c.key)) {
        sum.leads += c.leads;
        sum.judged += c.judged;
      }
    }
    for (const d of descendantsOf(units, u.id)) {
      const s = byUnit.get(d.id);
      if (s) add(sum, { ...s, leads: 0, judged: 0 });
    }
    const kids = (children.get(u.id) ?? []).map(rowOf);
    return {
      unitId: u.id,
      unitName: u.name,
      level: u.level,
      ...figures(sum),
      ...(kids.length > 0 ? { children: kids } : {}),
    };
  };
  const root = units.find((u) => u.id === rootId);
  return root ? [rowOf(root)] : [];
}

/** The rows of a ledger tree in order, with their depth (the Excel export indents by it). */
export function flattenLedger(rows: readonly LedgerRow[], depth = 0): [LedgerRow, number][] {
  return rows.flatMap((r) => [
    [r, depth] as [LedgerRow, number],
    ...flattenLedger(r.children ?? [], depth + 1),
  ]);
}
