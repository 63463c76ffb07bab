import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type Platform } from '../api/platform.ts';
import { importAs } from '../ingest/import.service.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import { SYSTEM_OPERATOR } from '../org/operator.ts';
import { Database } from '../store/database.ts';
import { CASE_A, seedTwoCounties } from '../../test/api/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'zhijian-resumed-'));
let db: Database;
let platform: Platform;
let caseId: number;
let recId: number;
const wang: Operator = {
  userId: 'u-wang',
  username: 'wang',
  unitId: '330102',
  ip: '127.0.0.1',
  canViewFullId: false,
};

async function outcomeCount(): Promise<number> {
  const row = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM case_outcomes`);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  db = await Database.open(join(dir, 'resumed.duckdb'));
  platform = createPlatform(db);
  await platform.org.bootstrap('33');
  await platform.org.createUser(SYSTEM_OPERATOR, {
    username: 'wang',
    displayName: '检察官王',
    unitId: '330102',
    roles: ['prosecutor'],
    canViewFullId: false,
    password: 'Harbour-Lamp-2025',
  });
  const { leadA } = await seedTwoCounties(db);
  let c = await platform.casework.open(wang, { leadIds: [leadA] });
  for (const to of ['调查核实', '审查终结']) {
    c = await platform.casework.move(wang, c.id, { to, version: c.version });
  }
  caseId = c.id;
  const recs = platform.recommendations;
  const draft = (await recs.create(wang, caseId, {})).recommendations[0]!;
  recId = draft.id;
  const issued = (await recs.issue(wang, recId, { version: 1, issuedOn: '2026-02-01' }))
    .recommendations[0]!;
  await recs.reply(wang, recId, {
    version: issued.version,
    result: '采纳',
    date: '2026-03-20',
    actions: ['恢复执行'],
    resumedCaseNo: '（2026）浙0102执恢5号',
  });
}, 60_000);

afterAll(async () => {
  await platform.caseWriter.close();
  platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a resumed 执恢 case in a later ledger import', () => {
  it('links itself: the reply’s number is confirmed, a same-basis 执恢 case is added; re-import adds nothing', async () => {
    const file = join(dir, '执行案件台账.csv');
    const basis = '（2022）浙0102民初88号';
    writeFileSync(
      file,
      [
        '案号,执行法院,立案日期,执行依据文号',
        `${CASE_A},杭州市上城区人民法院,2023-01-05,${basis}`,
        `（2026）浙0102执恢5号,杭州市上城区人民法院,2026-03-25,${basis}`,
        `（2026）浙0102执恢9号,杭州市上城区人民法院,2026-10-01,${basis}`,
        // Another judgment's resumption, and one filed before the recommendation: not linked.
        '（2026）浙0102执恢10号,杭州市上城区人民法院,2026-10-01,（2022）浙0102民初99号',
        `（2025）浙0102执恢1号,杭州市上城区人民法院,2025-01-10,${basis}`,
      ].join('\n') + '\n',
    );
    expect(await outcomeCount()).toBe(1); // the reply's 恢复执行
    const first = await importAs(platform, SYSTEM_OPERATOR, [file], {
      dataset: 'enforcement_cases',
    });
    expect(first.ok).toBe(true);
    const c = await platform.casework.get(wang, caseId);
    const resumed = c.outcomes.filter((o) => o.kind === '恢复执行');
    expect(resumed.map((o) => [o.enforcementCaseNo, o.source, o.ledgerBatchId !== null])).toEqual([
      ['（2026）浙0102执恢5号', '手工', true],
      ['（2026）浙0102执恢9号', '台账导入', true],
    ]);
    expect(resumed[1]).toMatchObject({ date: '2026-10-01', recommendationId: recId });
    const audited = await db.all<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'outcome_add' ORDER BY id`,
    );
    expect(audited.map((a) => a.detail)).toEqual([
      '台账导入确认恢复执行：（2026）浙0102执恢5号（回复案号）',
      '台账导入关联恢复执行：（2026）浙0102执恢9号（执行依据）',
    ]);
    const again = await importAs(platform, SYSTEM_OPERATOR, [file], {
      dataset: 'enforcement_cases',
    });
    expect(again.ok).toBe(true);
    expect(await outcomeCount()).toBe(2);
  });
});
