/**
 * An edited draft made final (pure): the user's upload keeps their wording, and the blanks the
 * generated draft left — the number 〔　　〕　号 and the date 　　年　　月　　日 — are filled in the
 * document's XML. Word may split a blank across runs while editing; then nothing is filled and the
 * caller regenerates the final version from the case instead.
 */
import PizZip from 'pizzip';
import { chineseDate, DRAFT_NUMBER } from './document-content.ts';

const BODY = 'word/document.xml';

function xmlText(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The edited .docx with number and date filled, or undefined when its number blank is gone. */
export function fillIssuedBlanks(
  bytes: Uint8Array,
  issued: { docNo: string; date: string },
): Buffer | undefined {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    return undefined;
  }
  const xml = zip.file(BODY)?.asText();
  if (!xml?.includes(DRAFT_NUMBER)) return undefined;
  const filled = xml
    .replaceAll(DRAFT_NUMBER, xmlText(issued.docNo))
    .replaceAll(chineseDate(null), xmlText(chineseDate(issued.date)));
  zip.file(BODY, filled);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
