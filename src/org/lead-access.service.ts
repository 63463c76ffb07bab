import { AppError } from '../domain/app-error.ts';
import type { getLead } from '../models/lead.service.ts';
import {
  assignLead,
  dismissLead,
  noteLead,
  reopenLead,
  toLead,
  type Lead,
} from '../models/lead.service.ts';
import { leadNotes, type LeadRow as ServiceLeadRow } from '../store/lead-query.repo.ts';
import { loadLibrary } from '../models/library.ts';
import type { Database } from '../store/database.ts';
import {
  caseParties,
  caseRow,
  casesOfParty,
  datasetStatistics,
  partyName,
  sourceRows,
  type PartyCase,
  type SourceRef,
} from '../store/evidence.repo.ts';
import {
  countLeadTable,
  leadRowByKey,
  leadsBy,
  leadStatistics,
  queryLeadTable,
  type LeadTableFilter,
  type LeadTableRow,
  type LeadTableSort,
} from '../store/lead-table.repo.ts';
import { courtCodeOfCaseNo, inScope, type Scope } from './unit-tree.ts';

/** The lead-table query of one request, inside a user's scope. */
export interface LeadPageQuery {
  filter: Omit<LeadTableFilter, 'courtPrefixes'>;
  sort: LeadTableSort;
  desc: boolean;
  page: number;
  pageSize: number;
}

interface CacheEntry<T> {
  version: number;
  at: number;
  value: T;
}

/** Small LRU keyed by the query's JSON; entries of an older lead version are stale. */
class ResultCache<T> {
  private readonly map = new Map<string, CacheEntry<T>>();
  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
  ) {}
  get(key: string, version: number): T | undefined {
    const e = this.map.get(key);
    if (!e || e.version !== version || Date.now() - e.at > this.ttlMs) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }
  set(key: string, version: number, value: T): void {
    this.map.set(key, { version, at: Date.now(), value });
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
}

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
  private readonly stats = new ResultCache<Awaited<ReturnType<typeof leadStatistics>>>(200, 60_000);
  /** Lead-page parts that are the same for every viewer of a scope (串并, evidence rows). */
  private readonly related = new ResultCache<unknown>(5000, 5 * 60_000);
  private readers: Database[] = [];
  private nextReader = 0;
  private readersReady: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly readerCount = 3,
  ) {}

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

  private async reader(): Promise<Database> {
    this.readersReady ??= (async () => {
      for (let i = 0; i < this.readerCount; i++) this.readers.push(await this.db.fork());
    })();
    await this.readersReady;
    const r = this.readers[this.nextReader++ % this.readers.length];
    return r ?? this.db;
  }

  close(): void {
    for (const r of this.readers) r.close();
    this.readers = [];
  }

  async page(scope: Scope, q: LeadPageQuery): Promise<{ items: LeadTableRow[]; total: number }> {
    const filter: LeadTableFilter = { ...q.filter, courtPrefixes: scope.courtPrefixes };
    const version = this.version;
    const filterKey = JSON.stringify(filter);
    const pageKey = JSON.stringify([filterKey, q.sort, q.desc, q.page, q.pageSize]);
    let items = this.pages.get(pageKey, version);
    let total = this.counts.get(filterKey, version);
    if (items === undefined || total === undefined) {
      const db = await this.reader();
      if (items === undefined) {
        items = await queryLeadTable(
          db,
          filter,
          q.sort,
          q.desc,
          q.pageSize,
          (q.page - 1) * q.pageSize,
        );
        this.pages.set(pageKey, version, items);
      }
      if (total === undefined) {
        total = await countLeadTable(db, filter);
        this.counts.set(filterKey, version, total);
      }
    }
    return { items, total };
  }

  /** Every lead of a filter (exports), up to `limit`. */
  async all(scope: Scope, filter: LeadPageQuery['filter'], limit: number): Promise<LeadTableRow[]> {
    return queryLeadTable(
      await this.reader(),
      { ...filter, courtPrefixes: scope.courtPrefixes },
      'priority',
      true,
      limit,
      0,
    );
  }

  /**
   * One lead with its notes, if it lies in the scope. Another unit's lead is "not found" (404),
   * never "forbidden": its existence is not disclosed.
   */
  async get(scope: Scope, leadKey: string): Promise<Awaited<ReturnType<typeof getLead>>> {
    // The lead service's shape, read through the key index (see leadRowByKey).
    const db = await this.reader();
    const row = await leadRowByKey(db, leadKey);
    if (!row) throw notFound();
    const lead = toLead(row as ServiceLeadRow);
    if (!inScope(scope, courtCodeOfCaseNo(lead.caseNo))) throw notFound();
    return { ...lead, notes: await leadNotes(db, leadKey) };
  }

  /** Caches `load` under `key` until the leads (or the data) change. */
  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const version = this.version;
    const hit = this.related.get(key, version);
    if (hit !== undefined) return hit as T;
    const value = await load();
    this.related.set(key, version, value);
    return value;
  }

  /** Other leads of the same subject (串并), in scope. */
  async ofSubject(scope: Scope, subjectId: string, limit = 50): Promise<LeadTableRow[]> {
    return this.cached(
      JSON.stringify(['subject', scope.courtPrefixes, subjectId, limit]),
      async () =>
        leadsBy(
          await this.reader(),
          'subject_id',
          subjectId,
          (caseNo) => inScope(scope, courtCodeOfCaseNo(caseNo)),
          limit,
        ),
    );
  }

  async ofCase(scope: Scope, caseNo: string, limit = 50): Promise<LeadTableRow[]> {
    if (!inScope(scope, courtCodeOfCaseNo(caseNo))) return [];
    return leadsBy(await this.reader(), 'case_no', caseNo, () => true, limit);
  }

  async statistics(
    scope: Scope,
    since: string,
  ): Promise<Awaited<ReturnType<typeof leadStatistics>>> {
    const key = JSON.stringify([scope.courtPrefixes, since]);
    const cached = this.stats.get(key, this.version);
    if (cached) return cached;
    const value = await leadStatistics(await this.reader(), scope.courtPrefixes, since);
    this.stats.set(key, this.version, value);
    return value;
  }

  /** The source rows of a lead's evidence (undefined where a row is gone). */
  async evidence(refs: readonly SourceRef[]): Promise<(Record<string, unknown> | undefined)[]> {
    return this.cached(JSON.stringify(['evidence', refs]), async () =>
      sourceRows(await this.reader(), refs),
    );
  }

  /** 串并: the cases (in scope) where this ID is a party. */
  async partyCases(scope: Scope, partyId: string): Promise<PartyCase[]> {
    return this.cached(JSON.stringify(['cases', scope.courtPrefixes, partyId]), async () =>
      casesOfParty(await this.reader(), partyId, (caseNo) =>
        inScope(scope, courtCodeOfCaseNo(caseNo)),
      ),
    );
  }

  async partyName(partyId: string): Promise<string | null> {
    return partyName(await this.reader(), partyId);
  }

  /** A case of the scope with its parties; another unit's case is 404. */
  async caseDetail(
    scope: Scope,
    caseNo: string,
  ): Promise<{ row: Record<string, unknown>; parties: Awaited<ReturnType<typeof caseParties>> }> {
    const db = await this.reader();
    const row = await caseRow(db, caseNo, scope.courtPrefixes);
    if (!row) throw new AppError('NOT_FOUND', '案件不存在或不在本单位范围内', 404);
    return { row, parties: await caseParties(db, caseNo) };
  }

  async datasetStatistics(): Promise<Map<string, { rows: number; lastImportAt: string | null }>> {
    return datasetStatistics(await this.reader());
  }

  private async mutate<T>(scope: Scope, leadKey: string, fn: () => Promise<T>): Promise<T> {
    await this.get(scope, leadKey);
    try {
      return await fn();
    } finally {
      this.version++;
    }
  }

  dismiss(scope: Scope, key: string, reason: string, note: string, user: string): Promise<Lead> {
    return this.mutate(scope, key, () => dismissLead(this.db, key, reason, note, user));
  }

  reopen(scope: Scope, key: string, note: string, user: string): Promise<Lead> {
    return this.mutate(scope, key, () => reopenLead(this.db, key, note, user));
  }

  assign(scope: Scope, key: string, assignee: string, user: string): Promise<Lead> {
    return this.mutate(scope, key, () => assignLead(this.db, key, assignee, user));
  }

  note(scope: Scope, key: string, text: string, user: string): Promise<void> {
    return this.mutate(scope, key, () => noteLead(this.db, key, text, user));
  }
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', '线索不存在或不在本单位范围内', 404);
}
