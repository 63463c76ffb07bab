import type { AuditEntry } from '../../contract/audit.ts';
import type { AuditAction } from '../../contract/audit.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { actorOf, download, XLSX_TYPE } from '../context.ts';

export const auditRoutes = {
  'GET /api/audit': async (c, { query }) => {
    const { page, pageSize, ...filter } = query;
    const platform = c.get('platform');
    const result = await platform.audit.list(filter, { page, pageSize });
    const units = new Map((await platform.org.units()).map((u) => [u.id, u.name]));
    const items: AuditEntry[] = result.items.map((e) => ({
      ...e,
      action: e.action as AuditAction,
      unitName: e.unitId ? (units.get(e.unitId) ?? e.unitId) : null,
    }));
    return { items, total: result.total, page, pageSize };
  },
  'GET /api/audit/export.xlsx': async (c, { query }) => {
    const { page: _page, pageSize: _size, ...filter } = query;
    const platform = c.get('platform');
    const units = new Map((await platform.org.units()).map((u) => [u.id, u.name]));
    const buffer = await platform.audit.exportXlsx(actorOf(c), filter, (id) =>
      id ? (units.get(id) ?? id) : '',
    );
    return download(buffer, `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },
} satisfies AreaHandlers;
