import { describe, expect, it } from 'vitest';
import { findDataset } from '../../src/catalog/datasets.ts';
import { parseCaseNumber } from '../../src/domain/case-number.ts';
import { parseCitizenId } from '../../src/domain/citizen-id.ts';
import { parseCreditCode } from '../../src/domain/credit-code.ts';
import { parsePlate } from '../../src/domain/plate.ts';
import { generateProvince } from '../../src/demo/generate.ts';
import { toLegacyId } from '../../src/demo/identity.ts';

const MODEL_IDS = Array.from({ length: 24 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
const province = generateProvince({ scale: 1, seed: 42 });

function columnsOfType(dataset: string, type: string): string[] {
  return (findDataset(dataset)?.columns ?? []).filter((c) => c.type === type).map((c) => c.name);
}

describe('generateProvince', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateProvince({ scale: 1, seed: 42 });
    expect(JSON.stringify(again.tables)).toBe(JSON.stringify(province.tables));
    expect(again.planted).toEqual(province.planted);
    const other = generateProvince({ scale: 1, seed: 43 });
    expect(JSON.stringify(other.tables)).not.toBe(JSON.stringify(province.tables));
  });

  it('gives every citizen ID and credit code a valid check character', () => {
    let people = 0;
    let companies = 0;
    for (const [dataset, rows] of Object.entries(province.tables)) {
      for (const column of columnsOfType(dataset, 'id')) {
        for (const row of rows) {
          const value = row[column];
          if (!value || value.includes('*')) continue;
          if (!value.startsWith('91')) {
            const parsed = parseCitizenId(value);
            expect(parsed.ok && parsed.warnings.length === 0, `${dataset}.${column} ${value}`).toBe(
              true,
            );
            if (parsed.ok) expect(parsed.value.regionCode?.slice(0, 2)).toBe('33');
            people += 1;
          } else {
            const parsed = parseCreditCode(value);
            expect(parsed.ok && parsed.warnings.length === 0, `${dataset}.${column} ${value}`).toBe(
              true,
            );
            companies += 1;
          }
        }
      }
    }
    expect(people).toBeGreaterThan(1000);
    expect(companies).toBeGreaterThan(100);
  });

  it('converts a legacy 15-digit ID back to the same 18-digit ID', () => {
    const id = province.tables
      .case_parties!.map((r) => r.party_id!)
      .find((v) => v.slice(6, 8) === '19')!;
    const parsed = parseCitizenId(toLegacyId(id)!);
    expect(parsed.ok && parsed.value.value).toBe(id);
  });

  it('writes canonical case numbers, plates and dates no later than asOf', () => {
    for (const [dataset, rows] of Object.entries(province.tables)) {
      for (const column of columnsOfType(dataset, 'case_no')) {
        for (const row of rows) {
          const value = row[column];
          if (!value) continue;
          const parsed = parseCaseNumber(value);
          expect(parsed.ok && parsed.value.canonical, `${dataset}.${column}`).toBe(value);
        }
      }
      for (const column of columnsOfType(dataset, 'plate')) {
        for (const row of rows) {
          const parsed = parsePlate(row[column]!);
          expect(parsed.ok && parsed.value).toBe(row[column]);
        }
      }
      for (const column of [
        ...columnsOfType(dataset, 'date'),
        ...columnsOfType(dataset, 'datetime'),
      ]) {
        for (const row of rows) {
          const value = row[column];
          if (value)
            expect(value.slice(0, 10) <= province.asOf, `${dataset}.${column} ${value}`).toBe(true);
        }
      }
    }
    const courtCodes = new Set(province.courts.map((c) => c.code));
    expect(courtCodes).toContain('浙0102');
    expect(courtCodes).toContain('浙01');
  });

  it('plants at least one hit and one near-miss for every model M01–M24', () => {
    for (const id of MODEL_IDS) {
      const planted = province.planted.filter((p) => p.modelId === id);
      expect(
        planted.some((p) => p.kind === 'hit'),
        `${id} hit`,
      ).toBe(true);
      expect(
        planted.some((p) => p.kind === 'near-miss'),
        `${id} near-miss`,
      ).toBe(true);
    }
    const cases = new Set(province.tables.enforcement_cases!.map((r) => r.case_no));
    for (const p of province.planted.filter((x) => x.kind === 'hit')) {
      expect(cases.has(p.caseNo), `${p.modelId} ${p.caseNo} is in the ledger`).toBe(true);
    }
  });

  it('repeats the planted situations with the scale', () => {
    const double = generateProvince({ scale: 2, seed: 42 });
    const hits = (p: typeof province) => p.planted.filter((x) => x.kind === 'hit').length;
    expect(hits(double)).toBe(2 * hits(province));
    expect(double.tables.enforcement_cases!.length).toBeGreaterThan(
      province.tables.enforcement_cases!.length,
    );
  });
});
