import type { LeadSort } from '../contract/leads.ts';
import { AppError } from '../domain/app-error.ts';
import {
  assignLead,
  dismissLead,
  noteLead,
  reopenLead,
  setLeadStatus,
  type Lead,
} from '../models/lead.service.ts';
import { loadLibrary } from '../models/library.ts';
import type { Database } from '../store/database.ts';
import { ReadPool, type ReadPriority } from '../store/read-pool.ts';
import {
  caseParties,
  caseRow,
  casesOfParty,
  datasetStatistics,
  leadPageSources,
  partyName,
  sourceRows,
  type LeadPageSources,
  type PartyCase,
  type SourceRef,
} from '../store/evidence.repo.ts';
import {
  byPriority,
  countLeadTable,
  leadFullRowsByKeys,
  leadRowsByKeys,
  leadTableKeys,
  leadNotesByKey,
  leadKeyById,
  leadRowByKey,
  leadsBy,
  leadStatistics,
  type LeadFullRow,
  type LeadTableFilter,
  type LeadTableRow,
} from '../store/lead-table.repo.ts';
import { ResultCache } from './result-cache.ts';
import { courtCodeOfCaseNo, inScope, type Scope } from './unit-tree.ts';

/** The lead-table query of one request, inside a user's scope. */
export interface LeadPageQuery {
  filter: Omit<LeadTableFilter, 'courtPrefixes'>;
  sort: LeadSort;
  desc: boolean;
  page: number;
  pageSize: number;
}

/** Keys read per sort scan (five pages of 20): see LeadAccessService.pageKeys. */
const KEY_WINDOW = 100;

/**
 * Leads as a user of a unit sees them (线索 within the unit's scope). Reads go through a few extra
 * connections so concurrent requests do not queue behind one another, and pages and counts are
 * cached until the leads change (any action through this service or a finished model run bumps the
 * version): a million-lead table answers its common pages from memory.
 */
export class LeadAccessService {
  private version = 0;
  private readonly pages = new ResultCache<LeadTableRow[]>(2000, 5 * 60_000);
  private readonly counts = new ResultCache<number>(2000, 5 * 60_000);
  private readonly keyWindows = new ResultCache<string[]>(2000, 5 * 60_000);
  private readonly stats = new ResultCache<Awaited<ReturnType<typeof leadStatistics>>>(200, 60_000);
  private readonly datasetStats = new ResultCache<Awaited<ReturnType<typeof datasetStatistics>>>(
    1,
    5 * 60_000,
  );
  /** Lead-page parts that are the same for every viewer of a scope (串并, evidence rows). */
  private readonly related = new ResultCache<unknown>(5000, 5 * 60_000);
  /** Leads with their notes by key (the scope is checked on every read, not cached). */
  private readonly leadRows = new ResultCache<LeadWithNotes>(5000, 5 * 60_000);
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly pool: ReadPool;

  constructor(
    private readonly db: Database,
    // Three readers and the main connection fill libuv's default pool of four threads, which runs
    // every DuckDB call; the audit commits use the main connection.
    readerCount = 3,
  ) {
    this.pool = new ReadPool(db, readerCount);
  }

  private models: Promise<Map<string, { name: string; version: number }>> | undefined;

  /** Leads changed outside this service (a model run, an import): forget cached pages. */
  invalidate(): void {
    this.version++;
  }

  /** A model was imported: names and versions are read again (and pages, which show them). */
  modelsChanged(): void {
    this.models = undefined;
    this.version++;
  }

  /** Model id → name and version (for the table's model column), cached until invalidated. */
  async modelNames(): Promise<Map<string, { name: string; version: number }>> {
    this.models ??= loadLibrary(this.db)
      .then(
        (all) => new Map(all.map((m) => [m.def.id, { name: m.def.name, version: m.def.version }])),
      )
      .catch(() => new Map());
    return this.models;
  }

  /** Runs `fn` on a read connection: `lookup` (a lead, a case) before `scan` (pages, counts). */
  private use<T>(fn: (db: Database) => Promise<T>, priority: ReadPriority = 'scan'): Promise<T> {
    return this.pool.use(fn, priority);
  }

  close(): void {
    this.pool.close();
  }

  async page(scope: Scope, q: LeadPageQuery): Promise<{ items: LeadTableRow[]; total: number }> {
    const filter: LeadTableFilter = { ...q.filter, courtPrefixes: scope.courtPrefixes };
    const version = this.version;
    const filterKey = JSON.stringify(filter);
    const pageKey = JSON.stringify([filterKey, q.sort, q.desc, q.page, q.pageSize]);
    const items = this.pages.get(pageKey, version);
    const total = this.counts.get(filterKey, version);
    // Rows and count are independent: on two connections at once when both are missing.
    const [rows, count] = await Promise.all([
      items ??
        this.once(`page:${version}:${pageKey}`, async () => {
          const keys = await this.pageKeys(filterKey, filter, q, version);
          const v = await this.use((db) => leadRowsByKeys(db, keys), 'lookup');
          this.pages.set(pageKey, version, v);
          return v;
        }),
      total ??
        this.once(`count:${version}:${filterKey}`, async () => {
          const v = await this.use((db) => countLeadTable(db, filter));
          this.counts.set(filterKey, version, v);
          return v;
        }),
    ]);
    return { items: rows, total: count };
  }

  /**
   * The keys of one page, cut from a window of KEY_WINDOW keys that is read and cached whole: the
   * sort scans every lead of the filter whatever the LIMIT, so the next pages (people page on)
   * cost only their rows.
   */
  private async pageKeys(
    filterKey: string,
    filter: LeadTableFilter,
    q: LeadPageQuery,
    version: number,
  ): Promise<string[]> {
    const offset = (q.page - 1) * q.pageSize;
    const start = Math.floor(offset / KEY_WINDOW) * KEY_WINDOW;
    if (offset + q.pageSize > start + KEY_WINDOW) {
      return this.use((db) => leadTableKeys(db, filter, q.sort, q.desc, q.pageSize, offset));
    }
    const windowKey = JSON.stringify([filterKey, q.sort, q.desc, start]);
    let window = this.keyWindows.get(windowKey, version);
    if (!window) {
      window = await this.once(`keys:${version}:${windowKey}`, () =>
        this.use((db) => leadTableKeys(db, filter, q.sort, q.desc, KEY_WINDOW, start)),
      );
      this.keyWindows.set(windowKey, version, window);
    }
    return window.slice(offset - start, offset - start + q.pageSize);
  }

  /**
   * Every lead of a filter in the scope (exports), up to `limit`, in the sort's order, as full rows:
   * the keys in one sort scan, then the rows by key (uncached: an export is read once).
   */
  async all(
    scope: Scope,
    q: Omit<LeadPageQuery, 'page' | 'pageSize'>,
    limit: number,
  ): Promise<LeadFullRow[]> {
    const filter: LeadTableFilter = { ...q.filter, courtPrefixes: scope.courtPrefixes };
    return this.use(async (db) =>
      leadFullRowsByKeys(db, await leadTableKeys(db, filter, q.sort, q.desc, limit, 0)),
    );
  }

  /** Opaque id → internal lead key; an id never changes, so a hit is kept (bounded). */
  private readonly keysById = new Map<string, string>();

  private async keyOf(id: string): Promise<string> {
    let key = this.keysById.get(id);
    if (key === undefined) {
      key = await this.use((db) => leadKeyById(db, id), 'lookup');
      if (key === undefined) throw notFound();
      if (this.keysById.size >= 100_000) this.keysById.clear();
      this.keysById.set(id, key);
    }
    return key;
  }

  /**
   * One lead (by its opaque id) with its notes, if it lies in the scope. Another unit's lead is
   * "not found" (404), never "forbidden": its existence is not disclosed.
   */
  async get(scope: Scope, id: string): Promise<LeadWithNotes> {
    const leadKey = await this.keyOf(id);
    // Read through the key indexes (see leadRowByKey), cached until any
    // lead changes; the scope is checked on every read.
    const version = this.version;
    let lead = this.leadRows.get(leadKey, version);
    if (!lead) {
      lead = await this.once(`lead:${version}:${leadKey}`, async () => {
        // Row and notes are independent lookups by key: two connections at once.
        const [row, notes] = await Promise.all([
          this.use((db) => leadRowByKey(db, leadKey), 'lookup'),
          this.use((db) => leadNotesByKey(db, leadKey), 'lookup'),
        ]);
        return row ? { row, notes } : undefined;
      });
      if (!lead) throw notFound();
      this.leadRows.set(leadKey, version, lead);
    }
    if (!inScope(scope, courtCodeOfCaseNo(lead.row.case_no))) throw notFound();
    return lead;
  }

  /**
   * What the lead page shows besides the lead, in the scope: evidence rows, the subject's other
   * leads (串并, priority order) and cases. Read in one query and cached unscoped until the leads
   * or the data change; the scope is applied on every read.
   */
  async leadPage(
    scope: Scope,
    subjectId: string | null,
    refs: readonly SourceRef[],
    limits = { leads: 50, cases: 200 },
  ): Promise<LeadPageSources> {
    const raw = await this.cached(JSON.stringify(['page', subjectId, refs]), () =>
      this.use((db) => leadPageSources(db, subjectId, refs), 'lookup'),
    );
    const keep = (caseNo: string | null) => inScope(scope, courtCodeOfCaseNo(caseNo));
    return {
      sources: raw.sources,
      leads: raw.leads
        .filter((l) => keep(l.case_no))
        .sort(byPriority)
        .slice(0, limits.leads),
      cases: raw.cases.filter((c) => keep(c.case_no)).slice(0, limits.cases),
    };
  }

  /** Caches `load` under `key` until the leads (or the data) change. */
  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const version = this.version;
    const hit = this.related.get(key, version);
    if (hit !== undefined) return hit as T;
    return this.once(`related:${version}:${key}`, async () => {
      const value = await load();
      this.related.set(key, version, value);
      return value;
    });
  }

  /**
   * Concurrent requests for the same missing entry share one load (keys carry the lead version, so
   * nobody joins a load of data older than what they asked for): twenty clients opening the same
   * cold page cost one million-row sort, not twenty.
   */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running) return running as Promise<T>;
    const promise = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  /** Other leads of the same subject (串并), in scope. */
  async ofSubject(scope: Scope, subjectId: string, limit = 50): Promise<LeadTableRow[]> {
    return this.cached(JSON.stringify(['subject', scope.courtPrefixes, subjectId, limit]), () =>
      this.use((db) =>
        leadsBy(
          db,
          'subject_id',
          subjectId,
          (caseNo) => inScope(scope, courtCodeOfCaseNo(caseNo)),
          limit,
        ),
      ),
    );
  }

  async ofCase(scope: Scope, caseNo: string, limit = 50): Promise<LeadTableRow[]> {
    if (!inScope(scope, courtCodeOfCaseNo(caseNo))) return [];
    return this.use((db) => leadsBy(db, 'case_no', caseNo, () => true, limit), 'lookup');
  }

  async statistics(
    scope: Scope,
    since: string,
  ): Promise<Awaited<ReturnType<typeof leadStatistics>>> {
    const key = JSON.stringify([scope.courtPrefixes, since]);
    const version = this.version;
    const cached = this.stats.get(key, version);
    if (cached) return cached;
    return this.once(`stats:${version}:${key}`, async () => {
      const value = await this.use((db) => leadStatistics(db, scope.courtPrefixes, since));
      this.stats.set(key, version, value);
      return value;
    });
  }

  /** The source rows of a lead's evidence (undefined where a row is gone). */
  async evidence(refs: readonly SourceRef[]): Promise<(Record<string, unknown> | undefined)[]> {
    return this.cached(JSON.stringify(['evidence', refs]), () =>
      this.use((db) => sourceRows(db, refs), 'lookup'),
    );
  }

  /** 串并: the cases (in scope) where this ID is a party. */
  async partyCases(scope: Scope, partyId: string): Promise<PartyCase[]> {
    return this.cached(JSON.stringify(['cases', scope.courtPrefixes, partyId]), () =>
      this.use(
        (db) => casesOfParty(db, partyId, (caseNo) => inScope(scope, courtCodeOfCaseNo(caseNo))),
        'lookup',
      ),
    );
  }

  async partyName(partyId: string): Promise<string | null> {
    return this.use((db) => partyName(db, partyId), 'lookup');
  }

  /** A case of the scope with its parties; another unit's case is 404. */
  async caseDetail(
    scope: Scope,
    caseNo: string,
  ): Promise<{ row: Record<string, unknown>; parties: Awaited<ReturnType<typeof caseParties>> }> {
    const found = await this.use(async (db) => {
      const row = await caseRow(db, caseNo, scope.courtPrefixes);
      return row ? { row, parties: await caseParties(db, caseNo) } : undefined;
    }, 'lookup');
    if (!found) throw new AppError('NOT_FOUND', '案件不存在或不在本单位范围内');
    return found;
  }

  /**
   * Rows per dataset, cached until data changes (an import, a rollback or a run calls `invalidate`):
   * counting every dataset scans them all, and during an import the scans queued behind its writes
   * (dashboard p95 2.2 s). Concurrent requests share one count.
   */
  async datasetStatistics(): Promise<Map<string, { rows: number; lastImportAt: string | null }>> {
    const version = this.version;
    const hit = this.datasetStats.get('all', version);
    if (hit) return hit;
    return this.once(`datasets:${version}`, async () => {
      const value = await this.use((db) => datasetStatistics(db));
      this.datasetStats.set('all', version, value);
      return value;
    });
  }

  /** Runs `fn` on the internal key of the lead `id` once it is known to lie in the scope. */
  private async mutate<T>(scope: Scope, id: string, fn: (key: string) => Promise<T>): Promise<T> {
    const leadKey = (await this.get(scope, id)).row.lead_key;
    try {
      return await fn(leadKey);
    } finally {
      this.version++;
    }
  }

  dismiss(scope: Scope, id: string, reason: string, note: string, user: string): Promise<Lead> {
    return this.mutate(scope, id, (key) => dismissLead(this.db, key, reason, note, user));
  }

  reopen(scope: Scope, id: string, note: string, user: string): Promise<Lead> {
    return this.mutate(scope, id, (key) => reopenLead(this.db, key, note, user));
  }

  assign(scope: Scope, id: string, assignee: string, user: string): Promise<Lead> {
    return this.mutate(scope, id, (key) => assignLead(this.db, key, assignee, user));
  }

  note(scope: Scope, id: string, text: string, user: string): Promise<void> {
    return this.mutate(scope, id, (key) => noteLead(this.db, key, text, user));
  }

  /** 已成案 / 已合并 from casework, on its transaction's `db`; it signals `changes` after the commit. */
  setStatus(
    scope: Scope,
    id: string,
    status: string,
    user: string,
    note: string,
    db: Database = this.db,
  ): Promise<Lead> {
    return this.mutate(scope, id, (key) => setLeadStatus(db, key, status, user, note));
  }
}

/** A lead's full row with its notes (what the lead page shows). */
export interface LeadWithNotes {
  row: LeadFullRow;
  notes: Awaited<ReturnType<typeof leadNotesByKey>>;
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', '线索不存在或不在本单位范围内');
}
