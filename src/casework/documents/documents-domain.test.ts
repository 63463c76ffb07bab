import { Document, Packer, Paragraph } from 'docx';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.ts';
import { TEMPLATE_PLACEHOLDERS } from '../../domain/vocabulary.ts';
import {
  chineseDate,
  composeDocument,
  templateData,
  type DocumentContext,
} from './document-content.ts';
import { checkAttachment, checkDocx, sniff } from './file-content.ts';
import { checkTemplate } from './unit-template.ts';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error');
}

const bytes = (...b: number[]) => Uint8Array.from([...b, ...new Array(16).fill(0)]);
const docx = (lines: string[]) =>
  Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));

describe('file types by content', () => {
  it('knows PDF, images, .docx and .doc by their first bytes, whatever the name', async () => {
    expect(sniff(Buffer.from('%PDF-1.5'))?.mime).toBe('application/pdf');
    expect(sniff(bytes(0xff, 0xd8, 0xff, 0xe0))?.mime).toBe('image/jpeg');
    expect(sniff(Buffer.from('GIF89a'))?.mime).toBe('image/gif');
    expect(sniff(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))?.mime).toBe(
      'application/msword',
    );
    expect(sniff(await docx(['x']))?.label).toContain('docx');
    // A zip that is not a Word document is not one.
    const zip = new PizZip();
    zip.file('a.txt', 'x');
    const plain = zip.generate({ type: 'uint8array' });
    expect(sniff(plain)).toBeUndefined();
    expect(refusal(() => checkDocx('a.docx', plain)).code).toBe('FILE_TYPE_REFUSED');
  });

  it('refuses programs and scripts by name, and unknown content', () => {
    for (const program of [
      bytes(0x4d, 0x5a),
      bytes(0x7f, 0x45, 0x4c, 0x46),
      Buffer.from('#!/bin/sh\n'),
    ]) {
      const e = refusal(() => checkAttachment('证据.pdf', program));
      expect(e.message).toContain('证据.pdf');
      expect(e.message).toContain('程序');
    }
    expect(refusal(() => checkAttachment('说明.pdf', Buffer.from('hello'))).message).toContain(
      '只接受',
    );
    expect(refusal(() => checkAttachment('空.pdf', new Uint8Array(0))).code).toBe('EMPTY_FILE');
    const big = refusal(() =>
      checkAttachment('大.pdf', Buffer.alloc(3 * 1024 * 1024), 2 * 1024 * 1024),
    );
    expect(big.message).toContain('2 MB');
  });
});

describe('unit templates', () => {
  it('names an unknown field inside the case-list loop and every missing placeholder', async () => {
    const t = await docx(['{单位名称}', '{#案件列表}{案号}{法官}{/案件列表}']);
    const e = refusal(() => checkTemplate('模板.docx', '审查终结报告', t));
    expect(e.message).toContain('{案件列表.法官}');
    for (const p of ['{文号}', '{案件事实}', '{检察建议}', '{日期}'])
      expect(e.message).toContain(p);
    // 主送单位 is not required of an internal report.
    expect(e.message).not.toContain('缺少必需的占位符 {主送单位}');
  });

  it('refuses broken placeholder syntax in Chinese', async () => {
    const e = refusal(() => checkTemplate('坏.docx', '检察建议书', Buffer.from([])));
    expect(e.code).toBe('BAD_TEMPLATE');
    const unclosed = await docx(['{单位名称']);
    expect(refusal(() => checkTemplate('坏.docx', '检察建议书', unclosed)).message).toContain(
      '坏.docx',
    );
  });
});

describe('document content', () => {
  const ctx: DocumentContext = {
    kind: '检察建议书',
    unitName: '桐庐县人民检察院',
    docNo: null,
    addressee: '桐庐县人民法院',
    supervisionCaseNo: '浙杭桐检民执监〔2025〕1号',
    caseKind: '个案',
    cases: [
      {
        caseNo: '（2024）浙0122执1号',
        court: '桐庐县人民法院',
        debtor: '某甲',
        filedDate: '2024-01-02',
        closedDate: '2024-05-06',
        closureType: null,
        targetAmount: null,
        leads: ['名下有车辆'],
      },
    ],
    findings: [
      {
        caseNo: '（2024）浙0122执1号',
        modelName: 'M',
        summary: '名下有车辆',
        evidence: ['车辆.xlsx 第2行'],
        action: null,
      },
    ],
    articles: [{ title: '《甲》第一条', text: '条文' }],
    date: null,
    replyDue: null,
  };

  it('leaves a draft’s number and date blank; a 个案 has no table', () => {
    const doc = composeDocument(ctx);
    expect(doc.docNo).toBe('〔　　〕　号');
    expect(doc.date).toBe('　　年　　月　　日');
    expect(doc.table).toEqual([]);
    expect(doc.opinion[0]).toContain('（证据：车辆.xlsx 第2行）');
    expect(chineseDate('2025-01-09')).toBe('2025年1月9日');
  });

  it('fills every placeholder of the vocabulary', () => {
    const data = templateData(
      composeDocument({ ...ctx, docNo: '桐检建〔2025〕1号', date: '2025-03-04' }),
    );
    expect(Object.keys(data).sort()).toEqual(TEMPLATE_PLACEHOLDERS.map((p) => p.name).sort());
    expect(data.文号).toBe('桐检建〔2025〕1号');
    expect(data.日期).toBe('2025年3月4日');
  });
});
