import { DATASETS } from '../../catalog/datasets.ts';
import type { Dashboard } from '../../contract/dashboard.ts';
import type { Dataset } from '../../contract/data.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { scopeOf } from '../context.ts';

/** Monday of this week, 'YYYY-MM-DD' (China's week starts on Monday). */
function weekStart(now = new Date()): string {
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export const dashboardRoutes = {
  'GET /api/dashboard': async (c) => {
    const platform = c.get('platform');
    const stats = await platform.leads.statistics(scopeOf(c), weekStart());
    const models = await platform.leads.modelNames();
    const byModel = new Map<string, Dashboard['byModel'][number]>();
    const byStatus = new Map<string, number>();
    let total = 0;
    for (const r of stats.byModelStatus) {
      total += r.n;
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
      const m = byModel.get(r.model_id) ?? {
        modelId: r.model_id,
        modelName: models.get(r.model_id)?.name ?? r.model_id,
        total: 0,
        byStatus: {},
      };
      m.total += r.n;
      m.byStatus[r.status] = (m.byStatus[r.status] ?? 0) + r.n;
      byModel.set(r.model_id, m);
    }
    const datasets = await platform.leads.datasetStatistics();
    const result: Dashboard = {
      totalLeads: total,
      newThisWeek: stats.newSince,
      byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
      byModel: [...byModel.values()],
      datasets: DATASETS.map((d) => ({
        name: d.name,
        label: d.label,
        rows: datasets.get(d.name)?.rows ?? 0,
        lastImportAt: datasets.get(d.name)?.lastImportAt ?? null,
      })),
      topCourts: stats.byCourt.map((r) => ({ court: r.court, count: r.n })),
    };
    return result;
  },

  'GET /api/datasets': async (c) => {
    const stats = await c.get('platform').leads.datasetStatistics();
    return DATASETS.map((d): Dataset => ({
      name: d.name,
      label: d.label,
      group: d.group,
      rowMeaning: d.rowMeaning,
      columns: d.columns.map((col) => ({
        name: col.name,
        label: col.label,
        type: col.type,
        required: col.required ?? false,
        description: col.description,
        synonyms: [...col.synonyms],
      })),
      rows: stats.get(d.name)?.rows ?? 0,
      lastImportAt: stats.get(d.name)?.lastImportAt ?? null,
    }));
  },
} satisfies AreaHandlers;
