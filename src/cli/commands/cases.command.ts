import type { Command } from 'commander';
import { openApp, type App } from '../../app.ts';
import { CaseworkService } from '../../casework/casework.service.ts';
import type { SupervisionCaseDetail } from '../../contract/casework.ts';
import { CASE_KINDS, CASE_STATES, isCaseKind } from '../../contract/vocabulary.ts';
import { AppError } from '../../domain/app-error.ts';
import { LeadAccessService } from '../../org/lead-access.service.ts';
import type { Operator } from '../../org/lead-disclosure.ts';
import { OrgService } from '../../org/org.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

/** The casework service on the command's database, as the CLI operator (no read pool). */
async function withCasework(
  cmd: Command,
  fn: (service: CaseworkService, op: Operator) => Promise<void>,
): Promise<void> {
  const app: App = await openApp(globalOptions(cmd).db);
  const leads = new LeadAccessService(app.db, 0);
  const { db, audit, changes } = app;
  const service = new CaseworkService({
    db,
    audit,
    changes,
    org: new OrgService(db, audit),
    leads,
  });
  try {
    await fn(service, await cliOperator(app.db, cmd));
  } finally {
    await service.close();
    leads.close();
    app.close();
  }
}

function caseId(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new AppError('USAGE', `案件编号应为数字：${value}`);
  return Number(value);
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new AppError('USAGE', `${name} 应为正整数`);
  return n;
}

function print(c: SupervisionCaseDetail): void {
  const out = [
    `${c.caseNo}（编号 ${c.id}，第 ${c.version} 版）`,
    `  ${c.kind}  ${c.state}  ${c.title}`,
    `  承办人 ${c.handlerName ?? '—'}  办理期限 ${c.dueDate ?? '—'}  单位 ${c.unitName}`,
    `  可改为：${c.allowedTransitions.join('、') || '（无）'}`,
    `  执行案件：${c.enforcementCases.join('、') || '—'}`,
    `  线索（${c.leads.length}）：`,
    ...c.leads.map((l) => `    ${l.leadId}  ${l.modelId}  ${l.status}  ${l.summary}`),
    '  流转：',
    ...c.transitions.map(
      (t) => `    ${t.at}  ${t.from ?? '—'} → ${t.to}  ${t.by ?? ''}${t.note ? `  ${t.note}` : ''}`,
    ),
    ...(c.acts.length ? ['  调查核实：'] : []),
    ...c.acts.map((a) => `    ${a.date}  ${a.kind}  ${a.note}`),
    ...followUpLines(c),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** 检察建议 with their replies, then 成效 with the totals per kind. */
function followUpLines(c: SupervisionCaseDetail): string[] {
  const out: string[] = [];
  if (c.recommendations.length) out.push('  检察建议：');
  for (const r of c.recommendations) {
    const due = r.due ? `  回复期限 ${r.due}${r.extendedDue ? '（已延长）' : ''}` : '';
    const tag = r.deadline && r.deadline !== '未到期' ? `  【${r.deadline}】` : '';
    out.push(
      `    ${r.docNo ?? `草稿 #${r.id}`}  ${r.state}  致 ${r.addressee}  ${r.issuedOn ?? ''}${due}${tag}`,
    );
    if (r.escalatedOn) out.push(`      跟进监督 ${r.escalatedOn}：${r.escalationNote ?? ''}`);
    for (const p of r.replies) {
      const acts = p.actions.length ? `  ${p.actions.join('、')}` : '';
      const no = p.resumedCaseNo ? `（${p.resumedCaseNo}）` : '';
      out.push(
        `      回复 ${p.date}  ${p.result}${acts}${no}${p.inForce ? '' : '  （已被后续回复取代）'}`,
      );
    }
  }
  if (c.outcomes.length) out.push('  成效：');
  for (const o of c.outcomes) {
    const what = [
      o.amount && `${o.amount} 元`,
      o.crime,
      o.persons && `${o.persons} 人`,
      o.enforcementCaseNo,
    ]
      .filter(Boolean)
      .join('  ');
    out.push(`    ${o.date}  ${o.kind}  ${what}  ${o.source}${o.note ? `  ${o.note}` : ''}`);
  }
  for (const t of c.outcomeTotals) {
    const sum =
      t.amount !== null ? `，合计 ${t.amount} 元` : t.persons !== null ? `，${t.persons} 人` : '';
    out.push(`    合计 ${t.kind} ${t.count} 项${sum}`);
  }
  return out;
}

function emit(c: SupervisionCaseDetail, json: boolean | undefined): void {
  if (json) process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
  else print(c);
}

/** `zhijian cases` — 监督案件 / supervision cases */
export function register(program: Command): void {
  const cases = program.command('cases').description('监督案件 / supervision cases');
  registerList(cases);
  registerOpen(cases);
  registerShowAndMove(cases);
}

function registerList(cases: Command): void {
  cases
    .command('list')
    .description('监督案件列表（本单位及下级）/ list cases')
    .option('--state <states>', `状态，逗号分隔：${CASE_STATES.join(',')}`)
    .option('--open', '只列未结案的 / open cases only')
    .option('--campaign <id>', '只列某一专项活动的案件 / cases of one campaign')
    .option('--limit <n>', '最多显示条数 / max rows', '50')
    .option('--json', '输出 JSON / JSON output')
    .action(
      action(
        async (
          opts: {
            state?: string;
            open?: boolean;
            campaign?: string;
            limit: string;
            json?: boolean;
          },
          cmd: Command,
        ) => {
          const limit = positive(opts.limit, '--limit');
          if (opts.campaign && !/^\d{1,9}$/.test(opts.campaign)) {
            throw new AppError(
              'USAGE',
              `--campaign 应为专项活动编号（数字），实际为“${opts.campaign}”`,
            );
          }
          await withCasework(cmd, async (service, op) => {
            const { total, items } = await service.list(op, {
              states: opts.state
                ?.split(',')
                .map((s) => s.trim())
                .filter(Boolean),
              open: opts.open,
              campaign: opts.campaign,
              page: 1,
              pageSize: Math.min(limit, 500),
            });
            if (opts.json) {
              process.stdout.write(`${JSON.stringify({ total, items }, null, 2)}\n`);
              return;
            }
            for (const c of items) {
              process.stdout.write(
                `${c.id}  ${c.caseNo}  ${c.kind}  ${c.state}  ${c.title}  承办人 ${c.handlerName ?? '—'}\n`,
              );
            }
            process.stdout.write(`共 ${total} 件监督案件\n`);
          });
        },
      ),
    );
}

function registerOpen(cases: Command): void {
  cases
    .command('open')
    .description('由线索立案 / open a case from leads')
    .requiredOption('--lead <ids...>', '线索编号（可多个）/ lead ids')
    .option('--kind <kind>', `${CASE_KINDS.join(' | ')}（默认按线索判断）`)
    .option('--title <title>', '案件标题')
    .option('--handler <user>', '承办人用户名（默认本人）')
    .option('--due <date>', '办理期限 YYYY-MM-DD')
    .option('--note <text>', '立案说明')
    .option('--json', '输出 JSON / JSON output')
    .action(
      action(
        async (
          opts: {
            lead: string[];
            kind?: string;
            title?: string;
            handler?: string;
            due?: string;
            note?: string;
            json?: boolean;
          },
          cmd: Command,
        ) => {
          const kind = opts.kind;
          if (kind !== undefined && !isCaseKind(kind)) {
            throw new AppError('USAGE', `--kind 只能是 ${CASE_KINDS.join(' 或 ')}`);
          }
          await withCasework(cmd, async (service, op) => {
            const c = await service.open(op, {
              leadIds: opts.lead,
              kind,
              title: opts.title,
              ...(opts.handler ? { handler: opts.handler } : {}),
              dueDate: opts.due,
              note: opts.note,
            });
            emit(c, opts.json);
          });
        },
      ),
    );
}

function registerShowAndMove(cases: Command): void {
  cases
    .command('show <id>')
    .description('案件详情（证件号码脱敏；查看记入审计）/ show a case')
    .option('--reveal', '显示完整证件号码（需有查看权限，记入审计）')
    .option('--json', '输出 JSON / JSON output')
    .action(
      action(async (id: string, opts: { reveal?: boolean; json?: boolean }, cmd: Command) => {
        const n = caseId(id);
        await withCasework(cmd, async (service, op) =>
          emit(await service.get(op, n, opts.reveal ?? false), opts.json),
        );
      }),
    );

  cases
    .command('move <id>')
    .description('变更案件状态 / move a case to another state')
    .requiredOption('--to <state>', `目标状态：${CASE_STATES.join(',')}`)
    .option('--version <n>', '所依据的版本（默认当前版本）/ version the change is based on')
    .option('--note <text>', '说明')
    .option('--json', '输出 JSON / JSON output')
    .action(
      action(
        async (
          id: string,
          opts: { to: string; version?: string; note?: string; json?: boolean },
          cmd: Command,
        ) => {
          const n = caseId(id);
          const version =
            opts.version === undefined ? undefined : positive(opts.version, '--version');
          await withCasework(cmd, async (service, op) => {
            // Without --version the command acts on the case as it is now (it was shown nowhere).
            const base = version ?? (await service.summary(op, n)).version;
            const c = await service.move(op, n, { to: opts.to, version: base, note: opts.note });
            emit(c, opts.json);
          });
        },
      ),
    );
}
