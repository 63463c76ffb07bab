import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from '../../src/audit/audit.service.ts';
import { OrgService } from '../../src/org/org.service.ts';
import { writeBatch } from '../../src/store/batch.repo.ts';
import { insertCampaign } from '../../src/store/campaign.repo.ts';
import { Database } from '../../src/store/database.ts';
import { runCli } from '../cli/run-cli.ts';
import { validId } from '../ingest/make-files.ts';

/** `zhijian run --scope campaign=<编号>`: bounded by the campaign, its leads carry it. */
describe('a CLI run under a campaign', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-campaign-cli-'));
  const dbPath = join(dir, 'cli.duckdb');
  let id: number;

  beforeAll(async () => {
    const db = await Database.open(dbPath);
    await new OrgService(db, new AuditService(db)).ensureUnits('33');
    const batch = (dataset: string, values: Record<string, string>) =>
      writeBatch(db, {
        dataset,
        kind: 'import',
        unitId: '330000',
        files: [{ file: `${dataset}.xlsx` }],
        rows: [{ values, file: `${dataset}.xlsx`, row: 2 }],
      });
    const debtor = validId(1);
    await batch('enforcement_cases', {
      case_no: '（2023）浙0102执1号',
      court: '法院',
      filed_date: '2023-01-05',
      closed_date: '2023-06-30',
      closure_type: '终结本次执行程序',
      unpaid_amount: '1000.00',
      debtors: '某人',
      debtor_id: debtor,
    });
    await batch('vehicles', {
      plate: '浙A1',
      owner_id: debtor,
      owner_name: '某人',
      registered_date: '2020-01-01',
    });
    id = await insertCampaign(
      db,
      '330100',
      {
        theme: '车辆专项',
        modelIds: ['M01'],
        scopeUnitIds: [],
        courts: [],
        closedFrom: null,
        closedTo: null,
        startsOn: '2000-01-01',
        endsOn: '2099-12-31',
        participantIds: ['330102'],
        note: '',
      },
      'test',
    );
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the campaign’s models only and tags the leads', async () => {
    const bad = await runCli(dbPath, 'run', '--all', '--scope', 'campaign=abc');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('专项活动编号');
    const r = await runCli(
      dbPath,
      'run',
      '--all',
      '--as-of',
      '2024-12-31',
      '--scope',
      `campaign=${id}`,
    );
    expect(r.stderr).toContain('M01');
    expect(r.stderr).not.toContain('M05');
    expect(r.code).toBe(0);
    const db = await Database.open(dbPath);
    try {
      const leads = await db.all<{ campaign_id: number }>(`SELECT campaign_id FROM leads`);
      expect(leads.map((l) => Number(l.campaign_id))).toEqual([id]);
    } finally {
      db.close();
    }
  });
});
