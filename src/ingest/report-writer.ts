import ExcelJS from 'exceljs';
import type { Diagnostic } from '../domain/diagnostic.ts';
import type { ReasonCount } from './diagnostic-collector.ts';

/** One sheet's outcome, as the summary sheet lists it. */
export interface ReportBatchLine {
  readonly file: string;
  readonly sheet: string | null;
  readonly dataset: string;
  readonly status: string;
  readonly rowsRead: number;
  readonly imported: number;
  readonly rejected: number;
  readonly badRows: number;
  readonly message?: string;
}

export interface ReportInput {
  readonly batches: readonly ReportBatchLine[];
  readonly reasons: readonly ReasonCount[];
  readonly listed: readonly Diagnostic[];
  readonly unlisted: number;
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};

const SEVERITY = { error: '错误', warning: '提醒' } as const;

/**
 * Writes the 校验报告 workbook with ExcelJS's streaming writer (memory flat in the number of listed
 * cells): 汇总 (each batch, then each reason with its count) and 问题明细 (every listed bad cell).
 * Values are written as text cells, so a `=HYPERLINK(…)` in the data never becomes a formula.
 */
export async function writeReport(path: string, input: ReportInput): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const summary = workbook.addWorksheet('汇总');
  summary.columns = [
    { width: 36 },
    { width: 18 },
    { width: 20 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 60 },
  ];
  const head = (sheet: ExcelJS.Worksheet, values: string[]): void => {
    const row = sheet.addRow(values);
    row.font = { bold: true };
    row.eachCell((cell) => (cell.fill = HEADER_FILL));
    row.commit();
  };
  head(summary, [
    '文件',
    '工作表',
    '数据集',
    '结果',
    '读取行数',
    '导入行数',
    '拒绝行数',
    '问题行数',
    '说明',
  ]);
  for (const b of input.batches) {
    summary
      .addRow([
        b.file,
        b.sheet ?? '',
        b.dataset,
        b.status,
        b.rowsRead,
        b.imported,
        b.rejected,
        b.badRows,
        b.message ?? '',
      ])
      .commit();
  }
  summary.addRow([]).commit();
  head(summary, ['问题原因', '严重程度', '列', '次数', '代码']);
  for (const r of input.reasons) {
    summary.addRow([r.message, SEVERITY[r.severity], r.column ?? '', r.count, r.code]).commit();
  }
  if (input.unlisted > 0) {
    summary.addRow([]).commit();
    summary
      .addRow([`另有 ${input.unlisted} 条问题超出明细上限未逐条列出，已计入上方次数`])
      .commit();
  }
  summary.commit();

  const detail = workbook.addWorksheet('问题明细');
  detail.columns = [
    { width: 30 },
    { width: 14 },
    { width: 8 },
    { width: 18 },
    { width: 28 },
    { width: 8 },
    { width: 60 },
  ];
  head(detail, ['文件', '工作表', '行号', '列', '值', '严重程度', '原因']);
  for (const d of input.listed) {
    detail
      .addRow([
        d.file ?? '',
        d.sheet ?? '',
        d.row ?? '',
        d.column ?? '',
        d.value ?? '',
        SEVERITY[d.severity],
        d.message,
      ])
      .commit();
  }
  detail.commit();
  await workbook.commit();
}
