import type { ColumnDef, ColumnType } from '../column-types.ts';

/** Compact column constructor: the catalog files read like the tables in datasets.md. */
export function col(
  name: string,
  label: string,
  type: ColumnType,
  synonyms: readonly string[],
  description: string,
  options: { required?: boolean; multiple?: boolean } = {},
): ColumnDef {
  return { name, label, type, synonyms, description, ...options };
}

/** Header variants of a citizen-ID column, shared by every dataset keyed on a person. */
export const ID_SYNONYMS = [
  '身份证号码',
  '身份证号',
  '证件号',
  '证件号码',
  '公民身份号码',
  '身份证',
];
