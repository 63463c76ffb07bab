import type { Cell, RawRow } from '../cell.ts';
import {
  cellValue,
  SheetParser,
  T_BOOLEAN,
  T_DATE,
  T_ERROR,
  T_INLINE,
  T_NUMBER,
  T_SHARED,
  T_STR,
} from './sheet-parser.ts';
import type { WorkbookParts } from './workbook-parts.ts';

/** Scan results besides a position. */
const MORE = -1;
const IRREGULAR = -2;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/**
 * XML text → its characters: the five named entities, character references, line ends
 * normalised (XML 1.0 §2.11). undefined for anything else (saxes then reads the row and reports).
 */
function decodeText(raw: string): string | undefined {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  if (text.replace(ENTITY, '').includes('&')) return undefined;
  let bad = false;
  const decoded = text.replace(ENTITY, (_match, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name] ?? '';
    const code = hex ? parseInt(hex, 16) : Number(dec);
    if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    bad = true;
    return '';
  });
  return bad ? undefined : decoded;
}

/**
 * The worksheet's regular part read without a general XML parser: between `<sheetData>` and
 * `</sheetData>`, rows of `<c r t s>` holding `<v>`, `<f>` and `<is><t>` (what Excel, WPS and
 * ExcelJS write), found with indexOf. At the first row outside that shape (rich inline text,
 * comments, CDATA, prefixed names …) the rest of the part goes to saxes ({@link SheetParser}),
 * from that row's start. Measured on the 200,000-row benchmark ledger (13 text cells a row), whole
 * read: 1.6 s against 3.3 s with saxes for every row (ExcelJS: 5.6 s).
 */
export class RowScanner {
  private buffer = '';
  private rows: RawRow[] = [];
  private phase: 'head' | 'rows' | 'tail' = 'head';
  private fallback: SheetParser | undefined;
  private rowNumber = 0;
  // Attributes of the tag just scanned.
  private attrR = -1;
  private attrREnd = -1;
  private attrT = T_NUMBER;
  private attrS = 0;
  private selfClosing = false;

  constructor(private readonly book: WorkbookParts) {}

  /** True once saxes reads the rest of the part (tests check the scanner kept what it could). */
  get delegated(): boolean {
    return this.fallback !== undefined;
  }

  get pending(): number {
    return this.rows.length + (this.fallback?.pending ?? 0);
  }

  takeRows(): RawRow[] {
    const rows = this.rows;
    this.rows = [];
    if (!this.fallback) return rows;
    const more = this.fallback.takeRows();
    return rows.length ? rows.concat(more) : more;
  }

  write(text: string): void {
    if (this.fallback) {
      this.fallback.write(text);
      return;
    }
    this.buffer = this.buffer ? this.buffer + text : text;
    if (this.phase === 'head') this.scanHead();
    if (this.phase === 'rows') this.scanRows();
    if (this.phase === 'tail') this.buffer = '';
  }

  end(): void {
    if (this.fallback) this.fallback.end();
    else if (this.phase !== 'tail') this.toFallback(0).end();
  }

  private toFallback(from: number): SheetParser {
    const parser = new SheetParser(this.book);
    if (this.phase === 'rows') parser.resume(this.rowNumber);
    parser.write(this.buffer.slice(from));
    this.buffer = '';
    this.fallback = parser;
    return parser;
  }

  /** Up to `<sheetData>`; a prefixed root (`<x:worksheet>`) goes to saxes at once. */
  private scanHead(): void {
    const buf = this.buffer;
    const start = buf.indexOf('<sheetData');
    if (start < 0) {
      if (/<[A-Za-z_][\w.-]*:worksheet\b/.test(buf) || buf.length > 1 << 20) this.toFallback(0);
      return;
    }
    const close = buf.indexOf('>', start);
    if (close < 0) return;
    const after = buf.charCodeAt(start + 10);
    if (/<[A-Za-z_][\w.-]*:worksheet\b|<!\[CDATA\[|<!--/.test(buf.slice(0, start))) {
      this.toFallback(0);
    } else if (buf.charCodeAt(close - 1) === SLASH) {
      this.phase = 'tail';
    } else if (after === GT || isSpace(after)) {
      this.phase = 'rows';
      this.buffer = buf.slice(close + 1);
    } else this.toFallback(0);
  }

  private scanRows(): void {
    const buf = this.buffer;
    const length = buf.length;
    let pos = 0;
    for (;;) {
      while (pos < length && isSpace(buf.charCodeAt(pos))) pos++;
      // A tag name cut by the chunk boundary: wait (at the end, saxes reads what is left).
      if (length - pos < 16) break;
      if (buf.startsWith('<row', pos)) {
        const next = this.scanRow(buf, pos);
        if (next === MORE) {
          // No `</row>` within 1 MB: not a shape worth buffering for.
          if (length - pos > 1 << 20) {
            this.toFallback(pos);
            return;
          }
          break;
        }
        if (next === IRREGULAR) {
          this.toFallback(pos);
          return;
        }
        pos = next;
      } else if (buf.startsWith('</sheetData>', pos)) {
        this.phase = 'tail';
        return;
      } else {
        this.toFallback(pos);
        return;
      }
    }
    this.buffer = pos >= length ? '' : buf.slice(pos);
  }

  /**
   * Scans a tag's attributes from `i` (just after its name) to its `>`; keeps `r`, `t` and `s`.
   * Returns the index after `>`. `keep` false: the values are not looked at (`<f>`, `<t>`).
   */
  private scanAttributes(buf: string, i: number, end: number, keep = true): number {
    this.attrR = -1;
    this.attrT = T_NUMBER;
    this.attrS = 0;
    this.selfClosing = false;
    for (;;) {
      while (i < end && isSpace(buf.charCodeAt(i))) i++;
      if (i >= end) return MORE;
      const code = buf.charCodeAt(i);
      if (code === GT) return i + 1;
      if (code === SLASH) {
        if (i + 1 >= end) return MORE;
        if (buf.charCodeAt(i + 1) !== GT) return IRREGULAR;
        this.selfClosing = true;
        return i + 2;
      }
      const eq = buf.indexOf('=', i);
      if (eq < 0 || eq >= end) return MORE;
      let nameEnd = eq;
      while (nameEnd > i && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
      let q = eq + 1;
      while (q < end && isSpace(buf.charCodeAt(q))) q++;
      if (q >= end) return MORE;
      const quote = buf.charCodeAt(q);
      if (quote !== QUOTE && quote !== APOS) return IRREGULAR;
      const close = buf.indexOf(quote === QUOTE ? '"' : "'", q + 1);
      if (close < 0 || close >= end) return MORE;
      if (keep && nameEnd - i === 1) {
        const name = buf.charCodeAt(i);
        if (name === 114 /* r */) {
          this.attrR = q + 1;
          this.attrREnd = close;
        } else if (name === 116 /* t */) {
          const t = typeCode(buf, q + 1, close);
          if (t < 0) return IRREGULAR;
          this.attrT = t;
        } else if (name === 115 /* s */) {
          const s = Number(buf.slice(q + 1, close));
          if (!Number.isInteger(s) || s < 0) return IRREGULAR;
          this.attrS = s;
        }
      }
      i = close + 1;
    }
  }

  /**
   * A `<c>` tag's attributes in the order Excel, WPS and ExcelJS write them (`r`, `s`, `t`, each
   * optional, one space apart): read in place, a third of the general loop's cost; any other
   * spelling goes to {@link scanAttributes}.
   */
  private scanCellTag(buf: string, start: number, end: number): number {
    this.attrR = -1;
    this.attrT = T_NUMBER;
    this.attrS = 0;
    this.selfClosing = false;
    let i = start;
    if (buf.startsWith(' r="', i)) {
      const close = buf.indexOf('"', i + 4);
      if (close < 0 || close >= end) return IRREGULAR;
      this.attrR = i + 4;
      this.attrREnd = close;
      i = close + 1;
    }
    if (buf.startsWith(' s="', i)) {
      let s = 0;
      let j = i + 4;
      for (let code = buf.charCodeAt(j); code >= 48 && code <= 57; code = buf.charCodeAt(++j)) {
        s = s * 10 + code - 48;
      }
      if (j === i + 4 || buf.charCodeAt(j) !== QUOTE) return this.scanAttributes(buf, start, end);
      this.attrS = s;
      i = j + 1;
    }
    if (buf.startsWith(' t="', i)) {
      const close = buf.indexOf('"', i + 4);
      if (close < 0 || close >= end) return IRREGULAR;
      const t = typeCode(buf, i + 4, close);
      if (t < 0) return IRREGULAR;
      this.attrT = t;
      i = close + 1;
    }
    const code = buf.charCodeAt(i);
    if (code === GT) return i + 1;
    if (code === SLASH && buf.charCodeAt(i + 1) === GT) {
      this.selfClosing = true;
      return i + 2;
    }
    return this.scanAttributes(buf, start, end);
  }

  /** One `<row>` from `pos`; the index after it, MORE when it is not all in the buffer, or IRREGULAR. */
  private scanRow(buf: string, pos: number): number {
    const length = buf.length;
    const afterName = buf.charCodeAt(pos + 4);
    if (!(isSpace(afterName) || afterName === GT || afterName === SLASH)) return IRREGULAR;
    const open = this.scanAttributes(buf, pos + 4, length);
    if (open < 0) return open;
    let rowNumber = this.rowNumber + 1;
    if (this.attrR >= 0) {
      const r = Number(buf.slice(this.attrR, this.attrREnd));
      if (!Number.isInteger(r) || r <= 0) return IRREGULAR;
      rowNumber = r;
    }
    if (this.selfClosing) {
      this.rowNumber = rowNumber;
      this.rows.push({ row: rowNumber, cells: [] });
      return open;
    }
    const rowEnd = buf.indexOf('</row>', open);
    if (rowEnd < 0) return MORE;
    const cells: Cell[] = [];
    let column = 0;
    let i = open;
    for (;;) {
      while (i < rowEnd && isSpace(buf.charCodeAt(i))) i++;
      if (i >= rowEnd) break;
      if (buf.charCodeAt(i) !== LT || buf.charCodeAt(i + 1) !== 99 /* c */) return IRREGULAR;
      const after = buf.charCodeAt(i + 2);
      if (!(isSpace(after) || after === GT || after === SLASH)) return IRREGULAR;
      i = this.scanCellTag(buf, i + 2, rowEnd);
      if (i < 0) return IRREGULAR;
      const type = this.attrT;
      const style = this.attrS;
      if (this.attrR >= 0) {
        const col = columnOf(buf, this.attrR, this.attrREnd);
        column = col > 0 ? col : column + 1;
      } else column += 1;
      let value: string | undefined;
      let inline: string | undefined;
      if (!this.selfClosing) {
        for (;;) {
          while (i < rowEnd && isSpace(buf.charCodeAt(i))) i++;
          if (buf.charCodeAt(i) !== LT) return IRREGULAR;
          const c1 = buf.charCodeAt(i + 1);
          if (c1 === SLASH) {
            if (!buf.startsWith('</c>', i)) return IRREGULAR;
            i += 4;
            break;
          } else if (c1 === 118 /* v */) {
            if (buf.startsWith('<v>', i)) {
              const close = buf.indexOf('<', i + 3);
              if (close < 0 || close >= rowEnd || !buf.startsWith('</v>', close)) return IRREGULAR;
              value = decodeText(buf.slice(i + 3, close));
              if (value === undefined) return IRREGULAR;
              i = close + 4;
            } else if (buf.startsWith('<v/>', i)) {
              value = '';
              i += 4;
            } else return IRREGULAR;
          } else if (c1 === 102 /* f */) {
            const after2 = buf.charCodeAt(i + 2);
            if (!(isSpace(after2) || after2 === GT || after2 === SLASH)) return IRREGULAR;
            // The formula itself is never evaluated: only its cached <v> counts.
            i = this.scanAttributes(buf, i + 2, rowEnd, false);
            if (i < 0) return IRREGULAR;
            if (!this.selfClosing) {
              const close = buf.indexOf('<', i);
              if (close < 0 || close >= rowEnd || !buf.startsWith('</f>', close)) return IRREGULAR;
              i = close + 4;
            }
          } else if (c1 === 105 /* i */) {
            // Plain inline text only: <is><t>…</t></is>; rich runs go to saxes.
            const afterT = buf.charCodeAt(i + 6);
            if (!buf.startsWith('<is><t', i)) return IRREGULAR;
            if (!(isSpace(afterT) || afterT === GT || afterT === SLASH)) return IRREGULAR;
            const tagEnd = this.scanAttributes(buf, i + 6, rowEnd, false);
            if (tagEnd < 0) return IRREGULAR;
            if (this.selfClosing) {
              inline = '';
              i = tagEnd;
            } else {
              const close = buf.indexOf('<', tagEnd);
              if (close < 0 || close >= rowEnd || !buf.startsWith('</t>', close)) return IRREGULAR;
              inline = decodeText(buf.slice(tagEnd, close));
              if (inline === undefined) return IRREGULAR;
              i = close + 4;
            }
            if (!buf.startsWith('</is>', i)) return IRREGULAR;
            i += 5;
          } else return IRREGULAR;
        }
      }
      const cell = cellValue(this.book, type, style, value, inline);
      if (cell !== null) {
        const index = column - 1;
        if (index >= cells.length) {
          while (cells.length < index) cells.push(null);
          cells.push(cell);
        } else cells[index] = cell;
      }
    }
    this.rowNumber = rowNumber;
    this.rows.push({ row: rowNumber, cells });
    return rowEnd + 6;
  }
}

/** `t`'s value → type code; -1 for an unknown type (saxes' path reads it as a number). */
function typeCode(buf: string, start: number, end: number): number {
  const first = buf.charCodeAt(start);
  const length = end - start;
  if (length === 1) {
    if (first === 115) return T_SHARED;
    if (first === 110) return T_NUMBER;
    if (first === 98) return T_BOOLEAN;
    if (first === 101) return T_ERROR;
    if (first === 100) return T_DATE;
  } else if (length === 3 && buf.startsWith('str', start)) return T_STR;
  else if (length === 9 && buf.startsWith('inlineStr', start)) return T_INLINE;
  return -1;
}

/** `C5` → 3 (1-based), read in place; 0 when the reference has no column letters. */
function columnOf(buf: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const code = buf.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return col;
}
