/**
 * The model library and model runs as an operator (web user or CLI) uses them: the operator's unit
 * decides which models they see and which units a run covers (org/unit-boundaries.ts), every export
 * and run is audited here, and a run or an import signals the change, so the web API and the CLI
 * get the same rules.
 */
import {
  actingUserOf,
  actingUserWith,
  type Operator,
  type ServiceContext,
} from '../org/operator.ts';
import { runUnits } from '../org/unit-boundaries.ts';
import { listUnits } from '../store/unit.repo.ts';
import { exportModel, importModel, type ModelAudit } from './model.service.ts';
import { runModels, type RunOptions, type RunResult } from './run.service.ts';

/** Where an operator's attempts on user models are recorded (import, fixture tests). */
export function modelAuditOf(ctx: ServiceContext, operator: Operator): ModelAudit {
  return { service: ctx.audit, actor: operator };
}

/** A model file (with its fixture) of a model the operator sees; audited as `model_export`. */
export async function exportModelAs(
  ctx: ServiceContext,
  operator: Operator,
  id: string,
): Promise<string> {
  const yaml = await exportModel(ctx.db, id, await actingUserOf(ctx.db, operator));
  await ctx.audit.record(operator, 'model_export', id);
  return yaml;
}

/**
 * Imports a model file under the operator's unit (none: shared, the local operator); every attempt
 * is audited by `importModel`; lead pages show model names, so the library change is signalled.
 */
export async function importModelAs(
  ctx: ServiceContext,
  operator: Operator,
  text: string,
  file: string,
): Promise<Awaited<ReturnType<typeof importModel>>> {
  await actingUserWith(ctx.db, operator, 'manage_models');
  const user =
    operator.unitId && operator.username
      ? { username: operator.username, unitId: operator.unitId }
      : undefined;
  const result = await importModel(ctx.db, text, file, user, modelAuditOf(ctx, operator));
  ctx.changes.changed('models');
  return result;
}

/** `运行模型 M01、M05（基准日期 2024-12-31）` / `运行全部模型`: a run's job title and audit detail. */
export function runTitle(models: readonly string[] | undefined, asOf?: string): string {
  return (
    (models?.length ? `运行模型 ${models.join('、')}` : '运行全部模型') +
    (asOf ? `（基准日期 ${asOf}）` : '')
  );
}

/**
 * Refuses units outside the operator's now (another unit is "not found"), before a run is queued;
 * the run checks again.
 */
export async function checkRunUnits(
  ctx: ServiceContext,
  operator: Operator,
  unitIds: readonly string[] | undefined,
): Promise<void> {
  runUnits(await listUnits(ctx.db), unitIds, await actingUserOf(ctx.db, operator));
}

/**
 * Runs models for the operator: their unit bounds the run (none: the local operator, unbounded);
 * leads changed, so the change is signalled whatever the outcome (finished models keep their
 * leads); one `model_run` audit row with the run and its outcome, or why it failed.
 */
export async function runModelsAs(
  ctx: ServiceContext,
  operator: Operator,
  options: Omit<RunOptions, 'user'>,
): Promise<RunResult> {
  const user = await actingUserWith(ctx.db, operator, 'run_models');
  const title = runTitle(options.all ? undefined : options.models, options.asOf);
  let result: RunResult;
  try {
    result = await runModels(ctx.db, { ...options, ...(user ? { user } : {}) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await ctx.audit.record(operator, 'model_run', null, `${title}：失败：${reason}`.slice(0, 2000));
    throw error;
  } finally {
    ctx.changes.changed('leads');
  }
  const leads = result.outcomes.reduce((n, o) => n + o.leads, 0);
  const failed = result.outcomes.filter((o) => o.status === 'failed').length;
  await ctx.audit.record(
    operator,
    'model_run',
    `运行 #${result.runId}`,
    `${title}：基准日 ${result.asOf}，${result.outcomes.length} 个模型，线索 ${leads} 条${failed ? `，${failed} 个模型失败` : ''}`,
  );
  return result;
}
