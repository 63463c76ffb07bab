import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError, exitCodeOf, isUserError } from '../domain/app-error.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import { AuditService } from '../audit/audit.service.ts';
import { OrgService } from '../org/org.service.ts';
import type { Database } from '../store/database.ts';

/** Default database file: `./data/zhijian.duckdb`, overridden by `ZHIJIAN_DB` or `--db`. */
export const DEFAULT_DB_PATH = './data/zhijian.duckdb';

export interface GlobalOptions {
  db: string;
  /** `--as USER`: the platform user the command acts as (default: the OS user). */
  as?: string;
}

/** The global options of the root program, seen from any subcommand. */
export function globalOptions(command: Command): GlobalOptions {
  let root = command;
  while (root.parent) root = root.parent;
  const opts = root.opts<{ db?: string; as?: string }>();
  return {
    db: resolve(opts.db ?? process.env.ZHIJIAN_DB ?? DEFAULT_DB_PATH),
    ...(opts.as ? { as: opts.as } : {}),
  };
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/**
 * Who runs this command, for masking and the audit log: the user named by `--as` (it must exist
 * and be enabled), else the platform user named like the OS user, else an unnamed operator
 * `cli:<os user>` without the right to see full IDs. The place is always `cli:<os user>`.
 */
export async function cliOperator(db: Database, command: Command): Promise<Operator> {
  const place = `cli:${osUser()}`;
  const wanted = globalOptions(command).as;
  // A read: the audit service is never asked to record here.
  const user = await new OrgService(db, new AuditService(db)).userByName(wanted ?? osUser());
  if (user && !user.disabled) {
    return {
      userId: user.id,
      username: user.username,
      unitId: user.unitId,
      ip: place,
      canViewFullId: user.canViewFullId,
    };
  }
  if (wanted) throw new AppError('USAGE', `--as：用户 ${wanted} 不存在或已停用`);
  return { userId: null, username: place, unitId: null, ip: place, canViewFullId: false };
}

/**
 * Wraps a command's action: user errors print a Chinese message, anything else is a bug (message +
 * stack, marked 内部错误); the exit code comes from the error-code table (usage 2, otherwise 1).
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void> | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      if (isUserError(error)) {
        process.stderr.write(`错误：${error.message}\n`);
      } else {
        process.stderr.write(
          `内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        );
      }
      // The code's exit class decides: a wrong option value exits 2, like commander's own errors.
      process.exitCode = exitCodeOf(error);
    }
  };
}
