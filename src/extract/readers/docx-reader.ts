import mammoth from 'mammoth';
import type { DocumentText } from '../types.ts';
import { checkZip } from './zip-guard.ts';
import { ReadError } from './read-error.ts';

/** Word (.docx) raw text through mammoth, after checking the zip's stated sizes (zip bombs). */
export async function readDocx(buf: Buffer): Promise<DocumentText> {
  const check = checkZip(buf);
  if (!check.ok) throw new ReadError('DOCX_REFUSED', check.reason ?? '无法读取 Word 文件');
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: buf }));
  } catch (error) {
    throw new ReadError(
      'DOCX_UNREADABLE',
      `无法读取 Word 文件：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { text: value, layout: 'paragraphs', ocr: false, pages: 1, notes: [] };
}
