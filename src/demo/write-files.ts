import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ColumnDef } from '../catalog/column-types.ts';
import { findDataset } from '../catalog/datasets.ts';
import { FILE_LAYOUTS, type FileLayout } from './file-layouts.ts';
import type { Province } from './generate.ts';
import { encodeGbk } from './gbk.ts';
import {
  messyCaseNo,
  messyDate,
  messyDateTime,
  messyId,
  messyMoney,
  messyMonth,
  messyName,
  messyPlate,
} from './messy-values.ts';
import { Rng } from './prng.ts';
import type { Planted, Row } from './world.ts';

export interface WrittenFile {
  readonly dataset: string;
  readonly path: string;
  readonly rows: number;
}

/** The answer file (answers.json): what was planted, and the as-of date the models must run with. */
export interface Answers {
  readonly asOf: string;
  readonly seed: number;
  readonly scale: number;
  readonly planted: readonly Planted[];
}

export interface ProvinceFiles {
  readonly dir: string;
  readonly files: readonly WrittenFile[];
  readonly answersPath: string;
  readonly answers: Answers;
}

type CellOut = string | number | Date | null;

/** One canonical value as the layout spells it; null stays an empty cell. */
function spell(value: string | null, column: ColumnDef, layout: FileLayout, rng: Rng): CellOut {
  if (value === null) return null;
  switch (column.type) {
    case 'date':
      return messyDate(
        value,
        layout.format === 'csv' && layout.dates === 'excel' ? 'iso' : layout.dates,
        rng,
      );
    case 'datetime':
      return messyDateTime(value, rng);
    case 'month':
      return messyMonth(value.slice(0, 7), rng);
    case 'money': {
      const style = layout.format === 'csv' && layout.money === 'number' ? 'plain' : layout.money;
      return messyMoney(value, style, rng);
    }
    case 'id':
      return messyId(value, layout.ids ?? {}, rng);
    case 'plate':
      return layout.dottedPlates ? messyPlate(value, rng) : value;
    case 'case_no':
      return layout.halfWidthCaseNo ? messyCaseNo(value, rng) : value;
    case 'decimal':
      return layout.percent ? `${Math.round(Number(value) * 10000) / 100}%` : value;
    case 'text':
      return layout.traditionalNames?.includes(column.name) ? messyName(value, rng, 0.05) : value;
    case 'int':
      return value;
  }
}

function headerOf(column: ColumnDef, layout: FileLayout): string {
  return layout.template ? column.label : (layout.headers?.[column.name] ?? column.label);
}

function csvField(cell: CellOut): string {
  if (cell === null) return '';
  const s = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function writeCsv(path: string, layout: FileLayout, header: string[], body: CellOut[][]): void {
  const lines = [header.map(csvField).join(','), ...body.map((r) => r.map(csvField).join(','))];
  const text = `${lines.join('\r\n')}\r\n`;
  if (layout.encoding === 'gbk') writeFileSync(path, encodeGbk(text));
  else writeFileSync(path, layout.encoding === 'utf-8-bom' ? `\ufeff${text}` : text, 'utf8');
}

/** Fixed document dates keep the workbook's content independent of the clock. */
const WORKBOOK_DATE = new Date('2026-06-30T00:00:00Z');

async function writeXlsx(
  path: string,
  layout: FileLayout,
  columns: readonly ColumnDef[],
  header: string[],
  body: CellOut[][],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  workbook.creator = 'zhijian demo';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const sheet = workbook.addWorksheet(layout.sheet ?? 'Sheet1');
  if (layout.title) {
    const titleRow = sheet.addRow([layout.title]);
    sheet.mergeCells(1, 1, 1, header.length);
    titleRow.commit();
  }
  sheet.addRow(header).commit();
  if (layout.template) sheet.addRow(columns.map((c) => c.description)).commit();
  for (const values of body) {
    const row = sheet.addRow(values);
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy/m/d';
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * Writes every dataset of the province as the file its layout describes, plus answers.json.
 * Deterministic for the province's seed: the same province gives the same CSV bytes and the same
 * workbook cells.
 */
export async function writeProvinceFiles(
  province: Province,
  outDir: string,
): Promise<ProvinceFiles> {
  mkdirSync(outDir, { recursive: true });
  const files: WrittenFile[] = [];
  const base = new Rng(province.seed ^ 0x5eed);
  for (const layout of FILE_LAYOUTS) {
    const rows: readonly Row[] = province.tables[layout.dataset] ?? [];
    const rng = base.fork(layout.dataset);
    if (rows.length === 0) continue;
    const dataset = findDataset(layout.dataset);
    if (!dataset) throw new Error(`demo: unknown dataset ${layout.dataset}`);
    const columns = dataset.columns.filter((c) => !layout.omit?.includes(c.name));
    const header = columns.map((c) => headerOf(c, layout));
    const body = rows.map((row) => columns.map((c) => spell(row[c.name] ?? null, c, layout, rng)));
    const path = join(outDir, layout.file);
    if (layout.format === 'csv') writeCsv(path, layout, header, body);
    else await writeXlsx(path, layout, columns, header, body);
    files.push({ dataset: layout.dataset, path, rows: rows.length });
  }
  const answers: Answers = {
    asOf: province.asOf,
    seed: province.seed,
    scale: province.scale,
    planted: province.planted,
  };
  const answersPath = join(outDir, 'answers.json');
  writeFileSync(answersPath, `${JSON.stringify(answers, null, 2)}\n`, 'utf8');
  return { dir: outDir, files, answersPath, answers };
}
