import { resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError, isUserError } from '../domain/app-error.ts';

/** Default database file: `./data/zhijian.duckdb`, overridden by `ZHIJIAN_DB` or `--db`. */
export const DEFAULT_DB_PATH = './data/zhijian.duckdb';

export interface GlobalOptions {
  db: string;
}

/** The global options of the root program, seen from any subcommand. */
export function globalOptions(command: Command): GlobalOptions {
  let root = command;
  while (root.parent) root = root.parent;
  const opts = root.opts<{ db?: string }>();
  return { db: resolve(opts.db ?? process.env.ZHIJIAN_DB ?? DEFAULT_DB_PATH) };
}

/**
 * Wraps a command's action: user errors print a Chinese message and exit 1, anything else is a bug
 * (message + stack, exit 1 as well, but marked 内部错误).
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
      // A wrong option value is a usage error (2), like the ones commander reports itself.
      process.exitCode = isUserError(error) && error.code === 'BAD_ARGUMENT' ? 2 : 1;
    }
  };
}

/** Placeholder body for a subcommand whose issue has not landed yet. */
export function notYetAvailable(name: string): never {
  throw new AppError('NOT_AVAILABLE', `命令 ${name} 尚未提供`);
}
