/**
 * Statistics for an operator: the figures of src/domain/stats-definitions.ts per unit (with the
 * units below), model, court or month inside the operator's scope, the 终本 table of the ledger,
 * a model's track record, and their Excel exports (audited as `export_report`). Tables hold counts
 * only, no personal data; a judge's name is an official's, not a party's.
 *
 * Answers are cached for a short while (and dropped on every data change signal): at 1M leads a
 * table costs a scan, and a leader's dashboard asks for four at once.
 */
import type {
  StatsQuery,
  StatsTable,
  TerminationQuery,
  TerminationTable,
} from '../contract/stats.ts';
import { AppError } from '../domain/app-error.ts';
import { figuresOf, rate, sumCounts, ZERO_COUNTS } from '../domain/stats-definitions.ts';
import { actingUserOf, type Operator, type ServiceContext } from '../org/operator.ts';
import type { OrgService } from '../org/org.service.ts';
import { courtPrefixOf, descendantsOf, scopeOf, type Scope } from '../org/unit-tree.ts';
import { ReadPool } from '../store/read-pool.ts';
import { leadCube, statsRows, terminationRows, type StatsDimension } from '../store/stats.repo.ts';
import type { UnitRecord } from '../store/unit.repo.ts';
import { listCampaigns } from '../store/campaign.repo.ts';
import { visibleCampaign } from '../casework/campaign.service.ts';
import { bulletinDocx, bulletinTitle, bulletinXlsx, type BulletinData } from './bulletin.ts';
import { parsePeriod, previousPeriod, trendStart } from './period.ts';
import { statsWorkbook, terminationWorkbook } from './stats-workbook.ts';
import { SharedAnswers } from '../org/shared-answers.ts';

export interface StatsDeps extends ServiceContext {
  readonly org: OrgService;
  /** Model names for labels (the platform's lead service has them cached). */
  readonly modelNames?: () => Promise<Map<string, { name: string }>>;
  /** Read connections of its own (0: the main connection, as the CLI). */
  readonly readers?: number;
  /** The clock (the bulletin's generation date). */
  readonly now?: () => number;
  /** How long an answer is reused, ms (default 30 s). */
  readonly cacheMs?: number;
}

const NO_SCOPE: Scope = { unitId: '', unitIds: [], dataUnitIds: [], courtPrefixes: [] };

export class StatsService {
  private readonly pool: ReadPool;
  private readonly answers: SharedAnswers;

  constructor(private readonly deps: StatsDeps) {
    this.pool = new ReadPool(deps.db, deps.readers ?? 2);
    this.answers = new SharedAnswers(deps.changes, () => deps.cacheMs ?? 30_000);
  }

  close(): void {
    this.answers.close();
    this.pool.close();
  }

  /** Drops cached answers (the casework services' writes call it through the change signal). */
  invalidate(): void {
    this.answers.clear();
  }

  /**
   * The operator's scope, narrowed to `unitId` when given (a unit outside it is "not found");
   * `own`, the operator's whole scope, decides which campaigns they see.
   */
  async scope(
    op: Operator,
    unitId?: string,
  ): Promise<{ scope: Scope; units: UnitRecord[]; own: Scope }> {
    await actingUserOf(this.deps.db, op);
    const units = await this.deps.org.units();
    const root = op.unitId ?? units.find((u) => u.parentId === null)?.id;
    const own = root ? scopeOf(units, root) : NO_SCOPE;
    if (!unitId || unitId === own.unitId) return { scope: own, units, own };
    if (!own.unitIds.includes(unitId))
      throw new AppError('UNIT_NOT_FOUND', '单位不存在或不在本单位范围内');
    return { scope: scopeOf(units, unitId), units, own };
  }

  async table(op: Operator, q: StatsQuery): Promise<StatsTable> {
    const { scope, units, own } = await this.scope(op, q.unitId);
    // A campaign the operator does not see is "not found", as on the campaign pages.
    const campaign = q.campaign
      ? await visibleCampaign(this.deps.db, own, Number(q.campaign))
      : undefined;
    const key = JSON.stringify(['table', scope.unitId, own.unitId, q]);
    return this.cached(key, () =>
      this.compute(
        scope,
        own,
        units,
        q,
        campaign && { id: Number(campaign.id), theme: campaign.theme },
      ),
    );
  }

  private async compute(
    scope: Scope,
    own: Scope,
    units: UnitRecord[],
    q: StatsQuery,
    campaign?: { id: number; theme: string },
  ): Promise<StatsTable> {
    const by: StatsDimension = q.by;
    const groups = unitGroups(units, scope, by === 'unit');
    const period = {
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.modelId ? { modelId: q.modelId } : {}),
      ...(campaign ? { campaignId: campaign.id } : {}),
    };
    // The leads' scan is the same for every scope (and for by unit and the total): shared.
    const leadBy = by === 'unit' ? 'total' : by;
    const cube = await this.cached(JSON.stringify(['leads', leadBy, period]), () =>
      this.pool.use((db) => leadCube(db, { by: leadBy, ...period })),
    );
    const rows = await this.pool.use((db) =>
      statsRows(db, { unitPrefixes: unitPrefixes(units), groups, by, ...period }, cube),
    );
    const label = await this.labeller(units, scope, by, own);
    const unitName = units.find((u) => u.id === scope.unitId)?.name ?? scope.unitId;
    // By unit every row shows, in tree order, even without a figure yet (a chart's empty bar).
    const all = by === 'unit' ? [...new Set(groups.map((g) => g.group))] : rows.map((r) => r.key);
    const found = new Map(rows.map((r) => [r.key, r]));
    return {
      by,
      unitId: scope.unitId,
      unitName,
      from: q.from ?? null,
      to: q.to ?? null,
      campaignId: campaign?.id ?? null,
      campaignTheme: campaign?.theme ?? null,
      rows: all.map((key) => ({
        key,
        label: label(key),
        figures: figuresOf(found.get(key) ?? ZERO_COUNTS),
      })),
      total: figuresOf(sumCounts(rows)),
    };
  }

  private async labeller(units: UnitRecord[], scope: Scope, by: StatsDimension, own: Scope) {
    if (by === 'unit') {
      const names = new Map(units.map((u) => [u.id, u.name]));
      return (k: string) =>
        k === scope.unitId ? `${names.get(k) ?? k}（本级）` : (names.get(k) ?? k);
    }
    if (by === 'model') {
      const models = (await this.deps.modelNames?.()) ?? new Map<string, { name: string }>();
      return (k: string) => (models.get(k) ? `${k} ${models.get(k)?.name}` : k);
    }
    if (by === 'total') return () => '合计';
    if (by === 'campaign') {
      // Themes of the campaigns the operator sees; another unit's shows by its number only.
      const seen = await listCampaigns(this.deps.db, own.unitIds);
      const themes = new Map(seen.map((c) => [String(c.id), c.theme]));
      return (k: string) => (k === '' ? '（无专项活动）' : (themes.get(k) ?? `专项活动 #${k}`));
    }
    return (k: string) => k;
  }

  /** 终本 count, share and median days per court (or court and judge) of the ledger. */
  async termination(op: Operator, q: TerminationQuery): Promise<TerminationTable> {
    const { scope } = await this.scope(op, q.unitId);
    const key = JSON.stringify(['termination', scope.unitId, q]);
    return this.cached(key, async () => {
      const rows = await this.pool
        .use((db) =>
          terminationRows(db, {
            courtPrefixes: scope.courtPrefixes,
            byJudge: q.by === 'judge',
            ...(q.from ? { from: q.from } : {}),
            ...(q.to ? { to: q.to } : {}),
          }),
        )
        .catch((e: unknown) => {
          // No ledger imported yet: the view may not exist on an old database.
          if (String(e).includes('enforcement_cases')) return [];
          throw e;
        });
      return { rows: rows.map((r) => ({ ...r, share: rate(r.terminated, r.closed) })) };
    });
  }

  /** A model's track record in the operator's scope (all time): leads, 成案率, money. */
  async modelRecord(op: Operator, modelId: string): Promise<StatsTable> {
    return this.table(op, { by: 'total', modelId });
  }

  async tableWorkbook(op: Operator, q: StatsQuery): Promise<Buffer> {
    const table = await this.table(op, q);
    const buffer = await statsWorkbook(table);
    await this.audit(op, 'statistics', { ...q, rows: table.rows.length });
    return buffer;
  }

  async terminationWorkbook(op: Operator, q: TerminationQuery): Promise<Buffer> {
    const table = await this.termination(op, q);
    const buffer = await terminationWorkbook(table, q.by);
    await this.audit(op, 'termination', { ...q, rows: table.rows.length });
    return buffer;
  }

  /**
   * The bulletin of a unit for a period (2025-09, 2025Q3, 2025) as Word and Excel, audited once;
   * `title` names the files (no personal data in it). `only` builds one of the two (the web asks
   * for each file on its own); the other is then empty. `campaign`: every figure is that
   * campaign's (one the operator sees, else 404), as the statistics' filter; 终本 stays whole.
   */
  async bulletin(
    op: Operator,
    periodText: string,
    unitId?: string,
    only?: 'docx' | 'xlsx',
    campaign?: string,
  ): Promise<{ title: string; docx: Buffer; xlsx: Buffer }> {
    const period = parsePeriod(periodText);
    const { scope } = await this.scope(op, unitId);
    const q = {
      unitId: scope.unitId,
      from: period.from,
      to: period.to,
      ...(campaign ? { campaign } : {}),
    };
    const prev = previousPeriod(period);
    const [total, previous, byUnit, byModel, trend, courts] = await Promise.all([
      this.table(op, { ...q, by: 'total' }),
      this.table(op, { ...q, from: prev.from, to: prev.to, by: 'total' }),
      this.table(op, { ...q, by: 'unit' }),
      this.table(op, { ...q, by: 'model' }),
      this.table(op, { ...q, from: trendStart(period), by: 'month' }),
      this.termination(op, { unitId: q.unitId, from: q.from, to: q.to, by: 'court' }),
    ]);
    const data: BulletinData = {
      unitName: total.unitName,
      period,
      generatedOn: new Date(this.deps.now?.() ?? Date.now()).toISOString().slice(0, 10),
      total,
      previous,
      byUnit,
      byModel,
      trend,
      courts,
      campaignTheme: total.campaignTheme,
    };
    const empty = Promise.resolve(Buffer.alloc(0));
    const [docx, xlsx] = await Promise.all([
      only === 'xlsx' ? empty : bulletinDocx(data),
      only === 'docx' ? empty : bulletinXlsx(data),
    ]);
    await this.audit(op, 'bulletin', {
      period: period.code,
      unitId: scope.unitId,
      ...(total.campaignId === null ? {} : { campaign: total.campaignId }),
      only: only ?? 'both',
    });
    return { title: bulletinTitle(data), docx, xlsx };
  }

  async audit(op: Operator, target: string, detail: unknown): Promise<void> {
    const { userId, username, unitId, ip } = op;
    await this.deps.audit.record(
      { userId, username, unitId, ip },
      'export_report',
      target,
      JSON.stringify(detail),
    );
  }

  /** `fn`'s answer, shared by the asks while it runs and for `cacheMs` after it settled. */
  private cached<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.answers.get(key, fn);
  }
}

/** Court-code prefix → unit of every unit (a lead belongs to the longest match). */
function unitPrefixes(units: readonly UnitRecord[]): { prefix: string; unitId: string }[] {
  const out: { prefix: string; unitId: string }[] = [];
  for (const u of units) {
    const own = courtPrefixOf(u);
    if (own) out.push({ prefix: own, unitId: u.id });
    for (const code of u.courtCodes) out.push({ prefix: code, unitId: u.id });
  }
  return out;
}

/**
 * Which row each unit of the scope counts in. By unit: the scope's unit itself (本级) and each unit
 * directly below it, holding its own figures and those of every unit below it; else one row.
 */
export function unitGroups(
  units: readonly UnitRecord[],
  scope: Scope,
  byUnit: boolean,
): { unitId: string; group: string }[] {
  if (!byUnit) return scope.unitIds.map((unitId) => ({ unitId, group: scope.unitId }));
  const out = [{ unitId: scope.unitId, group: scope.unitId }];
  for (const child of units.filter((u) => u.parentId === scope.unitId)) {
    for (const u of descendantsOf(units, child.id)) out.push({ unitId: u.id, group: child.id });
  }
  return out;
}
