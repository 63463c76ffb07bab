import { basename } from 'node:path';
import type { ColumnType } from '../catalog/column-types.ts';
import { isUserError } from '../domain/app-error.ts';
import { maskId } from '../domain/mask.ts';
import { cellText } from './cell.ts';
import type { MappingOverride } from './mapping.ts';
import { PREVIEW_CELL_CHARS, PREVIEW_PREFIX_BYTES } from './read-limits.ts';
import { planSheet, type MappingLookup } from './sheet-plan.ts';
import { openTable } from './table-reader.ts';

/** Sample rows a preview returns at most, and columns per sample row (the mapping lists them all). */
export const PREVIEW_ROWS = 10;
export const PREVIEW_SAMPLE_COLUMNS = 50;

/** A text cut to the preview's cell length (a preview shows a value, it does not carry it). */
function cap(text: string): string {
  return text.length > PREVIEW_CELL_CHARS ? `${text.slice(0, PREVIEW_CELL_CHARS)}…` : text;
}

export interface SheetPreview {
  readonly sheet: string | null;
  readonly dataset: string | null;
  readonly datasetLabel: string | null;
  readonly datasetConfidence: number;
  readonly candidates: readonly { dataset: string; label: string; score: number }[];
  readonly mappingFrom: 'override' | 'remembered' | 'detected';
  readonly headerRow: number;
  readonly templateForm: boolean;
  /** Per header: the column it maps to (null = kept as an extra attribute). */
  readonly mapping: readonly {
    header: string;
    column: string | null;
    label: string | null;
    confidence: number;
  }[];
  readonly missingRequired: readonly string[];
  readonly unmapped: readonly string[];
  readonly duplicates: readonly string[];
  /** First rows, header → cell text as in the file (ID columns masked). */
  readonly sampleRows: readonly Record<string, string | null>[];
  readonly rowCount: number | null;
}

export interface FilePreview {
  readonly fileName: string;
  readonly format?: string;
  readonly encoding?: string;
  readonly sheets: SheetPreview[];
  /** Problems that stop the file (Chinese). */
  readonly problems: string[];
}

/**
 * What the importer would do with a file, without importing: per sheet the detected dataset with
 * its score and alternatives, the header mapping and the first rows, so a user can confirm or
 * correct the mapping (web UI) before `importFiles`. Reads a bounded prefix of a CSV (and a
 * workbook's first rows); the answer stays small: at most PREVIEW_ROWS rows of PREVIEW_SAMPLE_COLUMNS
 * cells, texts cut to PREVIEW_CELL_CHARS. The web API runs it off the request thread
 * (`preview-worker.ts`); `lookup` finds remembered mappings (the store's, injected).
 */
export async function previewFile(
  path: string,
  options: {
    dataset?: string;
    mapping?: MappingOverride;
    lookup?: MappingLookup;
    sampleRows?: number;
  } = {},
): Promise<FilePreview> {
  const fileName = basename(path);
  const sheets: SheetPreview[] = [];
  try {
    const table = await openTable(path, { maxBytes: PREVIEW_PREFIX_BYTES });
    for await (const source of table.sheets) {
      const plan = await planSheet(source, fileName, {
        ...(options.dataset ? { dataset: options.dataset } : {}),
        ...(options.mapping ? { mapping: options.mapping } : {}),
        ...(options.lookup ? { lookup: options.lookup } : {}),
      });
      await plan.close();
      if (plan.headerRow === undefined) continue;
      const types: (ColumnType | undefined)[] = plan.mapping?.columns.map((c) => c?.type) ?? [];
      const score = plan.dataset
        ? (plan.ranking.find((r) => r.dataset === plan.dataset?.name)?.score ?? 0)
        : 0;
      sheets.push({
        sheet: plan.sheet,
        dataset: plan.dataset?.name ?? null,
        datasetLabel: plan.dataset?.label ?? null,
        datasetConfidence: plan.mappingFrom === 'detected' ? score : 1,
        candidates: plan.ranking
          .slice(0, 5)
          .map((r) => ({ dataset: r.dataset, label: r.label, score: r.score })),
        mappingFrom: plan.mappingFrom,
        headerRow: plan.headerRow,
        templateForm: plan.templateForm,
        mapping: plan.headers.map((header, i) => {
          const column = plan.mapping?.columns[i];
          return {
            header: cap(header),
            column: column?.name ?? null,
            label: column?.label ?? null,
            confidence: column ? (plan.mappingFrom === 'detected' ? 0.9 : 1) : 0,
          };
        }),
        missingRequired: plan.mapping?.missingRequired.map((c) => c.label) ?? [],
        unmapped: (plan.mapping?.unmapped ?? []).map(cap),
        duplicates: (plan.mapping?.duplicates ?? []).map(cap),
        sampleRows: plan.sample
          .slice(0, Math.min(options.sampleRows ?? PREVIEW_ROWS, PREVIEW_ROWS))
          .map((row) => {
            const record: Record<string, string | null> = {};
            plan.headers.slice(0, PREVIEW_SAMPLE_COLUMNS).forEach((header, i) => {
              const text = cellText(row.cells[i]).trim();
              const key = cap(header) || `第${i + 1}列`;
              if (key in record) return;
              // Masked before it is cut: the mask needs the whole number.
              record[key] = text === '' ? null : cap(types[i] === 'id' ? maskId(text) : text);
            });
            return record;
          }),
        rowCount: null,
      });
    }
    return {
      fileName,
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding } : {}),
      sheets,
      problems: sheets.length ? [] : [`文件 ${fileName} 没有数据`],
    };
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { fileName, sheets, problems: [error.message] };
  }
}
