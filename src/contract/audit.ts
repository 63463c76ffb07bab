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
  'model_import_refused',
  'model_test',
  'model_export',
  'model_run',
  'lead_update',
  'case_open',
  'case_update',
  'view_supervision_case',
  'case_settings',
  'campaign_create',
  'campaign_update',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** Chinese names of audited actions: the audit page and the audit export show the same words. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  login: '登录',
  login_failed: '登录失败',
  logout: '退出',
  password_change: '修改密码',
  user_create: '新建用户',
  user_update: '修改用户',
  user_reset_password: '重置密码',
  unit_change: '修改单位',
  view_lead: '查看线索',
  view_person: '查看当事人',
  view_case: '查看案件',
  reveal_id: '查看完整证件号',
  export_leads: '导出线索',
  export_audit: '导出审计日志',
  export_report: '导出报告',
  import: '导入数据',
  rollback: '回滚批次',
  model_import: '导入模型',
  model_import_refused: '模型导入被拒绝',
  model_test: '测试模型夹具',
  model_export: '导出模型',
  model_run: '运行模型',
  lead_update: '处理线索',
  case_open: '监督案件立案',
  case_update: '办理监督案件',
  view_supervision_case: '查看监督案件',
  case_settings: '设置监督案号格式',
  campaign_create: '新建专项活动',
  campaign_update: '修改专项活动',
};

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
