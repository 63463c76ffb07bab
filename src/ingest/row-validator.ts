import type { ColumnDef } from '../catalog/column-types.ts';
import { mapActType } from '../domain/act-vocabulary.ts';
import type { Diagnostic, Severity } from '../domain/diagnostic.ts';
import { maskId } from '../domain/mask.ts';
import { cellText, isBlank, numberText, type Cell, type RawRow } from './cell.ts';
import type { HeaderMapping } from './mapping.ts';
import { memoize, parserFor, type CellParser, type CellValue } from './value-parsers.ts';

/** Where diagnostics go: listed one by one, or only counted (a warning that would repeat per row). */
export interface DiagnosticSink {
  add(diagnostic: Diagnostic): void;
  /** Counts an occurrence; lists it only the first time for this code and column. */
  count(diagnostic: Diagnostic): void;
}

export interface ValidatedRow {
  readonly row: number;
  readonly values: Record<string, string | null>;
  readonly extra: Record<string, string> | null;
  /** Error diagnostics in this row (0 = the row can be imported). */
  readonly errors: number;
}

interface Slot {
  readonly index: number;
  readonly column: ColumnDef;
  readonly header: string;
  readonly parse: CellParser;
}

/** A cell Excel would take for a formula: `=`, `+`, `@`, or `-` not starting a number. */
function isFormulaLike(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 61 || c === 43 || c === 64) return true;
  if (c !== 45) return false;
  const d = text.charCodeAt(1);
  return !(d >= 48 && d <= 57) && d !== 46;
}

/** Shown in the report instead of the raw value: IDs masked, long values cut. */
function shown(column: ColumnDef, text: string): string {
  const t = text.length > 100 ? `${text.slice(0, 100)}…` : text;
  return column.type === 'id' ? maskId(t.replace(/\s/g, '')) : t;
}

/** What a (trimmed, non-blank) cell becomes: its stored value and the warnings it raises. */
type CellOutcome =
  | {
      ok: true;
      value: string;
      kind: CellValue['kind'];
      warnings: readonly { code: string; message: string }[];
    }
  | {
      ok: false;
      code: string;
      message: string;
      warnings: readonly { code: string; message: string }[];
    };

const NO_WARNINGS: readonly { code: string; message: string }[] = [];

/**
 * One cell through its column's primitive: the single definition of what a cell is stored as and
 * what it reports, for the row validator and for the CSV fast path's per-value decisions.
 */
function checkText(slot: Slot, text: string, fromNumber: boolean): CellOutcome {
  // Allocated only when a cell warns: this runs for every cell of every row.
  let warnings: { code: string; message: string }[] | undefined;
  if (!fromNumber && slot.column.type === 'text' && isFormulaLike(text)) {
    (warnings ??= []).push({
      code: 'cell.formula-text',
      message: `“${slot.header}”中有以 = + - @ 开头的内容，按普通文本保存，不作为公式执行`,
    });
  }
  const parsed = slot.parse(text);
  if (!parsed.ok) {
    const { code, message } = parsed.error;
    return { ok: false, code, message, warnings: warnings ?? NO_WARNINGS };
  }
  const v = parsed.value;
  for (const w of parsed.warnings) (warnings ??= []).push({ code: w.code, message: w.message });
  if (v.masked) {
    (warnings ??= []).push({
      code: 'id.masked',
      message: `“${slot.header}”含遮蔽的证件号码（如 330102********1234）：照原样保存并标记为遮蔽，匹配时只结合姓名和可见位、置信度较低`,
    });
  }
  if (v.from15) {
    (warnings ??= []).push({
      code: 'id.from15',
      message: `“${slot.header}”含旧式 15 位身份证号码，已转换为 18 位`,
    });
  }
  return { ok: true, value: v.value, kind: v.kind, warnings: warnings ?? NO_WARNINGS };
}

function slotsOf(mapping: HeaderMapping): Slot[] {
  const slots: Slot[] = [];
  mapping.columns.forEach((column, index) => {
    const header = mapping.headers[index] ?? '';
    if (column)
      slots.push({ index, column, header, parse: memoize(parserFor(column.type, header)) });
  });
  return slots;
}

/**
 * For the CSV fast path: what a text cell of column `index` is stored as when that is all the row
 * validator would do with it — `null` for a blank optional cell, the canonical value for a cell
 * that parses without an error or a warning — or `undefined` when the cell must go through the
 * row validator (its diagnostics carry the row number). Pure.
 */
export function createCellCanonicalizer(
  mapping: HeaderMapping,
): (index: number, text: string) => string | null | undefined {
  const byIndex = new Map(slotsOf(mapping).map((slot) => [slot.index, slot]));
  return (index, text) => {
    const slot = byIndex.get(index);
    if (!slot) return undefined;
    const trimmed = text.trim();
    if (trimmed === '') return slot.column.required ? undefined : null;
    const outcome = checkText(slot, trimmed, false);
    return outcome.ok && outcome.warnings.length === 0 ? outcome.value : undefined;
  };
}

/**
 * Builds the per-row validator of one sheet: every mapped cell parsed with the domain primitive of
 * its column type, each bad value a diagnostic (file, sheet, row, header as in the file, masked
 * value, Chinese reason). Pure: no I/O; `sink` collects.
 */
export function createRowValidator(
  mapping: HeaderMapping,
  where: { file: string; sheet?: string | null },
  sink: DiagnosticSink,
): (raw: RawRow) => ValidatedRow | undefined {
  const slots = slotsOf(mapping);
  const extras: { index: number; key: string }[] = [];
  mapping.columns.forEach((column, index) => {
    const key = column ? undefined : mapping.extraKeys[index];
    if (key) extras.push({ index, key });
  });
  const width = mapping.headers.length;
  const dataset = mapping.dataset.name;
  const base = {
    file: where.file,
    ...(where.sheet ? { sheet: where.sheet } : {}),
  };
  const diag = (
    severity: Severity,
    code: string,
    message: string,
    row: number,
    slot: Slot,
    text?: string,
  ): Diagnostic => ({
    code,
    severity,
    message,
    ...base,
    row,
    column: slot.header,
    ...(text !== undefined ? { value: shown(slot.column, text) } : {}),
  });

  return (raw) => {
    const cells = raw.cells;
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      if (!isBlank(cells[i])) {
        blank = false;
        break;
      }
    }
    if (blank) return undefined;

    const values: Record<string, string | null> = {};
    let partyKind: CellValue['kind'];
    let errors = 0;
    for (const slot of slots) {
      const cell: Cell | undefined = cells[slot.index];
      if (isBlank(cell)) {
        values[slot.column.name] = null;
        if (slot.column.required) {
          errors += 1;
          sink.add(
            diag('error', 'value.required', `必填的“${slot.column.label}”为空`, raw.row, slot),
          );
        }
        continue;
      }
      let text: string;
      if (typeof cell === 'number') {
        const type = slot.column.type;
        text = type === 'money' ? numberText(Math.round(cell * 100) / 100) : numberText(cell);
        // IDs, case numbers, plates, and long digit strings in text columns (accounts) lose digits
        // beyond 15 when Excel keeps them as numbers.
        if (
          type === 'id' ||
          type === 'case_no' ||
          type === 'plate' ||
          (type === 'text' && Math.abs(cell) >= 1e15)
        ) {
          sink.count(
            diag(
              'warning',
              'cell.stored-as-number',
              `Excel 把“${slot.header}”存成了数字而非文本；超过 15 位的号码可能已丢失精度（请把该列设为文本格式）`,
              raw.row,
              slot,
              text,
            ),
          );
        }
      } else {
        text = (cell as string).trim();
      }
      const outcome = checkText(slot, text, typeof cell === 'number');
      for (const w of outcome.warnings) {
        sink.count(diag('warning', w.code, w.message, raw.row, slot, text));
      }
      if (!outcome.ok) {
        errors += 1;
        values[slot.column.name] = null;
        sink.add(diag('error', outcome.code, outcome.message, raw.row, slot, text));
        continue;
      }
      values[slot.column.name] = outcome.value;
      if (outcome.kind && slot.column.name === 'party_id') partyKind = outcome.kind;
    }

    let extra: Record<string, string> | null = null;
    for (const { index, key } of extras) {
      const cell = cells[index];
      if (!isBlank(cell)) (extra ??= {})[key] = cellText(cell);
    }
    for (let i = width; i < cells.length; i++) {
      if (!isBlank(cells[i])) (extra ??= {})[`第${i + 1}列`] = cellText(cells[i]);
    }

    if (dataset === 'case_actions') {
      const wording = values.action_type;
      if (wording) {
        const act = mapActType(wording);
        values.action_wording ??= wording;
        if (act) values.action_type = act;
        else {
          const slot = slots.find((s) => s.column.name === 'action_type');
          if (slot) {
            sink.count(
              diag(
                'warning',
                'action.unknown',
                `措施类型“${wording}”不在标准措施词表中，按原文保存`,
                raw.row,
                slot,
                wording,
              ),
            );
          }
        }
      }
    } else if (dataset === 'case_parties' && !values.party_type) {
      // An organisation's code does not tell 法人 from 非法人组织; 法人 is by far the common case.
      if (partyKind) values.party_type = partyKind === 'person' ? '自然人' : '法人';
    }
    return { row: raw.row, values, extra, errors };
  };
}
