import { z } from 'zod';
import { AuditEntry, AuditQuery } from '../audit.ts';
import { pageOf } from '../common.ts';
import { route } from './define.ts';

/** The OpenAPI document (a JSON object generated from this table). */
const OpenApiDocument = z.record(z.string(), z.unknown());

/** The audit log and the OpenAPI document. */
export const AUDIT_ROUTES = [
  route({
    method: 'GET',
    path: '/api/audit',
    summary: '审计日志',
    access: 'view_audit',
    query: AuditQuery,
    response: pageOf(AuditEntry),
  }),
  route({
    method: 'GET',
    path: '/api/audit/export.xlsx',
    summary: '导出审计日志 Excel',
    access: 'view_audit',
    query: AuditQuery,
    produces: 'xlsx',
  }),
  route({
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'OpenAPI 文档',
    access: 'public',
    response: OpenApiDocument,
  }),
] as const;
