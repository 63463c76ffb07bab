import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/catalog/datasets.ts';
import { normalizeText } from '../../src/domain/text.ts';
import { generateProvince, type Province } from '../../src/demo/generate.ts';
import {
  isDatabaseEmpty,
  loadDemo,
  loadDemoIfEmpty,
  type DemoLoadResult,
} from '../../src/demo/load-demo.ts';
import { Database } from '../../src/store/database.ts';

/** A stored value in the canonical spelling the generator uses. */
function canonical(type: string, value: unknown): string {
  if (value === null || value === undefined) return '∅';
  const s = String(value);
  switch (type) {
    case 'text':
      return normalizeText(s);
    case 'money':
      return Number(s).toFixed(2);
    case 'decimal':
      return String(Number(s));
    case 'datetime':
      return s.replace('T', ' ').slice(0, 19);
    case 'date':
    case 'month':
      return s.slice(0, 10);
    default:
      return s;
  }
}

describe('the demo province imports cleanly', () => {
  let dir: string;
  let db: Database;
  let province: Province;
  let loaded: DemoLoadResult | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-demo-import-'));
    db = await Database.open(join(dir, 'demo.duckdb'));
    province = generateProvince({ scale: 0.5, seed: 11 });
    expect(await isDatabaseEmpty(db)).toBe(true);
    loaded = await loadDemoIfEmpty(db, { scale: 0.5, seed: 11 });
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every file as one demo batch with no bad row', async () => {
    expect(loaded).toBeDefined();
    expect(loaded!.outcomes).toHaveLength(22);
    for (const o of loaded!.outcomes) {
      expect(o.status, o.file).toBe('imported');
      expect(o.badRows, o.file).toBe(0);
      expect(o.imported, o.file).toBe(province.tables[o.dataset!]!.length);
    }
    const kinds = await db.all<{ kind: string }>(`SELECT DISTINCT kind FROM batches`);
    expect(kinds.map((k) => k.kind)).toEqual(['demo']);
  });

  it('stores exactly the canonical values the generator meant, whatever the spelling in the file', async () => {
    for (const dataset of DATASETS) {
      const rows = province.tables[dataset.name] ?? [];
      const columns = dataset.columns.filter((c) => c.name !== 'action_wording');
      const key = (r: Record<string, unknown>) =>
        columns.map((c) => canonical(c.type, r[c.name])).join('|');
      const expected = rows.map(key).sort();
      const stored = (await db.all(`SELECT * FROM ${dataset.name}`)).map(key).sort();
      expect(stored, dataset.name).toEqual(expected);
    }
  });

  it('does not load the demo twice', async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(await loadDemoIfEmpty(db, { scale: 0.5, seed: 11 })).toBeUndefined();
  });

  it('loads a tiny province (scale 0.1) into a fresh database', async () => {
    const other = await Database.open(join(dir, 'other.duckdb'));
    try {
      const result = await loadDemo(other, { scale: 0.1, seed: 3 });
      expect(result.rows).toBeGreaterThan(0);
    } finally {
      other.close();
    }
  });
});
