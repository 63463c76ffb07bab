/**
 * The supervision-model definition format (监督模型定义): one YAML file per model,
 * `models/<ID>.model.yaml`, validated by this zod schema. See models/README.md for how to write one.
 */
import { z } from 'zod';
import { PRIORITIES } from '../domain/vocabulary.ts';

/** Model categories of models.md. */
export const MODEL_CATEGORIES = [
  '带财终本',
  '程序违法',
  '信用惩戒',
  '拒执与虚假诉讼',
  '其他',
] as const;
export type ModelCategory = (typeof MODEL_CATEGORIES)[number];

/** Parameter value types; each becomes a typed SQL literal where `$name` appears in the SQL. */
export const PARAMETER_TYPES = ['int', 'money', 'date', 'text', 'boolean', 'list'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** What a lead is about: a case, or a case and one person (M22–M24). */
export const SUBJECTS = ['case', 'case_person'] as const;
export type Subject = (typeof SUBJECTS)[number];

const identifier = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]*$/, '参数名只能包含字母、数字和下划线，且以小写字母开头');

export const parameterSchema = z.strictObject({
  name: identifier,
  type: z.enum(PARAMETER_TYPES),
  default: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
  label: z.string().min(1),
  description: z.string().optional(),
});
export type ParameterDef = z.infer<typeof parameterSchema>;

export const fixtureLeadSchema = z.strictObject({
  case_no: z.string().min(1),
  subject_id: z.string().optional(),
  /** Why this row is (or is not) a lead: printed when the fixture fails. */
  why: z.string().optional(),
  /** Optional substrings the finding sentence must contain. */
  summaryContains: z.array(z.string()).optional(),
  priority: z.enum(PRIORITIES).optional(),
});
export type FixtureLead = z.infer<typeof fixtureLeadSchema>;

type FixtureRow = Record<string, string | number | null>;

/**
 * Rows written as a pipe table (header line of column names, then one line per row, cells separated
 * by `|` without outer pipes; an empty cell is NULL; `#` starts a comment line) — compact, and prettier leaves block scalars alone.
 */
export function parsePipeTable(text: string): FixtureRow[] | string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  // No outer pipes: every `|` separates two cells, so a trailing `|` ends with an empty cell.
  const split = (l: string): string[] => l.split('|').map((c) => c.trim());
  const header = split(lines[0] ?? '');
  const rows: FixtureRow[] = [];
  for (const [i, line] of lines.slice(1).entries()) {
    const cells = split(line);
    if (cells.length !== header.length) {
      return `第 ${i + 1} 行有 ${cells.length} 列，表头有 ${header.length} 列：${line}`;
    }
    rows.push(
      Object.fromEntries(header.map((h, j) => [h, cells[j] === '' ? null : (cells[j] ?? null)])),
    );
  }
  return rows;
}

const rowsListSchema = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])));

const fixtureRowsSchema = z.unknown().transform((value, ctx): FixtureRow[] => {
  if (typeof value === 'string') {
    const rows = parsePipeTable(value);
    if (typeof rows === 'string') {
      ctx.addIssue({ code: 'custom', message: rows });
      return z.NEVER;
    }
    return rows;
  }
  const parsed = rowsListSchema.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: '应为竖线分隔的表格文本或行的列表' });
    return z.NEVER;
  }
  return parsed.data;
});

/** The name an unnamed fixture (a file of one fixture, the format before named fixtures) gets. */
export const DEFAULT_FIXTURE_NAME = '默认';

/**
 * A model's fixture: rows per dataset (canonical column names, values as strings) and leads.
 * Exact by default: a lead not listed in `expect` fails it, unless `partial: true`.
 */
export const fixtureSchema = z.strictObject({
  name: z.string().min(1).optional(),
  /** Only the listed leads are checked; other leads the model raises are allowed. */
  partial: z.boolean().default(false),
  asOf: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  given: z.record(z.string(), fixtureRowsSchema),
  expect: z.array(fixtureLeadSchema).min(1, '夹具至少要有一条应产生的线索'),
  expectNot: z.array(fixtureLeadSchema).default([]),
});
export type Fixture = z.infer<typeof fixtureSchema>;
/** A fixture as the library holds it: always named. */
export type NamedFixture = Fixture & { readonly name: string };

const uniqueNames = (list: readonly Fixture[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  for (const [i, f] of list.entries()) {
    if (!f.name) {
      ctx.addIssue({ code: 'custom', path: [i, 'name'], message: '多个夹具时每个夹具都要有名称' });
    } else if (seen.has(f.name)) {
      ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `夹具名称“${f.name}”重复` });
    }
    if (f.name) seen.add(f.name);
  }
};

/** Several named fixtures, each with its own rows, parameters and `asOf`. */
export const fixtureListSchema = z.array(fixtureSchema).min(1).superRefine(uniqueNames);

/** A `<ID>.fixture.yaml` of several fixtures; a file of one fixture is `fixtureSchema` as before. */
export const fixtureSetSchema = z.strictObject({ fixtures: fixtureListSchema });

/** The named fixtures of a fixture file or a model's embedded `fixture`/`fixtures`. */
export function namedFixtures(
  file: { fixture?: Fixture; fixtures?: Fixture[] } | Fixture | undefined,
): NamedFixture[] {
  if (!file) return [];
  if ('fixtures' in file && file.fixtures) return file.fixtures.map(named);
  if ('fixture' in file) return file.fixture ? [named(file.fixture)] : [];
  if ('given' in file) return [named(file)];
  return [];
}

function named(f: Fixture): NamedFixture {
  return { ...f, name: f.name ?? DEFAULT_FIXTURE_NAME };
}

export const modelSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,31}$/, '模型编号只能包含字母、数字、-、_'),
    version: z.number().int().positive(),
    name: z.string().min(1),
    purpose: z.string().min(1),
    category: z.enum(MODEL_CATEGORIES),
    datasets: z.strictObject({
      required: z.array(z.string()).min(1),
      optional: z.array(z.string()).default([]),
      /** dataset → the datasets that can stand in for it when it is empty (datasets.md, last section). */
      standIns: z.record(z.string(), z.array(z.string())).default({}),
    }),
    parameters: z.array(parameterSchema).default([]),
    legalBasis: z.array(z.string().min(1)).min(1),
    action: z.string().min(1),
    subject: z.enum(SUBJECTS),
    /** The finding sentence; `{{field}}` or `{{field|filter}}` (filters: mask, money, date, list). */
    finding: z.string().min(1),
    /** SQL conditions over the lead's columns, tried in order; the first that holds wins. */
    priority: z.strictObject({
      高: z.string().optional(),
      中: z.string().optional(),
      default: z.enum(PRIORITIES).default('低'),
    }),
    /** One SELECT (or WITH … SELECT) over the dataset views and building blocks, one row per lead. */
    sql: z.string().min(1),
    /** Optional: the fixture can be embedded (an exported model carries it) … */
    fixture: fixtureSchema.optional(),
    /** … or several named fixtures. */
    fixtures: fixtureListSchema.optional(),
  })
  .refine((m) => !(m.fixture && m.fixtures), {
    message: '模型文件只能有 fixture 或 fixtures 之一',
    path: ['fixtures'],
  });
export type ModelDefinition = z.infer<typeof modelSchema>;

/** Columns every model's SQL must return (the lead contract). */
export const LEAD_COLUMNS = ['case_no', 'subject_id', 'subject_name', 'plate', 'evidence'] as const;
