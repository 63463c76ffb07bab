import type { ColumnDef } from '../catalog/column-types.ts';
import { maskAccount, maskId, maskIdsInText, maskPhone } from '../domain/mask.ts';

/** Column names that hold bank account numbers or phone numbers (besides the `id` type). */
const ACCOUNT_COLUMN = /(^|_)(account_no|counterparty_account|card_no)$/;
const PHONE_COLUMN = /(phone|mobile|tel)($|_)/;

/**
 * A dataset cell as the API shows it: ID numbers (`id` columns), account and phone numbers masked
 * unless `reveal` (a right, and an audited view). Free text is passed through `maskIdsInText`.
 */
export function maskCell(
  column: Pick<ColumnDef, 'name' | 'type'>,
  value: string | null,
  reveal: boolean,
): string | null {
  if (value === null || reveal) return value;
  if (column.type === 'id') return maskId(value);
  if (ACCOUNT_COLUMN.test(column.name)) return maskAccount(value);
  if (PHONE_COLUMN.test(column.name)) return maskPhone(value);
  return column.type === 'text' ? maskIdsInText(value) : value;
}

/** An ID number (person or company) as shown. */
export function maskIdValue(value: string | null, reveal: boolean): string | null {
  return value === null || reveal ? value : maskId(value);
}

/** Free text (a finding sentence, a note) with any ID number inside masked. */
export function maskText(value: string, reveal: boolean): string {
  return reveal ? value : maskIdsInText(value);
}
