/** Field-by-field comparison of an extraction with its expected JSON, shared by the corpus tests. */
import { normalizeRulingText } from '../../src/extract/ruling-text.ts';
import { CONFIDENCE_FIELDS, type ExtractedDocument } from '../../src/extract/types.ts';

/** Every field the extractor gives a confidence for is compared with the expected JSON. */
export const COMPARED_FIELDS = CONFIDENCE_FIELDS;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Same normalisation as the extractor's input: width, brackets, spaces; sentence-final punctuation dropped. */
function norm(s: string): string {
  return normalizeRulingText(s, 'paragraphs').compact.replace(/[。;,]$/, '');
}

function canonical(field: ComparedField, value: unknown): string {
  if (field === 'applicants' || field === 'debtors')
    return JSON.stringify(
      (value as { name: string; idNo: string | null }[]).map((p) => [norm(p.name), p.idNo]),
    );
  if (field === 'actions')
    return JSON.stringify(
      (value as { type: string; date: string | null; text: string }[]).map((a) => [
        a.type,
        a.date,
        norm(a.text),
      ]),
    );
  return JSON.stringify(typeof value === 'string' ? norm(value) : value);
}

/** Fields whose extracted value differs from the expected one, with both values. */
export function differences(
  actual: ExtractedDocument,
  expected: Record<string, unknown>,
): Map<ComparedField, string> {
  const out = new Map<ComparedField, string>();
  for (const field of COMPARED_FIELDS) {
    const a = canonical(field, actual[field]);
    const e = canonical(field, expected[field]);
    if (a !== e) out.set(field, `got ${a}, expected ${e}`);
  }
  return out;
}

/** Share of expected acts (type + date) that were found. */
export function actRecall(
  actual: ExtractedDocument,
  expected: { type: string; date: string | null }[],
): number {
  if (expected.length === 0) return 1;
  const got = new Set(actual.actions.map((a) => `${a.type}|${a.date}`));
  return expected.filter((a) => got.has(`${a.type}|${a.date}`)).length / expected.length;
}
