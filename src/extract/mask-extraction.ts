import { maskId, maskIdsInText } from '../domain/mask.ts';

/**
 * An extraction as every view outside the ledger shows it (CLI `--json`, the review screen): each
 * party's `idNo` masked (`330102********1234`; a company's credit code stays whole), an ID number
 * elsewhere in a party entry or in the document's text masked too. Other fields are left as they
 * are — the review form sends them back and they must not be stored masked. Pure; the input is
 * not changed.
 */
export function maskExtraction<T extends object>(result: T): T {
  // Only these fields hold personal data; any other is shown as it is.
  const out = { ...result } as Record<string, unknown>;
  for (const field of ['applicants', 'debtors'])
    if (field in out) out[field] = maskParties(out[field]);
  if (typeof out.text === 'string') out.text = maskIdsInText(out.text);
  return out as T;
}

/**
 * A party list with its IDs masked. Any shape is walked, because a reviewer's correction stored in
 * the field need not have the extractor's `{ name, idNo }[]`.
 */
export function maskParties<T>(list: T): T {
  return maskValue(list, false) as T;
}

function maskValue(value: unknown, isIdNo: boolean): unknown {
  if (typeof value === 'string') return isIdNo ? maskId(value) : maskIdsInText(value);
  if (Array.isArray(value)) return value.map((v) => maskValue(v, false));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskValue(v, k === 'idNo')]),
    );
  return value;
}
