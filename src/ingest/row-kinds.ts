import type { ColumnDef } from '../catalog/column-types.ts';
import { cellText, type RawRow } from './cell.ts';
import { headerKey } from './header-match.ts';
import type { DiagnosticSink } from './row-validator.ts';
import { parserFor } from './value-parsers.ts';

/*
 * Rows of a sheet that are not data: a description row under the header (what each column means)
 * and footer rows (totals, who made the table, when it was printed). Pure.
 */

/** Phrases of cells that explain a column rather than hold a value. */
const EXPLAINS =
  /^(?:填写|请填|请输入|请选择|应填|须填|必填|选填|可选|可为空|非必填|格式|示例|例如|例：|例:|如：|如:|说明|注：|注:|单位[：:]|取值|枚举|yyyy|YYYY)|必填|选填|格式[为：:]|如[：:（(]|例如|示例|填写|多个以|多个用|为空|可不填|单位[：:为]|（元）|\(元\)|YYYY|yyyy|年-月-日|号码或|或统一|\/ /;

/** Cells a description row may hold in a column of this header: restating, or explaining it. */
function describes(cell: string, header: string, column: ColumnDef | undefined): boolean {
  const key = headerKey(cell);
  const names = [header, ...(column ? [column.label, ...column.synonyms] : [])]
    .map((h) => headerKey(h))
    .filter((h) => h.length >= 2);
  if (names.some((h) => key.includes(h))) return true;
  return EXPLAINS.test(cell);
}

/**
 * True when a row right under the header describes the columns instead of holding data (the
 * second header row of a template, ours or anyone's): no cell parses as its typed column's value,
 * and most filled cells restate their header or explain it (必填, 格式, 如：…, 多个以、分隔).
 */
export function isDescriptionRow(
  cells: readonly string[],
  columns: readonly (ColumnDef | undefined)[],
  headers: readonly string[] = [],
): boolean {
  let filled = 0;
  let described = 0;
  for (const [i, raw] of cells.entries()) {
    const cell = raw.trim();
    if (cell === '') continue;
    filled += 1;
    const column = columns[i];
    if (column && cell === column.description) {
      described += 1;
      continue;
    }
    // A value of the column's type is data, whatever it says elsewhere in the row.
    if (column && column.type !== 'text' && parserFor(column.type, headers[i] ?? '')(cell).ok) {
      return false;
    }
    if (describes(cell, headers[i] ?? '', column)) described += 1;
  }
  return filled > 0 && described * 2 >= filled;
}

/** Words a footer row starts with: totals, signatures, print and cut-off dates. */
const FOOTER =
  /^(?:合计|总计|小计|共计|累计|总数|制表人|制表单位|制表日期|制表时间|制表|填表人|填报人|填报单位|填报日期|填报时间|审核人|审核|复核人|负责人|统计人|统计时间|统计日期|打印时间|打印日期|打印人|导出时间|导出日期|导出人|数据截至|数据截止|截至|截止|数据来源|备注[:：]|注[:：])/;

/**
 * A loose SQL pre-test of the same rule for the CSV fast path: a first cell that may start a footer
 * word (its rows then take the JS rule above; sending more rows there is always safe).
 */
export const FOOTER_START_SQL = '^[\\s\u3000]*(合|总|小|共|累|制|填|审|复|负|统|打|导|数|截|备|注)';

/**
 * True when a row is a footer: its first filled cell starts with a footer word (`合计`, `制表人：…`,
 * `打印时间：…`), and no matching column (ID, case number, plate) holds a valid value — a row with a
 * real case number is data, even if its first cell says 合计.
 */
export function isFooterRow(
  cells: readonly string[],
  columns: readonly (ColumnDef | undefined)[],
): boolean {
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined || !FOOTER.test(first.replace(/[\s\u3000]/g, ''))) return false;
  return !cells.some((raw, i) => {
    const column = columns[i];
    const cell = raw.trim();
    if (!column || cell === '') return false;
    if (column.type !== 'id' && column.type !== 'case_no' && column.type !== 'plate') return false;
    return parserFor(column.type)(cell).ok;
  });
}

/** Tests a sheet's rows for footers, counting them and reporting them (a warning, not an error). */
export class FooterCounter {
  count = 0;
  constructor(
    private readonly columns: readonly (ColumnDef | undefined)[],
    private readonly where: { file: string; sheet?: string },
    private readonly sink: DiagnosticSink,
  ) {}

  test(raw: RawRow): boolean {
    if (
      !isFooterRow(
        raw.cells.map((c) => cellText(c)),
        this.columns,
      )
    )
      return false;
    this.count += 1;
    this.sink.count({
      code: 'row.footer',
      severity: 'warning',
      message: '表尾行（合计、制表人、打印时间等）不是数据，未导入',
      ...this.where,
      row: raw.row,
    });
    return true;
  }
}
