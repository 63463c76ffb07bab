/**
 * Campaigns (专项监督活动) for every entry point: create, edit (on the version the user saw; the
 * replaced version is kept), list and view within the unit scope (a campaign is visible to its
 * creating unit, its participating units and the units above them; any other is "not found"),
 * audit of every change and of the list's Excel export, and the bounds of a model run made under one.
 */
import type { z } from 'zod';
import type { Campaign, CampaignDetail, CampaignRequest } from '../contract/campaigns.ts';
import { AppError } from '../domain/app-error.ts';
import { actingUserWith, type Operator } from '../org/operator.ts';
import type { Scope } from '../org/unit-tree.ts';
import {
  campaignById,
  campaignCounts,
  campaignRuns,
  insertCampaign,
  listCampaigns,
  updateCampaignIfVersion,
  type CampaignCounts,
  type CampaignFields,
  type CampaignRow,
} from '../store/campaign.repo.ts';
import { listCases } from '../store/casework.repo.ts';
import type { SqlExecutor } from '../store/lead.repo.ts';
import {
  boundRun,
  campaignEditable,
  campaignVisible,
  checkCampaign,
  takesPart,
  type BoundedRun,
  type CampaignDef,
  type RunAsk,
} from './campaign-rules.ts';
import { CaseworkCore } from './casework-core.ts';
import type { ViewNames } from './case-view.ts';
import { campaignsWorkbook } from './table-workbooks.ts';

/** The request as the contract parsed it (defaults applied). */
export type CampaignInput = z.output<typeof CampaignRequest>;

export function campaignNotFound(): AppError {
  return new AppError('NOT_FOUND', '专项活动不存在或不在本单位范围内');
}

export function defOf(r: CampaignRow): CampaignDef {
  return {
    theme: r.theme,
    unitId: r.unit_id,
    modelIds: r.model_ids,
    scopeUnitIds: r.scope_unit_ids,
    courts: r.courts,
    closedFrom: r.closed_from,
    closedTo: r.closed_to,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    participantIds: r.participant_ids,
  };
}

/** A campaign the scope sees (another unit's is 404, like a missing one). */
export async function visibleCampaign(
  db: SqlExecutor,
  scope: Scope,
  id: number,
): Promise<CampaignRow> {
  const row = await campaignById(db, id);
  if (!row || !campaignVisible(defOf(row), scope.unitIds)) throw campaignNotFound();
  return row;
}

function fieldsOf(input: CampaignInput): CampaignFields {
  const uniq = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];
  return {
    theme: input.theme.trim(),
    modelIds: uniq(input.modelIds),
    scopeUnitIds: uniq(input.scopeUnitIds),
    courts: uniq(input.courts),
    closedFrom: input.closedFrom,
    closedTo: input.closedTo,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    participantIds: uniq(input.participantIds),
    note: input.note.trim(),
  };
}

function conflict(row: CampaignRow, seen: number): AppError {
  return new AppError(
    'CAMPAIGN_VERSION_CONFLICT',
    `专项活动「${row.theme}」已被他人修改（您看到的是第 ${seen} 版，现在是第 ${Number(row.version)} 版），` +
      '本次修改未保存。请刷新后查看对方的修改，再重新操作',
  );
}

export class CampaignService extends CaseworkCore {
  private toCampaign(
    r: CampaignRow,
    names: ViewNames,
    scope: Scope,
    counts: CampaignCounts | undefined,
    canManage: boolean,
  ): Campaign {
    const def = defOf(r);
    return {
      id: Number(r.id),
      theme: r.theme,
      unitId: r.unit_id,
      unitName: names.unitName(r.unit_id),
      modelIds: [...r.model_ids],
      scopeUnitIds: [...r.scope_unit_ids],
      courts: [...r.courts],
      closedFrom: r.closed_from,
      closedTo: r.closed_to,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      participantIds: [...r.participant_ids],
      participantNames: r.participant_ids.map((u) => names.unitName(u)),
      note: r.note,
      migrated: r.legacy_text !== null,
      takesPart: takesPart(def, scope.unitId),
      editable: canManage && campaignEditable(def, scope.unitIds),
      version: Number(r.version),
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
      runCount: counts?.runs ?? 0,
      leadCount: counts?.leads ?? 0,
      caseCount: counts?.cases ?? 0,
    };
  }

  private async canManage(op: Operator): Promise<boolean> {
    return actingUserWith(this.deps.db, op, 'manage_campaigns').then(
      () => true,
      () => false,
    );
  }

  /** The campaigns the operator sees; `mine`: those their unit takes part in, running today. */
  async list(op: Operator, q: { mine?: boolean } = {}): Promise<Campaign[]> {
    const scope = await this.scopeOf(op);
    let rows = await listCampaigns(this.deps.db, scope.unitIds);
    if (q.mine) {
      const today = this.today();
      rows = rows.filter(
        (r) =>
          takesPart(defOf(r), scope.unitId) &&
          (!r.starts_on || r.starts_on <= today) &&
          (!r.ends_on || r.ends_on >= today),
      );
    }
    const ids = rows.map((r) => Number(r.id));
    const [names, counts, manage] = await Promise.all([
      this.names(),
      campaignCounts(this.deps.db, ids, scope),
      this.canManage(op),
    ]);
    return rows.map((r) => this.toCampaign(r, names, scope, counts.get(Number(r.id)), manage));
  }

  /** The list as Excel (every campaign the operator sees); audited as a report export. */
  async listWorkbook(op: Operator, q: { mine?: boolean } = {}): Promise<Buffer> {
    const items = await this.list(op, q);
    const buffer = await campaignsWorkbook(items);
    const unit = (await this.names()).unitName(op.unitId ?? '');
    const detail = `${unit}${q.mine ? '，本单位参加且进行中' : ''}，${items.length} 项`;
    await this.record(op, 'export_report', '专项活动', detail);
    return buffer;
  }

  /** A campaign with its runs and its first cases in the operator's units. */
  async get(op: Operator, id: number): Promise<CampaignDetail> {
    const scope = await this.scopeOf(op);
    const db = this.deps.db;
    const row = await visibleCampaign(db, scope, id);
    const [names, counts, manage, runs, cases] = await Promise.all([
      this.names(),
      campaignCounts(db, [id], scope),
      this.canManage(op),
      campaignRuns(db, id),
      listCases(db, { unitIds: scope.unitIds, campaignId: id, limit: 50, offset: 0 }),
    ]);
    return {
      ...this.toCampaign(row, names, scope, counts.get(id), manage),
      runs: runs.map((r) => {
        const counts = JSON.parse(r.counts || '{}') as Record<string, { leads?: number }>;
        const models = JSON.parse(r.models || '[]') as { id: string }[];
        return {
          id: Number(r.id),
          startedAt: r.started,
          status: r.status,
          asOf: r.as_of,
          modelIds: models.map((m) => m.id),
          leads: Object.values(counts).reduce((n, c) => n + (c.leads ?? 0), 0),
        };
      }),
      cases: cases.rows.map((c) => ({
        id: Number(c.id),
        caseNo: c.case_no,
        title: c.title,
        state: c.state as CampaignDetail['cases'][number]['state'],
        unitName: names.unitName(c.unit_id),
      })),
    };
  }

  private async checked(scope: Scope, fields: CampaignFields): Promise<void> {
    const models = await this.deps.leads.modelNames();
    checkCampaign({ ...fields, unitId: scope.unitId }, scope.unitIds, new Set(models.keys()));
  }

  async create(op: Operator, input: CampaignInput): Promise<CampaignDetail> {
    await actingUserWith(this.deps.db, op, 'manage_campaigns');
    const scope = await this.scopeOf(op);
    const fields = fieldsOf(input);
    await this.checked(scope, fields);
    const id = await this.write((db) => insertCampaign(db, scope.unitId, fields, op.username));
    await this.record(op, 'campaign_create', `专项活动 #${id}`, summaryOf(fields));
    return this.get(op, id);
  }

  /** A save on the version the user saw; by the creating unit or one above it. */
  async update(
    op: Operator,
    id: number,
    input: CampaignInput & { version: number },
  ): Promise<CampaignDetail> {
    await actingUserWith(this.deps.db, op, 'manage_campaigns');
    const scope = await this.scopeOf(op);
    const fields = fieldsOf(input);
    const current = await visibleCampaign(this.deps.db, scope, id);
    if (!campaignEditable(defOf(current), scope.unitIds)) {
      const creator = (await this.names()).unitName(current.unit_id);
      throw new AppError(
        'FORBIDDEN',
        `专项活动「${current.theme}」由${creator}创建，本单位不能修改`,
      );
    }
    // The creator's units bound the scope and participants, whoever edits.
    const creatorScope = await this.deps.org.scope(current.unit_id);
    const models = await this.deps.leads.modelNames();
    checkCampaign(
      { ...fields, unitId: current.unit_id },
      creatorScope.unitIds,
      new Set(models.keys()),
    );
    await this.write(async (db) => {
      const row = await visibleCampaign(db, scope, id);
      if (Number(row.version) !== input.version) throw conflict(row, input.version);
      const saved = await updateCampaignIfVersion(db, id, input.version, fields, op.username);
      if (saved === undefined) throw conflict(row, input.version);
    });
    await this.record(op, 'campaign_update', `专项活动 #${id}`, summaryOf(fields));
    return this.get(op, id);
  }

  /**
   * A run under a campaign, for the operator (no unit: the trusted local operator, no scope):
   * the campaign must be visible, the unit taking part, the run inside its period and scope.
   */
  async forRun(op: Operator, id: number, ask: RunAsk): Promise<BoundedRun> {
    const db = this.deps.db;
    const row = op.unitId
      ? await visibleCampaign(db, await this.scopeOf(op), id)
      : await campaignById(db, id);
    if (!row) throw campaignNotFound();
    return boundRun(defOf(row), ask, op.unitId, this.today(), await this.deps.org.units());
  }
}

function summaryOf(f: CampaignFields): string {
  return [
    f.theme,
    `期间 ${f.startsOn ?? '…'} 至 ${f.endsOn ?? '…'}`,
    f.modelIds.length ? `模型 ${f.modelIds.join('、')}` : '',
    f.participantIds.length ? `参加单位 ${f.participantIds.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；')
    .slice(0, 2000);
}
