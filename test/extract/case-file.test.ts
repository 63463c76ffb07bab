import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdf } from '../../scripts/ruling-corpus/writers.ts';
import { extractFiles, type ExtractionResult } from '../../src/extract/extract.service.ts';
import { splitDocuments } from '../../src/extract/split-documents.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const dir = mkdtempSync(join(tmpdir(), 'zhijian-case-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string): string[] =>
  readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

// A property investigation form as courts file it with the case.
const FORM = [
  '浙江省杭州市余杭区人民法院',
  '被执行人财产调查表',
  '案号：（2021）浙0110执6012号',
  '被执行人：朱某某',
  '调查事项：不动产、车辆、存款',
  '调查结果：未发现可供执行的财产',
  '调查人：钱某　2021年9月20日',
];

describe('a case file holding several documents (issue 13)', () => {
  it('splits at each court-and-title header; one document stays whole', () => {
    const text = [...lines('real-03-终本-浙-txt.txt'), ...lines('41-通知书-txt.txt'), ...FORM].join(
      '\n',
    );
    const parts = splitDocuments(text);
    expect(parts).toHaveLength(3);
    expect(parts[1]).toMatch(/^江西省南昌市红谷滩区人民法院\n执行通知书/);
    expect(parts[2]).toContain('被执行人财产调查表');
    const single = lines('01-终本-txt.txt').join('\n');
    expect(splitDocuments(single)).toEqual([single]);
  });

  it('reads a case-file PDF as its documents, each classified and extracted', async () => {
    const file = join(dir, '案卷.pdf');
    writeFileSync(
      file,
      pdf([...lines('real-03-终本-浙-txt.txt'), ...lines('41-通知书-txt.txt'), ...FORM]),
    );
    const results: ExtractionResult[] = [];
    for await (const r of extractFiles([file], { ocr: 'never' })) results.push(r);
    expect(results.map((r) => [r.part, r.docType])).toEqual([
      [1, '终本裁定'],
      [2, '其他'],
      [3, '其他'],
    ]);
    const ruling = results[0];
    expect(ruling?.error).toBeUndefined();
    expect(ruling?.caseNo).toBe('（2021）浙0110执6012号');
    expect(ruling?.court).toBe('浙江省杭州市余杭区人民法院');
    expect(ruling?.claimAmount).toBe(120000);
    expect(ruling?.debtors.map((d) => d.name)).toEqual(['朱某某']);
    expect(results[1]?.caseNo).toBe('（2022）赣0113执588号');
  }, 60_000);
});
