import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, verifyPassword } from './password.ts';
import { PersonRefs } from './person-ref.ts';

describe('passwords and person references', () => {
  it('hashes with scrypt and a per-user salt; verifies only the right password', async () => {
    const a = await hashPassword('Secret-2026');
    const b = await hashPassword('Secret-2026');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Secret-2026', a)).toBe(true);
    expect(await verifyPassword('secret-2026', a)).toBe(false);
    expect(await verifyPassword('Secret-2026', 'plain')).toBe(false);
  });

  it('generates one-time passwords with letters and digits, all different', () => {
    const all = new Set(Array.from({ length: 50 }, generateOneTimePassword));
    expect(all.size).toBe(50);
    for (const p of all) expect(p).toMatch(/^(?=.*\d)(?=.*[A-Z])(?=.*[a-z])[A-Za-z2-9]{14}$/);
  });

  it('person references hide the ID and cannot be forged', () => {
    const refs = new PersonRefs();
    const ref = refs.encode('33010219800101123X');
    expect(ref).not.toContain('330102');
    expect(refs.decode(ref)).toBe('33010219800101123X');
    expect(refs.decode(ref.slice(0, -2) + 'AA')).toBeUndefined();
    expect(new PersonRefs().decode(ref)).toBeUndefined();
  });
});
