import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UploadResponse } from '../../src/contract/data.ts';
import type { ExtractionJobResult, ReviewDocument } from '../../src/contract/extract.ts';
import type { Job } from '../../src/contract/jobs.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from '../api/harness.ts';

const CORPUS = join(import.meta.dirname, 'corpus');

function form(files: { name: string; bytes: Uint8Array }[]): FormData {
  const fd = new FormData();
  for (const f of files) fd.append('files', new File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  return fd;
}

async function waitForJob(client: Client, jobId: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = await client.json<Job>('GET', `/api/jobs/${jobId}`);
    if (job.body.state === 'succeeded' || job.body.state === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

describe('文书复核 from the web (issue 13)', () => {
  let h: Harness;
  let prosecutor: Client;
  beforeEach(async () => {
    h = await openHarness();
    const u = await addUser(h, 'jianchaguan', '330102', ['prosecutor']);
    prosecutor = await signedIn(h, u.username, u.password);
  });
  afterEach(() => h.close());

  it('a prosecutor uploads several rulings, extracts them in a job, reviews and corrects one', async () => {
    const names = [
      'real-03-终本-浙-txt.txt',
      '17-终本-html-div.html',
      '43-新闻-txt.txt',
      'real-09-终本-鄂-wrapped-txt.txt',
    ];
    const up = await prosecutor.json<UploadResponse>(
      'POST',
      '/api/extract/uploads',
      form(names.map((name) => ({ name, bytes: readFileSync(join(CORPUS, name)) }))),
    );
    expect(up.status).toBe(200);
    expect(up.body.files.map((f) => f.fileName)).toEqual(names);

    const started = await prosecutor.json<{ jobId: string }>('POST', '/api/extract/jobs', {
      uploadIds: up.body.files.map((f) => f.uploadId),
      ocr: 'never',
    });
    expect(started.status).toBe(200);
    const job = await waitForJob(prosecutor, started.body.jobId);
    expect(job.state).toBe('succeeded');
    const result = job.result as ExtractionJobResult;
    expect(result.imported).toBe(3);
    expect(result.documents.map((d) => d.docType)).toEqual([
      '终本裁定',
      '终本裁定',
      '其他',
      '终本裁定',
    ]);
    // Amounts that disagree are named in Chinese, each with its reason.
    const doubtful = result.documents[3];
    expect(doubtful?.lowConfidenceFields).toEqual(
      expect.arrayContaining(['执行标的金额', '实际到位金额', '未履行金额']),
    );
    expect(doubtful?.lowConfidenceReasons['未履行金额']).toContain('≠');
    expect(result.documents[2]?.note).toBe('不是执行裁定书');
    const first = result.documents[0];
    expect(first?.documentId).not.toBeNull();

    // Beside the text: the fields, Chinese labels, and why a field is uncertain.
    const doc = await prosecutor.json<ReviewDocument>(
      'GET',
      `/api/extract/documents/${first?.documentId ?? ''}`,
    );
    expect(doc.status).toBe(200);
    expect(doc.body.fileName).toBe('real-03-终本-浙-txt.txt');
    expect(doc.body.text).toContain('执行裁定书');
    // Personal data masked by default, in the text and in the party fields.
    const debtors = doc.body.fields.find((f) => f.name === 'debtors')?.value ?? '';
    expect(doc.body.text + debtors).not.toContain('330184198802113318');
    expect(debtors).toContain('朱某某');
    const unpaid = doc.body.fields.find((f) => f.name === 'unpaidAmount');
    expect(unpaid?.label).toBe('未履行金额');
    expect(unpaid?.value).toBe('100000');
    expect(unpaid?.reason).toContain('推算');
    expect(doc.body.fields.find((f) => f.name === 'actions')?.reason).toContain('未计入');

    const saved = await prosecutor.json<ReviewDocument>(
      'PUT',
      `/api/extract/documents/${first?.documentId ?? ''}`,
      {
        fields: [
          { name: 'unpaidAmount', value: '99000' },
          { name: 'debtors', value: debtors },
        ],
        confirm: true,
      },
    );
    expect(saved.status).toBe(200);
    // Sending the masked list back keeps the stored ID (the ledger is not overwritten with `*`).
    const rows = await h.db.all<{ party_id: string }>(
      `SELECT party_id FROM case_parties WHERE party_name = '朱某某'`,
    );
    expect(rows.map((r) => r.party_id)).toContain('330184198802113318');
    expect(saved.body.fields.find((f) => f.name === 'unpaidAmount')).toMatchObject({
      value: '99000',
      corrected: true,
    });
  });

  it('refuses a file it cannot read by name, in Chinese', async () => {
    const res = await prosecutor.json<{ message: string }>(
      'POST',
      '/api/extract/uploads',
      form([{ name: '台账.xlsx', bytes: new Uint8Array([1, 2, 3]) }]),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('台账.xlsx');
    expect(res.body.message).toContain('pdf');
  });
});
