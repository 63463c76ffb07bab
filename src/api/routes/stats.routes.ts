import type { AreaHandlers } from '../bind-routes.ts';
import { download, DOCX_TYPE, operatorOf, XLSX_TYPE } from '../context.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Statistics: parse → the statistics service (scope, cache, audit of exports) → answer. */
export const statsRoutes = {
  'GET /api/stats': (c, { query }) => c.get('platform').stats.table(operatorOf(c), query),

  'GET /api/stats/export.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').stats.tableWorkbook(operatorOf(c), query);
    return download(buffer, `统计-${today()}.xlsx`, XLSX_TYPE);
  },

  'GET /api/stats/termination': (c, { query }) =>
    c.get('platform').stats.termination(operatorOf(c), query),

  'GET /api/stats/termination.xlsx': async (c, { query }) => {
    const buffer = await c.get('platform').stats.terminationWorkbook(operatorOf(c), query);
    return download(buffer, `终本统计-${today()}.xlsx`, XLSX_TYPE);
  },

  'GET /api/stats/report.docx': async (c, { query }) => {
    const b = await c
      .get('platform')
      .stats.bulletin(operatorOf(c), query.period, query.unitId, 'docx', query.campaign);
    return download(b.docx, `${b.title}.docx`, DOCX_TYPE);
  },

  'GET /api/stats/report.xlsx': async (c, { query }) => {
    const b = await c
      .get('platform')
      .stats.bulletin(operatorOf(c), query.period, query.unitId, 'xlsx', query.campaign);
    return download(b.xlsx, `${b.title}.xlsx`, XLSX_TYPE);
  },
} satisfies AreaHandlers;
