import mammoth from 'mammoth';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionCaseDetail } from '../../src/contract/casework.ts';
import type {
  CaseAttachmentList,
  CaseDocuments,
  CaseDocumentVersion,
} from '../../src/contract/documents.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { CASE_A, seedTwoCounties } from './seed.ts';

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(64)]);

function form(files: { name: string; bytes: Buffer; type?: string }[], field = 'files'): FormData {
  const f = new FormData();
  for (const x of files) {
    f.append(
      field,
      new Blob([new Uint8Array(x.bytes)], { type: x.type ?? 'application/pdf' }),
      x.name,
    );
  }
  return f;
}

/** Attachments and Word documents over the API: multipart, downloads, errors, audit. */
describe('case attachments and documents over the API', () => {
  let h: Harness;
  let county: Client;
  let other: Client;
  let head: Client;
  let c: SupervisionCaseDetail;

  beforeAll(async () => {
    h = await openHarness();
    const { leadA } = await seedTwoCounties(h.db);
    const u1 = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
    const u2 = await addUser(h, 'gongshu', '330105', ['prosecutor']);
    const u3 = await addUser(h, 'kezhang', '330102', ['dept_head']);
    county = await signedIn(h, u1.username, u1.password);
    other = await signedIn(h, u2.username, u2.password);
    head = await signedIn(h, u3.username, u3.password);
    const opened = await county.json<SupervisionCaseDetail>('POST', '/api/supervision-cases', {
      leadIds: [leadA],
    });
    c = (
      await county.json<SupervisionCaseDetail>(
        'POST',
        `/api/supervision-cases/${opened.body.id}/acts`,
        {
          kind: '调阅卷宗',
          date: '2025-09-01',
        },
      )
    ).body;
  }, 60_000);
  afterAll(() => h.close());

  it('uploads an attachment and downloads it under its name (RFC 5987), audited', async () => {
    const act = c.acts[0]!.id;
    const res = await county.request(
      'POST',
      `/api/supervision-cases/${c.id}/acts/${act}/files?documentKind=卷宗`,
      form([{ name: '张三 询问笔录.pdf', bytes: PDF }]),
    );
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as CaseAttachmentList;
    expect(items[0]).toMatchObject({
      fileName: '张三 询问笔录.pdf',
      mime: 'application/pdf',
      documentKind: '卷宗',
    });
    const got = await county.request('GET', `/api/case-files/${items[0]!.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent('张三 询问笔录.pdf')}`,
    );
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
    const audit = await h.db.all<{ action: string; detail: string }>(
      `SELECT action, detail FROM audit_log WHERE action IN ('case_file_upload', 'view_case_file') ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['case_file_upload', 'view_case_file']);
    expect(JSON.stringify(audit)).not.toContain('张三');
    expect((await other.request('GET', `/api/case-files/${items[0]!.id}`)).status).toBe(404);
  });

  it('refuses a program renamed .pdf with a Chinese message naming it', async () => {
    const res = await county.json<{ code: string; message: string }>(
      'POST',
      `/api/supervision-cases/${c.id}/acts/${c.acts[0]!.id}/files`,
      form([{ name: '裁定书.pdf', bytes: ELF }]),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FILE_TYPE_REFUSED');
    expect(res.body.message).toContain('裁定书.pdf');
    const list = await county.json<CaseAttachmentList>(
      'GET',
      `/api/supervision-cases/${c.id}/files`,
    );
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses a file over 20 MB naming it and the limit (413), nothing kept', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    const res = await county.json<{ code: string; message: string }>(
      'POST',
      `/api/supervision-cases/${c.id}/acts/${c.acts[0]!.id}/files`,
      form([{ name: '整本卷宗.pdf', bytes: big }]),
    );
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('整本卷宗.pdf');
    expect(res.body.message).toContain('20 MB');
    const list = await county.json<CaseAttachmentList>(
      'GET',
      `/api/supervision-cases/${c.id}/files`,
    );
    expect(list.body.items).toHaveLength(1);
  });

  it('generates a recommendation as .docx, lists and downloads its versions', async () => {
    const gen = await county.json<CaseDocumentVersion>(
      'POST',
      `/api/supervision-cases/${c.id}/documents`,
      {
        kind: '检察建议书',
      },
    );
    expect(gen.status).toBe(200);
    expect(gen.body).toMatchObject({ version: 1, status: '草稿' });
    const res = await county.request('GET', `/api/case-documents/${gen.body.id}`);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('检察建议书'));
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) }))
      .value;
    expect(text).toContain(CASE_A);
    expect(text).toContain('终结本次执行程序');
    const list = await county.json<CaseDocuments>(
      'GET',
      `/api/supervision-cases/${c.id}/documents`,
    );
    expect(list.body.versions.map((v) => v.version)).toEqual([1]);
    const edited = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('改')] }] }),
    );
    const up = await county.json<CaseDocumentVersion>(
      'POST',
      `/api/supervision-cases/${c.id}/documents/upload?kind=${encodeURIComponent('检察建议书')}`,
      form([{ name: '改稿.docx', bytes: edited }], 'file'),
    );
    expect(up.body).toMatchObject({ version: 2, source: '上传' });
  });

  it('a unit template: heads only, refused naming unknown and missing placeholders', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [{ children: ['{单位名称}', '{文号}', '{错字段}'].map((t) => new Paragraph(t)) }],
      }),
    );
    const path = `/api/document-templates?kind=${encodeURIComponent('线索移送函')}`;
    expect(
      (await county.request('POST', path, form([{ name: 't.docx', bytes }], 'file'))).status,
    ).toBe(403);
    const res = await head.json<{ code: string; message: string }>(
      'POST',
      path,
      form([{ name: 't.docx', bytes }], 'file'),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('{错字段}');
    expect(res.body.message).toContain('{主送单位}');
  });
});
