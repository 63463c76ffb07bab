import { z } from 'zod';
import { IsoDate, Timestamp } from './common.ts';

export const DatasetNeed = z.object({
  dataset: z.string(),
  label: z.string(),
  /** present: rows exist; missing: no rows and no stand-in; stand-in: runs on `standIn`'s rows. */
  state: z.enum(['present', 'missing', 'stand-in']),
  standIn: z.string().nullable(),
  required: z.boolean(),
});
export type DatasetNeed = z.infer<typeof DatasetNeed>;

export const ModelSummary = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  version: z.string(),
  purpose: z.string(),
  builtIn: z.boolean(),
  datasets: z.array(DatasetNeed),
  /** Can run now (no required dataset missing). */
  runnable: z.boolean(),
  /** Track record, for the user's units. */
  leadCount: z.number().int(),
  openLeadCount: z.number().int(),
  /** 成案率 = 已成案 / (已成案 + 已排除); null until a lead is judged. */
  caseRate: z.number().nullable(),
  lastRunAt: Timestamp.nullable(),
  /** The latest finished run that included the model (cached runs count: their leads stand). */
  lastRun: z
    .object({
      asOf: z.string(),
      params: z.record(z.string(), z.unknown()),
      leads: z.number().int(),
      newLeads: z.number().int(),
      changedLeads: z.number().int(),
    })
    .nullable(),
});
export type ModelSummary = z.infer<typeof ModelSummary>;

export const ModelParameter = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  default: z.unknown(),
  description: z.string(),
});
export type ModelParameter = z.infer<typeof ModelParameter>;

export const LegalBasis = z.object({
  /** e.g. 《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条 */
  ref: z.string(),
  text: z.string(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/** One named fixture's outcome (messages name the fixture and any unexpected lead, IDs masked). */
export const FixtureOutcome = z.object({
  name: z.string(),
  passed: z.boolean(),
  leads: z.number().int(),
  messages: z.array(z.string()),
});
export type FixtureOutcome = z.infer<typeof FixtureOutcome>;

/** A model's fixtures: `passed`/`failed` count named fixtures, `fixtures` one row each. */
export const FixtureStatus = z.object({
  state: z.enum(['passed', 'failed', 'not-run']),
  passed: z.number().int(),
  failed: z.number().int(),
  messages: z.array(z.string()),
  fixtures: z.array(FixtureOutcome),
});
export type FixtureStatus = z.infer<typeof FixtureStatus>;

export const ModelDetail = ModelSummary.extend({
  action: z.string(),
  parameters: z.array(ModelParameter),
  legalBasis: z.array(LegalBasis),
  sql: z.string(),
  fixture: FixtureStatus,
});
export type ModelDetail = z.infer<typeof ModelDetail>;

/** Scope of a run: units (their courts), courts, closure dates, the campaign it is made under. */
export const RunScope = z.object({
  unitIds: z.array(z.string()).optional(),
  courts: z.array(z.string()).optional(),
  closedFrom: IsoDate.optional(),
  closedTo: IsoDate.optional(),
  /** 专项监督活动 (one the operator's unit takes part in): bounds the run, tags its leads. */
  campaignId: z.number().int().min(1).optional(),
});
export type RunScope = z.infer<typeof RunScope>;

export const RunRequest = z.object({
  /** Omit (or empty) for all models. */
  modelIds: z.array(z.string()).optional(),
  /** Parameter overrides per model id: { M02: { watchYears: 3 } }, or for all models under '*'. */
  params: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  scope: RunScope.default({}),
  /** The day the run looks from (deadlines, "within N years"); default today. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '基准日期格式应为 YYYY-MM-DD')
    .optional(),
});
export type RunRequest = z.infer<typeof RunRequest>;

/** The result of a run job. */
export const RunResult = z.object({
  runId: z.string().nullable(),
  /** The day the run looked from. */
  asOf: z.string(),
  models: z.array(
    z.object({
      modelId: z.string(),
      state: z.enum(['ran', 'skipped', 'failed']),
      reason: z.string().nullable(),
      leads: z.number().int(),
      newLeads: z.number().int(),
      changedLeads: z.number().int(),
      ms: z.number(),
    }),
  ),
  totalLeads: z.number().int(),
  newLeads: z.number().int(),
});
export type RunResult = z.infer<typeof RunResult>;

/** Import of a model file (YAML text as one file travels between units). */
export const ModelImportRequest = z.object({
  content: z.string().min(1, '模型文件为空').max(1_000_000),
  fileName: z.string().max(200).optional(),
});
export const ModelImportResponse = z.object({ id: z.string(), version: z.string() });
