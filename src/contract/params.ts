import { z } from 'zod';

/**
 * Path parameters (`:key`, `:id` …) as the server receives them, already percent-decoded. Checked
 * before any handler runs, so a NUL byte, a broken `%` escape, `..` or a megabyte of text answers
 * 400 with a Chinese reason instead of reaching a query or the file system.
 */

/** C0/C1 control characters (NUL included) have no place in any key of ours. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** One path segment: no control characters, no `%` left over, no separators, not `.`/`..`. */
export function pathSegment(maxLength: number) {
  return z
    .string()
    .min(1, '不能为空')
    .max(maxLength, `过长（最多 ${maxLength} 个字符）`)
    .refine((v) => !CONTROL.test(v), '含控制字符')
    .refine((v) => !v.includes('%'), '含无效的 % 编码')
    .refine((v) => !/[/\\]/.test(v), '含路径分隔符')
    .refine((v) => !/^\.+$/.test(v), '不能是 . 或 ..');
}

/** A numeric row id (batches, extracted documents). */
const NumericId = z.string().regex(/^\d{1,15}$/, '应为数字编号');

/** Generated ids (users, jobs, saved filters, models) and unit ids. */
export const IdParams = z.object({ id: pathSegment(100) });
export const NumericIdParams = z.object({ id: NumericId });
export const JobIdParams = z.object({ jobId: pathSegment(100) });
/** `enforcement_cases`, `enforcement_cases.xlsx` or `model:M01`. */
export const DatasetParams = z.object({ dataset: pathSegment(120) });
/** A lead key: model id + subject (a case number, in Chinese). */
export const LeadKeyParams = z.object({ key: pathSegment(300) });
/** A case number such as （2023）浙0102执1234号. */
export const CaseNoParams = z.object({ caseNo: pathSegment(100) });
/** An opaque person reference (base64url, never an ID number). */
export const PersonRefParams = z.object({
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, '不是有效的人员引用'),
});
