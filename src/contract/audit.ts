import { z } from 'zod';
import { IsoDate, PageQuery, Timestamp } from './common.ts';

/** What is audited: sign-in events, admin changes, every export and view of personal data. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_change',
  'user_create',
  'user_update',
  'user_reset_password',
  'unit_change',
  'view_lead',
  'view_person',
  'view_case',
  'reveal_id',
  'export_leads',
  'export_audit',
  'export_report',
  'import',
  'rollback',
  'model_import',
  'model_export',
  'model_run',
  'lead_update',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  action: AuditAction,
  /** What was touched: a lead key, a case number, a personRef, a batch id … */
  target: z.string().nullable(),
  detail: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z.object({
  userId: z.string().optional(),
  username: z.string().optional(),
  action: AuditAction.optional(),
  unitId: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  target: z.string().optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;
export const AuditQuery = PageQuery.extend(AuditFilter.shape);
export type AuditQuery = z.infer<typeof AuditQuery>;
