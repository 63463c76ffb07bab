import { dropPageChrome } from './page-chrome.ts';
import { foldGlyphs } from './ruling-text.ts';

/**
 * A case file (案卷) scanned or exported as one PDF holds several documents: the ruling, the
 * execution notice, 报告财产令, 财产调查 forms … Each begins with its header: the court's name on
 * a line of its own and the document's title on the next (or both on one line). Pure.
 */

const COURT_LINE = /^[\u4e00-\u9fff]{2,40}?人民法院$/;
const TITLE =
  /^(?:[\u4e00-\u9fff]{0,20}?人民法院)?(?:执行|民事|刑事|行政|被执行人)?(?:裁定书|判决书|调解书|决定书|通知书|报告财产令|限制消费令|财产调查表|财产申报表|财产报告表|送达回证|笔录|(?:查询|调查)(?:结果)?(?:反馈)?(?:表|单))$/;
// A title line is short; a body sentence that happens to end in 通知书 is not one.
const MAX_TITLE = 30;

const squeeze = (line: string): string => foldGlyphs(line).replace(/\s+/g, '');

/**
 * The documents of a text, in order; one element (the whole text) when it holds only one. Page
 * footers and running headers go first: a header repeated on every page starts no document.
 */
export function splitDocuments(raw: string): string[] {
  const text = dropPageChrome(raw);
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  const offsets = lines.map((l) => {
    const at = offset;
    offset += l.length + 1;
    return at;
  });
  for (let i = 0; i < lines.length; i++) {
    const line = squeeze(lines[i] ?? '');
    if (line === '' || line.length > MAX_TITLE) continue;
    if (COURT_LINE.test(line)) {
      // The title on one of the next two non-empty lines.
      let seen = 0;
      for (let k = i + 1; k < lines.length && seen < 2; k++) {
        const next = squeeze(lines[k] ?? '');
        if (next === '') continue;
        seen++;
        if (next.length <= MAX_TITLE && TITLE.test(next)) {
          starts.push(offsets[i] ?? 0);
          break;
        }
      }
    } else if (/人民法院/.test(line) && TITLE.test(line)) starts.push(offsets[i] ?? 0);
  }
  if (starts.length < 2) return [text];
  // Text before the first header (a cover page, a stray signature) belongs to the first document.
  starts[0] = 0;
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim());
}
