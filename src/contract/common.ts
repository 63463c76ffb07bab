import { z } from 'zod';

/** Every error the API answers with: a stable code for machines, a Chinese message for people. */
export const ErrorBody = z.object({ code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Answer of a state change that needs nothing back. */
export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/** 'YYYY-MM-DD'. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** ISO timestamp as the server writes it ('YYYY-MM-DDTHH:MM:SS.sssZ' or 'YYYY-MM-DD HH:MM:SS'). */
export const Timestamp = z.string();

/** Server-side paging of any list (1-based page). */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of `item`: `total` counts every matching row, not just this page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Asking for unmasked ID/phone/account numbers (`?reveal=1`); only users with the right, audited. */
export const RevealQuery = z.object({
  reveal: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
