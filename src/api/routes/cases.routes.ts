import { findDataset } from '../../catalog/datasets.ts';
import { RevealQuery } from '../../contract/common.ts';
import type { CaseDetail, PersonDetail } from '../../contract/leads.ts';
import { maskCell, maskIdValue } from '../../audit/masking.ts';
import { AppError } from '../../domain/app-error.ts';
import { courtCodeOfCaseNo, unitOfCourt } from '../../org/unit-tree.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { actorOf, queryOf, scopeOf, sessionOf, type Ctx } from '../context.ts';
import { fromTableRow, toLeadRow } from '../lead-view.ts';

function mayReveal(c: Ctx, reveal: boolean): boolean {
  if (reveal && !sessionOf(c).user.canViewFullId) {
    throw new AppError('FORBIDDEN', '没有查看完整证件号码的权限', 403);
  }
  return reveal;
}

async function context(c: Ctx, reveal: boolean) {
  const platform = c.get('platform');
  const users = await platform.org.users();
  return {
    units: await platform.org.units(),
    usersByName: new Map(users.map((u) => [u.username, u])),
    models: await platform.leads.modelNames(),
    reveal,
  };
}

export const caseRoutes = {
  /** A case of the user's units (another unit's case is 404), audited. */
  'GET /api/cases/:caseNo': async (c) => {
    const caseNo = c.req.param('caseNo') ?? '';
    const reveal = mayReveal(c, queryOf(c, RevealQuery).reveal);
    const platform = c.get('platform');
    const scope = scopeOf(c);
    const { row, parties } = await platform.leads.caseDetail(scope, caseNo);
    const dataset = findDataset('enforcement_cases');
    const ctx = await context(c, reveal);
    const leads = await platform.leads.ofCase(scope, caseNo);
    const detail: CaseDetail = {
      caseNo,
      unitId: unitOfCourt(ctx.units, courtCodeOfCaseNo(caseNo))?.id ?? null,
      fields: (dataset?.columns ?? []).map((col) => {
        const v = row[col.name];
        return {
          column: col.name,
          label: col.label,
          value: maskCell(col, v === null || v === undefined ? null : String(v), reveal),
        };
      }),
      parties: parties.map((p) => ({
        name: p.party_name,
        role: p.party_role,
        id: maskIdValue(p.party_id, reveal),
        personRef: p.party_id ? platform.personRefs.encode(p.party_id) : null,
      })),
      leads: leads.map((l) => toLeadRow(fromTableRow(l), ctx)),
      revealed: reveal,
    };
    await platform.audit.record(actorOf(c), 'view_case', caseNo);
    if (reveal)
      await platform.audit.record(actorOf(c), 'reveal_id', caseNo, '案件详情显示完整证件号码');
    return detail;
  },

  /** A person or company by opaque reference: cases and leads in scope, audited. */
  'GET /api/persons/:ref': async (c) => {
    const platform = c.get('platform');
    const id = platform.personRefs.decode(c.req.param('ref') ?? '');
    if (!id) throw new AppError('NOT_FOUND', '当事人不存在或链接已失效', 404);
    const reveal = mayReveal(c, queryOf(c, RevealQuery).reveal);
    const scope = scopeOf(c);
    const cases = await platform.leads.partyCases(scope, id);
    const leads = await platform.leads.ofSubject(scope, id);
    // Someone with no case and no lead in the scope is not disclosed.
    if (cases.length === 0 && leads.length === 0) {
      throw new AppError('NOT_FOUND', '当事人不存在或不在本单位范围内', 404);
    }
    const ctx = await context(c, reveal);
    const masked = maskIdValue(id, reveal) ?? '';
    const detail: PersonDetail = {
      personRef: c.req.param('ref') ?? '',
      name: (await platform.leads.partyName(id)) ?? leads[0]?.subject_name ?? null,
      id: masked,
      cases: cases.map((x) => ({
        caseNo: x.case_no,
        court: x.court,
        closureType: x.closure_type,
        closedDate: x.closed_date,
        role: x.role,
      })),
      leads: leads.map((l) => toLeadRow(fromTableRow(l), ctx)),
      revealed: reveal,
    };
    await platform.audit.record(actorOf(c), 'view_person', masked, detail.name);
    if (reveal)
      await platform.audit.record(actorOf(c), 'reveal_id', masked, '当事人详情显示完整证件号码');
    return detail;
  },
} satisfies AreaHandlers;
