/** The figures of one scale of `bench:models --scales`, and the table that shows their growth. */
import type { FloorRow } from './floor-report.ts';

export interface ScaleSummary {
  readonly scale: number;
  readonly cases: number;
  readonly machine: string;
  /** The first run, the sandbox copy included. */
  readonly firstMs: number;
  /** Of the first run: copying the datasets into the model sandbox. */
  readonly copyMs: number;
  /** The forced run: every model recomputed and merged. */
  readonly forcedMs: number;
  readonly blocksMs: number;
  readonly mergeMs: number;
  readonly rssMb: number;
  readonly rows: readonly FloorRow[];
}

const s = (ms: number): string => (ms / 1000).toFixed(2);

/**
 * Time per model (forced run) and its warm floor per scale, then the totals; the last column is
 * the growth from the first scale to the last divided by the growth of the data (1.0 = linear).
 */
export function printGrowth(list: readonly ScaleSummary[]): void {
  if (list.length === 0) return;
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) return;
  const dataGrowth = last.scale / first.scale;
  const cell = (x: string): string => x.padStart(15);
  const growth = (a: number, b: number): string =>
    list.length > 1 && a > 0 ? (b / a / dataGrowth).toFixed(2) : '—';
  process.stdout.write(
    `\n===== growth (model s / warm floor s, forced run; last column: (time at ${last.scale} / time at ${first.scale}) / ${dataGrowth.toFixed(1)}) =====\n`,
  );
  process.stdout.write(
    `  ${'model'.padEnd(8)}${list.map((x) => cell(`scale ${x.scale}`)).join('')}   growth/linear\n`,
  );
  for (const [i, row] of first.rows.entries()) {
    const cells = list.map((x) => {
      const r = x.rows[i];
      return cell(r ? `${s(r.modelMs)} / ${r.floorMs === undefined ? '—' : s(r.floorMs)}` : '?');
    });
    const a = first.rows[i]?.modelMs ?? 0;
    const b = last.rows[i]?.modelMs ?? 0;
    process.stdout.write(`  ${row.id.padEnd(8)}${cells.join('')}   ${growth(a, b)}\n`);
  }
  const line = (label: string, f: (x: ScaleSummary) => string, g?: (x: ScaleSummary) => number) =>
    process.stdout.write(
      `  ${label.padEnd(8)}${list.map((x) => cell(f(x))).join('')}   ${g ? growth(g(first), g(last)) : ''}\n`,
    );
  const floorSum = (x: ScaleSummary): number => x.rows.reduce((a, r) => a + (r.floorMs ?? 0), 0);
  line(
    'forced',
    (x) => `${s(x.forcedMs)} / ${s(floorSum(x))}`,
    (x) => x.forcedMs,
  );
  line(
    'first',
    (x) => s(x.firstMs),
    (x) => x.firstMs,
  );
  line(
    'copy',
    (x) => s(x.copyMs),
    (x) => x.copyMs,
  );
  line(
    'blocks',
    (x) => s(x.blocksMs),
    (x) => x.blocksMs,
  );
  line(
    'merge',
    (x) => s(x.mergeMs),
    (x) => x.mergeMs,
  );
  line(
    'RSS MB',
    (x) => String(x.rssMb),
    (x) => x.rssMb,
  );
  line('cases', (x) => x.cases.toLocaleString());
  process.stdout.write(`  machine at the end: ${last.machine}\n`);
}
