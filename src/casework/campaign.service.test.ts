import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../api/platform.ts';
import type { CampaignRequest } from '../contract/campaigns.ts';
import { AppError } from '../domain/app-error.ts';
import type { Role } from '../domain/vocabulary.ts';
import { runModelsAs } from '../models/operator.service.ts';
import type { Operator } from '../org/operator.ts';
import { writeBatch } from '../store/batch.repo.ts';
import { ensureCampaignSchema } from '../store/campaign.repo.ts';
import type { Database } from '../store/database.ts';
import { validId } from '../../test/ingest/make-files.ts';
import type { CampaignInput } from './campaign.service.ts';
import { addTestUser, openTestPlatform } from '../../test/api/test-platform.ts';

/** Campaigns, the ledger and the work list on a real DuckDB, with a real M01 run. */
const dir = mkdtempSync(join(tmpdir(), 'zhijian-campaign-'));
let db: Database;
let platform: Platform;
const ops: Record<string, Operator> = {};

// 上城 (330102) and 拱墅 (330105), both under 杭州 (330100).
const CASE_A = '（2023）浙0102执1号';
const CASE_B = '（2023）浙0105执2号';
const ID_A = validId(1);
const ID_B = validId(2, '330105');

async function user(username: string, unitId: string, roles: Role[]): Promise<void> {
  ops[username] = await addTestUser(platform, username, unitId, roles, username);
}

async function batch(dataset: string, rows: Record<string, string>[]): Promise<void> {
  await writeBatch(db, {
    dataset,
    kind: 'import',
    unitId: '330000',
    files: [{ file: `${dataset}.xlsx` }],
    rows: rows.map((values, i) => ({ values, file: `${dataset}.xlsx`, row: i + 2 })),
  });
}

const caseRow = (caseNo: string, id: string) => ({
  case_no: caseNo,
  court: '法院',
  filed_date: '2023-01-05',
  closed_date: '2023-06-30',
  closure_type: '终结本次执行程序',
  unpaid_amount: '1000.00',
  debtors: '某人',
  debtor_id: id,
});
const vehicle = (plate: string, id: string) => ({
  plate,
  owner_id: id,
  owner_name: '某人',
  registered_date: '2020-01-01',
});

function campaign(over: Partial<CampaignRequest> = {}): CampaignInput {
  return {
    theme: '终本案件专项监督',
    modelIds: ['M01'],
    scopeUnitIds: [],
    courts: [],
    closedFrom: null,
    closedTo: null,
    startsOn: '2000-01-01',
    endsOn: '2099-12-31',
    participantIds: ['330102'],
    note: '',
    ...over,
  } as CampaignInput;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code}` : String(e);
  }
  return 'no error';
}

async function runUnder(op: Operator, campaignId: number, force = false) {
  const bounded = await platform.campaigns.forRun(op, campaignId, {});
  return runModelsAs(platform, op, {
    ...(bounded.models ? { models: [...bounded.models] } : { all: true }),
    asOf: '2024-12-31',
    scope: { ...(bounded.units ? { units: bounded.units } : {}) },
    campaignId,
    force,
  });
}

beforeAll(async () => {
  ({ db, platform } = await openTestPlatform(join(dir, 'campaign.duckdb')));
  await user('chief', '330100', ['dept_head', 'data_admin']);
  await user('wang', '330102', ['prosecutor', 'data_admin']);
  await user('li', '330105', ['prosecutor', 'data_admin']);
  await user('zhou', '330102', ['dept_head']);
  await batch('enforcement_cases', [caseRow(CASE_A, ID_A), caseRow(CASE_B, ID_B)]);
  await batch('vehicles', [vehicle('浙A1', ID_A), vehicle('浙A2', ID_B)]);
}, 60_000);

afterAll(async () => {
  await platform.casework.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('campaigns', () => {
  let id: number;

  it('a department head creates one; its units see it, another unit finds nothing', async () => {
    const c = await platform.campaigns.create(ops.chief!, campaign());
    id = c.id;
    expect(c).toMatchObject({ unitId: '330100', participantIds: ['330102'], version: 1 });
    expect(c.editable).toBe(true);
    // 上城 takes part; the province is above both; 拱墅 is neither.
    const seen = await platform.campaigns.get(ops.wang!, id);
    expect(seen).toMatchObject({ takesPart: true, editable: false });
    expect((await platform.campaigns.list(ops.wang!, { mine: true })).map((x) => x.id)).toEqual([
      id,
    ]);
    expect(await codeOf(platform.campaigns.get(ops.li!, id))).toBe('404 NOT_FOUND');
    expect(await platform.campaigns.list(ops.li!)).toEqual([]);
    expect(await codeOf(platform.campaigns.forRun(ops.li!, id, {}))).toBe('404 NOT_FOUND');
    const audit = await db.all<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'campaign_create'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses a prosecutor, units outside the creator, unknown models, reversed dates', async () => {
    expect(await codeOf(platform.campaigns.create(ops.wang!, campaign()))).toBe('403 FORBIDDEN');
    const bad = await platform.campaigns
      .create(
        ops.zhou!,
        campaign({ participantIds: ['330105'], modelIds: ['M99'], endsOn: '1999-12-31' }),
      )
      .catch((e: AppError) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).code).toBe('BAD_CAMPAIGN');
    expect((bad as AppError).message).toContain('330105');
    expect((bad as AppError).message).toContain('M99');
    expect((bad as AppError).message).toContain('晚于结束日期');
  });

  it('updates on the version seen; a stale save is refused and the old version kept', async () => {
    const saved = await platform.campaigns.update(ops.chief!, id, {
      ...campaign({ participantIds: ['330102', '330105'] }),
      version: 1,
    });
    expect(saved.version).toBe(2);
    expect(
      await codeOf(
        platform.campaigns.update(ops.chief!, id, { ...campaign({ theme: '旧' }), version: 1 }),
      ),
    ).toBe('409 CAMPAIGN_VERSION_CONFLICT');
    // A participant sees it but may not edit it.
    expect(
      await codeOf(platform.campaigns.update(ops.zhou!, id, { ...campaign(), version: 2 })),
    ).toBe('403 FORBIDDEN');
    const versions = await db.all<{ version: number }>(
      `SELECT version FROM campaign_versions WHERE campaign_id = $1`,
      [id],
    );
    expect(versions.map((v) => Number(v.version))).toEqual([1]);
  });

  it("a run under it records it and its leads carry it; a later campaign's run does not take them", async () => {
    const result = await runUnder(ops.wang!, id);
    expect(result.outcomes[0]).toMatchObject({ id: 'M01', status: 'ran', leads: 1 });
    const run = await db.one<{ campaign_id: number }>(
      `SELECT campaign_id FROM model_runs WHERE id = $1`,
      [result.runId],
    );
    expect(Number(run?.campaign_id)).toBe(id);
    const leads = await db.all<{ case_no: string; campaign_id: number | null }>(
      `SELECT case_no, campaign_id FROM leads ORDER BY case_no`,
    );
    expect(leads.map((l) => [l.case_no, Number(l.campaign_id)])).toEqual([[CASE_A, id]]);

    // 拱墅 runs under a second campaign of the city: its own lead takes that one.
    const second = await platform.campaigns.create(
      ops.chief!,
      campaign({ theme: '第二个专项', participantIds: ['330102', '330105'] }),
    );
    await runUnder(ops.li!, second.id);
    // The city runs under the second: 上城's lead (found first under the first) keeps the first.
    const city = await runUnder(ops.chief!, second.id, true);
    expect(city.outcomes[0]).toMatchObject({ status: 'ran', leads: 2 });
    const after = await db.all<{ case_no: string; campaign_id: number }>(
      `SELECT case_no, campaign_id FROM leads ORDER BY case_no`,
    );
    expect(after.map((l) => [l.case_no, Number(l.campaign_id)])).toEqual([
      [CASE_A, id],
      [CASE_B, second.id],
    ]);
    const detail = await platform.campaigns.get(ops.chief!, id);
    expect(detail).toMatchObject({ runCount: 1, leadCount: 1, caseCount: 0 });
    expect(detail.runs[0]).toMatchObject({ modelIds: ['M01'], leads: 1 });
  });

  it('bounds a run: models, period, taking part', async () => {
    expect(await codeOf(platform.campaigns.forRun(ops.wang!, id, { models: ['M05'] }))).toBe(
      '400 CAMPAIGN_SCOPE',
    );
    const ended = await platform.campaigns.create(
      ops.chief!,
      campaign({ theme: '已结束', startsOn: '2020-01-01', endsOn: '2020-12-31' }),
    );
    const e = await platform.campaigns.forRun(ops.wang!, ended.id, {}).catch((x: AppError) => x);
    expect((e as AppError).message).toContain('不在专项活动「已结束」的期间');
    expect(
      (await platform.campaigns.list(ops.wang!, { mine: true })).map((c) => c.theme),
    ).not.toContain('已结束');
  });

  it("a case opened from the run's lead carries its campaign; the case list filters by it", async () => {
    const lead = await db.one<{ lead_id: string }>(`SELECT lead_id FROM leads WHERE case_no = $1`, [
      CASE_A,
    ]);
    const opened = await platform.casework.open(ops.wang!, { leadIds: [lead!.lead_id] });
    expect(opened.campaignId).toBe(id);
    const list = await platform.casework.list(ops.wang!, {
      campaign: String(id),
      page: 1,
      pageSize: 20,
    });
    expect(list.items.map((c) => c.id)).toEqual([opened.id]);
    const none = await platform.casework.list(ops.wang!, {
      campaign: String(id + 100),
      page: 1,
      pageSize: 20,
    });
    expect(none.total).toBe(0);
    // Chosen later on the case: a campaign the operator sees; another unit's is not found.
    const moved = await platform.casework.update(ops.wang!, opened.id, {
      version: opened.version,
      campaignId: null,
    });
    expect(moved.campaignId).toBeNull();
    const hidden = await platform.campaigns.create(
      ops.chief!,
      campaign({ theme: '拱墅的', participantIds: ['330105'] }),
    );
    expect(
      await codeOf(
        platform.casework.update(ops.wang!, opened.id, {
          version: moved.version,
          campaignId: hidden.id,
        }),
      ),
    ).toBe('404 NOT_FOUND');
    const back = await platform.casework.update(ops.wang!, opened.id, {
      version: moved.version,
      campaignId: id,
    });
    expect(back.campaignId).toBe(id);
    const leads = await platform.views.list(ops.wang!, {
      campaign: String(id),
      page: 1,
      pageSize: 20,
      sort: 'priority',
      order: 'desc',
    });
    expect(leads.items.map((l) => l.caseNo)).toEqual([CASE_A]);
  });

  it('migrates free-text campaigns of old runs once, into records named by the text', async () => {
    await db.run(
      `INSERT INTO model_runs (status, scope) VALUES ('finished', '{"campaign":"执行款专项","units":["330105"]}'),
         ('finished', '{"campaign":" 执行款专项 "}')`,
    );
    await ensureCampaignSchema(db);
    await ensureCampaignSchema(db);
    const rows = await db.all<{ theme: string; participant_ids: string[] }>(
      `SELECT theme, participant_ids FROM campaigns WHERE legacy_text IS NOT NULL`,
    );
    expect(rows).toEqual([{ theme: '执行款专项', participant_ids: ['330105'] }]);
    const linked = await db.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM model_runs m JOIN campaigns c ON c.id = m.campaign_id
       WHERE c.legacy_text = '执行款专项'`,
    );
    expect(Number(linked?.n)).toBe(2);
    // 拱墅 took part in the old runs: it sees the migrated record.
    const seen = await platform.campaigns.list(ops.li!);
    expect(seen.find((c) => c.theme === '执行款专项')?.migrated).toBe(true);
  });
});
