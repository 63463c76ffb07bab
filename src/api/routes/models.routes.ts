import { DATASETS } from '../../catalog/datasets.ts';
import {
  type DatasetNeed,
  type FixtureStatus,
  type ModelDetail,
  type ModelSummary,
  type RunResult,
} from '../../contract/models.ts';
import type { LeadStatus } from '../../contract/vocabulary.ts';
import {
  findModel,
  loadLibrary,
  splitUserModelId,
  type LibraryModel,
} from '../../models/library.ts';
import {
  modelLastRuns,
  showModel,
  testModel,
  type LastRun,
  type ModelAudit,
} from '../../models/model.service.ts';
import {
  checkRunUnits,
  exportModelAs,
  importModelAs,
  modelAuditOf,
  runModelsAs,
  runTitle,
} from '../../models/operator.service.ts';
import type { RunResult as EngineResult } from '../../models/run.service.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { download, operatorOf, scopeOf, sessionOf, type Ctx } from '../context.ts';

const LABELS = new Map(DATASETS.map((d) => [d.name, d.label]));

/** Fixture results per model id + version: a fixture is a small in-memory run, worth remembering. */
const fixtureCache = new Map<string, Promise<FixtureStatus>>();

function fixtureStatus(model: LibraryModel, audit: ModelAudit): Promise<FixtureStatus> {
  const key = `${model.def.id}@${model.def.version}@${model.source}`;
  let status = fixtureCache.get(key);
  if (!status) {
    status = testModel(model, audit)
      .then((results): FixtureStatus => {
        const failed = results.filter((r) => !r.passed).length;
        return {
          state: failed === 0 ? 'passed' : 'failed',
          passed: results.length - failed,
          failed,
          messages: results.flatMap((r) => r.failures),
          fixtures: results.map((r) => ({
            name: r.fixture,
            passed: r.passed,
            leads: r.leads.length,
            messages: r.failures,
          })),
        };
      })
      .catch((e: unknown) => ({
        state: 'failed' as const,
        passed: 0,
        failed: 1,
        messages: [e instanceof Error ? e.message : String(e)],
        fixtures: [],
      }));
    fixtureCache.set(key, status);
  }
  return status;
}

function needs(model: LibraryModel, rows: Map<string, { rows: number }>): DatasetNeed[] {
  const has = (d: string) => (rows.get(d)?.rows ?? 0) > 0;
  const need = (dataset: string, required: boolean): DatasetNeed => {
    const standIn = has(dataset)
      ? undefined
      : (model.def.datasets.standIns[dataset] ?? []).find(has);
    return {
      dataset,
      label: LABELS.get(dataset) ?? dataset,
      state: has(dataset) ? 'present' : standIn ? 'stand-in' : 'missing',
      standIn: standIn ?? null,
      required,
    };
  };
  return [
    ...model.def.datasets.required.map((d) => need(d, true)),
    ...model.def.datasets.optional.map((d) => need(d, false)),
  ];
}

function lastRunOf(r: LastRun | undefined): ModelSummary['lastRun'] {
  return r
    ? {
        asOf: r.asOf,
        params: r.params,
        leads: r.leads,
        newLeads: r.created,
        changedLeads: r.reopened,
      }
    : null;
}

async function summaries(c: Ctx): Promise<Map<string, ModelSummary>> {
  const platform = c.get('platform');
  const library = await loadLibrary(platform.db, sessionOf(c).user);
  const rows = await platform.leads.datasetStatistics();
  const stats = await platform.leads.statistics(scopeOf(c), '9999-12-31');
  const runs = await modelLastRuns(platform.db);
  const out = new Map<string, ModelSummary>();
  for (const model of library) {
    const mine = stats.byModelStatus.filter((r) => r.model_id === model.def.id);
    const count = (s: LeadStatus) =>
      mine.filter((r) => r.status === s).reduce((a, r) => a + r.n, 0);
    // 已合并 (leads of a class case) counts as judged and made a case (stats-definitions.ts).
    const judged = count('已成案') + count('已合并') + count('已排除');
    const datasets = needs(model, rows);
    out.set(model.def.id, {
      id: model.def.id,
      name: model.def.name,
      category: model.def.category,
      version: String(model.def.version),
      purpose: model.def.purpose,
      builtIn: model.source === 'built-in',
      datasets,
      runnable: datasets.every((d) => !d.required || d.state !== 'missing'),
      leadCount: mine.reduce((a, r) => a + r.n, 0),
      openLeadCount: count('待研判') + count('研判中'),
      caseRate: judged > 0 ? (count('已成案') + count('已合并')) / judged : null,
      lastRunAt: runs.get(model.def.id)?.at ?? null,
      lastRun: lastRunOf(runs.get(model.def.id)),
    });
  }
  return out;
}

/** The engine's result in the contract's shape. */
export function toRunResult(r: EngineResult): RunResult {
  const models = r.outcomes.map((o) => ({
    modelId: o.id,
    state: o.status === 'cached' ? ('ran' as const) : o.status,
    reason:
      o.reason ??
      (o.standIn
        ? `使用替代数据：${o.standIn}`
        : o.status === 'cached'
          ? '数据未变，沿用上次结果'
          : null),
    leads: o.leads,
    newLeads: o.created,
    changedLeads: o.reopened,
    ms: o.ms,
  }));
  return {
    runId: String(r.runId),
    asOf: r.asOf,
    models,
    totalLeads: models.reduce((s, m) => s + m.leads, 0),
    newLeads: models.reduce((s, m) => s + m.newLeads, 0),
  };
}

export const modelRoutes = {
  'GET /api/models': async (c) => [...(await summaries(c)).values()],

  'GET /api/models/:id': async (c, { params }) => {
    const platform = c.get('platform');
    const { id } = params;
    const user = sessionOf(c).user;
    const model = await findModel(id, platform.db, user);
    const shown = await showModel(platform.db, id, user);
    const summary = (await summaries(c)).get(model.def.id);
    const detail: ModelDetail = {
      ...(summary as ModelSummary),
      action: model.def.action,
      parameters: model.def.parameters.map((p) => ({
        name: p.name,
        label: p.label ?? p.name,
        type: p.type,
        default: p.default,
        description: p.description ?? '',
      })),
      legalBasis: shown.legal.map((l) => ({
        ref: l.reference,
        text: 'text' in l ? (l.text ?? '') : '',
      })),
      sql: shown.generatedSql,
      fixture: await fixtureStatus(model, modelAuditOf(platform, operatorOf(c))),
    };
    return detail;
  },

  'GET /api/models/:id/export': async (c, { params }) => {
    const platform = c.get('platform');
    const { id } = params;
    const yaml = await exportModelAs(platform, operatorOf(c), id);
    // The file carries the model's own id (`X01`, not `330102.X01`): named after it.
    const fileId = splitUserModelId(id).fileId;
    return download(yaml, `${fileId}.model.yaml`, 'application/yaml; charset=utf-8');
  },

  'POST /api/models/import': async (c, { body }) => {
    const { content, fileName } = body;
    const platform = c.get('platform');
    // The service audits every attempt, refused ones included, and signals the library change.
    const result = await importModelAs(platform, operatorOf(c), content, fileName ?? '上传的模型');
    return { id: result.id, version: String(result.version) };
  },

  'POST /api/runs': async (c, { body: req }) => {
    const platform = c.get('platform');
    const session = sessionOf(c);
    const operator = operatorOf(c);
    const asked = {
      models: req.modelIds?.length ? req.modelIds : undefined,
      units: req.scope.unitIds,
      courts: req.scope.courts,
      closedFrom: req.scope.closedFrom,
      closedTo: req.scope.closedTo,
    };
    // Under a campaign the service bounds the run (period, taking part, models, units, courts,
    // closure dates) and fills in what the request left open; refused now, not in the job.
    const campaignId = req.scope.campaignId;
    const scope = campaignId ? await platform.campaigns.forRun(operator, campaignId, asked) : asked;
    // Units outside the caller's are refused now (404), not in the job; the engine checks again.
    await checkRunUnits(platform, operator, scope.units);
    const ids = scope.models?.length ? [...scope.models] : undefined;
    // The engine takes one parameter set: the '*' entry, overridden by a single model's own.
    const params = {
      ...(req.params['*'] ?? {}),
      ...(ids?.length === 1 && ids[0] ? (req.params[ids[0]] ?? {}) : {}),
    };
    const jobId = await platform.jobs.start(
      'run',
      runTitle(ids, req.asOf).slice(0, 200),
      session.user.id,
      async (job) => {
        // The service bounds the run by the user's unit, audits it and signals the lead change.
        const result = await runModelsAs({ ...platform, db: job.db }, operator, {
          ...(ids ? { models: ids } : { all: true }),
          ...(req.asOf ? { asOf: req.asOf } : {}),
          params,
          scope: {
            ...(scope.courts ? { courts: scope.courts } : {}),
            ...(scope.closedFrom ? { closedFrom: scope.closedFrom } : {}),
            ...(scope.closedTo ? { closedTo: scope.closedTo } : {}),
            ...(scope.units ? { units: scope.units } : {}),
          },
          ...(campaignId ? { campaignId } : {}),
          onProgress: (p) =>
            job.progress(
              p.index + (p.status === 'running' ? 0 : 1),
              p.total,
              `${p.modelId}：${p.message ?? p.status}`,
            ),
        });
        return toRunResult(result);
      },
    );
    return { jobId };
  },
} satisfies AreaHandlers;
