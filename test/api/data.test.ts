import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Batch,
  ImportReport,
  PreviewResponse,
  UploadResponse,
} from '../../src/contract/data.ts';
import type { Job } from '../../src/contract/jobs.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

/** A real xlsx of 执行案件台账: two good rows and one with a bad date. */
async function casesWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('终本案件');
  ws.addRow([
    '案号',
    '执行法院',
    '立案日期',
    '结案日期',
    '结案方式',
    '执行标的金额',
    '被执行人',
    '被执行人证件号码',
  ]);
  ws.addRow([
    '（2024）浙0102执1号',
    '杭州市上城区人民法院',
    '2024-01-02',
    '2024-05-06',
    '终结本次执行程序',
    '1000',
    '甲',
    '33010219800101123X',
  ]);
  ws.addRow([
    '（2024）浙0102执2号',
    '杭州市上城区人民法院',
    '2024-01-03',
    '2024-05-07',
    '终结本次执行程序',
    '2000',
    '乙',
    '330102198001021235',
  ]);
  ws.addRow([
    '（2024）浙0102执3号',
    '杭州市上城区人民法院',
    '二〇二四年十三月',
    '2024-05-08',
    '终结本次执行程序',
    '3000',
    '丙',
    '330102198001031230',
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A zip whose one entry inflates from ~300 KB to 300 MB (declared honestly in its directory). */
function zipBomb(): Uint8Array {
  const raw = Buffer.alloc(300 * 1024 * 1024);
  const data = deflateRawSync(raw, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(raw.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(raw.length, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

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

describe('data: uploads, preview, import job, batches, templates', () => {
  let h: Harness;
  let data: Client;
  beforeEach(async () => {
    h = await openHarness({ maxUploadBytes: 50 * 1024 * 1024 });
    const u = await addUser(h, 'shuju', '330102', ['data_admin']);
    data = await signedIn(h, u.username, u.password);
  });
  afterEach(() => h.close());

  it('refuses a 2 GB upload early, from Content-Length, with a clear message', async () => {
    const res = await data.request('POST', '/api/uploads', 'x', {
      'content-length': String(2 * 1024 ** 3),
      'content-type': 'multipart/form-data; boundary=zz',
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('UPLOAD_TOO_LARGE');
    expect(body.message).toContain('上限为 50 MB');
  });

  it('cuts off a chunked upload (no Content-Length) at the limit while it streams, keeping nothing', async () => {
    const small = await openHarness({ maxUploadBytes: 1024 * 1024 });
    try {
      const u = await addUser(small, 'xiao', '330102', ['data_admin']);
      const client = await signedIn(small, u.username, u.password);
      const boundary = 'zhijianboundary';
      const line = new TextEncoder().encode(
        '（2021）浙0102执1号,杭州市上城区人民法院,2021-03-05\n',
      );
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            new TextEncoder().encode(
              `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="台账.csv"\r\n` +
                `Content-Type: text/csv\r\n\r\n`,
            ),
          );
        },
        pull(controller) {
          // 3 MB of rows, produced as they are read: never a whole body in the test either.
          if (sent > 3 * 1024 * 1024) {
            controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
            controller.close();
            return;
          }
          for (let i = 0; i < 1000; i++) controller.enqueue(line);
          sent += line.length * 1000;
        },
      });
      const res = await client.request('POST', '/api/uploads', body, {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      });
      expect(res.status).toBe(413);
      const json = (await res.json()) as { code: string; message: string };
      expect(json.code).toBe('UPLOAD_TOO_LARGE');
      expect(json.message).toContain('上限为 1 MB');
      expect(sent).toBeLessThan(3 * 1024 * 1024);
      const dir = join(small.dir, 'uploads');
      expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    } finally {
      small.close();
    }
  });

  it('refuses an xlsx zip bomb before parsing it', async () => {
    const res = await data.request(
      'POST',
      '/api/uploads',
      form([{ name: '炸弹.xlsx', bytes: zipBomb() }]),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('ZIP_BOMB');
    expect(body.message).toContain('炸弹.xlsx');
    // Nothing of it is kept.
    const dir = join(h.dir, 'uploads');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('stores a ../ file name safely inside the upload folder', async () => {
    const res = await data.json<UploadResponse>(
      'POST',
      '/api/uploads',
      form([{ name: '../../../etc/执行案件.xlsx', bytes: await casesWorkbook() }]),
    );
    expect(res.status).toBe(200);
    const file = res.body.files[0];
    expect(file?.fileName).toBe('执行案件.xlsx');
    // Stored byte for byte as sent (streamed to disk).
    expect(file?.size).toBe((await casesWorkbook()).byteLength);
    const folder = join(h.dir, 'uploads', file?.uploadId ?? '');
    expect(readdirSync(folder).sort()).toEqual(['meta.json', '执行案件.xlsx']);
    expect(existsSync(join(h.dir, 'etc'))).toBe(false);
    // Someone else's upload id is unknown to another user.
    const other = await addUser(h, 'other', '330105', ['data_admin']);
    const client = await signedIn(h, other.username, other.password);
    const preview = await client.json('POST', '/api/uploads/preview', {
      uploadIds: [file?.uploadId],
    });
    expect(preview.status).toBe(404);
  });

  it('uploads, previews, imports in the background with a report, lists and rolls back batches', async () => {
    const up = await data.json<UploadResponse>(
      'POST',
      '/api/uploads',
      form([{ name: '执行案件.xlsx', bytes: await casesWorkbook() }]),
    );
    const uploadId = up.body.files[0]?.uploadId ?? '';
    const preview = await data.json<PreviewResponse>('POST', '/api/uploads/preview', {
      uploadIds: [uploadId],
    });
    expect(preview.status).toBe(200);
    const sheet = preview.body.files[0]?.sheets[0];
    expect(sheet?.dataset).toBe('enforcement_cases');
    expect(sheet?.mapping.find((m) => m.header === '案号')?.column).toBe('case_no');
    expect(JSON.stringify(sheet?.sampleRows)).not.toContain('33010219800101123X');

    const started = await data.json<{ jobId: string }>('POST', '/api/imports', {
      files: [{ uploadId, dataset: 'enforcement_cases' }],
      skipBadRows: true,
    });
    expect(started.status).toBe(200);
    const job = await waitForJob(data, started.body.jobId);
    expect(job.state).toBe('succeeded');
    const report = job.result as ImportReport;
    expect(report.batches[0]).toMatchObject({
      dataset: 'enforcement_cases',
      imported: 2,
      rejected: 1,
    });
    expect(report.badRows[0]).toMatchObject({ row: 4, column: '立案日期' });
    expect(report.reasons.reduce((s, r) => s + r.count, 0)).toBeGreaterThan(0);
    const xlsx = await data.request('GET', `/api/imports/${started.body.jobId}/report.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    // The job list after a "reload".
    const jobs = await data.json<Job[]>('GET', '/api/jobs');
    expect(jobs.body.map((j) => j.id)).toContain(started.body.jobId);

    const batches = await data.json<Batch[]>('GET', '/api/batches');
    const batch = batches.body.find((b) => b.id === report.batches[0]?.batchId);
    expect(batch).toMatchObject({
      unitId: '330102',
      rowsImported: 2,
      files: ['执行案件.xlsx（终本案件）'],
    });
    // Another county neither sees nor rolls back this batch.
    const other = await addUser(h, 'gongshu', '330105', ['data_admin']);
    const client = await signedIn(h, other.username, other.password);
    expect((await client.json<Batch[]>('GET', '/api/batches')).body.map((b) => b.id)).not.toContain(
      batch?.id,
    );
    expect((await client.json('POST', `/api/batches/${batch?.id}/rollback`)).status).toBe(404);
    const rolled = await data.json<Batch>('POST', `/api/batches/${batch?.id}/rollback`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.status).toBe('rolled_back');
  });

  it('province data is shared down: a county sees the province batch', async () => {
    const { batchId } = await seedTwoCounties(h.db);
    const batches = await data.json<Batch[]>('GET', '/api/batches');
    expect(batches.body.map((b) => b.id)).toContain(batchId);
    // …but cannot roll it back: it is the province's (visible, so refused with the reason).
    const refused = await data.json<{ message: string }>(
      'POST',
      `/api/batches/${batchId}/rollback`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('只能由该单位或其上级单位的数据管理员回滚');
  });

  it('streams job progress over SSE and ends', async () => {
    const up = await data.json<UploadResponse>(
      'POST',
      '/api/uploads',
      form([{ name: 'a.xlsx', bytes: await casesWorkbook() }]),
    );
    const started = await data.json<{ jobId: string }>('POST', '/api/imports', {
      files: [{ uploadId: up.body.files[0]?.uploadId }],
      dryRun: true,
    });
    const res = await data.request('GET', `/api/jobs/${started.body.jobId}/events`);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    expect(text).toContain('event: progress');
    expect(text).toContain('event: end');
    expect(text).toMatch(/"state":"succeeded"/);
    // Someone else's job is not found.
    const other = await addUser(h, 'x2', '330105', ['data_admin']);
    const client = await signedIn(h, other.username, other.password);
    expect((await client.json('GET', `/api/jobs/${started.body.jobId}`)).status).toBe(404);
    expect((await client.json('GET', `/api/jobs/${started.body.jobId}/events`)).status).toBe(404);
    expect(
      (await client.request('GET', `/api/imports/${started.body.jobId}/report.xlsx`)).status,
    ).toBe(404);
  });

  it('serves templates of a dataset', async () => {
    const res = await data.request('GET', '/api/templates/enforcement_cases');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]?.getRow(1).getCell(1).value).toBe('案号');
    expect((await data.request('GET', '/api/templates/nope')).status).toBe(404);
  });

  it('a prosecutor may not import', async () => {
    const u = await addUser(h, 'jcg', '330102', ['prosecutor']);
    const client = await signedIn(h, u.username, u.password);
    const res = await client.request(
      'POST',
      '/api/uploads',
      form([{ name: 'a.xlsx', bytes: await casesWorkbook() }]),
    );
    expect(res.status).toBe(403);
  });
});
