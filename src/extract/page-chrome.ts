import { foldGlyphs } from './ruling-text.ts';

/**
 * A ruling printed to PDF and copied as text keeps each page's footer (`第 1 页 共 3 页`, `- 2 -`)
 * and running header (the court and title, or the case number, again) wherever the page broke —
 * often inside a paragraph. They are not the ruling, and a running header would read as the start
 * of a second document. Pure.
 */

// A footer line on its own: 第1页共3页, 第1页/共3页, 共3页第1页, 1/3, - 1 -, 第1页.
const FOOTER_LINE =
  /^(?:第(\d+)页[/,]?(?:共(\d+)页)?|共(\d+)页[/,]?第(\d+)页|(\d+)\/(\d+)页?|[-—–]\d+[-—–])$/;
// The same inside a line (a footer run into the text): only the unambiguous 第…页共…页.
const FOOTER_INLINE =
  /[ \t\u3000]*第[ \t\u3000]*\d+[ \t\u3000]*页[ \t\u3000]*[/,，]?[ \t\u3000]*共[ \t\u3000]*\d+[ \t\u3000]*页[ \t\u3000]*/g;
const HEAD_LINES = 6;
const MAX_HEADER_LINES = 2;

const squeeze = (line: string): string => foldGlyphs(line).replace(/\s+/g, '');

/** Page number and count a footer states; count null when it does not say. */
function footer(line: string): { page: number; of: number | null } | null {
  const m = FOOTER_LINE.exec(line);
  if (!m) return null;
  const page = Number(m[1] ?? m[4] ?? m[5] ?? 0);
  const of = m[2] ?? m[3] ?? m[6];
  return { page, of: of === undefined ? null : Number(of) };
}

/** The document's first lines and their joins (`…人民法院` + `执行裁定书`): what a header repeats. */
function headerForms(lines: readonly string[]): Set<string> {
  const head = lines
    .map(squeeze)
    .filter((l) => l !== '')
    .slice(0, HEAD_LINES);
  const forms = new Set<string>();
  for (let i = 0; i < head.length; i++)
    for (let k = i + 1; k <= Math.min(head.length, i + 3); k++)
      forms.add(head.slice(i, k).join(''));
  return forms;
}

/**
 * The text without page footers, and without the running header that follows a footer when the
 * footer says more pages of the same document follow (`第1页共3页`). After the last page
 * (`第3页共3页`) a header is the next document's and stays, for the splitter.
 */
export function dropPageChrome(text: string): string {
  if (!/页|\d\s*\/\s*\d|[-—–]\s*\d+\s*[-—–]/.test(text)) return text;
  const lines = text.split('\n');
  const forms = headerForms(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = footer(squeeze(line));
    if (!f) {
      out.push(line.replace(FOOTER_INLINE, ''));
      continue;
    }
    if (f.of === null || f.page >= f.of) continue;
    // More pages follow: the next lines that repeat the document's head are its running header.
    let k = i + 1;
    for (let seen = 0; k < lines.length && seen < MAX_HEADER_LINES; k++) {
      const next = squeeze(lines[k] ?? '');
      if (next === '') continue;
      if (!forms.has(next)) break;
      seen++;
    }
    i = k - 1;
  }
  return out.join('\n');
}
