import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: session and CSRF tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex: what the sessions table stores instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
