import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { z } from 'zod';
import { openApp } from '../../app.ts';
import { log } from '../../audit/logger.ts';
import { createApiApp } from '../../api/server.ts';
import { startDemoIfEmpty } from '../../api/demo-start.ts';
import { AppError } from '../../domain/app-error.ts';
import { action, globalOptions } from '../context.ts';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../contract/data.ts';

const DEFAULT_WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const ServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  demoIfEmpty: z.boolean().default(false),
  webDist: z.string(),
  province: z.string().regex(/^\d{2}$/),
  maxUploadMb: z.coerce.number().int().min(1),
  lockoutAttempts: z.coerce.number().int().min(1),
  lockoutMinutes: z.coerce.number().int().min(1),
  secureCookies: z.boolean().default(false),
  trustProxy: z.boolean().default(false),
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
});

/** `ZHIJIAN_SECURE_COOKIES=1` / `true` stands for the flag (containers configured by environment). */
function envFlag(name: string): boolean {
  return /^(1|true|yes)$/i.test(process.env[name] ?? '');
}

function readTlsFile(path: string, option: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new AppError('USAGE', `参数 ${option} 无效：无法读取文件 ${path}`);
  }
}

/** `zhijian serve` — 启动平台（网页 + API）/ start the platform (web UI + API) */
export function register(program: Command): void {
  program
    .command('serve')
    .description('启动平台（网页 + API）/ start the platform (web UI + API)')
    .option('--port <port>', '端口 / port', process.env.PORT ?? '8080')
    .option('--host <host>', '监听地址 / listen address', '127.0.0.1')
    .option(
      '--demo-if-empty',
      '数据库为空时载入演示数据 / load the demo data into an empty database',
    )
    .option('--web-dist <dir>', '网页构建目录 / built web app', DEFAULT_WEB_DIST)
    .option(
      '--province <code>',
      '首次启动时建立的省级单位树（行政区划前两位）/ province of the unit tree',
      '33',
    )
    .option(
      '--max-upload-mb <n>',
      '上传文件大小上限（MB）/ upload limit in MB',
      String(DEFAULT_MAX_UPLOAD_BYTES / 1024 / 1024),
    )
    .option(
      '--lockout-attempts <n>',
      '连续输错密码几次锁定账户 / wrong passwords before lockout',
      '10',
    )
    .option('--lockout-minutes <n>', '锁定时长（分钟）/ lockout duration in minutes', '15')
    .option(
      '--secure-cookies',
      '始终经 HTTPS 访问：Cookie 加 Secure，并发送 HSTS（环境变量 ZHIJIAN_SECURE_COOKIES=1）/ always HTTPS: Secure cookies + HSTS',
      envFlag('ZHIJIAN_SECURE_COOKIES'),
    )
    .option(
      '--trust-proxy',
      '信任反向代理的 X-Forwarded-Proto 头（环境变量 ZHIJIAN_TRUST_PROXY=1）/ trust X-Forwarded-Proto of the proxy',
      envFlag('ZHIJIAN_TRUST_PROXY'),
    )
    .option('--tls-cert <file>', 'HTTPS 证书（PEM），与 --tls-key 一起使用 / TLS certificate (PEM)')
    .option('--tls-key <file>', 'HTTPS 私钥（PEM）/ TLS private key (PEM)')
    .action(
      action(async (raw: Record<string, unknown>, command: Command) => {
        const parsed = ServeOptions.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new AppError('USAGE', `参数 --${String(issue?.path[0] ?? '')} 无效`);
        }
        const opts = parsed.data;
        if (!opts.tlsCert !== !opts.tlsKey) {
          throw new AppError('USAGE', '参数 --tls-cert 与 --tls-key 须同时给出');
        }
        const tls =
          opts.tlsCert && opts.tlsKey
            ? {
                cert: readTlsFile(opts.tlsCert, '--tls-cert'),
                key: readTlsFile(opts.tlsKey, '--tls-key'),
              }
            : undefined;
        const app = await openApp(globalOptions(command).db);
        const webDist = resolve(opts.webDist);
        const api = createApiApp(app, {
          maxUploadBytes: opts.maxUploadMb * 1024 * 1024,
          auth: { lockoutAttempts: opts.lockoutAttempts, lockoutMinutes: opts.lockoutMinutes },
          secureCookies: opts.secureCookies,
          trustProxy: opts.trustProxy,
          ...(existsSync(webDist) ? { webDist } : {}),
        });
        await api.platform.jobs.recover();
        const admin = await api.platform.org.bootstrap(opts.province);
        if (admin) {
          // Printed once, to the console only: there is no fixed default password.
          process.stdout.write(
            `\n首次启动：已创建系统管理员 / first start: administrator created\n` +
              `  用户名 username: ${admin.username}\n  一次性密码 one-time password: ${admin.password}\n` +
              `  首次登录后须修改密码 / must be changed at first sign-in\n\n`,
          );
        }
        if (!existsSync(webDist))
          log('warn', `网页尚未构建（${webDist}），仅提供 API；请运行 npm run build:web`);
        if (opts.demoIfEmpty) await startDemoIfEmpty(api.platform);
        // Read the model library once now, not on the first visitor's request.
        void api.platform.leads.modelNames();
        const server = serve(
          {
            fetch: api.hono.fetch,
            port: opts.port,
            hostname: opts.host,
            ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
          },
          (info) => {
            const scheme = tls ? 'https' : 'http';
            process.stdout.write(
              `执检平台已启动 / listening: ${scheme}://${opts.host}:${info.port}/\n`,
            );
          },
        );
        const stop = () => {
          server.close();
          app.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        await new Promise<never>(() => undefined);
      }),
    );
}
