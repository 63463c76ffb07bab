import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../src/contract/common.ts';
import type { LeadRow } from '../../src/contract/leads.ts';
import { addUser, signedIn, type Harness, openHarness } from './harness.ts';
import { seedTwoCounties } from './seed.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/zhijian.mjs');
const LEAD_ID = /L[0-9a-f]{16}/g;

/**
 * Leads in two counties (上城 浙0102, 拱墅 浙0105) with priorities, statuses, dates and case numbers
 * chosen so that each sort orders them differently and ties fall back on the key.
 */
const EXTRA: readonly [
  key: string,
  caseNo: string,
  priority: string,
  status: string,
  at: string,
][] = [
  ['M05|1', '（2023）浙0102执7号', '中', '研判中', '2024-03-01 10:00:00'],
  ['M05|2', '（2023）浙0102执3号', '低', '待研判', '2024-01-15 09:00:00'],
  ['M07|3', '（2022）浙0102执9号', '高', '已排除', '2024-02-10 08:00:00'],
  ['M07|4', '（2023）浙0102执3号', '中', '待研判', '2024-02-10 08:00:00'],
  ['M05|5', '（2023）浙0105执8号', '中', '待研判', '2024-03-05 11:00:00'],
  ['M07|6', '（2021）浙0105执1号', '低', '研判中', '2024-01-01 07:00:00'],
];

describe(
  'the CLI listing is the web list: same leads, same order, same scope',
  { timeout: 180_000 },
  () => {
    let h: Harness;
    let dbPath: string;
    const web = new Map<string, { ids: string[]; total: number }>();
    let leadB: string;

    /** The web list of the county user for each query the CLI is run with below. */
    const QUERIES = {
      caseAsc: 'sort=caseNo&order=asc',
      priority: '',
      statusDesc: 'sort=status&order=desc&status=待研判,研判中',
      firstSeen: 'sort=firstSeenAt&order=asc&modelId=M05,M07',
    } as const;

    beforeAll(async () => {
      h = await openHarness();
      dbPath = join(h.dir, 'test.duckdb');
      ({ leadB } = await seedTwoCounties(h.db));
      for (const [key, caseNo, priority, status, at] of EXTRA) {
        await h.db.run(
          `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name,
           summary, priority, status, evidence, legal_basis, court, fingerprint, first_seen_run,
           last_seen_run, created_at, updated_at)
         VALUES ($1, $2, 1, $3, NULL, '某公司', '名下有车辆', $4, $5, '[]', '[]', '某法院', 'f', 1, 1,
           $6::TIMESTAMP, $6::TIMESTAMP)`,
          [key, key.slice(0, 3), caseNo, priority, status, at],
        );
      }
      const u = await addUser(h, 'shangcheng', '330102', ['prosecutor']);
      const county = await signedIn(h, u.username, u.password);
      for (const [name, query] of Object.entries(QUERIES)) {
        const res = await county.json<Page<LeadRow>>('GET', `/api/leads?pageSize=100&${query}`);
        expect(res.status).toBe(200);
        web.set(name, { ids: res.body.items.map((l) => l.id), total: res.body.total });
      }
      // The CLI is another process: DuckDB lets one process hold the file.
      h.api.platform.leads.close();
      h.db.close();
    });
    afterAll(() => h.close());

    async function cli(...args: string[]): Promise<{ ids: string[]; total: number }> {
      const { stdout } = await run('node', [BIN, '--db', dbPath, ...args], { encoding: 'utf8' });
      const total = /共 (\d+) 条线索/.exec(stdout)?.[1];
      return { ids: stdout.match(LEAD_ID) ?? [], total: Number(total) };
    }

    it('returns the same leads in the same order for the same filter and sort', async () => {
      const options: Record<keyof typeof QUERIES, string[]> = {
        caseAsc: ['--sort', 'caseNo', '--order', 'asc'],
        priority: [],
        statusDesc: ['--sort', 'status', '--order', 'desc', '--status', '待研判,研判中'],
        firstSeen: ['--sort', 'firstSeenAt', '--order', 'asc', '--model', 'M05,M07'],
      };
      const orders = new Set<string>();
      for (const [name, args] of Object.entries(options)) {
        const expected = web.get(name);
        expect(expected?.ids.length, name).toBeGreaterThan(1);
        const got = await cli('--as', 'shangcheng', 'leads', ...args, '--limit', '100');
        expect(got, name).toEqual(expected);
        orders.add(got.ids.join());
      }
      // The sorts really order differently (else equal lists would prove little).
      expect(orders.size).toBeGreaterThan(2);
    });

    it('a county user (--as) does not see another unit’s leads; the local operator sees the province', async () => {
      const county = await cli('--as', 'shangcheng', 'leads', '--limit', '100');
      // 上城: lead A and the four 浙0102 leads; 拱墅's three are not listed nor counted.
      expect(county.total).toBe(5);
      expect(county.ids).not.toContain(leadB);
      const province = await cli('leads', '--limit', '100');
      expect(province.total).toBe(8);
      expect(province.ids).toContain(leadB);
      expect(province.ids).toEqual(expect.arrayContaining(county.ids));
      // The export is scoped the same way.
      const { stdout } = await run(
        'node',
        [BIN, '--db', dbPath, '--as', 'shangcheng', 'leads', 'export', '--format', 'json'],
        { encoding: 'utf8' },
      );
      const exported = (JSON.parse(stdout) as { leadId: string }[]).map((l) => l.leadId);
      expect(exported).toEqual(county.ids);
    });
  },
);
