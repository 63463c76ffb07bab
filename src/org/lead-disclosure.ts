import type { Actor, AuditService } from '../audit/audit.service.ts';
import { AUDIT_ACTION_LABELS, type AuditAction } from '../contract/audit.ts';
import { AppError } from '../domain/app-error.ts';

/**
 * Who acts and from where (a web user's address, or `cli:<os user>` for the command line), and
 * whether they hold the right to see full ID numbers.
 */
export interface Operator extends Actor {
  readonly canViewFullId: boolean;
}

/** `reveal` needs the right; asking without it is refused, never silently ignored. */
export function checkReveal(operator: Operator, reveal: boolean): boolean {
  if (reveal && !operator.canViewFullId) {
    throw new AppError('FORBIDDEN', '没有查看完整证件号码的权限');
  }
  return reveal;
}

/** What the audit row of a disclosure names: its target and detail, known once it is produced. */
export interface DisclosureEntry {
  readonly target: string | null;
  readonly detail?: string | null;
}

/**
 * The one rule for every view and export of personal data, from the web and the CLI alike: IDs are
 * masked unless `reveal` is asked by an operator with the right (else FORBIDDEN), and the view or
 * export is audited — with a `reveal_id` row when revealed — before anything is handed back.
 * `produce` builds the answer with the reveal decision; `describe` names it for the audit log.
 */
export async function disclose<T>(
  audit: AuditService,
  operator: Operator,
  request: { action: AuditAction; reveal: boolean },
  produce: (reveal: boolean) => Promise<T>,
  describe: (value: T) => DisclosureEntry,
): Promise<T> {
  const reveal = checkReveal(operator, request.reveal);
  const value = await produce(reveal);
  const { target, detail = null } = describe(value);
  const actor: Actor = {
    userId: operator.userId,
    username: operator.username,
    unitId: operator.unitId,
    ip: operator.ip,
  };
  await Promise.all([
    audit.record(actor, request.action, target, detail),
    reveal
      ? audit.record(
          actor,
          'reveal_id',
          target,
          `${AUDIT_ACTION_LABELS[request.action]}显示完整证件号码`,
        )
      : Promise.resolve(),
  ]);
  return value;
}

/**
 * A lead export (the web's Excel download, the CLI's `leads export`): masked unless revealed by an
 * operator with the right, and one `export_leads` row naming how many leads under which conditions.
 */
export function discloseLeadExport<T>(
  audit: AuditService,
  operator: Operator,
  request: { reveal: boolean; ids?: readonly string[]; conditions: string },
  produce: (reveal: boolean) => Promise<{ value: T; count: number }>,
): Promise<T> {
  return disclose(
    audit,
    operator,
    { action: 'export_leads', reveal: request.reveal },
    async (reveal) => ({ ...(await produce(reveal)), reveal }),
    (r) => ({
      target: request.ids ? request.ids.slice(0, 20).join(',') : null,
      detail: `导出 ${r.count} 条线索${r.reveal ? '（含完整证件号码）' : ''}；条件 ${request.conditions}`,
    }),
  ).then((r) => r.value);
}
