import type { DatasetDef } from './column-types.ts';
import { BEHAVIOUR_DATASETS } from './datasets/behaviour.ts';
import { COMPLAINT_DATASETS } from './datasets/complaints.ts';
import { COURT_DATASETS } from './datasets/court.ts';
import { CREDIT_DATASETS } from './datasets/credit.ts';
import { PROPERTY_DATASETS } from './datasets/property.ts';

/**
 * Every dataset of the data-interchange contract (`shared/domain/datasets.md`), in its order. This
 * one definition drives import, validation, the DuckDB schema, the Excel templates and the API's
 * descriptions; the groups live in `datasets/` beside this file.
 */
export const DATASETS: readonly DatasetDef[] = [
  ...COURT_DATASETS,
  ...CREDIT_DATASETS,
  ...PROPERTY_DATASETS,
  ...BEHAVIOUR_DATASETS,
  ...COMPLAINT_DATASETS,
];

const BY_NAME = new Map(DATASETS.map((d) => [d.name, d]));

/** The dataset of this table name, or undefined. */
export function findDataset(name: string): DatasetDef | undefined {
  return BY_NAME.get(name);
}

/** Dataset names, for listings and CLI help. */
export const DATASET_NAMES: readonly string[] = DATASETS.map((d) => d.name);
