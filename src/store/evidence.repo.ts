import { DATASETS, findDataset } from '../catalog/datasets.ts';
import type { Database } from './database.ts';
import { sqlString } from '../sql/literal.ts';
import { subjectLeadsSql, type LeadTableRow } from './lead-table.repo.ts';
import { versionsTable } from './schema.ts';

/** Where an evidence row came from (a lead's evidence item). */
export interface SourceRef {
  dataset: string;
  batchId: number;
  file: string | null;
  row: number | null;
}

/** A SQL string literal (keys are inlined so DuckDB can prune by zone maps and use ART indexes). */
function lit(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.trunc(value)) : 'NULL';
  return sqlString(String(value));
}

/**
 * A scalar subquery: the source row of one evidence item as a STRUCT (every catalog column as text,
 * plus `_sheet`), or NULL. Read from `<dataset>__versions` by batch + file + row (all versions: the
 * row a lead was raised on stays readable after a newer batch supersedes it). The values are inlined:
 * a batch's rows are stored together and in row order, so the zone maps skip all but a block.
 */
function sourceRowSql(ref: SourceRef): string | undefined {
  const dataset = findDataset(ref.dataset);
  if (!dataset || ref.row === null) return undefined;
  const columns = dataset.columns
    .map((c) => `"${c.name}" := CAST("${c.name}" AS VARCHAR)`)
    .join(', ');
  return `(SELECT struct_pack(${columns}, _sheet) FROM ${versionsTable(dataset)}
    WHERE _batch_id = ${lit(ref.batchId)} AND _row = ${lit(ref.row)}
      AND _file IS NOT DISTINCT FROM ${lit(ref.file)} LIMIT 1)`;
}

/**
 * The source rows of evidence items, in one query. Returns one entry per ref, `undefined` when the
 * row is gone (its batch rolled back and purged).
 */
export async function sourceRows(
  db: Database,
  refs: readonly SourceRef[],
): Promise<(Record<string, unknown> | undefined)[]> {
  const parts = await leadPageSources(db, null, refs);
  return parts.sources;
}

/** What the lead page reads besides the lead itself, unscoped (the caller applies the scope). */
export interface LeadPageSources {
  /** One entry per evidence ref (undefined: the row is gone). */
  sources: (Record<string, unknown> | undefined)[];
  /** Every lead of the subject (串并). */
  leads: LeadTableRow[];
  /** Every case where the subject is the ledger's debtor or a party, ledger fields filled in. */
  cases: PartyCase[];
}

/**
 * The lead page's sources in one round trip: evidence rows, the subject's other leads and cases.
 * Each part is a scalar subquery with its key inlined (index lookups on leads; equality scans on the
 * case tables), so a cold lead page costs one query here instead of one per part.
 */
export async function leadPageSources(
  db: Database,
  subjectId: string | null,
  refs: readonly SourceRef[],
  withLeads = true,
): Promise<LeadPageSources> {
  const columns = refs.map((ref, i) => `${sourceRowSql(ref) ?? 'NULL'} AS ev${i}`);
  if (subjectId !== null) {
    if (withLeads) columns.push(`${subjectLeadsSql(subjectId)} AS leads`);
    columns.push(
      // The versions tables, current rows picked in the aggregate: the view's `_active` filter
      // next to the equality would keep DuckDB from using the ID indexes (ensureLeadTableIndexes).
      `(SELECT list(struct_pack(case_no, court, closure_type,
          closed_date := CAST(closed_date AS VARCHAR), role := '被执行人')) FILTER (WHERE _active)
        FROM ${versionsTable('enforcement_cases')} WHERE debtor_id = ${lit(subjectId)}) AS ledger`,
      `(SELECT list(struct_pack(case_no, role := party_role)) FILTER (WHERE _active)
        FROM ${versionsTable('case_parties')} WHERE party_id = ${lit(subjectId)}) AS parties`,
    );
  }
  if (columns.length === 0) return { sources: [], leads: [], cases: [] };
  const row = (await db.one(`SELECT ${columns.join(', ')}`)) ?? {};
  const sources = refs.map(
    (_, i) => (row[`ev${i}`] ?? undefined) as Record<string, unknown> | undefined,
  );
  if (subjectId === null) return { sources, leads: [], cases: [] };
  const cases = mergePartyCases(
    (row.ledger ?? []) as PartyCase[],
    (row.parties ?? []) as { case_no: string; role: string | null }[],
  );
  await fillLedgerFields(db, cases);
  return { sources, leads: (row.leads ?? []) as LeadTableRow[], cases };
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
 * 串并: the cases of one ID, as the ledger's debtor (被执行人) and from the party lists, one entry per
 * case with the roles joined (被执行人、申请执行人). Pure: merges the rows of leadPageSources.
 */
export function mergePartyCases(
  ledger: readonly PartyCase[],
  parties: readonly { case_no: string; role: string | null }[],
): PartyCase[] {
  const byCase = new Map<string, PartyCase>();
  for (const r of ledger) if (!byCase.has(r.case_no)) byCase.set(r.case_no, { ...r });
  for (const p of parties) {
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
    }
  }
  return [...byCase.values()].sort((a, b) => b.case_no.localeCompare(a.case_no));
}

/** Cases known only from the party list: their ledger row (if any) by case number. */
async function fillLedgerFields(db: Database, cases: PartyCase[]): Promise<void> {
  const missing = cases.filter((c) => c.court === null && c.closure_type === null).slice(0, 200);
  if (missing.length === 0) return;
  const rows = await db.all<PartyCase & Record<string, unknown>>(
    `SELECT case_no, court, closure_type, CAST(closed_date AS VARCHAR) AS closed_date FROM enforcement_cases
     WHERE case_no IN (${missing.map((c) => lit(c.case_no)).join(', ')})`,
  );
  const byCase = new Map(missing.map((c) => [c.case_no, c]));
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

/**
 * 串并: every case where this ID is a party or the ledger's debtor, within `keep` (the scope), newest
 * case number first. Two equality scans (no join, no LIKE) in one query: fast on millions of cases.
 */
export async function casesOfParty(
  db: Database,
  partyId: string,
  keep: (caseNo: string) => boolean,
  limit = 200,
): Promise<PartyCase[]> {
  const { cases } = await leadPageSources(db, partyId, [], false);
  return cases.filter((c) => keep(c.case_no)).slice(0, limit);
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
