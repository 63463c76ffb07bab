import { z } from 'zod';
import { IsoDate } from './common.ts';

/** Groupings of the statistics table. */
export const STATS_DIMENSIONS = ['unit', 'model', 'court', 'month', 'total', 'campaign'] as const;
export const StatsDimension = z.enum(STATS_DIMENSIONS);

/** A campaign by its number (one the user sees, else 404). */
const CampaignParam = z
  .string()
  .regex(/^\d{1,9}$/, '专项活动编号应为数字')
  .optional();

export const StatsQuery = z.object({
  /** A unit inside the user's scope (default: the user's own unit). */
  unitId: z.string().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  by: StatsDimension.default('unit'),
  /** Only this model's figures. */
  modelId: z.string().max(100).optional(),
  /** Only this 专项监督活动's figures (one the user sees; as the leads and cases lists). */
  campaign: CampaignParam,
});
export type StatsQuery = z.infer<typeof StatsQuery>;

export const Rate = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** null when the denominator is 0 (shown as —). */
  value: z.number().nullable(),
});

export const Figures = z.object({
  leads: z.number().int(),
  judged: z.number().int(),
  leadsMadeCases: z.number().int(),
  cases: z.number().int(),
  caseRate: Rate,
  recommendations: z.number().int(),
  recIndividual: z.number().int(),
  recClass: z.number().int(),
  recClassCases: z.number().int(),
  replied: z.number().int(),
  adopted: z.number().int(),
  adoptionRate: Rate,
  resumed: z.number().int(),
  /** Yuan, exact decimal text ('1234.50'). */
  moneyRecovered: z.string(),
  referrals: z.number().int(),
  policeCases: z.number().int(),
});

export const StatsRow = z.object({
  /** What the row is: a unit id, model id, court name, 'YYYY-MM' or a campaign id ('': none). */
  key: z.string(),
  label: z.string(),
  figures: Figures,
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsTable = z.object({
  by: StatsDimension,
  unitId: z.string(),
  unitName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The campaign filter, if one (its theme for the title). */
  campaignId: z.number().int().nullable(),
  campaignTheme: z.string().nullable(),
  rows: z.array(StatsRow),
  total: Figures,
});
export type StatsTable = z.infer<typeof StatsTable>;

export const TerminationQuery = z.object({
  unitId: z.string().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  by: z.enum(['court', 'judge']).default('court'),
});
export type TerminationQuery = z.infer<typeof TerminationQuery>;

export const TerminationRow = z.object({
  court: z.string(),
  judge: z.string().nullable(),
  closed: z.number().int(),
  terminated: z.number().int(),
  share: Rate,
  medianDays: z.number().nullable(),
});
export const TerminationTable = z.object({ rows: z.array(TerminationRow) });
export type TerminationTable = z.infer<typeof TerminationTable>;

export const ReportQuery = z.object({
  /** 2025-09, 2025Q3 or 2025 */
  period: z.string().max(10),
  unitId: z.string().max(100).optional(),
  /** Only this campaign's figures (the 终本 table, ledger data, stays whole). */
  campaign: CampaignParam,
});
