/** Helpers of the hand-written real-form rulings (`scripts/make-real-rulings.ts`). */

/** The birth date an ID states, as the party block writes it (`1968年3月2日`). */
export function born(id: string): string {
  return `${id.slice(6, 10)}年${Number(id.slice(10, 12))}月${Number(id.slice(12, 14))}日`;
}
/** Full-width digits, as some court sites print them. */
export const wide = (s: string): string =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
/** Hard wraps at a fixed width, as a text copied from a PDF viewer. */
export const wrap = (p: string, width = 32): string =>
  p.match(new RegExp(`.{1,${width}}`, 'gu'))!.join('\n');
/** A signature block split into one character per line. */
export const spelled = (lines: string[]): string =>
  lines.flatMap((l) => [...l.replace(/[\s　]/g, '')]).join('\n');

export interface Act {
  type: string;
  date: string | null;
  text: string;
}
export const acts = (text: string, ...list: [string, string | null][]): Act[] =>
  list.map(([type, date]) => ({ type, date, text }));

export interface Case {
  file: string;
  content: string;
  expected: Record<string, unknown>;
}
