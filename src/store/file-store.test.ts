import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from './file-store.ts';

describe('FileStore', () => {
  it('keeps files under opaque names beside the database and reads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zj-fs-'));
    const store = new FileStore(join(dir, 'zhijian.duckdb'));
    expect(store.dir).toBe(join(dir, 'zhijian.duckdb.files'));
    const saved = await store.save(new TextEncoder().encode('%PDF-1.7 test'));
    expect(saved.storedName).toMatch(/^[0-9a-f-]{36}$/);
    expect(saved.size).toBe(13);
    expect(saved.sha256).toHaveLength(64);
    expect((await store.read(saved.storedName)).toString()).toBe('%PDF-1.7 test');
    expect(readdirSync(store.dir)).toEqual([saved.storedName]);
    await store.remove(saved.storedName);
    expect(readdirSync(store.dir)).toEqual([]);
  });

  it('refuses a name it did not make', async () => {
    const store = new FileStore(':memory:');
    await expect(store.read('../zhijian.duckdb')).rejects.toThrow(/not a stored file name/);
  });
});
