import { z } from 'zod';
import { Timestamp } from './common.ts';

/** 工作台: the numbers a leader asks for first, for the user's units. */
export const Dashboard = z.object({
  totalLeads: z.number().int(),
  newThisWeek: z.number().int(),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  byModel: z.array(
    z.object({
      modelId: z.string(),
      modelName: z.string(),
      total: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
    }),
  ),
  datasets: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      rows: z.number().int(),
      lastImportAt: Timestamp.nullable(),
    }),
  ),
  topCourts: z.array(z.object({ court: z.string(), count: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;
