/**
 * Display formats the users expect: dates as 2024-01-05, amounts with thousands separators and 元.
 * Values come from the API as strings (exact decimals, ISO dates) and are never re-parsed as floats
 * for money: the grouping is done on the digits.
 */

/** '2024-01-05T08:00:00Z' | '2024-01-05' → '2024-01-05'; empty → '—'. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return m?.[1] ?? value;
}

/** ISO date-time → '2024-01-05 08:00:00' in local time; a bare date stays a date. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** '1234567.5' → '1,234,567.50 元'. Works on the decimal string, so no float drift. */
export function formatMoney(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const [, sign, int = '0', frac = ''] = m;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${(frac + '00').slice(0, 2)} 元`;
}

/** 12345 → '12,345'. */
export function formatCount(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '0';
  const n = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(n) ? n.toLocaleString('zh-CN') : String(value);
}

/** Bytes → '1.2 MB'. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** A model's latest run as one line: 基准日期, changed parameters, leads total / new / changed. */
export function lastRunText(run: {
  asOf: string;
  params: Record<string, unknown>;
  leads: number;
  newLeads: number;
  changedLeads: number;
}): string {
  const params = Object.entries(run.params)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('、') : String(v)}`)
    .join('，');
  return `基准日期 ${run.asOf}${params ? `（参数 ${params}）` : ''}：线索 ${formatCount(run.leads)} 条，新增 ${formatCount(run.newLeads)}，变化 ${formatCount(run.changedLeads)}`;
}
