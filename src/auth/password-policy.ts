import { readFileSync } from 'node:fs';
import { AppError } from '../domain/app-error.ts';
import { passwordProblem } from '../domain/password-policy.ts';

const LIST = new URL('./common-passwords.txt', import.meta.url);

let common: ReadonlySet<string> | undefined;

/** The shipped list of common passwords (`common-passwords.txt`), lower case, read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(LIST, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/** The policy's reason to refuse `password` for the account `username`, or undefined. */
export function newPasswordProblem(password: string, username: string): string | undefined {
  const list = commonPasswords();
  return passwordProblem(password, { username, isCommon: (w) => list.has(w) });
}

/**
 * Every path that sets a password calls this (first-login change, change, creation by an
 * administrator or `zhijian users add`): 400 with the policy's Chinese reason.
 */
export function assertNewPassword(password: string, username: string): void {
  const problem = newPasswordProblem(password, username);
  if (problem) throw new AppError('WEAK_PASSWORD', problem);
}
