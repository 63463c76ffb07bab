import { DATASETS, findDataset } from '../catalog/datasets.ts';
import type { Database } from './database.ts';
import { versionsTable } from './schema.ts';

/** Where an evidence row came from (a lead's evidence item). */
export interface SourceRef {
  dataset: string;
  batchId: number;
  file: string | null;
  row: number | null;
}

/**
 * The source rows of evidence items, read from `<dataset>__versions` by batch + file + row (all
 * versions: the row a lead was raised on stays readable after a newer batch supersedes it).
 * Returns one entry per ref, `undefined` when the row is gone (its batch rolled back and purged).
 */
export async function sourceRows(
  db: Database,
  refs: readonly SourceRef[],
): Promise<(Record<string, unknown> | undefined)[]> {
  const out: (Record<string, unknown> | undefined)[] = [];
  for (const ref of refs) {
    const dataset = findDataset(ref.dataset);
    if (!dataset || ref.row === null) {
      out.push(undefined);
      continue;
    }
    const columns = dataset.columns
      .map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`)
      .join(', ');
    const row = await db.one(
      `SELECT ${columns}, _sheet FROM ${versionsTable(dataset)}
       WHERE _batch_id = $1 AND _row = $2 AND _file IS NOT DISTINCT FROM $3 LIMIT 1`,
      [ref.batchId, ref.row, ref.file],
    );
    out.push(row);
  }
  return out;
}

function scopeClause(
  column: string,
  prefixes: readonly string[],
  start: number,
): { sql: string; params: string[] } {
  if (prefixes.length === 0) return { sql: 'false', params: [] };
  return {
    sql: `(${prefixes.map((_, i) => `${column} LIKE $${start + i}`).join(' OR ')})`,
    params: prefixes.map((p) => `%）${p}%`),
  };
}

/** The current 执行案件 row of a case number, if it lies within the court prefixes. */
export async function caseRow(
  db: Database,
  caseNo: string,
  prefixes: readonly string[],
): Promise<Record<string, unknown> | undefined> {
  const dataset = findDataset('enforcement_cases');
  if (!dataset) return undefined;
  const scope = scopeClause('case_no', prefixes, 2);
  const columns = dataset.columns
    .map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`)
    .join(', ');
  return db.one(
    `SELECT ${columns} FROM enforcement_cases WHERE case_no = $1 AND ${scope.sql} LIMIT 1`,
    [caseNo, ...scope.params],
  );
}

export async function caseParties(
  db: Database,
  caseNo: string,
): Promise<{ party_name: string; party_role: string | null; party_id: string | null }[]> {
  return db.all(
    `SELECT party_name, party_role, party_id FROM case_parties WHERE case_no = $1 ORDER BY party_role, party_name`,
    [caseNo],
  );
}

export interface PartyCase {
  case_no: string;
  court: string | null;
  closure_type: string | null;
  closed_date: string | null;
  role: string | null;
}

/**
 * 串并: every case where this ID is a party or the ledger's debtor. Two plain equality scans (no
 * join, no LIKE) and the scope applied by the caller: fast on millions of cases.
 */
export async function casesOfParty(
  db: Database,
  partyId: string,
  keep: (caseNo: string) => boolean,
  limit = 200,
): Promise<PartyCase[]> {
  const ledger = await db.all<PartyCase & Record<string, unknown>>(
    `SELECT case_no, court, closure_type, CAST(closed_date AS VARCHAR) AS closed_date, '被执行人' AS role
     FROM enforcement_cases WHERE debtor_id = $1`,
    [partyId],
  );
  const parties = await db.all<{ case_no: string; role: string | null }>(
    `SELECT case_no, party_role AS role FROM case_parties WHERE party_id = $1`,
    [partyId],
  );
  const byCase = new Map<string, PartyCase>();
  for (const r of ledger) if (keep(r.case_no)) byCase.set(r.case_no, { ...r });
  const missing = new Set<string>();
  for (const p of parties) {
    if (!keep(p.case_no)) continue;
    const known = byCase.get(p.case_no);
    if (known) {
      if (p.role && !(known.role ?? '').split('、').includes(p.role)) {
        known.role = known.role ? `${known.role}、${p.role}` : p.role;
      }
    } else {
      byCase.set(p.case_no, {
        case_no: p.case_no,
        court: null,
        closure_type: null,
        closed_date: null,
        role: p.role,
      });
      missing.add(p.case_no);
    }
  }
  // Cases known only from the party list: their ledger row (if any) by case number.
  if (missing.size > 0 && missing.size <= 200) {
    const keys = [...missing];
    const rows = await db.all<PartyCase & Record<string, unknown>>(
      `SELECT case_no, court, closure_type, CAST(closed_date AS VARCHAR) AS closed_date FROM enforcement_cases
       WHERE case_no IN (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
      keys,
    );
    for (const r of rows) {
      const c = byCase.get(r.case_no);
      if (c)
        Object.assign(c, {
          court: r.court,
          closure_type: r.closure_type,
          closed_date: r.closed_date,
        });
    }
  }
  return [...byCase.values()].sort((a, b) => b.case_no.localeCompare(a.case_no)).slice(0, limit);
}

/** A person's or company's name as the data knows it (first found). */
export async function partyName(db: Database, partyId: string): Promise<string | null> {
  const row = await db.one<{ name: string | null }>(
    `SELECT party_name AS name FROM case_parties WHERE party_id = $1 LIMIT 1`,
    [partyId],
  );
  return row?.name ?? null;
}

/** Current rows and last import of every dataset. */
export async function datasetStatistics(
  db: Database,
): Promise<Map<string, { rows: number; lastImportAt: string | null }>> {
  const counts = await db.all<{ name: string; n: string | number }>(
    DATASETS.map((d) => `SELECT '${d.name}' AS name, count(*) AS n FROM ${d.name}`).join(
      ' UNION ALL ',
    ),
  );
  const last = await db.all<{ dataset: string; at: string }>(
    `SELECT dataset, strftime(max(created_at), '%Y-%m-%d %H:%M:%S') AS at FROM batches
     WHERE status = 'committed' GROUP BY dataset`,
  );
  const lastBy = new Map(last.map((r) => [r.dataset, r.at]));
  return new Map(
    counts.map((r) => [r.name, { rows: Number(r.n), lastImportAt: lastBy.get(r.name) ?? null }]),
  );
}
