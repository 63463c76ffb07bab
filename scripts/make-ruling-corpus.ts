/**
 * Writes the extraction test corpus `test/extract/corpus/`: each ruling in its format plus
 * `<id>.expected.json`. Run `npx tsx scripts/make-ruling-corpus.ts` (needs fonts-noto-cjk for PDF/PNG).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compose } from './ruling-corpus/compose.ts';
import { otherDocuments } from './ruling-corpus/others.ts';
import { buildSpecs } from './ruling-corpus/specs.ts';
import * as write from './ruling-corpus/writers.ts';

const dir = join(import.meta.dirname, '..', 'test', 'extract', 'corpus');
mkdirSync(dir, { recursive: true });

const EXT = {
  txt: 'txt',
  'txt-gbk': 'txt',
  'html-div': 'html',
  'html-anchor': 'html',
  'html-p': 'html',
  docx: 'docx',
  pdf: 'pdf',
  png: 'png',
  'scan-pdf': 'pdf',
} as const;

async function save(
  id: string,
  format: keyof typeof EXT,
  paragraphs: string[],
  expected: object,
): Promise<void> {
  const file = `${id}.${EXT[format]}`;
  const text = paragraphs.join('\n');
  let content: Buffer | string;
  switch (format) {
    case 'txt':
      // One file with Windows line ends, as Notepad saves it.
      content = id.startsWith('01') ? text.replaceAll('\n', '\r\n') : text;
      break;
    case 'txt-gbk':
      content = write.encodeGbk(text);
      break;
    case 'html-div':
      content = write.htmlDiv(paragraphs);
      break;
    case 'html-anchor':
      content = write.htmlAnchor(paragraphs);
      break;
    case 'html-p':
      content = write.htmlP(paragraphs);
      break;
    case 'docx':
      content = await write.docx(paragraphs);
      break;
    case 'pdf':
      content = write.pdf(paragraphs);
      break;
    case 'png': {
      // One page per image: shrink the type until the ruling fits.
      let pages = write.pageImages(paragraphs, 300, 11);
      for (const size of [10, 9])
        if (pages.length > 1) pages = write.pageImages(paragraphs, 300, size);
      const [first] = pages;
      if (!first || pages.length > 1) throw new Error(`${id} does not fit one page`);
      content = first;
      break;
    }
    case 'scan-pdf':
      content = await write.scannedPdf(write.pageImages(paragraphs, 300));
      break;
  }
  writeFileSync(join(dir, file), content);
  writeFileSync(
    join(dir, `${id}.expected.json`),
    `${JSON.stringify({ file, ...expected }, null, 2)}\n`,
  );
  process.stderr.write(
    `${file}\t${typeof content === 'string' ? Buffer.byteLength(content) : content.length} bytes\n`,
  );
}

for (const spec of buildSpecs()) {
  const { paragraphs, expected } = compose(spec);
  await save(spec.id, spec.format, paragraphs, expected);
}
for (const doc of otherDocuments()) await save(doc.id, doc.format, doc.paragraphs, doc.expected);
