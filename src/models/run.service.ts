/**
 * Running models (模型运行): choose models, check them, skip those whose data is missing, reuse the
 * result of a model whose inputs did not change, run the rest with a time limit, and merge their
 * leads. A failing or interrupted model leaves the database and earlier leads as they were.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DATASETS } from '../catalog/datasets.ts';
import { AppError } from '../domain/app-error.ts';
import {
  BUILDING_BLOCK_DATASETS,
  buildingBlockStatements,
  type CaseScope,
} from '../sql/building-blocks.ts';
import { sqlString } from '../sql/literal.ts';
import type { Database } from '../store/database.ts';
import {
  loadStagedLeads,
  mergeStagedLeads,
  tagRunLeads,
  touchLeads,
  type MergeCounts,
} from '../store/lead.repo.ts';
import { ModelSession, type SandboxSpec } from '../store/model-session.ts';
import { listUnits } from '../store/unit.repo.ts';
import { runUnits, type ActingUser } from '../org/unit-boundaries.ts';
import { scopeOf, type UnitNode } from '../org/unit-tree.ts';
import {
  committedBatchOwners,
  committedBatches,
  createRun,
  datasetRevisions,
  datasetRowCount,
  finishRun,
  getCache,
  setCache,
} from '../store/run.repo.ts';
import { loadLibrary, type LibraryModel } from './library.ts';
import {
  checkDefinition,
  declaredDatasets,
  prepareModel,
  type PreparedModel,
} from './prepare-model.ts';
import { explainDuckDbError } from '../sql/duckdb-errors.ts';
import { guardStatement, validatePreparedSql } from './validate-sql.ts';
import {
  asOfViews,
  dropLeadsOnHiddenEvidence,
  planRunData,
  type RunDataScope,
} from './run-data-scope.ts';

/** Scope of a run (models.md: units/courts, closure date range). */
export interface RunScope extends CaseScope {
  readonly units?: readonly string[];
}

export interface RunProgress {
  readonly modelId: string;
  readonly index: number;
  readonly total: number;
  readonly status: ModelOutcome['status'] | 'running';
  readonly leads?: number;
  readonly ms?: number;
  readonly message?: string;
}

export interface RunOptions {
  readonly models?: readonly string[];
  readonly all?: boolean;
  /** Run these definitions instead of the library's (fixtures, a model being imported). */
  readonly definitions?: readonly LibraryModel[];
  readonly params?: Record<string, unknown>;
  readonly scope?: RunScope;
  /**
   * The campaign (专项监督活动) the run is made under, checked by the campaign service: the run
   * records it and the leads it finds take it (lead.repo.ts tagRunLeads). Not part of the cache
   * signature: the same data gives the same leads whatever the campaign.
   */
  readonly campaignId?: number;
  /**
   * Who runs (the web): the run stays inside their unit and the units below it (their own unit
   * when no units are given) and runs only models they see. Undefined: the trusted local operator.
   */
  readonly user?: ActingUser;
  /** The run's reference date (default today). */
  readonly asOf?: string;
  /** Per-model time limit (default 300 s). */
  readonly timeoutSeconds?: number;
  /** Cancels the run (Ctrl-C, a web request gone): the running query is interrupted, the rest skipped. */
  readonly signal?: AbortSignal;
  /** Ignore the cache. */
  readonly force?: boolean;
  readonly onProgress?: (p: RunProgress) => void;
}

export interface ModelOutcome {
  readonly id: string;
  readonly version: number;
  readonly status: 'ran' | 'cached' | 'skipped' | 'failed';
  readonly leads: number;
  readonly created: number;
  readonly reopened: number;
  readonly ms: number;
  /** Why it was skipped or failed (Chinese). */
  readonly reason?: string;
  /** Stand-in datasets it ran on (Chinese). */
  readonly standIn?: string;
}

export interface RunResult {
  readonly runId: number;
  readonly asOf: string;
  readonly outcomes: ModelOutcome[];
  /** Time spent building the run's building blocks (0 when every model was cached or skipped). */
  readonly blocksMs: number;
  /** Time spent copying the run's datasets into its sandbox (0 when the copy was current). */
  readonly sandboxMs: number;
  /** Time spent merging the staged leads of every model that ran into `leads` (one merge). */
  readonly mergeMs: number;
}

/** A model that ran and whose leads wait in the sandbox's exchange folder for the merge. */
interface StagedModel {
  readonly model: LibraryModel['def'];
  readonly standIn: string | null;
  readonly signature: string;
  readonly file: string;
  /** Its outcome's index in the run's outcomes (completed with the merge's counts). */
  readonly at: number;
}

/**
 * Merges the leads of every model that ran in one transaction (lead.repo.ts mergeStagedLeads), then
 * caches those models. If the merge fails, nothing is merged and those models are reported failed.
 */
async function mergeRun(
  db: Database,
  runId: number,
  staged: readonly StagedModel[],
  outcomes: ModelOutcome[],
  campaignId: number | undefined,
): Promise<void> {
  if (staged.length === 0) {
    if (campaignId !== undefined) await tagRunLeads(db, runId, campaignId);
    return;
  }
  let counts: Map<string, MergeCounts>;
  try {
    await loadStagedLeads(
      db,
      staged.map((m) => ({ modelId: m.model.id, file: m.file })),
    );
    counts = await db.transaction(async () => {
      const merged = await mergeStagedLeads(
        db,
        runId,
        staged.map((m) => ({
          modelId: m.model.id,
          modelVersion: m.model.version,
          legalBasis: m.model.legalBasis,
          action: m.model.action,
          standIn: m.standIn,
        })),
      );
      if (campaignId !== undefined) await tagRunLeads(db, runId, campaignId);
      return merged;
    });
  } catch (error) {
    const reason = explainDuckDbError('合并线索时', String((error as Error).message ?? error));
    for (const m of staged) {
      const o = outcomes[m.at];
      if (o) outcomes[m.at] = { ...o, status: 'failed', leads: 0, reason };
    }
    return;
  } finally {
    await db.run('DROP VIEW IF EXISTS _stage');
    for (const m of staged) rmSync(m.file, { force: true });
  }
  for (const m of staged) {
    const c = counts.get(m.model.id) ?? { total: 0, created: 0, reopened: 0 };
    const o = outcomes[m.at];
    if (o) outcomes[m.at] = { ...o, leads: c.total, created: c.created, reopened: c.reopened };
    await setCache(db, m.model.id, { signature: m.signature, runId, leadCount: c.total });
  }
}

const LABELS = new Map(DATASETS.map((d) => [d.name, d.label]));
const label = (ds: string): string => `${LABELS.get(ds) ?? ds}（${ds}）`;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function selectModels(library: readonly LibraryModel[], options: RunOptions): LibraryModel[] {
  if (options.definitions) return [...options.definitions];
  if (options.all || !options.models || options.models.length === 0) return [...library];
  return options.models.map((id) => {
    const m = library.find((x) => x.def.id.toLowerCase() === id.trim().toLowerCase());
    if (!m) throw new AppError('MODEL_NOT_FOUND', `没有模型 ${id}`);
    return m;
  });
}

/** Which required datasets are empty, and which stand-ins replace them. */
function dataPlan(
  model: LibraryModel,
  counts: Map<string, number>,
): { missing: string[]; standIns: string[] } {
  const missing: string[] = [];
  const standIns: string[] = [];
  for (const ds of model.def.datasets.required) {
    if ((counts.get(ds) ?? 0) > 0) continue;
    const alternatives = (model.def.datasets.standIns[ds] ?? []).filter(
      (a) => (counts.get(a) ?? 0) > 0,
    );
    if (alternatives.length > 0) {
      standIns.push(
        `${LABELS.get(ds) ?? ds}为空，以${alternatives.map((a) => LABELS.get(a) ?? a).join('、')}代替`,
      );
    } else missing.push(ds);
  }
  return { missing, standIns };
}

function signature(
  prepared: PreparedModel,
  scope: RunScope,
  batches: Record<string, number[]>,
  revisions: Record<string, number>,
): string {
  // The batches of the datasets the model and the building blocks read, in a fixed order: an
  // import into any other dataset leaves the model cached.
  const read = [...new Set([...declaredDatasets(prepared.def), ...BUILDING_BLOCK_DATASETS])].sort();
  const used = read.map((ds) => [ds, batches[ds] ?? [], revisions[ds] ?? 0]);
  return createHash('sha256')
    .update(
      JSON.stringify({
        sql: prepared.sql,
        values: prepared.values,
        def: prepared.def,
        scope,
        used,
      }),
    )
    .digest('hex');
}

/** The staging query (a SELECT; the run prepends `CREATE … _stage AS` after guarding it). */
function stageSql(
  prepared: PreparedModel,
  columns: readonly string[],
  standIn: string | null,
): string {
  const { def } = prepared;
  const key =
    def.subject === 'case_person'
      ? `${sqlString(def.id + ':')} || q.case_no || ':' || coalesce(q.subject_id, '')`
      : `${sqlString(def.id + ':')} || q.case_no`;
  const confidence = columns.includes('confidence') ? `coalesce(q.confidence, '高')` : `'高'`;
  const lowNote = sqlString('（证件号码为脱敏号码，按姓名和可见数字匹配，置信度较低，请核实）');
  const standInNote = standIn ? sqlString(`（注：${standIn}）`) : `''`;
  return `SELECT ${key} AS lead_key, q.case_no, q.subject_id, q.subject_name, q.plate,
  q.summary || CASE WHEN ${confidence} = '低' THEN ${lowNote} ELSE '' END || ${standInNote} AS summary,
  q.priority,
  to_json(list_transform(q.evidence, e -> {'dataset': e.dataset, 'batchId': e.batch_id, 'file': e.file, 'row': e.row})) AS evidence,
  ${columns.includes('court') ? 'q.court' : 'CAST(NULL AS VARCHAR)'} AS court,
  ${confidence} AS confidence,
  md5(q.summary) AS fingerprint
FROM (
${prepared.sql}
) q
WHERE q.case_no IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY lead_key ORDER BY q.priority, q.summary) = 1`;
}

/**
 * `units` of a scope, limited to the user's (org/unit-boundaries.ts runUnits) → the court-code
 * prefixes of those units and the units below them, and the batches the run may read.
 */
async function resolveUnits(
  db: Database,
  scope: RunScope,
  user: ActingUser | undefined,
): Promise<{ scope: RunScope; data: RunDataScope }> {
  const units: UnitNode[] = await listUnits(db);
  const ids = runUnits(units, scope.units, user);
  const data = planRunData(units, ids, await committedBatchOwners(db));
  if (ids.length === 0) return { scope, data };
  const prefixes = new Set<string>();
  for (const id of ids) for (const p of scopeOf(units, id).courtPrefixes) prefixes.add(p);
  // No prefix would mean no case filter at all: a unit of no known court runs nothing.
  if (prefixes.size === 0) {
    throw new AppError(
      'UNIT_NO_COURT',
      `单位 ${ids.join('、')} 没有对应的法院代字，无法确定运行范围`,
    );
  }
  return {
    scope: { ...scope, units: ids, courtPrefixes: [...(scope.courtPrefixes ?? []), ...prefixes] },
    data,
  };
}

/** Runs models and merges their leads; see RunOptions. */
export async function runModels(db: Database, options: RunOptions = {}): Promise<RunResult> {
  const asOf = options.asOf ?? today();
  const { scope, data } = await resolveUnits(db, options.scope ?? {}, options.user);
  const library = options.definitions ? [] : await loadLibrary(db, options.user);
  const models = selectModels(library, options);

  // Every check that can fail on the user's input happens before anything is written.
  const problems: string[] = [];
  const declaredParams = new Set(models.flatMap((m) => m.def.parameters.map((p) => p.name)));
  for (const name of Object.keys(options.params ?? {})) {
    if (!declaredParams.has(name)) problems.push(`参数 ${name} 不属于所选的任何模型`);
  }
  const prepared = new Map<string, PreparedModel>();
  for (const m of models) {
    problems.push(...checkDefinition(m.def));
    const p = prepareModel(m.def, asOf, options.params ?? {});
    if ('problems' in p) problems.push(...p.problems);
    else prepared.set(m.def.id, p);
  }
  if (problems.length > 0) throw new AppError('MODEL_INVALID', problems.join('\n'));

  const counts = new Map<string, number>();
  for (const d of DATASETS) counts.set(d.name, await datasetRowCount(db, d.name));
  const batches = await committedBatches(db);
  const revisions = await datasetRevisions(db);
  const proxyLedger = (counts.get('enforcement_cases') ?? 0) === 0;
  const runId = await createRun(db, {
    asOf,
    models: models.map((m) => ({ id: m.def.id, version: m.def.version })),
    params: options.params ?? {},
    scope,
    batches,
    campaignId: options.campaignId ?? null,
  });

  // The sandbox holds the datasets these models and the building blocks read, nothing else; it is
  // opened (and its copy refreshed) only when a model actually has to run.
  const sandboxSpec: SandboxSpec = {
    datasets: [
      ...new Set([...models.flatMap((m) => declaredDatasets(m.def)), ...BUILDING_BLOCK_DATASETS]),
    ],
    // The run's unit scope is physical: the copy holds only the batches the run may read.
    ...(data.restricted.size > 0 ? { batches: Object.fromEntries(data.restricted) } : {}),
    ...(options.definitions
      ? {}
      : {
          cacheKey:
            data.restricted.size > 0 ? `units-${[...(scope.units ?? [])].sort().join('-')}` : 'all',
        }),
  };
  let session: ModelSession | undefined;
  let sandboxMs = 0;
  const openSession = async (): Promise<ModelSession> => {
    if (session) return session;
    const started = Date.now();
    session = await ModelSession.open(db, sandboxSpec);
    sandboxMs = Date.now() - started;
    return session;
  };
  const onAbort = (): void => session?.interrupt();
  options.signal?.addEventListener('abort', onAbort);
  let blocksReady = false;
  let blocksMs = 0;
  const outcomes: ModelOutcome[] = [];
  const staged: StagedModel[] = [];
  let mergeMs = 0;
  try {
    for (const [index, model] of models.entries()) {
      if (options.signal?.aborted) {
        outcomes.push({
          id: model.def.id,
          version: model.def.version,
          status: 'skipped',
          leads: 0,
          created: 0,
          reopened: 0,
          ms: 0,
          reason: '运行已取消',
        });
        continue;
      }
      const { def } = model;
      const started = Date.now();
      const base = { id: def.id, version: def.version, leads: 0, created: 0, reopened: 0 };
      const report = (o: ModelOutcome): void => {
        outcomes.push(o);
        options.onProgress?.({
          modelId: def.id,
          index,
          total: models.length,
          status: o.status,
          leads: o.leads,
          ms: o.ms,
          message: o.reason ?? o.standIn,
        });
      };
      options.onProgress?.({ modelId: def.id, index, total: models.length, status: 'running' });
      const plan = dataPlan(model, counts);
      if (plan.missing.length > 0) {
        report({
          ...base,
          status: 'skipped',
          ms: 0,
          reason: `缺少数据：${plan.missing.map(label).join('、')}为空`,
        });
        continue;
      }
      const standIn = plan.standIns.length > 0 ? plan.standIns.join('；') : null;
      const prep = prepared.get(def.id);
      if (!prep) continue;
      const sig = signature(prep, scope, batches, revisions);
      const cache = await getCache(db, def.id);
      if (!options.force && !options.definitions && cache?.signature === sig) {
        await touchLeads(db, def.id, cache.runId, runId);
        await setCache(db, def.id, { ...cache, runId });
        report({ ...base, status: 'cached', leads: cache.leadCount, ms: Date.now() - started });
        continue;
      }
      // The sandbox copy and the building blocks are paid once per run, by whichever model runs
      // first: they are reported apart (RunResult), not as that model's time.
      let sharedMs = 0;
      try {
        const opened = Date.now();
        const session = await openSession();
        sharedMs += Date.now() - opened;
        if (!blocksReady) {
          const blocksStarted = Date.now();
          for (const sql of [
            ...(await asOfViews(session, asOf)),
            ...buildingBlockStatements({ scope, proxyLedger, materialize: true }),
          ]) {
            await session.run(sql);
          }
          blocksReady = true;
          blocksMs = Date.now() - blocksStarted;
          sharedMs += blocksMs;
        }
        const { columns, problems: sqlProblems } = await validatePreparedSql(session, prep);
        if (sqlProblems.length > 0) throw new AppError('MODEL_INVALID', sqlProblems.join('\n'));
        const timeout = (options.timeoutSeconds ?? 300) * 1000;
        // The text that runs is the text the guard saw, behind a fixed prefix.
        const stage = stageSql(prep, columns, standIn);
        const stageProblems = (await guardStatement(session, prep, stage)).problems;
        if (stageProblems.length > 0) throw new AppError('MODEL_INVALID', stageProblems.join('\n'));
        await session.runWithTimeout(
          `CREATE OR REPLACE TEMP TABLE _stage AS\n${stage}`,
          timeout,
          () =>
            new AppError(
              'MODEL_TIMEOUT',
              `模型 ${def.id} 运行超过 ${timeout / 1000} 秒，已中止；数据库和已有线索未受影响`,
            ),
          prep.params,
        );
        // A lead whose evidence its own unit cannot read is not raised (run-data-scope.ts).
        await dropLeadsOnHiddenEvidence(session, data);
        // The staged leads leave the sandbox as Parquet; every model's are merged at once below.
        const leads = await session.count('_stage');
        const file = await session.exportTable('_stage', `stage-${def.id}`);
        await session.run('DROP TABLE _stage');
        staged.push({ model: def, standIn, signature: sig, file, at: outcomes.length });
        report({
          ...base,
          status: 'ran',
          leads,
          ms: Date.now() - started - sharedMs,
          ...(standIn ? { standIn } : {}),
        });
      } catch (error) {
        const reason = options.signal?.aborted
          ? `模型 ${def.id} 运行已取消；数据库和已有线索未受影响`
          : error instanceof AppError
            ? error.message
            : explainDuckDbError(
                `模型 ${def.id} 运行时`,
                String((error as Error).message ?? error),
              );
        report({ ...base, status: 'failed', ms: Date.now() - started - sharedMs, reason });
      }
    }
    // Merged before the sandbox closes: its exchange folder holds the staged files.
    const mergeStarted = Date.now();
    await mergeRun(db, runId, staged, outcomes, options.campaignId);
    mergeMs = Date.now() - mergeStarted;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await session?.close();
  }
  await finishRun(db, runId, {
    status: outcomes.some((o) => o.status === 'failed') ? 'failed' : 'finished',
    counts: Object.fromEntries(
      outcomes.map((o) => [
        o.id,
        { status: o.status, leads: o.leads, created: o.created, reopened: o.reopened, ms: o.ms },
      ]),
    ),
    skipped: outcomes
      .filter((o) => o.status === 'skipped')
      .map((o) => ({ id: o.id, reason: o.reason })),
    errors: outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => ({ id: o.id, message: o.reason })),
  });
  return { runId, asOf, outcomes, blocksMs, sandboxMs, mergeMs };
}
