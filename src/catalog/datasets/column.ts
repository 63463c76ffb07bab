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

/*
 * Header variants shared by many datasets. Matching is after normalizeHeader (brackets, spaces,
 * full-width, traditional characters) and ignores Latin case, so `zjhm` = `ZJHM`. The Latin codes
 * are the pinyin initials court and agency systems use as column names (最高法 执行案件信息技术规范
 * style: ZJHM = 证件号码) and the field names of 执行信息公开网 data (cardNum, caseCode).
 */

/** A citizen-ID column, in every dataset keyed on a person. */
export const ID_SYNONYMS = [
  '身份证号码',
  '身份证号',
  '身份证',
  '证件号',
  '证件号码',
  '证照号码',
  '证照号',
  '公民身份号码',
  '公民身份证号码',
  '居民身份证号码',
  '身份证件号码',
  '身份证明号码',
  '证件号码（身份证）',
  'ZJHM',
  'SFZH',
  'SFZHM',
  'GMSFHM',
  'ZJH',
  'IDCARD',
  'ID_NO',
  'cardNum',
];

/** A party's ID: a citizen ID or an organisation's credit code (17 + 1 digits, GB 32100). */
export const PARTY_ID_SYNONYMS = [
  ...ID_SYNONYMS,
  '身份证号码/组织机构代码',
  '身份证号/组织机构代码',
  '证件号码/组织机构代码',
  '身份证号码/统一社会信用代码',
  '统一社会信用代码',
  '社会信用代码',
  '信用代码',
  '统一代码',
  '组织机构代码',
  '组织机构代码证',
  'TYSHXYDM',
  'XYDM',
  'ZZJGDM',
];

/** An organisation's credit code column (companies, employers). */
export const CREDIT_CODE_SYNONYMS = [
  '统一社会信用代码',
  '社会信用代码',
  '信用代码',
  '统一代码',
  '组织机构代码',
  '企业统一社会信用代码',
  '注册号/统一社会信用代码',
  'TYSHXYDM',
  'XYDM',
];

/** An enforcement case number (案号) column. */
export const CASE_NO_SYNONYMS = [
  '执行案号',
  '案件号',
  '案件编号',
  '案件案号',
  '立案案号',
  '执行案件案号',
  'AH',
  'ZXAH',
  'AJBH',
  'caseCode',
  'caseNo',
];

/** A plate column (号牌号码, GA 36). */
export const PLATE_SYNONYMS = [
  '车牌号',
  '车牌号码',
  '车牌',
  '号牌',
  '机动车号牌',
  '机动车号牌号码',
  '号码号牌',
  'HPHM',
  'CPH',
  'CPHM',
];
