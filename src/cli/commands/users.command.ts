import type { Command } from 'commander';
import { openApp } from '../../app.ts';
import { CreateUserRequest, ROLES, ROLE_LABELS } from '../../contract/index.ts';
import { AppError } from '../../domain/app-error.ts';
import { OrgService } from '../../org/org.service.ts';
import { action, cliOperator, globalOptions } from '../context.ts';

/** `zhijian users` — 用户管理 / manage users (tests, demo, first setup without the web page). */
export function register(program: Command): void {
  const users = program.command('users').description('用户管理 / manage users');

  users
    .command('add <username>')
    .description('新建用户 / add a user')
    .requiredOption('--unit <id>', '单位编号（行政区划代码，如 330102）/ unit id')
    .requiredOption('--role <roles>', `角色，逗号分隔 / roles: ${ROLES.join(',')}`)
    .option('--name <name>', '姓名 / display name')
    .option('--password <password>', '密码（省略则生成一次性密码）/ password (default: one-time)')
    .option('--full-id', '可查看完整证件号 / may view full ID numbers')
    .action(
      action(
        async (
          username: string,
          opts: { unit: string; role: string; name?: string; password?: string; fullId?: boolean },
          command: Command,
        ) => {
          const parsed = CreateUserRequest.safeParse({
            username,
            displayName: opts.name ?? username,
            unitId: opts.unit,
            roles: opts.role.split(',').map((r) => r.trim()),
            canViewFullId: opts.fullId ?? false,
            password: opts.password,
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new AppError(
              'USAGE',
              `参数 ${String(issue?.path[0] ?? '')} 无效：${issue?.message ?? ''}`,
            );
          }
          const app = await openApp(globalOptions(command).db);
          try {
            const org = new OrgService(app.db, app.audit);
            await org.ensureUnits();
            // Audited by the service, naming the CLI operator (cli:<os user> or --as).
            const operator = await cliOperator(app.db, command);
            const { user, oneTimePassword } = await org.createUser(operator, parsed.data);
            process.stdout.write(
              `已创建用户 ${user.username}（${user.unitName}，${user.roles.map((r) => ROLE_LABELS[r]).join('、')}）\n`,
            );
            if (oneTimePassword)
              process.stdout.write(`一次性密码 / one-time password: ${oneTimePassword}\n`);
          } finally {
            app.close();
          }
        },
      ),
    );

  users
    .command('list')
    .description('列出用户 / list users')
    .action(
      action(async (_opts: unknown, command: Command) => {
        const app = await openApp(globalOptions(command).db);
        try {
          for (const u of await new OrgService(app.db, app.audit).users()) {
            process.stdout.write(
              `${u.username}\t${u.displayName}\t${u.unitName}\t${u.roles.map((r) => ROLE_LABELS[r]).join('、')}${u.disabled ? '\t已停用' : ''}\n`,
            );
          }
        } finally {
          app.close();
        }
      }),
    );
}
