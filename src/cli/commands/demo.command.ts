import { InvalidArgumentError, type Command } from 'commander';
import { openApp, type App } from '../../app.ts';
import { PersonRefs } from '../../auth/person-ref.ts';
import { CaseWriter } from '../../casework/case-writer.ts';
import { CaseworkService } from '../../casework/casework.service.ts';
import { seedDemoCasework, type DemoCaseworkResult } from '../../casework/demo-casework.ts';
import { DocumentsService } from '../../casework/documents.service.ts';
import { RecommendationsService } from '../../casework/recommendations.service.ts';
import { DEFAULT_SEED, generateProvince } from '../../demo/generate.ts';
import { loadDemoAs } from '../../demo/load-demo.ts';
import { writeProvinceFiles } from '../../demo/write-files.ts';
import { runModelsAs } from '../../models/operator.service.ts';
import { LeadAccessService } from '../../org/lead-access.service.ts';
import { LeadActionService } from '../../org/lead-actions.service.ts';
import type { Operator } from '../../org/lead-disclosure.ts';
import { LeadViewService } from '../../org/lead-views.service.ts';
import { OrgService } from '../../org/org.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

function parseScale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1000) {
    throw new InvalidArgumentError('规模须为 0 到 1000 之间的数（如 1、0.5、10）');
  }
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new InvalidArgumentError('种子须为非负整数');
  }
  return n;
}

interface DemoOptions {
  scale: number;
  seed: number;
  out?: string;
  withCasework?: boolean;
}

/**
 * `--with-casework`: every model run with the demo's as-of date, then the demo casework through the
 * casework services on the command's database (the platform's wiring, without a read pool).
 */
async function runAndSeed(
  app: App,
  op: Operator,
  asOf: string,
): Promise<{ leads: number; casework: DemoCaseworkResult | undefined }> {
  const run = await runModelsAs(app, op, { all: true, asOf });
  const { db, audit, changes } = app;
  const org = new OrgService(db, audit);
  await org.ensureUnits();
  const leads = new LeadAccessService(db, 0);
  const writer = new CaseWriter(db);
  const deps = { db, audit, changes, org, leads, writer };
  const documents = new DocumentsService({ ...deps, files: writer.files });
  const views = new LeadViewService(leads, org, audit, new PersonRefs());
  try {
    const casework = await seedDemoCasework(
      {
        org,
        leads,
        leadActions: new LeadActionService(db, leads, views, org, audit),
        casework: new CaseworkService(deps),
        documents,
        recommendations: new RecommendationsService({
          ...deps,
          onIssued: (o, id) => documents.renderIssued(o, id),
        }),
      },
      asOf,
    );
    return { leads: run.outcomes.reduce((n, o) => n + o.leads, 0), casework };
  } finally {
    await writer.close();
    leads.close();
  }
}

function plantedSummary(planted: readonly { modelId: string; kind: string }[]): string {
  const hits = planted.filter((p) => p.kind === 'hit').length;
  const models = new Set(planted.map((p) => p.modelId)).size;
  return `埋设情形 ${planted.length} 个（应命中 ${hits}，近似不应命中 ${planted.length - hits}），覆盖模型 ${models} 个`;
}

/** `zhijian demo` — 生成或导入演示省份数据 / generate or load the demo province */
export function register(program: Command): void {
  program
    .command('demo')
    .description(
      '生成演示省份数据（含为每个模型埋设的命中与近似情形及答案文件）；不带 --out 时直接导入数据库\n' +
        'generate the demo province (planted situations + answers.json); without --out, import it',
    )
    .option('--scale <n>', '规模 / scale (默认 default 1)', parseScale, 1)
    .option('--seed <n>', `随机种子 / seed (默认 default ${DEFAULT_SEED})`, parseSeed, DEFAULT_SEED)
    .option(
      '--out <dir>',
      '只写出文件和 answers.json 到该目录 / write the files and answers.json here',
    )
    .option(
      '--with-casework',
      '导入后以基准日运行全部模型，并生成演示办案数据（监督案件、检察建议、回复、成效）\n' +
        'after the import, run every model and make the demo casework',
    )
    .action(
      action(async (options: DemoOptions, cmd: Command) => {
        if (options.out) {
          const province = generateProvince({ scale: options.scale, seed: options.seed });
          const written = await writeProvinceFiles(province, options.out);
          for (const f of written.files) process.stdout.write(`${f.path}\t${f.rows} 行\n`);
          process.stdout.write(`${written.answersPath}\n`);
          process.stdout.write(
            `已写出 ${written.files.length} 个文件；${plantedSummary(province.planted)}；基准日 ${province.asOf}\n`,
          );
          return;
        }
        const app = await openApp(globalOptions(cmd).db);
        try {
          const op = await cliOperator(app.db, cmd);
          const result = await loadDemoAs(app, op, {
            scale: options.scale,
            seed: options.seed,
          });
          for (const o of result.outcomes) {
            process.stdout.write(
              `${o.file}\t${o.datasetLabel ?? o.dataset ?? ''}\t导入 ${o.imported} 行\t批次 ${o.batchId ?? '-'}\n`,
            );
          }
          process.stdout.write(
            `演示数据已导入：${result.outcomes.length} 个批次，${result.rows} 行，生成 ${(result.generateMs / 1000).toFixed(1)} 秒，导入 ${(result.importMs / 1000).toFixed(1)} 秒\n` +
              `${plantedSummary(result.answers.planted)}；运行模型时请用基准日 ${result.answers.asOf}\n`,
          );
          if (options.withCasework) {
            const done = await runAndSeed(app, op, result.answers.asOf);
            const c = done.casework;
            process.stdout.write(
              `已运行全部模型：线索 ${done.leads} 条；` +
                (c
                  ? `演示办案数据：监督案件 ${c.cases} 件，检察建议 ${c.recommendations} 份，排除线索 ${c.dismissed} 条\n`
                  : '已有监督案件，未生成演示办案数据\n'),
            );
          }
        } finally {
          app.close();
        }
      }),
    );
}
