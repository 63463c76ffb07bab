/**
 * Unit boundaries (pure: no I/O): which batches a user may roll back, which units a run may cover,
 * which batches a run (and a lead's own unit) may read, which units' user models a user sees.
 * Services apply these rules for every entry point; `undefined` as the acting user is the trusted
 * local operator (the CLI on the database file), who is not limited.
 */
import type { Role } from '../contract/vocabulary.ts';
import { AppError } from '../domain/app-error.ts';
import { hasRight } from '../contract/rights.ts';
import { ancestorsOf, scopeOf, unitOfCourt, type UnitNode } from './unit-tree.ts';

/** The signed-in user a service acts for. */
export interface ActingUser {
  readonly unitId: string;
  readonly roles: readonly Role[];
}

/** A batch as the boundary rules see it: its id and owning unit (null = province-wide, shared). */
export interface BatchOwner {
  readonly id: number;
  readonly unitId: string | null;
}

const notFound = (): AppError => new AppError('NOT_FOUND', '批次不存在或不在本单位范围内');

/**
 * May `user` roll back `batch`? A batch is rolled back by a data administrator of its owning unit
 * or a unit above it; a shared batch (no unit) by a province-level data administrator. A batch the
 * user cannot even see (another county's) is "not found"; one they see (shared down from above)
 * is refused with the reason. A missing batch is "not found" as well.
 */
export function checkRollback(
  units: readonly UnitNode[],
  batch: BatchOwner | undefined,
  user: ActingUser | undefined,
): void {
  if (!user) return;
  if (!batch) throw notFound();
  const own = units.find((u) => u.id === user.unitId);
  if (!own) throw notFound();
  const scope = scopeOf(units, own.id);
  const visible = batch.unitId === null || scope.dataUnitIds.includes(batch.unitId);
  if (!visible) throw notFound();
  if (!hasRight(user.roles, 'rollback_batches')) {
    throw new AppError('FORBIDDEN', '只有数据管理员可以回滚批次');
  }
  if (batch.unitId === null) {
    if (own.level !== 'province') {
      throw new AppError(
        'FORBIDDEN',
        `批次 #${batch.id} 是全省共享数据，只能由省级院的数据管理员回滚`,
      );
    }
    return;
  }
  if (!scope.unitIds.includes(batch.unitId)) {
    const owner = units.find((u) => u.id === batch.unitId);
    throw new AppError(
      'FORBIDDEN',
      `批次 #${batch.id} 属于上级单位${owner ? `“${owner.name}”` : ` ${batch.unitId}`}，只能由该单位或其上级单位的数据管理员回滚`,
    );
  }
}

/**
 * The units a run covers. A user's run stays inside their unit and the units below it: another
 * unit is "not found", as every foreign object; with no units given it covers the user's own unit.
 * The trusted operator may name any unit (unknown ones are still refused); no units = everything.
 */
export function runUnits(
  units: readonly UnitNode[],
  requested: readonly string[] | undefined,
  user: ActingUser | undefined,
): string[] {
  const wanted = [...new Set(requested ?? [])];
  const allowed = user ? scopeOf(units, user.unitId).unitIds : units.map((u) => u.id);
  for (const id of wanted) {
    if (!allowed.includes(id)) {
      throw new AppError('UNIT_NOT_FOUND', `单位 ${id} 不存在或不在本单位范围内`);
    }
  }
  if (wanted.length === 0 && user) return [user.unitId];
  return wanted;
}

/**
 * Units whose batches a run over `runUnitIds` may read: each unit, those below and those above
 * (province data is shared down). Shared batches (no unit) are always readable. Undefined = every
 * batch (an unscoped run of the trusted operator).
 */
export function runDataUnits(
  units: readonly UnitNode[],
  runUnitIds: readonly string[],
): Set<string> | undefined {
  if (runUnitIds.length === 0) return undefined;
  return new Set(runUnitIds.flatMap((id) => scopeOf(units, id).dataUnitIds));
}

/** True when a batch of `unitId` (null = shared) is readable from `dataUnits` (undefined = all). */
export function batchVisible(dataUnits: Set<string> | undefined, unitId: string | null): boolean {
  return unitId === null || dataUnits === undefined || dataUnits.has(unitId);
}

/**
 * The batches (among `batches`) that the unit of a case's court cannot read: a lead on that case
 * may not rest on them. A court of no known unit reads only shared batches.
 */
export function batchesHiddenFromCourt(
  units: readonly UnitNode[],
  courtCode: string | undefined,
  batches: readonly BatchOwner[],
): number[] {
  const unit = unitOfCourt(units, courtCode);
  const readable = unit ? new Set(scopeOf(units, unit.id).dataUnitIds) : new Set<string>();
  return batches.filter((b) => b.unitId !== null && !readable.has(b.unitId)).map((b) => b.id);
}

/**
 * Units whose user models a user of `unitId` sees: their own and those above (a province's
 * models are shared down; a county's stay in the county until another unit imports the file).
 */
export function modelUnitsOf(units: readonly UnitNode[], unitId: string): string[] {
  return [unitId, ...ancestorsOf(units, unitId).map((u) => u.id)];
}
