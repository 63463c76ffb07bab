import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { newPasswordProblem } from './password-policy.ts';

/** scrypt cost (N = 2^14, r = 8, p = 1: ~50 ms on these machines, 16 MiB memory). */
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$hash` (base64): parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash no password matches, verified against for unknown users so timing does not tell them apart. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A one-time password: 14 characters without look-alikes (0/O, 1/l/I) that the password policy
 * itself accepts for `username` (capitals, small letters and digits; no walk, no common word).
 */
export function generateOneTimePassword(username = ''): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 14; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    if (/\d/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s) && !newPasswordProblem(s, username)) {
      return s;
    }
  }
}
