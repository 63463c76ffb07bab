import { describe, expect, it } from 'vitest';
import { PASSWORD_POLICY_HINT } from '../contract/session.ts';
import {
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from '../domain/password-policy.ts';
import { generateOneTimePassword } from './password.ts';
import { commonPasswords, newPasswordProblem } from './password-policy.ts';

const M = PASSWORD_MESSAGES;

describe('password policy (等保 2.0 第三级 practice), with the shipped list', () => {
  it('ships a list of a few thousand common passwords, Chinese favourites included', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThan(3500);
    for (const w of ['password', '123456', 'qwerty', 'iloveyou', 'woaini', '5201314', 'admin']) {
      expect(list.has(w), w).toBe(true);
    }
  });

  it.each([
    ['password1', M.short],
    ['Ab1!', M.short],
    ['alllowercase2026', M.classes],
    ['ALLUPPER-NODIGITS', M.classes],
    ['Password123!', M.common],
    ['P@ssw0rd2026!', M.common],
    ['Passw0rd-e2e', M.common],
    ['!!Welcome2026', M.common],
    ['Iloveyou2026!', M.common],
    ['Admin@123456', M.common],
    ['Woaini1314!', M.common],
    ['5201314Ab!x', M.common],
    ['Drowssap2026!', M.common],
    ['Qwerty2026!x', M.pattern],
    ['1qaz2WSX3edc', M.pattern],
    ['!QAZ2wsx#EDC', M.pattern],
    ['Abcd1234!@#$', M.common],
    ['Zxcvb#7654x', M.pattern],
    ['Aaaaaaaaa1!', M.pattern],
    ['Ab1!Ab1!Ab1!', M.pattern],
    ['Zhangsan2026!', M.username],
    ['2026!NASGNAHZ', M.username],
    ['Zh@ngs@n-2026', M.username],
  ])('refuses %s', (password, message) => {
    expect(newPasswordProblem(password, 'zhangsan')).toBe(message);
  });

  it.each([
    'Harbour-Lamp-2025',
    'Yw7#kQ2-mTz9',
    'Another2026x',
    'Zhang$2026abcd',
    'Correct-Monkey-Battery-9',
    'tR4$vN8#pL2q',
    '执检Zj2026平台',
  ])('accepts %s', (password) => {
    expect(newPasswordProblem(password, 'zhangsan')).toBeUndefined();
  });

  it('a short user name (under 3 characters) is not looked for', () => {
    expect(newPasswordProblem('Li-Harbour-2025', 'li')).toBeUndefined();
    expect(newPasswordProblem('Wang-Harbour-2025', 'wang')).toBe(M.username);
  });

  it('the rule is pure: the list is the caller’s', () => {
    const isCommon = (w: string) => w === 'harbour';
    expect(passwordProblem('Harbour-2026!', { isCommon })).toBe(M.common);
    expect(passwordProblem('Harbour-2026!', { isCommon: () => false })).toBeUndefined();
  });

  it('one-time passwords satisfy the policy they are checked against', () => {
    for (let i = 0; i < 200; i++) {
      const p = generateOneTimePassword('admin');
      expect(newPasswordProblem(p, 'admin'), p).toBeUndefined();
      expect(p).toMatch(/^(?=.*\d)(?=.*[A-Z])(?=.*[a-z])[A-Za-z2-9]{14}$/);
    }
  });

  it('the hint the forms show states the rule’s numbers', () => {
    expect(PASSWORD_POLICY_HINT).toContain(`至少 ${PASSWORD_MIN_LENGTH} 位`);
    expect(PASSWORD_POLICY_HINT).toContain('至少三类');
  });
});
