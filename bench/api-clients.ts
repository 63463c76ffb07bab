/**
 * The clients of `bench:api`, on their own thread: 20 clients and the server on one JS thread would
 * time the clients' own work (fetch, reading bodies) as the server's, and delay the server by it.
 * Cold pass first (one client, five requests per kind), then the load; posts the samples back.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

export interface ClientsInput {
  base: string;
  /** Session cookies: [0] is the province user (lead pages), the rest take turns on the tables. */
  cookies: string[];
  leads: number;
  /** Opaque ids of the leads whose pages are asked for (a URL never holds a lead's key). */
  leadIds: string[];
  clients: number;
  requestsPerKind: number;
  timeLimitMs: number;
  /**
   * The import scenario: no cold pass, the dashboard and the data page's dataset list join the
   * pages, and the load runs until the parent posts 'stop' (the import finished) or the time limit.
   */
  duringImport?: boolean;
}

export interface ClientsResult {
  cold: Record<string, number[]>;
  samples: Record<string, number[]>;
  issued: number;
  errors: number;
  /** The first few error messages (a reset connection, a status). */
  errorSamples: string[];
  seconds: number;
  /** The clients' own thread's busy share during the load (their CPU is the server's loss). */
  clientBusy: number;
}

// node:http with a keep-alive agent rather than fetch: the load generator shares the machine's two
// cores with the server, and fetch's streams cost it about twice the CPU per request.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function timed(base: string, cookie: string, path: string): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(base + path, { agent, headers: { cookie } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 400) reject(new Error(`${path}: ${res.statusCode}`));
        else resolve(performance.now() - t);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(input: ClientsInput): Promise<ClientsResult> {
  const { base, cookies } = input;
  const models = Array.from({ length: 24 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
  const statuses = ['待研判', '研判中', '已成案'];
  const filtered = (n: number) =>
    `/api/leads?modelId=${models[n % 24]}&status=${encodeURIComponent(statuses[n % 3] ?? '')}&priority=${encodeURIComponent('高')}&page=${(n % 5) + 1}&pageSize=20`;
  const leadIds = input.leadIds;
  const kinds: Record<string, (n: number) => string> = {
    'first page': () => '/api/leads?page=1&pageSize=20',
    'filtered page': (n) => filtered(n),
    'lead page': (n) => `/api/leads/${leadIds[n % leadIds.length] ?? ''}`,
    ...(input.duringImport
      ? {
          dashboard: () => '/api/dashboard',
          datasets: () => '/api/datasets',
          jobs: () => '/api/jobs',
        }
      : {}),
  };
  const names = Object.keys(kinds);
  const province = cookies[0] ?? '';
  let stopped = false;
  parentPort?.on('message', (m) => {
    if (m === 'stop') stopped = true;
  });

  // Cold: each kind's first requests, one client, nothing cached yet.
  const cold: Record<string, number[]> = {};
  if (!input.duringImport) {
    for (const [kind, path] of Object.entries(kinds)) {
      cold[kind] = [];
      for (let n = 0; n < 5; n++) cold[kind].push(await timed(base, province, path(n * 13 + 1)));
    }
  }

  // Load: the clients pick the kinds in turn, bounded by count and time.
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(kinds).map((k) => [k, []]),
  );
  const budget = input.duringImport ? Infinity : input.requestsPerKind * names.length;
  let issued = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const started = performance.now();
  const elu0 = performance.eventLoopUtilization();
  await Promise.all(
    Array.from({ length: input.clients }, async (_, client) => {
      while (!stopped && issued < budget && performance.now() - started < input.timeLimitMs) {
        const n = issued++;
        const kind = names[n % names.length] ?? 'first page';
        // Lead pages are opened by the province user (any key is in its scope).
        const cookie = kind === 'lead page' ? province : (cookies[client % cookies.length] ?? '');
        try {
          samples[kind]?.push(await timed(base, cookie, kinds[kind]?.(n) ?? '/'));
        } catch (error) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(String(error).slice(0, 200));
        }
      }
    }),
  );
  return {
    cold,
    samples,
    issued,
    errors,
    errorSamples,
    seconds: (performance.now() - started) / 1000,
    clientBusy: performance.eventLoopUtilization(elu0).utilization,
  };
}

if (parentPort) parentPort.postMessage(await run(workerData as ClientsInput));
