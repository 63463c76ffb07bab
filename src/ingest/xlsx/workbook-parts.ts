import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ZipArchive } from './zip-archive.ts';

/** What every worksheet needs from the rest of the workbook. */
export interface WorkbookParts {
  /** Worksheets in workbook order (chart and dialog sheets left out, as ExcelJS did). */
  readonly sheets: readonly { name: string; part: string }[];
  /** Shared strings as plain text (rich text runs joined). */
  readonly sharedStrings: readonly (string | null)[];
  /** Per cell style (`s`, the cellXfs index): does its number format show a date or time? */
  readonly dateStyles: readonly boolean[];
  /** workbookPr date1904: serial 0 is 1904-01-01 instead of 1899-12-30. */
  readonly date1904: boolean;
}

/** A strict, position-free SAX parser (position tracking costs ~5% and is never reported). */
export function createSaxParser(): SaxesParser {
  return new SaxesParser({ position: false });
}

/** Feeds a part to a parser, decoding UTF-8 across chunk boundaries. */
export async function parseStream(stream: Readable, parser: SaxesParser): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** `x:row` → `row` (some writers prefix every element). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function parseText(xml: string, onOpen: (tag: SaxesTagPlain) => void): void {
  const parser = createSaxParser();
  parser.on('opentag', onOpen);
  parser.write(xml).close();
}

/** `prefix:id`, whatever the relationships namespace prefix is. */
function relationId(attributes: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) {
    if (key.endsWith(':id')) return value;
  }
  return undefined;
}

/** A relationship target → zip part name, relative to the part that owns the rels. */
function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseDir ? baseDir.split('/') : [];
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

async function readRels(zip: ZipArchive, name: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const xml = await zip.text(name);
  if (xml === undefined) return rels;
  parseText(xml, (tag) => {
    if (localName(tag.name) !== 'Relationship') return;
    const { Id: id, Type: type = '', Target: target, TargetMode: mode } = tag.attributes;
    if (id && target && mode !== 'External') rels.set(id, { type, target });
  });
  return rels;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30 and the CJK locales). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/**
 * A custom number format shows a date or time when, outside quoted text, `[…]` sections (colours,
 * locales, elapsed-time brackets aside) and escaped characters, it has y/m/d/h/s or 年/月/日.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  return /[ymdhs]|年|月|日/i.test(bare);
}

async function readStyles(zip: ZipArchive, name: string | undefined): Promise<boolean[]> {
  const xml = name ? await zip.text(name) : undefined;
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const parser = createSaxParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'numFmt') {
      const id = Number(tag.attributes.numFmtId);
      if (Number.isInteger(id)) custom.set(id, tag.attributes.formatCode ?? '');
    } else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) xfFormats.push(Number(tag.attributes.numFmtId ?? 0));
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  parser.write(xml).close();
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** `<si>` → plain text: every `<t>` outside phonetic runs (`<rPh>`), rich text runs joined. */
async function readSharedStrings(
  zip: ZipArchive,
  part: string | undefined,
): Promise<(string | null)[]> {
  const stream = part ? await zip.stream(part) : undefined;
  if (!stream) return [];
  const strings: (string | null)[] = [];
  let text = '';
  let inT = false;
  let phonetic = 0;
  const parser = createSaxParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = phonetic === 0;
    else if (name === 'si') text = '';
    else if (name === 'rPh') phonetic += 1;
  });
  parser.on('text', (t) => {
    if (inT) text += t;
  });
  parser.on('cdata', (t) => {
    if (inT) text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = false;
    // An empty string item reads as an empty cell, as it did with ExcelJS.
    else if (name === 'si') strings.push(text === '' ? null : text);
    else if (name === 'rPh') phonetic -= 1;
  });
  await parseStream(stream, parser);
  return strings;
}

/** Reads the workbook's structure, styles and shared strings (held in memory; the sheets stream). */
export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const root = await readRels(zip, '_rels/.rels');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = office ? resolvePart('', office.target) : 'xl/workbook.xml';
  const dir = workbookPart.includes('/')
    ? workbookPart.slice(0, workbookPart.lastIndexOf('/'))
    : '';
  const file = workbookPart.slice(dir ? dir.length + 1 : 0);
  const xml = await zip.text(workbookPart);
  if (xml === undefined) throw new Error(`缺少工作簿部件 ${workbookPart}`);
  const rels = await readRels(zip, `${dir ? `${dir}/` : ''}_rels/${file}.rels`);

  const sheets: { name: string; part: string }[] = [];
  let date1904 = false;
  parseText(xml, (tag) => {
    if (localName(tag.name) === 'workbookPr') {
      const flag = tag.attributes.date1904;
      date1904 = flag === '1' || flag === 'true';
    } else if (localName(tag.name) === 'sheet') {
      const rel = rels.get(relationId(tag.attributes) ?? '');
      if (rel?.type.endsWith('/worksheet')) {
        sheets.push({ name: tag.attributes.name ?? '', part: resolvePart(dir, rel.target) });
      }
    }
  });
  const partOf = (suffix: string): string | undefined => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(suffix));
    return rel ? resolvePart(dir, rel.target) : undefined;
  };
  const [sharedStrings, dateStyles] = await Promise.all([
    readSharedStrings(zip, partOf('/sharedStrings')),
    readStyles(zip, partOf('/styles')),
  ]);
  return { sheets, sharedStrings, dateStyles, date1904 };
}
