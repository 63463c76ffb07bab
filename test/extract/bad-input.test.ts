import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFiles, type ExtractionResult } from '../../src/extract/extract.service.ts';
import type { OcrMode } from '../../src/extract/types.ts';
import { encryptedPdf, manyPagesPdf, zipBomb } from './raw-pdf.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
let dir: string;

async function extractAll(
  files: string[],
  ocr: OcrMode = 'auto',
  maxPages?: number,
): Promise<ExtractionResult[]> {
  const out: ExtractionResult[] = [];
  for await (const r of extractFiles(files, { ocr, workers: 1, maxPages })) out.push(r);
  return out;
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad input gives a clear result and never stops the batch', () => {
  it('an empty file is an error naming the file', async () => {
    const [r] = await extractAll([file('empty.txt', '')]);
    expect(r?.error).toBe(`${join(dir, 'empty.txt')}：文件为空`);
    expect(r?.docType).toBe('其他');
  });

  it('a scanned PDF with OCR disabled says it has no text layer', async () => {
    const [r] = await extractAll([join(CORPUS, '40-终本-scan-pdf.pdf')], 'never');
    expect(r?.error).toMatch(/40-终本-scan-pdf\.pdf：PDF 没有文字层.*--ocr never/);
  });

  it('an encrypted PDF is refused as such', async () => {
    const [r] = await extractAll([file('locked.pdf', encryptedPdf())]);
    expect(r?.error).toMatch(/locked\.pdf：PDF 文件已加密/);
  });

  it('a 500-page PDF is refused quickly with the page limit in the message', async () => {
    const started = Date.now();
    const [r] = await extractAll([file('long.pdf', manyPagesPdf(500))]);
    expect(r?.error).toMatch(/long\.pdf：PDF 共 500 页，超过单个文件 200 页的上限/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a 500-page PDF within a raised limit is read page by page', async () => {
    const before = process.memoryUsage().rss;
    const [r] = await extractAll([file('long2.pdf', manyPagesPdf(500))], 'never', 600);
    expect(r?.error).toBeUndefined();
    expect(r?.docType).toBe('其他');
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('a .docx that is a zip bomb is refused before unpacking', async () => {
    const [r] = await extractAll([file('bomb.docx', zipBomb())]);
    expect(r?.error).toMatch(/bomb\.docx：.*(压缩炸弹|过大)/);
  });

  it('a file whose content does not match its extension is an error', async () => {
    const [r] = await extractAll([file('fake.docx', '这不是 Word 文件')]);
    expect(r?.error).toMatch(/fake\.docx：扩展名为 \.docx，但内容不是该格式/);
  });

  it('a legacy .doc is refused with what to do', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const [r] = await extractAll([file('old.doc', ole)]);
    expect(r?.error).toMatch(/old\.doc：不支持旧版 Word（\.doc）文件，请另存为 \.docx/);
  });

  it('a non-ruling text is classified 其他', async () => {
    const [r] = await extractAll([join(CORPUS, '43-新闻-txt.txt')]);
    expect(r?.error).toBeUndefined();
    expect(r?.docType).toBe('其他');
  });

  it('an image that is not a document is read by OCR and classified 其他', async () => {
    const canvas = createCanvas(400, 300);
    const ctx = canvas.getContext('2d');
    for (let i = 0; i < 30; i++) {
      ctx.fillStyle = `hsl(${i * 37}, 70%, 50%)`;
      ctx.beginPath();
      ctx.arc((i * 53) % 400, (i * 97) % 300, 10 + (i % 5) * 8, 0, Math.PI * 2);
      ctx.fill();
    }
    const [r] = await extractAll([file('photo.png', canvas.toBuffer('image/png'))]);
    expect(r?.error).toBeUndefined();
    expect(r?.docType).toBe('其他');
    expect(r?.caseNo).toBeNull();
  }, 60_000);

  // Issue 13: two more forms of published rulings that must still read as rulings.
  it('a ruling whose signature block is split into single characters keeps its date', async () => {
    const ruling = readFileSync(join(CORPUS, 'real-03-终本-浙-txt.txt'), 'utf8');
    const [body = '', signature = ''] = ruling.split('本裁定送达后立即生效。');
    const split = `${body}本裁定送达后立即生效。\n${[...signature.replace(/\s/g, '')].join('\n')}`;
    const [r] = await extractAll([file('split-signature.txt', split)]);
    expect(r?.error).toBeUndefined();
    expect(r?.docType).toBe('终本裁定');
    expect(r?.rulingDate).toBe('2021-10-08');
    expect(r?.caseNo).toBe('（2021）浙0110执6012号');
    expect(r?.applicants.map((p) => p.name)).toEqual(['杭州某建材有限公司']);
  });

  it('a ruling without any line break is read whole', async () => {
    const ruling = readFileSync(join(CORPUS, 'real-08-终本-豫-web-title-txt.txt'), 'utf8');
    const [r] = await extractAll([file('one-line.txt', ruling.replace(/\s+/g, ''))]);
    expect(r?.error).toBeUndefined();
    expect(r?.docType).toBe('终本裁定');
    expect(r?.court).toBe('河南省郑州市金水区人民法院');
    expect(r?.caseNo).toBe('（2021）豫0105执8812号之一');
    expect(r?.debtors.map((p) => p.name)).toEqual(['王某某']);
    expect(r?.claimAmount).toBe(58000);
    expect(r?.rulingDate).toBe('2022-01-10');
    expect(r?.actions.map((a) => a.type)).toContain('解除冻结');
  });

  it('a batch with bad files still extracts the good ones, in order', async () => {
    const files = [
      file('e2.txt', ''),
      join(CORPUS, '01-终本-txt.txt'),
      file('locked2.pdf', encryptedPdf()),
      join(dir, 'missing.txt'),
    ];
    const results = await extractAll(files);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.map((r) => Boolean(r.error))).toEqual([true, false, true, true]);
    expect(results[1]?.docType).toBe('终本裁定');
    expect(results[3]?.error).toMatch(/missing\.txt：文件不存在/);
  });
});
