/**
 * The built-in layout of a case's Word documents (pure: a `docx` Document from the composed parts,
 * no I/O): A4, the margins of 党政机关公文格式 (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm,
 * right 26 mm), the title in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号 at a fixed 28 pt line,
 * headings in 黑体, the number under the title, the addressee flush left, the seal line and the date
 * at the right. Font names are those of the procuratorates' machines; Word substitutes without them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ComposedDocument } from './document-content.ts';

const MM = 56.7; // twips per millimetre
const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const SIZE_2 = 44; // 二号, half-points
const SIZE_3 = 32; // 三号
const SIZE_4 = 28; // 四号 (the table)
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function run(text: string, face = FANGSONG, size = SIZE_3, bold = false): TextRun {
  return new TextRun({ text, font: font(face), size, bold });
}

function body(text: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 2 * 320 }, // two characters of 三号
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text)],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text, HEITI)] });
}

function centered(text: string, face: string, size: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...LINE, line: size >= SIZE_2 ? 700 : 560 },
    children: [run(text, face, size)],
  });
}

function right(text: string, pad = 4): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: LINE,
    indent: { right: pad * 320 },
    children: [run(text)],
  });
}

const blank = () => new Paragraph({ spacing: LINE, children: [run('')] });

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, header ? HEITI : FANGSONG, SIZE_4)],
      }),
    ],
  });
}

const TABLE_COLUMNS = ['序号', '案号', '被执行人', '终本日期', '财产线索'] as const;
const TABLE_HEADERS = ['序号', '案号', '被执行人', '终本日期', '发现的财产线索'];

/** A class case's list of every enforcement case it covers. */
function caseTable(rows: ComposedDocument['table']): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({ tableHeader: true, children: TABLE_HEADERS.map((h) => cell(h, true)) }),
      ...rows.map(
        (r) => new TableRow({ children: TABLE_COLUMNS.map((c) => cell(r[c] ?? '', false)) }),
      ),
    ],
  });
}

/** The document in the official layout. */
export function officialDocument(doc: ComposedDocument): Document {
  const children: (Paragraph | Table)[] = [
    centered(doc.unitName, XIAOBIAOSONG, SIZE_2),
    centered(doc.title, XIAOBIAOSONG, SIZE_2),
    centered(doc.docNo, FANGSONG, SIZE_3),
    blank(),
  ];
  if (doc.addressee) {
    children.push(new Paragraph({ spacing: LINE, children: [run(`${doc.addressee}：`)] }));
  }
  children.push(body(doc.intro));
  children.push(heading(doc.headings.facts), ...doc.facts.map(body));
  if (doc.table.length) {
    children.push(body(`本院审查的案件清单如下：`), caseTable(doc.table), blank());
  }
  children.push(heading(doc.headings.opinion), ...doc.opinion.map(body));
  if (doc.legal.length) children.push(heading(doc.headings.legal), ...doc.legal.map(body));
  children.push(heading(doc.headings.recommendation), ...doc.recommendation.map(body));
  if (doc.reply) children.push(body(doc.reply));
  children.push(blank(), blank(), right(doc.unitName), right('（院印）', 6), right(doc.date));
  if (doc.kind === '审查终结报告') {
    children.push(blank(), body('承办检察官：'), body('部门负责人意见：'), body('检察长意见：'));
  }
  return new Document({
    creator: doc.unitName,
    title: doc.title,
    styles: {
      default: { document: { run: { font: font(FANGSONG), size: SIZE_3 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
}

/** The .docx bytes of the built-in layout. */
export async function officialDocx(doc: ComposedDocument): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(doc));
}
