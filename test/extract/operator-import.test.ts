/**
 * Extraction import and review as an operator (the web job, the review form, `extract --import`):
 * the services write the audit row naming the operator and signal the change themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../src/audit/audit.service.ts';
import { importExtractedAs } from '../../src/extract/extract-import.service.ts';
import { extractFiles, type ExtractionResult } from '../../src/extract/extract.service.ts';
import { listPendingReviews, saveCorrectionsAs } from '../../src/extract/review.service.ts';
import { DataChanges, type DataChange } from '../../src/org/data-changes.ts';
import type { Operator, ServiceContext } from '../../src/org/operator.ts';
import { Database } from '../../src/store/database.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const OPERATOR: Operator = {
  userId: null,
  username: 'cli:tester',
  unitId: null,
  ip: 'cli:tester',
  canViewFullId: false,
};

describe('extraction import and review audited and signalled by the services', () => {
  let dir: string;
  let ctx: ServiceContext;
  const signals: DataChange[] = [];
  const results: ExtractionResult[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-extract-op-'));
    const db = await Database.open(join(dir, 'test.duckdb'));
    ctx = { db, audit: new AuditService(db), changes: new DataChanges() };
    ctx.changes.subscribe((c) => signals.push(c));
    const files = ['02-终本-txt.txt', '43-新闻-txt.txt'].map((f) => join(CORPUS, f));
    for await (const r of extractFiles(files, { keepText: true })) results.push(r);
  });
  afterAll(() => {
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const audit = () =>
    ctx.db.all<{ username: string; ip: string; action: string; target: string; detail: string }>(
      `SELECT username, ip, action, target, detail FROM audit_log ORDER BY id`,
    );

  it('imports: one import row naming the operator and what was stored, one change signal', async () => {
    const r = await importExtractedAs(ctx, OPERATOR, results, { threshold: 0.93 });
    expect(r.documents).toBe(1);
    expect(signals).toEqual(['data']);
    const rows = await audit();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'cli:tester', ip: 'cli:tester', action: 'import' });
    expect(rows[0]?.detail).toContain('导入 1 份裁定书');
    expect(rows[0]?.detail).toContain('未导入 1 份');
    const batches = await ctx.db.all<{ created_by: string }>(`SELECT created_by FROM batches`);
    expect(new Set(batches.map((b) => b.created_by))).toEqual(new Set(['cli:tester']));
  });

  it('saves corrections: audited on the document, change signalled', async () => {
    const [pending] = await listPendingReviews(ctx.db);
    const documentId = pending?.documentId ?? 0;
    await saveCorrectionsAs(ctx, OPERATOR, documentId, [
      { field: 'claimAmount', value: 123456.78 },
    ]);
    expect(signals).toEqual(['data', 'data']);
    const last = (await audit()).at(-1);
    expect(last).toMatchObject({
      username: 'cli:tester',
      target: `文书 ${documentId}`,
      detail: '复核更正 1 个字段',
    });
  });

  it('nothing to import: the refusal is audited, no change signalled', async () => {
    const news = results.filter((r) => r.docType === '其他');
    await expect(importExtractedAs(ctx, OPERATOR, news)).rejects.toThrow(/没有可导入的裁定书/);
    expect(signals).toEqual(['data', 'data']);
    expect((await audit()).at(-1)?.detail).toContain('文书提取失败');
  });
});
