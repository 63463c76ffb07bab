import type { ColumnDef, ColumnType, DatasetDef } from '../catalog/column-types.ts';
import type { Diagnostic } from '../domain/diagnostic.ts';
import { headerKey } from './header-match.ts';
import type { HeaderMapping } from './mapping.ts';
import { parserFor } from './value-parsers.ts';

/** Column types the models join datasets on: a party's ID or credit code, a case number, a plate. */
const MATCH_TYPES: readonly ColumnType[] = ['id', 'case_no', 'plate'];

/**
 * A dataset's matching columns: its natural-key columns of a matching type and every other column
 * of such a type (the models' join columns are all IDs, case numbers and plates). A row without
 * them still imports, but no model can connect it to anything: such a column must never end
 * unmapped while the file has a header that could be it.
 */
export function matchingColumns(dataset: DatasetDef): ColumnDef[] {
  return dataset.columns.filter((c) => MATCH_TYPES.includes(c.type));
}

/** Words (and system column codes) a header of each matching type contains. */
const HEADER_CUES: Record<string, RegExp> = {
  // Not 号码 or 代码 alone: 手机号码 and 法院代码 are common columns that are no party's ID.
  id: /证件|身份|证照|信用代码|机构代码|统一代码|ZJHM|SFZ|ZJH|XYDM|IDCARD|CARDNUM|IDNO/,
  case_no: /案号|案件号|案件编号|^AH|AH$|CASECODE|CASENO/,
  plate: /车牌|号牌|牌照|HPHM|CPH/,
};

/** Share of a column's sample values that must parse as the type for the column to be a candidate. */
const VALUE_SHARE = 0.5;

function looksLike(type: ColumnType, header: string, values: readonly string[]): boolean {
  const cue = HEADER_CUES[type];
  if (cue?.test(headerKey(header))) return true;
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return false;
  const parse = parserFor(type);
  const parsed = filled.filter((v) => parse(v).ok).length;
  return parsed / filled.length >= VALUE_SHARE;
}

/** A matching column left unmapped, with the file's headers that could be it. */
export interface UnresolvedMatch {
  readonly column: ColumnDef;
  readonly candidates: readonly string[];
}

/**
 * The matching columns no header maps to, each with the candidate headers: headers mapped to no
 * column (and not explicitly set aside by the user's mapping) whose name or sample values fit the
 * column's type.
 */
export function unresolvedMatches(
  mapping: HeaderMapping,
  sample: readonly (readonly string[])[],
  setAside: ReadonlySet<string> = new Set(),
): UnresolvedMatch[] {
  const mapped = new Set(mapping.columns.flatMap((c) => (c ? [c.name] : [])));
  const free = mapping.headers.flatMap((header, i) =>
    header !== '' && !mapping.columns[i] && !setAside.has(headerKey(header))
      ? [{ header, values: sample.map((row) => row[i] ?? '') }]
      : [],
  );
  return matchingColumns(mapping.dataset)
    .filter((c) => !mapped.has(c.name))
    .map((column) => ({
      column,
      candidates: free
        .filter((f) => looksLike(column.type, f.header, f.values))
        .map((f) => f.header),
    }));
}

/**
 * Diagnostics for unresolved matching columns: an error (the batch is refused until the user maps
 * or sets the header aside) when a candidate header exists, a warning when the file has none.
 */
export function unresolvedDiagnostics(
  unresolved: readonly UnresolvedMatch[],
  where: { file: string; sheet?: string; row?: number },
): Diagnostic[] {
  const place = `文件 ${where.file}${where.sheet ? ` 工作表“${where.sheet}”` : ''}`;
  return unresolved.map(({ column, candidates }) => {
    const base = {
      file: where.file,
      ...(where.sheet ? { sheet: where.sheet } : {}),
      ...(where.row !== undefined ? { row: where.row } : {}),
    };
    if (candidates.length === 0) {
      // About the sheet, not a row: no row number (reports list row diagnostics as bad rows).
      return {
        code: 'header.match-missing',
        severity: 'warning' as const,
        message: `${place} 没有“${column.label}”列：这些行不能按${column.label}与其他数据碰撞`,
        file: where.file,
        ...(where.sheet ? { sheet: where.sheet } : {}),
        column: column.label,
      };
    }
    const list = candidates.map((c) => `“${c}”`).join('、');
    const example = JSON.stringify({ columns: { [candidates[0] ?? '']: column.name } });
    return {
      code: 'header.match-unmapped',
      severity: 'error' as const,
      message:
        `${place}：用于碰撞的列“${column.label}”没有对应的表头，表头 ${list} 可能就是这一列，整批未导入。` +
        `请确认映射：命令行用 --mapping 指定（如 ${example}；确认不是这一列时写 null），或在网页导入的表头映射中选择`,
      ...base,
      column: candidates.join('、'),
    };
  });
}

/** Why a sheet's headers refuse the batch: missing required columns, unmapped matching columns. */
export function headerRefusal(
  mapping: HeaderMapping,
  unmapped: readonly UnresolvedMatch[],
): string {
  return [
    ...(mapping.missingRequired.length
      ? [`缺少必需的列：${mapping.missingRequired.map((c) => c.label).join('、')}`]
      : []),
    ...unmapped.map(
      (u) =>
        `用于碰撞的列“${u.column.label}”未映射（候选表头：${u.candidates.join('、')}），请用 --mapping 或网页表头映射确认`,
    ),
  ].join('；');
}
