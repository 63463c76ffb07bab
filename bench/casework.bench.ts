/**
 * `npm run bench:casework` — casework statistics under load (issue 11 "Speed"): 1M leads and the
 * 200k-case ledger of bench:api, plus 100k supervision cases, 50k recommendations with replies
 * (some superseded) and outcomes, generated with INSERT … SELECT from range() into a temp DuckDB
 * file; the server on loopback; 20 concurrent clients of three units (province, city, county) per
 * statistics endpoint and of the ledger (一本账, all and one campaign: a fifth of the leads and
 * cases are under it); prints cold (first, uncached) and under-load p50/p95 and the province
 * bulletin (Word + Excel) time. Targets: p95 ≤ 200 ms; bulletin ≤ 10 s.
 *
 *   npm run bench:casework                 # full scale
 *   SCALE=0.1 npm run bench:casework       # a tenth, while developing
 *   NOCACHE=1 npm run bench:casework       # every request computed (no 30 s answer cache)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { setLogSink } from '../src/audit/logger.ts';
import { createApiApp } from '../src/api/server.ts';
import { SYSTEM_OPERATOR, type Operator } from '../src/org/operator.ts';
import { insertCampaign } from '../src/store/campaign.repo.ts';
import { Database } from '../src/store/database.ts';
import { StatsService } from '../src/stats/stats.service.ts';
import { generateLeadData } from './api-data.ts';

const SCALE = Number(process.env.SCALE ?? 1);
const LEADS = Math.round(1_000_000 * SCALE);
const LEDGER = Math.round(200_000 * SCALE);
const CASES = Math.round(100_000 * SCALE);
const RECS = Math.round(50_000 * SCALE);
const CLIENTS = Number(process.env.CLIENTS ?? 20);
const REQUESTS = Number(process.env.REQUESTS ?? 400);
const NOCACHE = process.env.NOCACHE === '1';
const UNITS = [
  '330102',
  '330105',
  '330106',
  '330108',
  '330100',
  '330203',
  '330205',
  '330200',
  '330302',
  '330303',
  '330300',
  '330602',
];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/**
 * Cases, their leads, recommendations, replies and outcomes, all in SQL; one province campaign
 * (the city and the county take part) holding every fifth lead and case. Returns its id.
 */
async function generateCasework(db: Database): Promise<number> {
  const units = `[${UNITS.map((u) => `'${u}'`).join(', ')}]`;
  const campaign = await insertCampaign(
    db,
    '330000',
    {
      theme: '基准专项活动',
      modelIds: [],
      scopeUnitIds: [],
      courts: [],
      closedFrom: null,
      closedTo: null,
      startsOn: null,
      endsOn: null,
      participantIds: ['330100', '330102'],
      note: '',
    },
    'bench',
  );
  await db.run(`UPDATE leads SET campaign_id = ${campaign} WHERE hash(lead_key) % 5 = 0`);
  await db.run(`INSERT INTO supervision_cases (id, unit_id, case_no, year, serial, kind, model_id, title, state, created_at, campaign_id)
    SELECT i + 1, ${units}[i % 12 + 1], '浙检民执监〔2025〕' || (i + 1) || '号', 2025, i + 1,
      CASE WHEN i % 10 = 0 THEN '类案' ELSE '个案' END,
      CASE WHEN i % 10 = 0 THEN 'M' || lpad((i % 24 + 1)::VARCHAR, 2, '0') END, '基准案件',
      ['受理', '调查核实', '审查终结', '制发检察建议', '法院回复', '跟进监督', '结案'][i % 7 + 1],
      TIMESTAMP '2025-01-01' + INTERVAL (i % 400) DAY,
      CASE WHEN i % 5 = 0 THEN ${campaign} END
    FROM range(${CASES}) t(i)`);
  // One lead per case (lead j = i * 10 of the generated leads: its key is 'Mxx|j // 24').
  await db.run(`INSERT INTO supervision_case_leads (lead_key, case_id, lead_id, model_id)
    SELECT 'M' || lpad((j % 24 + 1)::VARCHAR, 2, '0') || '|' || (j // 24), i + 1, 'b' || i,
      'M' || lpad((j % 24 + 1)::VARCHAR, 2, '0')
    FROM (SELECT i, i * 10 AS j FROM range(${CASES}) t(i))`);
  await db.run(`INSERT INTO supervision_recommendations (id, case_id, unit_id, kind, case_count, addressee, state, issued_on)
    SELECT i + 1, c.id, c.unit_id, c.kind, CASE WHEN c.kind = '类案' THEN 3 + i % 20 ELSE 1 END, '某法院',
      CASE WHEN i % 10 = 9 THEN '草稿' ELSE '已发出' END,
      CASE WHEN i % 10 = 9 THEN NULL ELSE CAST(c.created_at AS DATE) + 30 END
    FROM range(${RECS}) t(i) JOIN supervision_cases c ON c.id = i * 2 + 1`);
  await db.run(`INSERT INTO court_replies (id, recommendation_id, result, reply_date, actions)
    SELECT i + 1, r.id, ['采纳', '采纳', '采纳', '采纳', '采纳', '采纳', '部分采纳', '不采纳'][i % 8 + 1],
      r.issued_on + 60, ['恢复执行']
    FROM range(${RECS}) t(i) JOIN supervision_recommendations r ON r.id = i + 1
    WHERE r.state = '已发出' AND i % 10 < 8`);
  // A later reply supersedes one in ten (the latest is in force).
  await db.run(`INSERT INTO court_replies (id, recommendation_id, result, reply_date, actions)
    SELECT ${RECS} + i + 1, recommendation_id, '采纳', reply_date + 20, ['纠正']
    FROM (SELECT row_number() OVER () - 1 AS i, * FROM court_replies WHERE id % 10 = 7)`);
  await db.run(`INSERT INTO case_outcomes (case_id, recommendation_id, kind, outcome_date, amount, persons)
    SELECT r.case_id, r.id, ['恢复执行', '执行到位', '执行到位', '移送刑事线索', '公安立案', '执行和解'][i % 6 + 1],
      r.issued_on + (90 + i % 30)::INTEGER, CASE WHEN i % 6 IN (1, 2, 5) THEN ((i % 100000) * 123.45)::DECIMAL(18,2) END,
      CASE WHEN i % 6 = 4 THEN 1 + i % 3 END
    FROM range(${RECS}) t(i) JOIN supervision_recommendations r ON r.id = i + 1 WHERE r.state = '已发出'`);
  return campaign;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function signIn(base: string, username: string): Promise<string> {
  const csrf = ((await (await fetch(`${base}/api/session/csrf`)).json()) as { csrfToken: string })
    .csrfToken;
  const res = await fetch(`${base}/api/session/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrf,
      cookie: `zj_csrf=${csrf}`,
    },
    body: JSON.stringify({ username, password: 'Bench-Pass-2026' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('zj_session='))
      ?.split(';')[0] ?? ''
  );
}

async function timed(base: string, path: string, cookie: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(base + path, { headers: { cookie } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return performance.now() - t;
}

/** `REQUESTS` requests of one endpoint from `CLIENTS` clients at once, cookies round-robin. */
async function underLoad(base: string, path: string, cookies: string[]): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      while (next < REQUESTS) {
        next++;
        out.push(await timed(base, path, cookies[(c + next) % cookies.length] ?? ''));
      }
    }),
  );
  return out.sort((a, b) => a - b);
}

/** The endpoints measured; `campaign` is the generated campaign's id. */
const endpoints = (campaign: number): [string, string][] => [
  // The ledger (一本账) has no answer cache: every request runs its SQL.
  ['ledger', '/api/ledger'],
  ['ledger campaign', `/api/ledger?campaign=${campaign}`],
  ['stats by unit', '/api/stats?by=unit'],
  ['stats by model', '/api/stats?by=model'],
  ['stats by month', '/api/stats?by=month'],
  ['stats by court', '/api/stats?by=court'],
  ['stats by campaign', '/api/stats?by=campaign'],
  ['stats in campaign', `/api/stats?by=unit&campaign=${campaign}`],
  ['stats total Q3', '/api/stats?by=total&from=2025-07-01&to=2025-09-30'],
  ['终本 by court', '/api/stats/termination?by=court'],
  ['终本 by judge', '/api/stats/termination?by=judge'],
];

async function main(): Promise<void> {
  const loadStart = load();
  setLogSink(() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-bench-casework-'));
  const db = await Database.open(join(dir, 'bench.duckdb'));
  const t0 = performance.now();
  await generateLeadData(db, LEADS, LEDGER);
  const campaign = await generateCasework(db);
  const generateMs = performance.now() - t0;
  const api = createApiApp({ db }, { uploadDir: join(dir, 'uploads') });
  await api.platform.org.bootstrap('33');
  const users: [string, string][] = [
    ['province', '330000'],
    ['hangzhou', '330100'],
    ['shangcheng', '330102'],
  ];
  for (const [name, unit] of users) {
    await api.platform.org.createUser(SYSTEM_OPERATOR, {
      username: name,
      displayName: name,
      unitId: unit,
      roles: ['prosecutor'],
      canViewFullId: false,
      password: 'Bench-Pass-2026',
    });
  }
  await api.platform.leads.modelNames();
  // NOCACHE: the platform's service with its answer cache off, so every request runs its SQL.
  if (NOCACHE)
    Object.assign(api.platform, {
      stats: new StatsService({
        ...api.platform,
        cacheMs: 0,
        modelNames: () => api.platform.leads.modelNames(),
      }),
    });
  const server = serve({ fetch: api.hono.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookies = await Promise.all(users.map(([name]) => signIn(base, name)));

  const fmt = (x: number) => `${x.toFixed(1)} ms`.padStart(11);
  process.stdout.write(
    `\n执检 监督案件统计基准 / casework statistics benchmark\n` +
      `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, load average ${loadStart} at start\n` +
      `data (scale ${SCALE}): ${LEADS.toLocaleString()} leads, ${LEDGER.toLocaleString()} ledger cases, ${CASES.toLocaleString()} supervision cases, ` +
      `${RECS.toLocaleString()} recommendations with replies and outcomes (generated in ${(generateMs / 1000).toFixed(1)} s)\n` +
      `load: ${CLIENTS} concurrent clients (province, city, county in turn), ${REQUESTS} requests per endpoint; answer cache ${NOCACHE ? 'off' : 'on (30 s, dropped on data change)'}\n\n` +
      `${'endpoint'.padEnd(20)}${'cold(prov)'.padStart(11)}${'cold(cnty)'.padStart(11)}${'load p50'.padStart(11)}${'load p95'.padStart(11)}${'max'.padStart(11)}\n`,
  );
  let ok = true;
  for (const [name, path] of endpoints(campaign)) {
    api.platform.stats.invalidate();
    const coldProvince = await timed(base, path, cookies[0] ?? '');
    const coldCounty = await timed(base, path, cookies[2] ?? '');
    // Under load the answers of the two units just asked come from the cache (the city's not yet).
    const s = await underLoad(base, path, cookies);
    if (!(pct(s, 95) <= 200)) ok = false;
    process.stdout.write(
      `${name.padEnd(20)}${fmt(coldProvince)}${fmt(coldCounty)}${fmt(pct(s, 50))}${fmt(pct(s, 95))}${fmt(s[s.length - 1] ?? NaN)}\n`,
    );
  }
  process.stdout.write(`\ntarget p95 ≤ 200 ms under load: ${ok ? 'met' : 'NOT met'}\n`);

  api.platform.stats.invalidate();
  const province: Operator = {
    userId: (await api.platform.org.users()).find((u) => u.username === 'province')?.id ?? null,
    username: 'province',
    unitId: '330000',
    ip: null,
    canViewFullId: false,
  };
  const tb = performance.now();
  const b = await api.platform.stats.bulletin(province, '2025Q3');
  const bulletinMs = performance.now() - tb;
  process.stdout.write(
    `province bulletin 2025Q3 (Word ${(b.docx.length / 1024).toFixed(0)} KB + Excel ${(b.xlsx.length / 1024).toFixed(0)} KB, uncached): ` +
      `${(bulletinMs / 1000).toFixed(2)} s — target ≤ 10 s ${bulletinMs <= 10_000 ? 'met' : 'NOT met'}\n` +
      `load average at end ${load()}\n`,
  );
  server.close();
  api.platform.stats.close();
  api.platform.leads.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
