import { z } from 'zod';
import { AuditEntry, AuditQuery } from './audit.ts';
import { Ok, pageOf, RevealQuery } from './common.ts';
import { Dashboard } from './dashboard.ts';
import {
  CaseNoParams,
  DatasetParams,
  IdParams,
  JobIdParams,
  LeadKeyParams,
  NumericIdParams,
  PersonRefParams,
} from './params.ts';
import {
  Batch,
  BatchQuery,
  Dataset,
  ImportRequest,
  PreviewRequest,
  PreviewResponse,
  UploadResponse,
} from './data.ts';
import {
  PendingDocument,
  ReviewDocument,
  SaveCorrectionRequest,
  StartExtractionRequest,
} from './extract.ts';
import { Job, JobStarted } from './jobs.ts';
import {
  AssignRequest,
  BulkLeadRequest,
  BulkLeadResponse,
  CaseDetail,
  DismissRequest,
  LeadDetail,
  LeadExportQuery,
  LeadQuery,
  LeadRow,
  NoteRequest,
  PersonDetail,
  ReopenRequest,
  SavedFilter,
  SaveFilterRequest,
} from './leads.ts';
import {
  ModelDetail,
  ModelImportRequest,
  ModelImportResponse,
  ModelSummary,
  RunRequest,
} from './models.ts';
import {
  CreateUnitRequest,
  CreateUserRequest,
  Unit,
  UpdateUnitRequest,
  UpdateUserRequest,
  User,
  UserOption,
  UserWithPassword,
} from './org.ts';
import {
  ChangePasswordRequest,
  CsrfInfo,
  LoginRequest,
  type Role,
  SessionInfo,
} from './session.ts';

/** Who may call a route: anyone, any signed-in user, or a signed-in user with one of the roles. */
export type RouteAccess = 'public' | 'user' | readonly Role[];

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Hono-style path under /api (`:id` parameters). */
  path: string;
  /** Schema of the path parameters (every `:name` of `path`), checked before the handler. */
  params?: z.ZodType;
  summary: string;
  access: RouteAccess;
  query?: z.ZodType;
  body?: z.ZodType;
  /** JSON answer; omitted for files and streams (see `produces`). */
  response?: z.ZodType;
  produces?: 'json' | 'xlsx' | 'yaml' | 'sse' | 'multipart';
}

const DATA: readonly Role[] = ['data_admin', 'admin'];
const LEADS: readonly Role[] = ['prosecutor', 'dept_head', 'data_admin'];
const HEAD: readonly Role[] = ['dept_head'];
/** 文书复核: prosecutors read the rulings of their cases themselves, not only data staff. */
const EXTRACT: readonly Role[] = ['prosecutor', 'dept_head', 'data_admin', 'admin'];

/**
 * Every route of the API. The server registers handlers for exactly these (a test checks it), the
 * OpenAPI document is generated from them, and the web app reads the schemas to type its calls.
 */
export const ROUTES: readonly RouteDef[] = [
  // ── session ─────────────────────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/session/csrf',
    summary: '取得 CSRF 令牌（登录前）',
    access: 'public',
    response: CsrfInfo,
  },
  {
    method: 'POST',
    path: '/api/session/login',
    summary: '登录',
    access: 'public',
    body: LoginRequest,
    response: SessionInfo,
  },
  {
    method: 'POST',
    path: '/api/session/logout',
    summary: '退出登录',
    access: 'user',
    response: Ok,
  },
  {
    method: 'GET',
    path: '/api/session',
    summary: '当前用户与 CSRF 令牌',
    access: 'user',
    response: SessionInfo,
  },
  {
    method: 'POST',
    path: '/api/session/password',
    summary: '修改密码（须原密码）',
    access: 'user',
    body: ChangePasswordRequest,
    response: Ok,
  },
  // ── units and users ─────────────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/units',
    summary: '单位树（本单位及下级；管理员为全部）',
    access: 'user',
    response: z.array(Unit),
  },
  {
    method: 'POST',
    path: '/api/units',
    summary: '新建单位',
    access: ['admin'],
    body: CreateUnitRequest,
    response: Unit,
  },
  {
    method: 'PATCH',
    path: '/api/units/:id',
    params: IdParams,
    summary: '修改单位',
    access: ['admin'],
    body: UpdateUnitRequest,
    response: Unit,
  },
  {
    method: 'GET',
    path: '/api/users',
    summary: '用户列表',
    access: ['admin'],
    response: z.array(User),
  },
  {
    method: 'POST',
    path: '/api/users',
    summary: '新建用户（可生成一次性密码）',
    access: ['admin'],
    body: CreateUserRequest,
    response: UserWithPassword,
  },
  {
    method: 'PATCH',
    path: '/api/users/:id',
    params: IdParams,
    summary: '修改用户（角色、单位、停用）',
    access: ['admin'],
    body: UpdateUserRequest,
    response: User,
  },
  {
    method: 'POST',
    path: '/api/users/:id/reset-password',
    params: IdParams,
    summary: '重置密码（一次性密码）',
    access: ['admin'],
    response: UserWithPassword,
  },
  {
    method: 'POST',
    path: '/api/users/:id/unlock',
    params: IdParams,
    summary: '解除锁定',
    access: ['admin'],
    response: User,
  },
  {
    method: 'GET',
    path: '/api/user-options',
    summary: '可指派的承办人（本单位及下级）',
    access: 'user',
    response: z.array(UserOption),
  },
  // ── dashboard, datasets, data ───────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/dashboard',
    summary: '工作台数字',
    access: 'user',
    response: Dashboard,
  },
  {
    method: 'GET',
    path: '/api/datasets',
    summary: '数据集目录（列、行数、最近导入）',
    access: 'user',
    response: z.array(Dataset),
  },
  {
    method: 'POST',
    path: '/api/uploads',
    summary: '上传文件（multipart 字段 files，可多个）',
    access: DATA,
    response: UploadResponse,
    produces: 'multipart',
  },
  {
    method: 'POST',
    path: '/api/uploads/preview',
    summary: '识别数据集与表头映射',
    access: DATA,
    body: PreviewRequest,
    response: PreviewResponse,
  },
  {
    method: 'POST',
    path: '/api/imports',
    summary: '导入（后台任务，结果为校验报告）',
    access: DATA,
    body: ImportRequest,
    response: JobStarted,
  },
  {
    method: 'GET',
    path: '/api/imports/:jobId/report.xlsx',
    params: JobIdParams,
    summary: '校验报告 Excel',
    access: DATA,
    produces: 'xlsx',
  },
  {
    method: 'GET',
    path: '/api/batches',
    summary: '导入批次',
    access: 'user',
    query: BatchQuery,
    response: z.array(Batch),
  },
  {
    method: 'POST',
    path: '/api/batches/:id/rollback',
    params: NumericIdParams,
    summary: '回滚批次',
    access: DATA,
    response: Batch,
  },
  {
    method: 'GET',
    path: '/api/templates/:dataset',
    params: DatasetParams,
    summary: '数据集 Excel 模板（dataset 或 model:M01）',
    access: 'user',
    produces: 'xlsx',
  },
  // ── models ──────────────────────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/models',
    summary: '模型库',
    access: 'user',
    response: z.array(ModelSummary),
  },
  {
    method: 'GET',
    path: '/api/models/:id',
    params: IdParams,
    summary: '模型详情（依据、参数、SQL、样例状态）',
    access: 'user',
    response: ModelDetail,
  },
  {
    method: 'GET',
    path: '/api/models/:id/export',
    params: IdParams,
    summary: '导出模型文件',
    access: 'user',
    produces: 'yaml',
  },
  {
    method: 'POST',
    path: '/api/models/import',
    summary: '导入模型文件',
    access: DATA,
    body: ModelImportRequest,
    response: ModelImportResponse,
  },
  {
    method: 'POST',
    path: '/api/runs',
    summary: '运行模型（后台任务）',
    access: DATA,
    body: RunRequest,
    response: JobStarted,
  },
  // ── jobs ────────────────────────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/jobs',
    summary: '我最近的后台任务',
    access: 'user',
    response: z.array(Job),
  },
  {
    method: 'GET',
    path: '/api/jobs/:id',
    params: IdParams,
    summary: '任务状态',
    access: 'user',
    response: Job,
  },
  {
    method: 'GET',
    path: '/api/jobs/:id/events',
    params: IdParams,
    summary: '任务进度（SSE：progress / end）',
    access: 'user',
    produces: 'sse',
  },
  // ── leads, cases, persons ───────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/leads',
    summary: '线索列表（分页、排序、筛选）',
    access: 'user',
    query: LeadQuery,
    response: pageOf(LeadRow),
  },
  {
    method: 'GET',
    path: '/api/leads/export.xlsx',
    summary: '导出线索 Excel（审计）',
    access: 'user',
    query: LeadExportQuery,
    produces: 'xlsx',
  },
  {
    method: 'GET',
    path: '/api/leads/filters',
    summary: '我保存的筛选',
    access: 'user',
    response: z.array(SavedFilter),
  },
  {
    method: 'POST',
    path: '/api/leads/filters',
    summary: '保存筛选',
    access: 'user',
    body: SaveFilterRequest,
    response: SavedFilter,
  },
  {
    method: 'DELETE',
    path: '/api/leads/filters/:id',
    params: IdParams,
    summary: '删除保存的筛选',
    access: 'user',
    response: Ok,
  },
  {
    method: 'POST',
    path: '/api/leads/bulk',
    summary: '批量指派 / 排除',
    access: LEADS,
    body: BulkLeadRequest,
    response: BulkLeadResponse,
  },
  {
    method: 'GET',
    path: '/api/leads/:key',
    params: LeadKeyParams,
    summary: '线索详情（证据、依据、串并；审计）',
    access: 'user',
    query: RevealQuery,
    response: LeadDetail,
  },
  {
    method: 'POST',
    path: '/api/leads/:key/assign',
    params: LeadKeyParams,
    summary: '指派',
    access: HEAD,
    body: AssignRequest,
    response: LeadDetail,
  },
  {
    method: 'POST',
    path: '/api/leads/:key/dismiss',
    params: LeadKeyParams,
    summary: '排除（须理由）',
    access: LEADS,
    body: DismissRequest,
    response: LeadDetail,
  },
  {
    method: 'POST',
    path: '/api/leads/:key/reopen',
    params: LeadKeyParams,
    summary: '重新研判',
    access: LEADS,
    body: ReopenRequest,
    response: LeadDetail,
  },
  {
    method: 'POST',
    path: '/api/leads/:key/notes',
    params: LeadKeyParams,
    summary: '添加备注',
    access: LEADS,
    body: NoteRequest,
    response: LeadDetail,
  },
  {
    method: 'GET',
    path: '/api/cases/:caseNo',
    params: CaseNoParams,
    summary: '执行案件详情（审计）',
    access: 'user',
    query: RevealQuery,
    response: CaseDetail,
  },
  {
    method: 'GET',
    path: '/api/persons/:ref',
    params: PersonRefParams,
    summary: '当事人详情（审计）',
    access: 'user',
    query: RevealQuery,
    response: PersonDetail,
  },
  // ── extraction review ───────────────────────────────────────────────────────────────────
  {
    method: 'POST',
    path: '/api/extract/uploads',
    summary: '上传文书（裁定书等：txt、html、docx、pdf、图片；multipart 字段 files，可多个）',
    access: EXTRACT,
    response: UploadResponse,
    produces: 'multipart',
  },
  {
    method: 'POST',
    path: '/api/extract/jobs',
    summary: '提取并导入已上传的文书（后台任务，进度按文件和页）',
    access: EXTRACT,
    body: StartExtractionRequest,
    response: JobStarted,
  },
  {
    method: 'GET',
    path: '/api/extract/pending',
    summary: '待复核的文书',
    access: EXTRACT,
    response: z.array(PendingDocument),
  },
  {
    method: 'GET',
    path: '/api/extract/documents/:id',
    params: NumericIdParams,
    summary: '文书与抽取字段',
    access: EXTRACT,
    response: ReviewDocument,
  },
  {
    method: 'PUT',
    path: '/api/extract/documents/:id',
    params: NumericIdParams,
    summary: '保存更正',
    access: EXTRACT,
    body: SaveCorrectionRequest,
    response: ReviewDocument,
  },
  // ── audit ───────────────────────────────────────────────────────────────────────────────
  {
    method: 'GET',
    path: '/api/audit',
    summary: '审计日志',
    access: ['admin'],
    query: AuditQuery,
    response: pageOf(AuditEntry),
  },
  {
    method: 'GET',
    path: '/api/audit/export.xlsx',
    summary: '导出审计日志 Excel',
    access: ['admin'],
    query: AuditQuery,
    produces: 'xlsx',
  },
  { method: 'GET', path: '/api/openapi.json', summary: 'OpenAPI 文档', access: 'public' },
];
