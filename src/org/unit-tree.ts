import { PROVINCE_ABBREVIATIONS } from '../domain/court-code.ts';

/** The fields of a unit the tree logic needs (pure: no I/O). */
export interface UnitNode {
  readonly id: string;
  readonly name: string;
  readonly level: 'province' | 'city' | 'county';
  readonly parentId: string | null;
  readonly regionCode: string;
  readonly courtCodes: readonly string[];
}

/**
 * What a user of a unit may see. Leads and cases belong to a unit through the court code in their
 * 案号 (法院代字: 浙 = high court, 浙01 = intermediate, 浙0102 = basic, legal-basis.md §6), so a unit's
 * cases are those whose court code starts with its prefix; data batches are visible from the unit,
 * the units below and the units above (a province's data is shared down).
 */
export interface Scope {
  readonly unitId: string;
  /** The unit and every unit below it. */
  readonly unitIds: readonly string[];
  /** Units whose imported data is visible: the unit, those below, and those above. */
  readonly dataUnitIds: readonly string[];
  /** Court-code prefixes: `浙0102`, `浙01`, `浙`, plus explicitly mapped court codes. */
  readonly courtPrefixes: readonly string[];
}

const ABBREVIATION_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(PROVINCE_ABBREVIATIONS).map(([abbr, code]) => [code, abbr]),
);

/** Court-code prefix of a unit's region: 330000 → 浙, 330100 → 浙01, 330102 → 浙0102. */
export function courtPrefixOf(unit: Pick<UnitNode, 'level' | 'regionCode'>): string | undefined {
  const abbr = ABBREVIATION_OF.get(unit.regionCode.slice(0, 2));
  if (!abbr) return undefined;
  switch (unit.level) {
    case 'province':
      return abbr;
    case 'city':
      return abbr + unit.regionCode.slice(2, 4);
    case 'county':
      return abbr + unit.regionCode.slice(2, 6);
  }
}

/** The court code inside a 案号: `（2023）浙0102执1234号` → `浙0102`; undefined when none. */
export function courtCodeOfCaseNo(caseNo: string | null | undefined): string | undefined {
  if (!caseNo) return undefined;
  const m = /[）)]\s*(\p{Script=Han})(\d{0,4})/u.exec(caseNo);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** The unit and all units below it, in tree order. */
export function descendantsOf(units: readonly UnitNode[], unitId: string): UnitNode[] {
  const children = new Map<string | null, UnitNode[]>();
  for (const u of units) {
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const root = units.find((u) => u.id === unitId);
  if (!root) return [];
  const out: UnitNode[] = [];
  const visit = (u: UnitNode) => {
    out.push(u);
    for (const c of children.get(u.id) ?? []) visit(c);
  };
  visit(root);
  return out;
}

/** The units above a unit, nearest first. */
export function ancestorsOf(units: readonly UnitNode[], unitId: string): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: UnitNode[] = [];
  let current = byId.get(unitId);
  const seen = new Set<string>();
  while (current?.parentId && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    current = byId.get(current.parentId);
    if (current) out.push(current);
  }
  return out;
}

export function scopeOf(units: readonly UnitNode[], unitId: string): Scope {
  const below = descendantsOf(units, unitId);
  const above = ancestorsOf(units, unitId);
  const prefixes = new Set<string>();
  const own = below[0];
  const ownPrefix = own && courtPrefixOf(own);
  if (ownPrefix) prefixes.add(ownPrefix);
  for (const u of below) for (const code of u.courtCodes) prefixes.add(code);
  return {
    unitId,
    unitIds: below.map((u) => u.id),
    dataUnitIds: [...below, ...above].map((u) => u.id),
    // A prefix covered by a shorter one adds nothing (浙0102 under 浙01).
    courtPrefixes: [...prefixes].filter(
      (p) => ![...prefixes].some((q) => q !== p && p.startsWith(q)),
    ),
  };
}

/** True when a court code (or a case number's) lies inside the scope. */
export function inScope(scope: Scope, courtCode: string | undefined): boolean {
  return courtCode !== undefined && scope.courtPrefixes.some((p) => courtCode.startsWith(p));
}

/** The unit a court code belongs to: the unit with the longest matching prefix (or explicit code). */
export function unitOfCourt(
  units: readonly UnitNode[],
  courtCode: string | undefined,
): UnitNode | undefined {
  if (!courtCode) return undefined;
  let best: UnitNode | undefined;
  let bestLength = -1;
  for (const u of units) {
    for (const p of [courtPrefixOf(u), ...u.courtCodes]) {
      if (p && courtCode.startsWith(p) && p.length > bestLength) {
        best = u;
        bestLength = p.length;
      }
    }
  }
  return best;
}
