import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFiles } from '../../src/extract/extract.service.ts';
import type { ExtractionResult } from '../../src/extract/extract.service.ts';
import { actRecall, COMPARED_FIELDS, differences, type ComparedField } from './compare.ts';

const DIR = join(import.meta.dirname, 'corpus');
const expectedFiles = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();
const all = expectedFiles.map(
  (f) =>
    JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Record<string, unknown> & {
      file: string;
      docType: string;
    },
);
const isOcr = (file: string): boolean => /\.(png|jpe?g|tiff?)$/.test(file) || file.includes('scan');
const textDocs = all.filter((e) => !isOcr(e.file));
const ocrDocs = all.filter((e) => isOcr(e.file));

async function run(docs: typeof all): Promise<Map<string, ExtractionResult>> {
  const results = new Map<string, ExtractionResult>();
  for await (const r of extractFiles(
    docs.map((d) => join(DIR, d.file)),
    { workers: 2 },
  ))
    results.set(r.file.slice(DIR.length + 1), r);
  return results;
}

/** Per-field accuracy over the documents, printed so a regression shows which field moved. */
function accuracy(
  docs: typeof all,
  results: Map<string, ExtractionResult>,
): Record<ComparedField, number> {
  const right = Object.fromEntries(COMPARED_FIELDS.map((f) => [f, 0])) as Record<
    ComparedField,
    number
  >;
  for (const e of docs) {
    const r = results.get(e.file);
    if (!r) continue;
    const diff = differences(r, e);
    for (const f of COMPARED_FIELDS) if (!diff.has(f)) right[f]++;
  }
  for (const f of COMPARED_FIELDS) right[f] = Math.round((right[f] / docs.length) * 1000) / 10;
  return right;
}

/** Share of all compared fields that are right, over the documents (the issue's “fields on real rulings”). */
function overall(docs: typeof all, results: Map<string, ExtractionResult>): number {
  const perField = accuracy(docs, results);
  const values = Object.values(perField);
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

describe('extraction corpus', () => {
  it('has at least 40 rulings in every format', () => {
    const rulings = all.filter((e) => e.docType !== '其他');
    expect(rulings.length).toBeGreaterThanOrEqual(40);
    const extensions = new Set(all.map((e) => e.file.split('.').pop()));
    for (const ext of ['txt', 'html', 'docx', 'pdf', 'png']) expect(extensions).toContain(ext);
  });

  it('reads every text, HTML, Word and text-PDF document exactly', async () => {
    const results = await run(textDocs);
    const rulings = textDocs.filter((e) => e.docType !== '其他');
    console.log('text forms, per-field accuracy over rulings (%)', accuracy(rulings, results));
    const real = rulings.filter((e) => e.file.startsWith('real-'));
    console.log(
      'field accuracy (%): all text rulings',
      overall(rulings, results),
      'real-*',
      overall(real, results),
    );
    const failures: string[] = [];
    for (const e of textDocs) {
      const r = results.get(e.file);
      expect(r, e.file).toBeDefined();
      if (!r) continue;
      expect(r.error, e.file).toBeUndefined();
      if (e.docType === '其他') {
        // Not a ruling: the class is what matters; its other fields are not part of the contract.
        if (r.docType !== '其他') failures.push(`${e.file}: docType ${r.docType}`);
        continue;
      }
      for (const [field, why] of differences(r, e)) failures.push(`${e.file}: ${field} ${why}`);
    }
    expect(failures).toEqual([]);
  });

  it('reads OCR input (PNG scans, a scanned PDF) within tolerance', async () => {
    const results = await run(ocrDocs);
    console.log('OCR forms, per-field accuracy (%)', accuracy(ocrDocs, results));
    for (const e of ocrDocs) {
      const r = results.get(e.file);
      expect(r?.error, e.file).toBeUndefined();
      if (!r) continue;
      const diff = differences(r, e);
      // OCR can misread a name (某 → 标) or an ID label; case numbers, amounts and dates must hold.
      for (const field of [
        'docType',
        'caseNo',
        'claimAmount',
        'paidAmount',
        'unpaidAmount',
        'filedDate',
        'rulingDate',
      ] as const)
        expect(diff.get(field), `${e.file} ${field}`).toBeUndefined();
      expect(r.debtors.length, `${e.file} debtors`).toBe((e.debtors as unknown[]).length);
      expect(
        actRecall(r, e.actions as { type: string; date: string | null }[]),
        `${e.file} acts`,
      ).toBeGreaterThanOrEqual(0.7);
      // OCR'd values are less certain than typed ones.
      expect(r.confidence.caseNo).toBeLessThan(0.9);
    }
  }, 180_000);
});
