import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreviewResponse } from '../../src/contract/data.ts';
import { PreviewRunner } from '../../src/ingest/preview-runner.ts';
import { addUser, signedIn, type Client, type Harness, openHarness } from './harness.ts';

/** Issue 14 "The server stays up": previews parse on a worker, the request thread keeps answering. */
describe('previews off the request thread', () => {
  let h: Harness;
  let data: Client;
  beforeEach(async () => {
    h = await openHarness({ maxUploadBytes: 200 * 1024 * 1024 });
    const u = await addUser(h, 'shuju', '330102', ['data_admin']);
    data = await signedIn(h, u.username, u.password);
  });
  afterEach(() => h.close());

  async function upload(name: string, path: string): Promise<string> {
    const fd = new FormData();
    fd.append('files', new File([readFileSync(path)], name));
    const res = await data.json<{ files: { uploadId: string }[] }>('POST', '/api/uploads', fd);
    expect(res.status).toBe(200);
    return res.body.files[0]?.uploadId ?? '';
  }

  it('answers other requests while big previews run, with small answers and clear messages', async () => {
    // 30 MB of `a,` with no line break (the parser re-reads the unfinished row: millions of fields
    // per chunk), and a 2,000-column file.
    const flat = join(h.dir, 'flat.csv');
    const fd = openSync(flat, 'w');
    const mb = Buffer.alloc(1 << 20, 'a,');
    for (let i = 0; i < 30; i++) writeSync(fd, mb);
    closeSync(fd);
    const wide = join(h.dir, 'wide.csv');
    const header = ['案号', ...Array.from({ length: 1999 }, (_, i) => `附加列${i}`)].join(',');
    const cells = Array.from({ length: 2000 }, () => 'z'.repeat(300)).join(',');
    writeFileSync(wide, [header, ...Array.from({ length: 30 }, () => cells)].join('\n') + '\n');
    const ids = [await upload('无换行.csv', flat), await upload('宽表.csv', wide)];
    rmSync(flat);

    // The request thread's own stalls while the previews run.
    let last = performance.now();
    let worstGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    const t0 = performance.now();
    let finished = false;
    const previewing = data
      .json<PreviewResponse>('POST', '/api/uploads/preview', { uploadIds: [...ids, ...ids] })
      .finally(() => (finished = true));
    const answered: number[] = [];
    while (!finished) {
      const t = performance.now();
      const res = await data.request('GET', '/api/jobs');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      if (!finished) answered.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
    clearInterval(ticker);
    const preview = await previewing;
    const previewMs = performance.now() - t0;

    expect(preview.status).toBe(200);
    const [flatPreview, widePreview] = preview.body.files;
    expect(flatPreview?.problems[0]).toContain('文件 无换行.csv 第 1 行超过 4 MB');
    expect(widePreview?.problems).toEqual([]);
    expect(widePreview?.sheets[0]?.mapping).toHaveLength(2000);
    expect(Object.keys(widePreview?.sheets[0]?.sampleRows[0] ?? {}).length).toBe(50);
    // Small: four previews of 30 MB and 18 MB files.
    expect(JSON.stringify(preview.body).length).toBeLessThan(400_000);
    expect(previewMs).toBeLessThan(20_000);
    // The other requests were answered meanwhile, promptly.
    // (Parsed on the request thread: 8 answers, 488 ms at worst; on the worker: 110, 60 ms.)
    expect(answered.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...answered)).toBeLessThan(400);
    expect(worstGap).toBeLessThan(400);
  }, 60_000);

  it('a worker out of memory fails the preview with a message naming the file', async () => {
    const path = join(h.dir, '台账.csv');
    writeFileSync(
      path,
      `案号,执行法院\n${'（2021）浙0102执1号,杭州市上城区人民法院\n'.repeat(50_000)}`,
    );
    // A heap too small for the worker's own start: the backstop, not a real preview's need.
    const runner = new PreviewRunner({ maxHeapMb: 4 });
    try {
      await expect(runner.preview(path)).rejects.toThrow(/文件 台账\.csv 预览时占用内存过多/);
    } finally {
      await runner.close();
    }
  }, 60_000);

  it('ends a preview that takes too long with a message naming the file, and recovers', async () => {
    const path = join(h.dir, '台账.csv');
    writeFileSync(path, '案号,执行法院\n（2021）浙0102执1号,杭州市上城区人民法院\n');
    const runner = new PreviewRunner({ timeoutMs: 1 });
    try {
      await expect(runner.preview(path)).rejects.toThrow(/文件 台账\.csv 预览超时/);
      const slow = new PreviewRunner({ timeoutMs: 30_000 });
      try {
        const ok = await slow.preview(path);
        expect(ok.sheets[0]?.mapping[0]?.column).toBe('case_no');
      } finally {
        await slow.close();
      }
    } finally {
      await runner.close();
    }
  }, 60_000);
});
