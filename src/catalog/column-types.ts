/** Value types of the data-interchange contract (datasets.md "Types"). */
export const COLUMN_TYPES = [
  'text',
  'date',
  'datetime',
  'money',
  'int',
  'decimal',
  'id',
  'plate',
  'case_no',
  'month',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Dataset groups, as datasets.md orders them. */
export const DATASET_GROUPS = [
  '法院数据',
  '信用惩戒',
  '财产与收入',
  '行为记录',
  '信访诉求',
] as const;
export type DatasetGroup = (typeof DATASET_GROUPS)[number];

/** One canonical column. `name` is the SQL name; `label` the Chinese canonical header (template row 1). */
export interface ColumnDef {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  /** Header variants seen in real exports, besides `label` (matched after normalisation). */
  readonly synonyms: readonly string[];
  /** Template row 2: a short Chinese description. */
  readonly description: string;
  /** A row without this value is an error. */
  readonly required?: boolean;
  /** Text that may list several names separated by 、 , ; (datasets.md: 申请执行人 / 被执行人). */
  readonly multiple?: boolean;
}

export interface DatasetDef {
  /** Table name (datasets.md), e.g. `enforcement_cases`. */
  readonly name: string;
  /** Chinese name, e.g. 执行案件台账. */
  readonly label: string;
  readonly group: DatasetGroup;
  /** What one row is. */
  readonly rowMeaning: string;
  readonly columns: readonly ColumnDef[];
  /** Columns of the natural key: a newer batch supersedes older rows with the same key. */
  readonly naturalKey: readonly string[];
  /** File or sheet name fragments that hint at this dataset (detection). */
  readonly nameHints: readonly string[];
  /** Very large in real life (sightings, bank flows): import and query with care. */
  readonly large?: boolean;
}
