import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import { AppError } from '../domain/app-error.ts';
import { resolveReference } from '../legal/articles.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { Database } from '../store/database.ts';
import { CASE_A, DEBTOR_A, leadIdOf, seedTwoCounties, XSS_NAME } from '../../test/api/seed.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';
import { CaseFilesService } from './case-files.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-documents-'));
let db: Database;
let platform: Platform;
const CASE_A2 = '（2023）浙0102执101号';
const CASE_A3 = '（2024）浙0102执7号';
let classCase: number;
let personalCase: number;

function operator(username: string, unitId: string, canViewFullId = false): Operator {
  return { userId: `u-${username}`, username, unitId, ip: '127.0.0.1', canViewFullId };
}
const wang = operator('wang', '330102');
const li = operator('li', '330105');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('no error');
}

async function docxOf(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }),
  );
}

async function textOf(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

const count = async (table: string) =>
  Number((await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))?.n ?? 0);
const storedName = async (id: number) =>
  (
    await db.one<{ stored_name: string }>(`SELECT stored_name FROM case_documents WHERE id = $1`, [
      id,
    ])
  )?.stored_name;
const storedFiles = () => readdirSync(platform.caseWriter.files.dir).length;
const audits = (action: string) =>
  db.all<{ target: string; detail: string }>(
    `SELECT target, detail FROM audit_log WHERE action = $1 ORDER BY id`,
    [action],
  );

async function addLead(key: string, caseNo: string): Promise<string> {
  await db.run(
    `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, summary,
       priority, evidence, legal_basis, court)
     VALUES ($1, 'M01', 1, $2, $3, '某乙', $4, '中', $5, '["终本规定 第一条（三）"]', '杭州市上城区人民法院')`,
    [
      key,
      caseNo,
      DEBTOR_A,
      `被执行人某乙（${DEBTOR_A}）终本后名下新登记房产`,
      JSON.stringify([{ dataset: 'real_estate', batchId: 1, file: '不动产登记.xlsx', row: 9 }]),
    ],
  );
  return leadIdOf(db, key);
}

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'documents.duckdb')));
  for (const [name, unit] of [
    ['wang', '330102'],
    ['li', '330105'],
  ] as const) {
    await addTestUser(platform, name, unit, ['dept_head']);
  }
  const seeded = await seedTwoCounties(db);
  const a2 = await addLead('M01|A2', CASE_A2);
  const a3 = await addLead('M01|A3', CASE_A3);
  const opened = await platform.casework.open(wang, {
    leadIds: [seeded.leadA, a2, a3],
    kind: '类案',
  });
  classCase = opened.id;
  const other = await addLead('M01|A4', '（2024）浙0102执8号');
  personalCase = (await platform.casework.open(wang, { leadIds: [other] })).id;
}, 60_000);

afterAll(async () => {
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attachments of verification acts', () => {
  let actId: number;
  beforeAll(async () => {
    const c = await platform.casework.addAct(wang, classCase, { kind: '调取', date: '2025-09-01' });
    actId = c.acts[0]!.id;
  });

  it('keeps PDF and images by content, lists them and downloads them audited', async () => {
    const items = await platform.caseFiles.attach(wang, classCase, actId, [
      { name: '银行流水.pdf', bytes: PDF },
      { name: '现场照片（无扩展名）', bytes: PNG },
    ]);
    expect(items.map((i) => [i.fileName, i.mime])).toEqual([
      ['银行流水.pdf', 'application/pdf'],
      ['现场照片（无扩展名）', 'image/png'],
    ]);
    const listed = await platform.caseFiles.list(wang, classCase);
    expect(listed).toHaveLength(2);
    const got = await platform.caseFiles.download(wang, items[0]!.id);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.fileName).toBe('银行流水.pdf');
    const logged = await audits('view_case_file');
    expect(logged.at(-1)?.detail).toContain(`附件 #${items[0]!.id}`);
    // File names may name people: the audit names ids and types only.
    expect(JSON.stringify(await audits('case_file_upload'))).not.toContain('银行流水');
  });

  it('refuses an executable renamed .pdf, naming the file; nothing is written', async () => {
    const [rows, files] = [await count('supervision_case_files'), storedFiles()];
    const e = await failure(
      platform.caseFiles.attach(wang, classCase, actId, [
        { name: '好的.pdf', bytes: PDF },
        { name: '判决书.pdf', bytes: EXE },
      ]),
    );
    expect(e.code).toBe('FILE_TYPE_REFUSED');
    expect(e.message).toContain('判决书.pdf');
    expect(e.message).toContain('可执行程序');
    expect([await count('supervision_case_files'), storedFiles()]).toEqual([rows, files]);
  });

  it('refuses a file over the limit, naming the file and the limit; nothing is written', async () => {
    const small = new CaseFilesService({
      ...platform,
      writer: platform.caseWriter,
      files: platform.caseWriter.files,
      maxFileBytes: 2048,
    });
    const [rows, files] = [await count('supervision_case_files'), storedFiles()];
    const big = Buffer.concat([PDF, Buffer.alloc(4096, 0x20)]);
    const e = await failure(
      small.attach(wang, classCase, actId, [{ name: '卷宗扫描.pdf', bytes: big }]),
    );
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.status).toBe(413);
    expect(e.message).toContain('卷宗扫描.pdf');
    expect(e.message).toContain('2 KB');
    // As the route hands it over: only the first bytes kept, the size sent.
    const cut = await failure(
      small.attach(wang, classCase, actId, [
        { name: '大.pdf', bytes: big.subarray(0, 2049), size: 9e6 },
      ]),
    );
    expect(cut.code).toBe('FILE_TOO_LARGE');
    expect([await count('supervision_case_files'), storedFiles()]).toEqual([rows, files]);
  });

  it('removes the stored file when the row cannot be written (the case closed meanwhile)', async () => {
    const c = await platform.casework.addAct(wang, personalCase, {
      kind: '询问',
      date: '2025-09-02',
    });
    const act = c.acts[0]!.id;
    await db.run(`UPDATE supervision_cases SET state = '结案' WHERE id = $1`, [personalCase]);
    const files = storedFiles();
    const e = await failure(
      platform.caseFiles.attach(wang, personalCase, act, [{ name: 'a.pdf', bytes: PDF }]),
    );
    expect(e.code).toBe('CASE_CLOSED');
    expect(storedFiles()).toBe(files);
    await db.run(`UPDATE supervision_cases SET state = '调查核实' WHERE id = $1`, [personalCase]);
  });

  it("another unit's case, act or file is not found", async () => {
    const [first] = await platform.caseFiles.list(wang, classCase);
    for (const p of [
      () => platform.caseFiles.attach(li, classCase, actId, [{ name: 'a.pdf', bytes: PDF }]),
      () => platform.caseFiles.list(li, classCase),
      () => platform.caseFiles.download(li, first!.id),
      () => platform.caseFiles.attach(wang, personalCase, actId, [{ name: 'a.pdf', bytes: PDF }]),
    ]) {
      expect((await failure(p())).status).toBe(404);
    }
  });
});

describe('Word documents', () => {
  const ref = resolveReference('终本规定 第一条（三）');

  it('generates a class 检察建议书 naming its three 案号 and quoting the articles, versioned', async () => {
    const v1 = await platform.documents.generate(wang, classCase, { kind: '检察建议书' });
    expect(v1).toMatchObject({ version: 1, status: '草稿', source: '生成', revealed: false });
    const file = await platform.documents.download(wang, v1.id);
    const text = await textOf(file.bytes);
    for (const no of [CASE_A, CASE_A2, CASE_A3]) expect(text).toContain(no);
    expect(text).toContain('杭州市上城区人民检察院');
    expect(text).toContain('检察建议书');
    expect(text).toContain('〔　　〕　号');
    expect(text).toContain('杭州市上城区人民法院：');
    expect(text).toContain('请于收到本检察建议书之日起三个月内书面回复');
    if (typeof ref === 'string') throw new Error(ref);
    expect(text).toContain(
      `《最高人民法院关于严格规范终结本次执行程序的规定（试行）》${ref.article.article}：`,
    );
    expect(text).toContain(ref.article.text.split('\n')[0]!.slice(0, 30));
    expect(text).toContain('《中华人民共和国民事诉讼法》第二百四十六条');
    expect(text).toContain('不动产登记.xlsx 第9行');
    expect(text).toContain('执行案件.xlsx 第3行');
    // Names shown (an official document), ID numbers masked without the reveal right.
    expect(text).toContain(XSS_NAME);
    expect(text).not.toContain(DEBTOR_A);
    expect(text).toContain('2023年6月30日'); // 终本日期 of CASE_A
    const v2 = await platform.documents.generate(wang, classCase, { kind: '检察建议书' });
    expect(v2.version).toBe(2);
    expect((await audits('view_case_document')).at(-1)?.detail).toContain('检察建议书第 1 版');
    expect(file.fileName).toMatch(/^检察建议书（.+）第1版\.docx$/);
  });

  it('generates the referral letter and the internal report', async () => {
    const letter = await platform.documents.generate(wang, classCase, {
      kind: '线索移送函',
      addressee: '杭州市公安局上城区分局',
    });
    const text = await textOf((await platform.documents.download(wang, letter.id)).bytes);
    expect(text).toContain('线索移送函');
    expect(text).toContain('杭州市公安局上城区分局：');
    expect(text).toContain(
      '《最高人民法院、最高人民检察院关于办理拒不执行判决、裁定刑事案件适用法律若干问题的解释》第一条',
    );
    const report = await platform.documents.generate(wang, classCase, { kind: '审查终结报告' });
    const r = await textOf((await platform.documents.download(wang, report.id)).bytes);
    expect(r).toContain('审查终结报告');
    expect(r).toContain('以上意见妥否，请审批');
  });

  it('refuses to reveal IDs without the right', async () => {
    const e = await failure(
      platform.documents.generate(wang, classCase, { kind: '检察建议书', reveal: true }),
    );
    expect(e.code).toBe('FORBIDDEN');
  });

  it('takes an edited .docx as the next version, checked by content', async () => {
    const edited = await docxOf(['检察建议书（修改稿）']);
    const v = await platform.documents.uploadVersion(
      wang,
      classCase,
      { kind: '检察建议书' },
      {
        name: '修改稿.docx',
        bytes: edited,
      },
    );
    expect(v).toMatchObject({ version: 3, source: '上传', fileName: '修改稿.docx' });
    const files = storedFiles();
    const e = await failure(
      platform.documents.uploadVersion(
        wang,
        classCase,
        { kind: '检察建议书' },
        { name: '假的.docx', bytes: PDF },
      ),
    );
    expect(e.code).toBe('FILE_TYPE_REFUSED');
    expect(e.message).toContain('假的.docx');
    expect(storedFiles()).toBe(files);
    const list = await platform.documents.list(wang, classCase);
    expect(list.versions.filter((x) => x.kind === '检察建议书').map((x) => x.version)).toEqual([
      1, 2, 3,
    ]);
  });

  it('renders the issued recommendation as 定稿 with its number and date', async () => {
    const [rec] = await db.all<{ id: number }>(
      `INSERT INTO supervision_recommendations (case_id, unit_id, kind, case_count, addressee, state,
         doc_no, issued_on, reply_due)
       VALUES ($1, '330102', '类案', 3, '杭州市上城区人民法院', '已发出', '浙杭上检民执建〔2025〕3号',
         DATE '2025-10-08', DATE '2026-01-08') RETURNING id`,
      [classCase],
    );
    const final = await platform.documents.renderIssued(wang, Number(rec!.id));
    expect(final).toMatchObject({ status: '定稿', version: 1, recommendationId: Number(rec!.id) });
    const text = await textOf((await platform.documents.download(wang, final.id)).bytes);
    expect(text).toContain('浙杭上检民执建〔2025〕3号');
    expect(text).toContain('2025年10月8日');
    expect(text).toContain('2026年1月8日');
    const [draft] = await db.all<{ id: number }>(
      `INSERT INTO supervision_recommendations (case_id, unit_id, kind, addressee, state)
       VALUES ($1, '330102', '类案', '杭州市上城区人民法院', '草稿') RETURNING id`,
      [classCase],
    );
    expect((await failure(platform.documents.renderIssued(wang, Number(draft!.id)))).code).toBe(
      'RECOMMENDATION_NOT_ISSUED',
    );
    expect((await failure(platform.documents.renderIssued(li, Number(rec!.id)))).status).toBe(404);
  });

  it('keeps the wording of an edited draft in the 定稿, filling its number and date blanks', async () => {
    const [rec] = await db.all<{ id: number }>(
      `INSERT INTO supervision_recommendations (case_id, unit_id, kind, case_count, addressee, state)
       VALUES ($1, '330102', '类案', 3, '杭州市上城区人民法院', '草稿') RETURNING id`,
      [classCase],
    );
    const recId = Number(rec!.id);
    const draft = await platform.documents.generate(wang, classCase, {
      kind: '检察建议书',
      recommendationId: recId,
    });
    // The user edits the generated draft in Word: a sentence of their own, the blanks kept.
    const zip = new PizZip(await platform.caseWriter.files.read((await storedName(draft.id))!));
    const xml = zip.file('word/document.xml')!.asText();
    zip.file(
      'word/document.xml',
      xml.replace('现将有关情况及建议通报如下', '经检察官联席会议讨论，现通报如下'),
    );
    const edited = zip.generate({ type: 'nodebuffer' });
    await platform.documents.uploadVersion(
      wang,
      classCase,
      { kind: '检察建议书', recommendationId: recId },
      {
        name: '联席会议修改稿.docx',
        bytes: edited,
      },
    );
    await db.run(
      `UPDATE supervision_recommendations SET state = '已发出', doc_no = '浙杭上检民执建〔2025〕4号',
         issued_on = DATE '2025-11-03', reply_due = DATE '2026-02-03' WHERE id = $1`,
      [recId],
    );
    const final = await platform.documents.renderIssued(wang, recId);
    expect(final).toMatchObject({
      status: '定稿',
      source: '上传',
      version: 3,
      fileName: '联席会议修改稿.docx',
    });
    const text = await textOf((await platform.documents.download(wang, final.id)).bytes);
    expect(text).toContain('经检察官联席会议讨论');
    expect(text).toContain('浙杭上检民执建〔2025〕4号');
    expect(text).toContain('2025年11月3日');
    expect(text).not.toContain('〔　　〕　号');
  });

  it('refuses a template with an unknown and a missing placeholder, naming both', async () => {
    const bad = await docxOf([
      '{单位名称}',
      '{文号}',
      '{主送单位}：',
      '{案件事实}',
      '{检察建议}',
      '{日期}',
      '{法律依据}',
      '{承办人}',
    ]);
    const [rows, files] = [await count('document_templates'), storedFiles()];
    const e = await failure(
      platform.documents.uploadTemplate(wang, '检察建议书', { name: '本院模板.docx', bytes: bad }),
    );
    expect(e.code).toBe('BAD_TEMPLATE');
    expect(e.message).toContain('本院模板.docx');
    expect(e.message).toContain('{承办人}');
    expect(e.message).toContain('{回复期限}');
    expect([await count('document_templates'), storedFiles()]).toEqual([rows, files]);
  });

  it("uses the unit's template when there is one, with the class table as a loop", async () => {
    const good = await docxOf([
      '{单位名称}',
      '检察建议书',
      '{文号}',
      '{主送单位}：',
      '{案件事实}',
      '{#案件列表}',
      '{序号}. {案号} {被执行人} {终本日期}',
      '{/案件列表}',
      '{审查意见}',
      '{法律依据}',
      '{检察建议}',
      '{回复期限}',
      '{日期}',
    ]);
    const t = await platform.documents.uploadTemplate(wang, '检察建议书', {
      name: '本院模板.docx',
      bytes: good,
    });
    expect(t.placeholders).toContain('案件列表.案号');
    expect((await platform.documents.list(wang, classCase)).templateKinds).toEqual(['检察建议书']);
    const v = await platform.documents.generate(wang, classCase, { kind: '检察建议书' });
    expect(v.source).toBe('模板');
    const text = await textOf((await platform.documents.download(wang, v.id)).bytes);
    for (const no of [CASE_A, CASE_A2, CASE_A3]) expect(text).toContain(no);
    expect(text).toContain('请于收到本检察建议书之日起三个月内书面回复');
    expect(text).not.toContain('{');
    // Another unit has its own templates (none).
    expect(await platform.documents.templates(li)).toEqual([]);
    expect(await platform.documents.removeTemplate(wang, '检察建议书')).toEqual([]);
  });

  it("another unit's case or version is not found", async () => {
    const [v] = (await platform.documents.list(wang, classCase)).versions;
    for (const p of [
      () => platform.documents.generate(li, classCase, { kind: '检察建议书' }),
      () => platform.documents.list(li, classCase),
      () => platform.documents.download(li, v!.id),
    ]) {
      expect((await failure(p())).status).toBe(404);
    }
  });
});
