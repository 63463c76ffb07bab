import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { openApp } from '../../app.ts';
import { AppError } from '../../domain/app-error.ts';
import { listModels, modelSql, showModel, testModels } from '../../models/model.service.ts';
import { exportModelAs, importModelAs, modelAuditOf } from '../../models/operator.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

async function withApp<T>(
  cmd: Command,
  fn: (app: Awaited<ReturnType<typeof openApp>>) => Promise<T>,
) {
  const app = await openApp(globalOptions(cmd).db);
  try {
    return await fn(app);
  } finally {
    app.close();
  }
}

/** `zhijian models` — 监督模型库 / the supervision-model library */
export function register(program: Command): void {
  const models = program
    .command('models')
    .description('监督模型库：列出模型及所需数据 / the supervision-model library')
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        const rows = await withApp(cmd, (app) => listModels(app.db));
        for (const m of rows) {
          const state =
            m.missing.length > 0
              ? `缺少数据：${m.missing.join(', ')}`
              : m.standIn.length > 0
                ? `以替代数据运行：${m.standIn.join(', ')}`
                : '数据齐全';
          process.stdout.write(
            `${m.id.padEnd(5)} v${m.version}  ${m.category}  ${m.name}${m.source === 'user' ? '（用户模型）' : ''}\n` +
              `      需要：${m.required.join(', ')}  — ${state}\n`,
          );
        }
      }),
    );

  models
    .command('show <id>')
    .description('模型详情：目的、参数、法律依据原文 / show a model')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        const m = await withApp(cmd, (app) => showModel(app.db, id));
        const out = [
          `${m.id} v${m.version} ${m.name}（${m.category}${m.source === 'user' ? '，用户模型' : ''}）`,
          `目的：${m.purpose}`,
          `数据：必需 ${m.datasets.required.map((d) => `${m.datasetLabels[d] ?? d}(${d})`).join('、')}` +
            (m.datasets.optional.length ? `；可选 ${m.datasets.optional.join('、')}` : '') +
            (Object.keys(m.datasets.standIns).length
              ? `；可替代 ${Object.entries(m.datasets.standIns)
                  .map(([k, v]) => `${k}←${v.join('/')}`)
                  .join('；')}`
              : ''),
          `参数：${m.parameters.length ? m.parameters.map((p) => `${p.name}=${JSON.stringify(p.default)}（${p.label}）`).join('；') : '无'}`,
          `监督建议：${m.action}`,
          `结论模板：${m.finding}`,
          '法律依据：',
          ...m.legal.map((l) =>
            'error' in l
              ? `  ${l.reference}：${l.error}`
              : `  ${l.reference} [${l.level}]\n    ${l.text.replaceAll('\n', '\n    ')}`,
          ),
        ];
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );

  models
    .command('sql <id>')
    .description('打印模型运行的 SQL / print the SQL a model runs')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        process.stdout.write(await withApp(cmd, (app) => modelSql(app.db, id)));
      }),
    );

  models
    .command('export <id>')
    .description('导出模型（含夹具）为一个 YAML 文件 / export a model with its fixture')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        // Audited by the service as the CLI operator, like the web's download.
        process.stdout.write(
          await withApp(cmd, async (app) => exportModelAs(app, await cliOperator(app.db, cmd), id)),
        );
      }),
    );

  models
    .command('import <file>')
    .description('导入模型文件（校验并运行夹具）/ import a model file')
    .action(
      action(async (file: string, _opts: unknown, cmd: Command) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          throw new AppError('FILE_NOT_FOUND', `无法读取文件 ${file}`);
        }
        const r = await withApp(cmd, async (app) =>
          importModelAs(app, await cliOperator(app.db, cmd), text, basename(file)),
        );
        process.stdout.write(
          `已导入模型 ${r.id} v${r.version}${r.fixtures.length > 0 ? `，夹具通过（${r.fixtures.map((f) => `${f.fixture} ${f.leads.length} 条线索`).join('、')}）` : '（无夹具）'}\n`,
        );
      }),
    );

  models
    .command('test [ids...]')
    .description('运行模型夹具测试 / run model fixtures')
    .action(
      action(async (ids: string[], _opts: unknown, cmd: Command) => {
        const results = await withApp(cmd, async (app) =>
          testModels(app.db, ids, modelAuditOf(app, await cliOperator(app.db, cmd))),
        );
        let failed = 0;
        for (const r of results) {
          process.stdout.write(
            `${r.passed ? '通过' : '失败'}  ${r.modelId} 夹具“${r.fixture}”（${r.leads.length} 条线索）\n`,
          );
          for (const f of r.failures) process.stdout.write(`      ${f}\n`);
          if (!r.passed) failed++;
        }
        process.stdout.write(
          `共 ${results.length} 个夹具，${results.length - failed} 个通过，${failed} 个失败\n`,
        );
        if (failed > 0) process.exitCode = 1;
      }),
    );
}
