import { randomUUID } from 'node:crypto';
import { findDataset } from '../../catalog/datasets.ts';
import { RevealQuery } from '../../contract/common.ts';
import type { LeadFilter } from '../../contract/leads.ts';
import { hasRight } from '../../contract/rights.ts';
import {
  AssignRequest,
  BulkLeadRequest,
  DismissRequest,
  LeadExportQuery,
  LeadQuery,
  NoteRequest,
  ReopenRequest,
  SaveFilterRequest,
  type EvidenceRow,
  type LeadDetail,
  type SavedFilter,
} from '../../contract/leads.ts';
import { maskCell, maskText } from '../../audit/masking.ts';
import { AppError } from '../../domain/app-error.ts';
import { resolveReference } from '../../legal/articles.ts';
import type { LeadPageQuery } from '../../org/lead-access.service.ts';
import { scopeOf as unitScope } from '../../org/unit-tree.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import {
  actorOf,
  bodyOf,
  download,
  queryOf,
  scopeOf,
  sessionOf,
  XLSX_TYPE,
  type Ctx,
} from '../context.ts';
import { writeLeadWorkbook } from '../lead-export.ts';
import { operatorOf } from '../lead-operator.ts';
import { disclose, discloseLeadExport } from '../../org/lead-disclosure.ts';
import { fromTableRow, toLeadRow, type LeadLike, type LeadViewContext } from '../lead-view.ts';

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

async function viewContext(c: Ctx, reveal: boolean): Promise<LeadViewContext> {
  const platform = c.get('platform');
  const users = await platform.org.users();
  return {
    units: await platform.org.units(),
    usersByName: new Map(users.map((u) => [u.username, u])),
    models: await platform.leads.modelNames(),
    reveal,
  };
}

/** The contract's filter → the table's filter, inside the user's scope. */
async function tableFilter(c: Ctx, f: LeadFilter): Promise<LeadPageQuery['filter']> {
  const platform = c.get('platform');
  const scope = scopeOf(c);
  let unitPrefixes: string[] | undefined;
  if (f.unitId) {
    // A unit outside the scope yields nothing (no hint that it exists).
    unitPrefixes = scope.unitIds.includes(f.unitId)
      ? [...unitScope(await platform.org.units(), f.unitId).courtPrefixes]
      : [];
  }
  let assignee: string | undefined;
  if (f.assigneeId) assignee = (await platform.org.user(f.assigneeId))?.username ?? '\u0000';
  return {
    models: list(f.modelId),
    statuses: list(f.status),
    priorities: list(f.priority),
    courts: list(f.court),
    ...(unitPrefixes ? { unitPrefixes } : {}),
    ...(assignee ? { assignee } : {}),
    ...(f.dateFrom ? { createdFrom: f.dateFrom } : {}),
    ...(f.dateTo ? { createdTo: f.dateTo } : {}),
    ...(f.q ? { text: f.q } : {}),
  };
}

function leadLike(l: Awaited<ReturnType<Ctx['var']['platform']['leads']['get']>>): LeadLike {
  return { ...l, id: l.leadId };
}

/**
 * The lead page: finding, evidence joined to source rows, legal basis, 串并, history. Views are
 * audited by `disclose` (the GET route); the answers to actions show IDs masked.
 */
async function leadDetail(c: Ctx, key: string, reveal: boolean): Promise<LeadDetail> {
  const platform = c.get('platform');
  const scope = scopeOf(c);
  const lead = await platform.leads.get(scope, key);
  // Evidence rows, the subject's other leads and cases: one query (cached) on a read connection.
  const [ctx, { sources, leads: related, cases }] = await Promise.all([
    viewContext(c, reveal),
    platform.leads.leadPage(scope, lead.subjectId, lead.evidence),
  ]);
  const evidence: EvidenceRow[] = lead.evidence.map((e, i) => {
    const dataset = findDataset(e.dataset);
    const row = sources[i];
    return {
      dataset: e.dataset,
      datasetLabel: dataset?.label ?? e.dataset,
      batchId: e.batchId,
      file: e.file,
      sheet: row && typeof row._sheet === 'string' ? row._sheet : null,
      row: e.row,
      values:
        dataset && row
          ? dataset.columns.map((col) => ({
              column: col.name,
              label: col.label,
              value: maskCell(
                col,
                row[col.name] === null || row[col.name] === undefined
                  ? null
                  : String(row[col.name]),
                reveal,
              ),
            }))
          : null,
    };
  });
  return {
    lead: toLeadRow(leadLike(lead), ctx),
    action: lead.action,
    dismissReason: lead.dismissReason,
    dismissNote: lead.dismissNote === null ? null : maskText(lead.dismissNote, reveal),
    evidence,
    legalBasis: lead.legalBasis.map((ref) => {
      const r = resolveReference(ref);
      return typeof r === 'string'
        ? { ref, text: '' }
        : { ref, text: `${r.article.doc}${r.article.article}：${r.article.text}` };
    }),
    related: {
      personRef: lead.subjectId ? platform.personRefs.encode(lead.subjectId) : null,
      cases: cases.map((x) => ({
        caseNo: x.case_no,
        court: x.court,
        closureType: x.closure_type,
        closedDate: x.closed_date,
        role: x.role,
      })),
      leads: related
        .filter((r) => r.lead_id !== lead.leadId)
        .map((r) => toLeadRow(fromTableRow(r), ctx)),
    },
    history: lead.notes.map((n) => ({
      at: n.at,
      userName: n.author,
      action: n.kind === 'note' ? '备注' : n.kind === 'status' ? '处理' : '系统',
      fromStatus: null,
      toStatus: null,
      note: maskText(n.text, reveal),
    })),
    revealed: reveal,
  };
}

/** The lead's opaque id (the route table names the param `key`). */
function keyParam(c: Ctx): string {
  return c.req.param('key') ?? '';
}

function author(c: Ctx): string {
  return sessionOf(c).user.displayName;
}

async function assigneeUsername(c: Ctx, assigneeId: string): Promise<string> {
  const user = await c.get('platform').org.user(assigneeId);
  // Only a user of the assigner's units may receive the lead.
  if (!user || user.disabled || !scopeOf(c).unitIds.includes(user.unitId)) {
    throw new AppError('UNKNOWN_ASSIGNEE', '承办人不存在或不在本单位范围内');
  }
  return user.username;
}

export const leadRoutes = {
  'GET /api/leads': async (c) => {
    const q = queryOf(c, LeadQuery);
    const platform = c.get('platform');
    const result = await platform.leads.page(scopeOf(c), {
      filter: await tableFilter(c, q),
      sort: q.sort,
      desc: q.order === 'desc',
      page: q.page,
      pageSize: q.pageSize,
    });
    const ctx = await viewContext(c, false);
    return {
      items: result.items.map((r) => toLeadRow(fromTableRow(r), ctx)),
      total: result.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  },

  'GET /api/leads/export.xlsx': async (c) => {
    const q = queryOf(c, LeadExportQuery);
    const platform = c.get('platform');
    const ids = list(q.leadIds);
    const filter = { ...(await tableFilter(c, q)), ...(ids ? { ids } : {}) };
    const buffer = await discloseLeadExport(
      platform.audit,
      operatorOf(c),
      { reveal: q.reveal === '1', ...(ids ? { ids } : {}), conditions: JSON.stringify(q) },
      async (reveal) => {
        const rows = await platform.leads.all(scopeOf(c), filter, 100_000);
        const ctx = await viewContext(c, reveal);
        const views = rows.map((r) => toLeadRow(fromTableRow(r), ctx));
        return { value: await writeLeadWorkbook(views), count: rows.length };
      },
    );
    return download(buffer, `线索-${new Date().toISOString().slice(0, 10)}.xlsx`, XLSX_TYPE);
  },

  'GET /api/leads/filters': async (c) => c.get('platform').org.savedFilters(sessionOf(c).user.id),

  'POST /api/leads/filters': async (c) => {
    const body = bodyOf(c, SaveFilterRequest);
    const saved: Omit<SavedFilter, 'createdAt'> = {
      id: randomUUID(),
      name: body.name,
      filter: body.filter,
    };
    return c.get('platform').org.saveFilter(sessionOf(c).user.id, saved);
  },

  'DELETE /api/leads/filters/:id': async (c) => {
    await c.get('platform').org.deleteFilter(sessionOf(c).user.id, c.req.param('id') ?? '');
    return { ok: true };
  },

  'POST /api/leads/bulk': async (c) => {
    const body = bodyOf(c, BulkLeadRequest);
    const platform = c.get('platform');
    const scope = scopeOf(c);
    if (body.action === 'assign' && !hasRight(sessionOf(c).user.roles, 'assign_leads')) {
      throw new AppError('FORBIDDEN', '只有部门负责人可以指派线索');
    }
    const assignee = body.action === 'assign' ? await assigneeUsername(c, body.assigneeId) : '';
    let updated = 0;
    let skipped = 0;
    for (const key of [...new Set(body.leadIds)]) {
      try {
        if (body.action === 'assign') await platform.leads.assign(scope, key, assignee, author(c));
        else await platform.leads.dismiss(scope, key, body.reason, body.note, author(c));
        updated++;
      } catch (error) {
        if (error instanceof AppError && error.status === 404) skipped++;
        else throw error;
      }
    }
    await platform.audit.record(
      actorOf(c),
      'lead_update',
      body.leadIds.slice(0, 20).join(','),
      `批量${body.action === 'assign' ? '指派' : '排除'} ${updated} 条`,
    );
    return { updated, skipped };
  },

  'GET /api/leads/:key': async (c) => {
    const { reveal } = queryOf(c, RevealQuery);
    const id = keyParam(c);
    return disclose(
      c.get('platform').audit,
      operatorOf(c),
      { action: 'view_lead', reveal },
      (allowed) => leadDetail(c, id, allowed),
      (d) => ({ target: id, detail: d.lead.caseNo }),
    );
  },

  'POST /api/leads/:key/assign': async (c) => {
    const { assigneeId } = bodyOf(c, AssignRequest);
    const key = keyParam(c);
    await c
      .get('platform')
      .leads.assign(scopeOf(c), key, await assigneeUsername(c, assigneeId), author(c));
    await c.get('platform').audit.record(actorOf(c), 'lead_update', key, '指派');
    return leadDetail(c, key, false);
  },

  'POST /api/leads/:key/dismiss': async (c) => {
    const { reason, note } = bodyOf(c, DismissRequest);
    const key = keyParam(c);
    await c.get('platform').leads.dismiss(scopeOf(c), key, reason, note, author(c));
    await c.get('platform').audit.record(actorOf(c), 'lead_update', key, `排除：${reason}`);
    return leadDetail(c, key, false);
  },

  'POST /api/leads/:key/reopen': async (c) => {
    const { note } = bodyOf(c, ReopenRequest);
    const key = keyParam(c);
    await c.get('platform').leads.reopen(scopeOf(c), key, note, author(c));
    await c.get('platform').audit.record(actorOf(c), 'lead_update', key, '重新研判');
    return leadDetail(c, key, false);
  },

  'POST /api/leads/:key/notes': async (c) => {
    const { text } = bodyOf(c, NoteRequest);
    const key = keyParam(c);
    await c.get('platform').leads.note(scopeOf(c), key, text, author(c));
    return leadDetail(c, key, false);
  },
} satisfies AreaHandlers;
