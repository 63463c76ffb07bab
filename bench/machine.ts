/** What a bench's figures were measured on, and its peak memory. */
import { cpus, loadavg, totalmem } from 'node:os';

/** Peak resident set size of this process so far, in MB. */
export function rssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Load averages (1, 5, 15 min): on a shared machine they say how quiet the run was. */
export function loadLine(): string {
  return loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
}

/** Cores, CPU model, memory and the load average now. */
export function machineLine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${loadLine()}`;
}
