import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExtracted } from '../../src/extract/extract-import.service.ts';
import { extractFiles, type ExtractionResult } from '../../src/extract/extract.service.ts';
import {
  getReviewDocument,
  listPendingReviews,
  saveCorrections,
} from '../../src/extract/review.service.ts';
import { Database } from '../../src/store/database.ts';

const CORPUS = join(import.meta.dirname, 'corpus');
const FILES = [
  '02-终本-txt.txt',
  '12-执恢-txt.txt',
  '17-终本-html-div.html',
  '43-新闻-txt.txt',
].map((f) => join(CORPUS, f));

describe('extracted rulings into the ledger, and their review', () => {
  let dir: string;
  let db: Database;
  let results: ExtractionResult[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhijian-extract-'));
    db = await Database.open(join(dir, 'test.duckdb'));
    results = [];
    for await (const r of extractFiles(FILES, { keepText: true })) results.push(r);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one extracted batch per dataset with provenance and confidence, and flags weak fields', async () => {
    // A high threshold so that some fields of these clean texts are flagged too.
    const r = await importExtracted(db, results, { threshold: 0.93, user: 'tester' });
    expect(r.documents).toBe(3);
    expect(r.skipped).toEqual([{ file: FILES[3], reason: '不是执行裁定书' }]);
    expect(r.batches.map((b) => b.dataset)).toEqual([
      'enforcement_cases',
      'case_parties',
      'case_actions',
    ]);
    const kinds = await db.all<{ kind: string; n: string }>(
      `SELECT kind, count(*) AS n FROM batches GROUP BY kind`,
    );
    expect(kinds).toEqual([{ kind: 'extracted', n: '3' }]);

    const cases = await db.all<Record<string, unknown>>(
      `SELECT case_no, closure_type, closed_date, target_amount, _file, _row, _confidence FROM enforcement_cases ORDER BY _row`,
    );
    expect(cases.map((c) => c.case_no)).toEqual([
      results[0]?.caseNo,
      results[1]?.caseNo,
      results[2]?.caseNo,
    ]);
    expect(cases[0]).toMatchObject({
      closure_type: '终结本次执行程序',
      closed_date: results[0]?.rulingDate,
      _file: FILES[0],
      _row: 1,
    });
    expect(Number(cases[0]?.target_amount)).toBe(results[0]?.claimAmount);
    // A 执恢 ruling does not close its case.
    expect(cases[1]).toMatchObject({ closure_type: null, closed_date: null });
    const confidence = JSON.parse(String(cases[0]?._confidence)) as Record<string, number>;
    expect(confidence.case_no).toBeCloseTo(results[0]?.confidence.caseNo ?? 0);

    const parties = await db.all(
      `SELECT party_role, party_name, party_id FROM case_parties WHERE _row = 1 ORDER BY party_role DESC, party_name`,
    );
    expect(parties.length).toBe(
      (results[0]?.applicants.length ?? 0) + (results[0]?.debtors.length ?? 0),
    );
    const actions = await db.all(
      `SELECT action_type, action_date, action_wording FROM case_actions WHERE _row = 1`,
    );
    expect(actions.length).toBe(results[0]?.actions.filter((a) => a.date).length);

    const pending = await listPendingReviews(db);
    expect(pending.length).toBe(r.reviews);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.confidence < 0.93)).toBe(true);
  });

  it('saves corrections into the ledger rows and records who confirmed what', async () => {
    const [first] = await listPendingReviews(db);
    expect(first).toBeDefined();
    const documentId = first?.documentId ?? 0;
    const { document } = await getReviewDocument(db, documentId);
    expect(document.text).toContain('裁定');
    const caseNo = String(document.fields.caseNo);

    await saveCorrections(
      db,
      documentId,
      [
        { field: 'claimAmount', value: 123456.78 },
        { field: 'debtors', value: [{ name: '更正某某', idNo: null }] },
        { field: 'filedDate', value: document.fields.filedDate },
      ],
      'reviewer',
    );
    const row = await db.one(
      `SELECT target_amount, debtors, _key FROM enforcement_cases WHERE case_no = $1`,
      [caseNo],
    );
    expect(Number(row?.target_amount)).toBe(123456.78);
    expect(row?.debtors).toBe('更正某某');
    const debtors = await db.all(
      `SELECT party_name FROM case_parties WHERE case_no = $1 AND party_role = '被执行人'`,
      [caseNo],
    );
    expect(debtors).toEqual([{ party_name: '更正某某' }]);

    const after = await getReviewDocument(db, documentId);
    const byField = new Map(after.reviews.map((r) => [r.field, r]));
    expect(byField.get('claimAmount')).toMatchObject({
      status: 'corrected',
      correctedValue: 123456.78,
      reviewedBy: 'reviewer',
    });
    expect(byField.get('filedDate')?.status).toBe('confirmed');
    expect(after.document.fields.claimAmount).toBe(123456.78);

    // An act list typed in the court's own wording is mapped to the vocabulary.
    await saveCorrections(
      db,
      documentId,
      [
        {
          field: 'actions',
          value: [{ type: '执行通知书', date: '2021-02-03', text: '发出执行通知书' }],
        },
      ],
      'reviewer',
    );
    const acts = await db.all(
      `SELECT action_type, CAST(action_date AS VARCHAR) AS d FROM case_actions WHERE case_no = $1`,
      [caseNo],
    );
    expect(acts).toEqual([{ action_type: '执行通知', d: '2021-02-03' }]);

    await expect(
      saveCorrections(db, documentId, [{ field: 'rulingDate', value: '2021年1月1日' }], 'x'),
    ).rejects.toThrow(/裁定日期/);
  });
});
