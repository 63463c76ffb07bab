/**
 * What a file is, from its bytes (pure): the extension and the browser's type are what the sender
 * claims, the first bytes are what the file is. Attachments may be PDF, images or Word; an
 * executable renamed .pdf is refused by name, so is a file over the limit.
 */
import PizZip from 'pizzip';
import { AppError } from '../../domain/app-error.ts';

/** The largest attachment or Word file accepted (one file; a scanned case file fits). */
export const MAX_CASE_FILE_BYTES = 20 * 1024 * 1024;

export interface FileKind {
  readonly mime: string;
  /** Shown to people (PDF、PNG 图片 …). */
  readonly label: string;
}

const PDF: FileKind = { mime: 'application/pdf', label: 'PDF' };
const PNG: FileKind = { mime: 'image/png', label: 'PNG 图片' };
const JPEG: FileKind = { mime: 'image/jpeg', label: 'JPEG 图片' };
const GIF: FileKind = { mime: 'image/gif', label: 'GIF 图片' };
const TIFF: FileKind = { mime: 'image/tiff', label: 'TIFF 图片' };
export const DOCX: FileKind = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  label: 'Word 文档（.docx）',
};
const DOC: FileKind = { mime: 'application/msword', label: 'Word 97-2003 文档（.doc）' };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** Programs and scripts, whatever their name says. */
function executableOf(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x4d, 0x5a])) return 'Windows 可执行程序';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'Linux 可执行程序';
  if (
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe])
  ) {
    return 'macOS 可执行程序';
  }
  if (startsWith(bytes, [0x23, 0x21])) return '脚本程序';
  return undefined;
}

/** A zip that is a Word document: it holds `word/document.xml`. */
export function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
  try {
    return new PizZip(bytes).file('word/document.xml') !== null;
  } catch {
    return false;
  }
}

/** The kind of a file by its content, or undefined when it is none the platform keeps. */
export function sniff(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return GIF; // GIF8
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return TIFF;
  }
  if (isDocx(bytes)) return DOCX;
  // OLE compound file: .doc (the older Word format).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return DOC;
  return undefined;
}

function megabytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

/** The size check, before anything else (the file was cut off at the limit when received). */
export function checkSize(name: string, size: number, max = MAX_CASE_FILE_BYTES): void {
  if (size > max) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `文件「${name}」超过大小上限：单个文件不能超过 ${megabytes(max)}，请压缩或拆分后再上传`,
    );
  }
  if (size === 0) throw new AppError('EMPTY_FILE', `文件「${name}」是空文件`);
}

/** An attachment: PDF, image or Word, by content; refused naming the file otherwise. */
export function checkAttachment(name: string, bytes: Uint8Array, max = MAX_CASE_FILE_BYTES) {
  checkSize(name, bytes.byteLength, max);
  const program = executableOf(bytes);
  if (program) {
    throw new AppError(
      'FILE_TYPE_REFUSED',
      `文件「${name}」的内容是${program}，不是文档或图片，已拒绝上传（文件类型按内容判断，不看扩展名）`,
    );
  }
  const kind = sniff(bytes);
  if (!kind) {
    throw new AppError(
      'FILE_TYPE_REFUSED',
      `文件「${name}」不是可接受的附件类型：只接受 PDF、图片（PNG、JPEG、GIF、TIFF）和 Word 文档（按文件内容判断）`,
    );
  }
  return kind;
}

/** A Word document (.docx) by content: an edited version or a unit template. */
export function checkDocx(name: string, bytes: Uint8Array, max = MAX_CASE_FILE_BYTES): FileKind {
  checkSize(name, bytes.byteLength, max);
  if (!isDocx(bytes)) {
    throw new AppError(
      'FILE_TYPE_REFUSED',
      `文件「${name}」不是 Word 文档（.docx）：请在 Word 中“另存为 .docx”后再上传（按文件内容判断）`,
    );
  }
  return DOCX;
}
