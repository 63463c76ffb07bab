import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFiles, type ExtractionResult } from '../../src/extract/extract.service.ts';

/** A baseline, uncompressed 8-bit grey TIFF (what a simple scanner driver writes). */
function grayTiff(gray: Uint8Array, width: number, height: number): Buffer {
  const entries: [number, number, number][] = [
    [256, 4, width],
    [257, 4, height],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 8],
    [277, 3, 1],
    [278, 4, height],
    [279, 4, gray.length],
  ];
  const head = Buffer.alloc(8);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8 + gray.length, 4);
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, value], i) => {
    const o = 2 + i * 12;
    ifd.writeUInt16LE(tag, o);
    ifd.writeUInt16LE(type, o + 2);
    ifd.writeUInt32LE(1, o + 4);
    if (type === 3) ifd.writeUInt16LE(value, o + 8);
    else ifd.writeUInt32LE(value, o + 8);
  });
  return Buffer.concat([head, Buffer.from(gray), ifd]);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhijian-img-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JPEG and TIFF scans go through OCR like PNG', () => {
  it('reads the header of a ruling from a JPEG and a TIFF crop', async () => {
    // The top of a corpus page: court, title and case number (a small crop keeps OCR quick).
    const image = await loadImage(
      readFileSync(join(import.meta.dirname, 'corpus', '37-终本-png.png')),
    );
    const expected = JSON.parse(
      readFileSync(join(import.meta.dirname, 'corpus', '37-终本-png.expected.json'), 'utf8'),
    ) as { caseNo: string; court: string };
    const width = image.width;
    const height = 560;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4] ?? 255;
    const jpg = join(dir, 'page.jpg');
    const tif = join(dir, 'page.tif');
    writeFileSync(jpg, canvas.toBuffer('image/jpeg'));
    writeFileSync(tif, grayTiff(gray, width, height));
    const results: ExtractionResult[] = [];
    for await (const r of extractFiles([jpg, tif], { workers: 2 })) results.push(r);
    for (const r of results) {
      expect(r.error, r.file).toBeUndefined();
      expect(r.caseNo, r.file).toBe(expected.caseNo);
      expect(r.court, r.file).toBe(expected.court);
      expect(r.confidence.caseNo).toBeLessThan(0.9);
    }
  }, 120_000);
});
