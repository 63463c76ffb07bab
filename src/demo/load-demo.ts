import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../domain/app-error.ts';
import { importFiles, type ImportProgress, type SheetOutcome } from '../ingest/import.service.ts';
import type { Operator, ServiceContext } from '../org/operator.ts';
import type { Database } from '../store/database.ts';
import { generateProvince, type ProvinceOptions } from './generate.ts';
import { writeProvinceFiles, type Answers } from './write-files.ts';

export interface DemoLoadOptions extends ProvinceOptions {
  /** Where to write the files; by default a temporary directory, removed after the import. */
  readonly dir?: string;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface DemoLoadResult {
  readonly answers: Answers;
  readonly outcomes: readonly SheetOutcome[];
  readonly rows: number;
  readonly generateMs: number;
  readonly importMs: number;
}

/**
 * Generates the demo province, writes its files and imports them like a user would (`importFiles`,
 * batches of kind 'demo'). The import must be clean: any rejected file is a bug of the demo or of
 * the importer, reported as an error naming the file.
 */
export async function loadDemo(
  db: Database,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const started = Date.now();
  const province = generateProvince(options);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'zhijian-demo-'));
  try {
    const written = await writeProvinceFiles(province, dir);
    const generateMs = Date.now() - started;
    const importStarted = Date.now();
    const result = await importFiles(
      db,
      written.files.map((f) => f.path),
      {
        kind: 'demo',
        source: `演示省份（种子 ${province.seed}）`,
        user: 'demo',
        report: false,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    );
    const failed = result.outcomes.filter((o) => o.status !== 'imported');
    if (!result.ok || failed.length > 0) {
      const names = failed.map((o) => `${o.file}（${o.message ?? o.status}）`).join('；');
      throw new AppError('DEMO_IMPORT_FAILED', `演示数据导入失败：${names}`);
    }
    return {
      answers: written.answers,
      outcomes: result.outcomes,
      rows: result.outcomes.reduce((s, o) => s + o.imported, 0),
      generateMs,
      importMs: Date.now() - importStarted,
    };
  } finally {
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The demo loaded by an operator (`zhijian demo`, `serve --demo-if-empty`): audited as an import
 * of the demo province, and the change is signalled (cached lead pages and counts drop).
 */
export async function loadDemoAs(
  ctx: ServiceContext,
  operator: Operator,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult> {
  const result = await loadDemo(ctx.db, options);
  ctx.changes.changed('data');
  await ctx.audit.record(
    operator,
    'import',
    `演示省份（种子 ${result.answers.seed}，规模 ${result.answers.scale}）`,
    `演示数据：${result.outcomes.length} 个批次，${result.rows} 行`,
  );
  return result;
}

/** True when no batch has been committed yet (a fresh database). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const row = await db.one<{ n: number | string }>(
    `SELECT count(*)::INTEGER AS n FROM batches WHERE status = 'committed'`,
  );
  return Number(row?.n ?? 0) === 0;
}

/**
 * For `npm start` (`serve --demo-if-empty`): loads the small demo province into an empty database
 * and does nothing otherwise. Returns what was loaded, or undefined.
 */
export async function loadDemoIfEmpty(
  db: Database,
  options: DemoLoadOptions = {},
): Promise<DemoLoadResult | undefined> {
  if (!(await isDatabaseEmpty(db))) return undefined;
  return loadDemo(db, options);
}
