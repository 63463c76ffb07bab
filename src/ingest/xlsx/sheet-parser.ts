import type { SaxesTagPlain } from 'saxes';
import type { Cell, RawRow } from '../cell.ts';
import { excelDateText, serialDateText } from './excel-date.ts';
import { createSaxParser, localName, type WorkbookParts } from './workbook-parts.ts';

const NONE = 0;
const VALUE = 1;
const INLINE = 2;

/** `C5` → 3 (1-based); 0 when the reference has no column letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return col;
}

/** Cell types (`t`), as small integers so the scanner need not slice the attribute. */
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_BOOLEAN = 4;
export const T_ERROR = 5;
export const T_DATE = 6;

/** `t` → type code; an unknown type reads as a number, as ExcelJS did. */
export function cellType(t: string): number {
  switch (t) {
    case 's':
      return T_SHARED;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'b':
      return T_BOOLEAN;
    case 'e':
      return T_ERROR;
    case 'd':
      return T_DATE;
    default:
      return T_NUMBER;
  }
}

/**
 * A cell's value as ExcelJS gave it: shared/inline/formula strings as text, booleans TRUE/FALSE,
 * errors their text, formulas their cached value, numbers as numbers unless their style is a
 * date format (then date text). `value` is `<v>`'s text, `inline` the `<is>` text (undefined: absent).
 */
export function cellValue(
  book: WorkbookParts,
  type: number,
  style: number,
  value: string | undefined,
  inline: string | undefined,
): Cell {
  switch (type) {
    case T_SHARED:
      return value === undefined ? null : (book.sharedStrings[Number(value)] ?? null);
    case T_INLINE:
      return inline ?? value ?? null;
    case T_STR:
    case T_ERROR:
      return value ?? null;
    case T_BOOLEAN:
      return value === undefined ? null : Number(value) !== 0 ? 'TRUE' : 'FALSE';
    case T_DATE:
      return value === undefined ? null : isoCellText(value);
    default: {
      if (value === undefined) return null;
      const n = parseFloat(value);
      if (Number.isNaN(n)) return null;
      return (book.dateStyles[style] && serialDateText(n, book.date1904)) || n;
    }
  }
}

/** `t="d"`: an ISO 8601 date(-time) stored as text; read as UTC like every other date. */
function isoCellText(value: string): Cell {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? value : excelDateText(new Date(time));
}

/**
 * A worksheet's `<sheetData>` → rows, fed with text as it is inflated. Only the cell structure is
 * interpreted (`<row r>`, `<c r t s>`, `<v>`, `<is>`/`<t>`); the XML itself is saxes' business.
 * Values as ExcelJS gave them: shared/inline/formula strings as text, rich text runs joined,
 * booleans TRUE/FALSE, errors their text, formulas their cached value, numbers as numbers unless
 * their style is a date format (then date text).
 */
export class SheetParser {
  private readonly parser = createSaxParser();
  private rows: RawRow[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: Cell[] | null = null;
  private column = 0;
  private inCell = false;
  private type = '';
  private style = 0;
  private capture = NONE;
  private phonetic = 0;
  private value = '';
  private hasValue = false;
  private inline = '';
  private hasInline = false;
  /** Some writers (the .NET Open XML SDK) prefix every element (`<x:c>`): seen on the root. */
  private prefixed = false;
  private rootSeen = false;

  constructor(private readonly book: WorkbookParts) {
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(this.prefixed ? localName(tag.name) : tag.name));
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
  }

  write(text: string): void {
    this.parser.write(text);
  }

  /**
   * Takes over from the row scanner at a row boundary: the rest of the part is parsed as if inside
   * `<worksheet><sheetData>` (its closing tags follow), row numbers going on from `lastRow`.
   */
  resume(lastRow: number): void {
    this.parser.write('<worksheet><sheetData>');
    this.rowNumber = lastRow;
  }

  /** Ends the document; saxes throws when it was cut short (a truncated or corrupt part). */
  end(): void {
    this.parser.close();
  }

  /** Rows completed so far (the caller takes them). */
  get pending(): number {
    return this.rows.length;
  }

  takeRows(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  private open(tag: SaxesTagPlain): void {
    if (!this.rootSeen) {
      this.rootSeen = true;
      this.prefixed = tag.name.includes(':');
    }
    switch (this.prefixed ? localName(tag.name) : tag.name) {
      case 'c':
        if (this.cells) {
          const ref = tag.attributes.r;
          const column = ref ? columnOf(ref) : 0;
          this.column = column > 0 ? column : this.column + 1;
          this.type = tag.attributes.t ?? 'n';
          const s = tag.attributes.s;
          this.style = s ? Number(s) : 0;
          this.inCell = true;
          this.hasValue = false;
          this.hasInline = false;
          this.value = '';
          this.inline = '';
        }
        break;
      case 'v':
        if (this.inCell) {
          this.capture = VALUE;
          this.hasValue = true;
        }
        break;
      case 'is':
        if (this.inCell) this.hasInline = true;
        break;
      case 't':
        if (this.inCell && this.phonetic === 0) this.capture = INLINE;
        break;
      case 'rPh':
        this.phonetic += 1;
        break;
      case 'row':
        if (this.inSheetData) {
          const r = Number(tag.attributes.r);
          this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
          this.cells = [];
          this.column = 0;
        }
        break;
      case 'sheetData':
        this.inSheetData = true;
        break;
      default:
        break;
    }
  }

  private text(text: string): void {
    if (this.capture === VALUE) this.value += text;
    else if (this.capture === INLINE) this.inline += text;
  }

  private close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capture = NONE;
        break;
      case 'c':
        if (this.inCell) {
          this.inCell = false;
          const cell = this.cellValue();
          if (cell !== null && this.cells) {
            const cells = this.cells;
            const index = this.column - 1;
            if (index >= cells.length) {
              while (cells.length < index) cells.push(null);
              cells.push(cell);
            } else cells[index] = cell;
          }
        }
        break;
      case 'row':
        if (this.cells) {
          this.rows.push({ row: this.rowNumber, cells: this.cells });
          this.cells = null;
        }
        break;
      case 'rPh':
        this.phonetic -= 1;
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
      default:
        break;
    }
  }

  private cellValue(): Cell {
    return cellValue(
      this.book,
      cellType(this.type),
      this.style,
      this.hasValue ? this.value : undefined,
      this.hasInline ? this.inline : undefined,
    );
  }
}
