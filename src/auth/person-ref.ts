import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Opaque references to a person or company (`/api/persons/:ref`): the ID number encrypted with a
 * key of this server process (AES-256-GCM), so ID numbers never appear in URLs, browser history or
 * access logs, and a reference cannot be forged. References end with the process (a restart).
 */
export class PersonRefs {
  private readonly key = randomBytes(32);

  encode(id: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The ID, or undefined for a reference this process did not make. */
  decode(ref: string): string | undefined {
    try {
      const raw = Buffer.from(ref, 'base64url');
      if (raw.length < 29 || raw.length > 200) return undefined;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
