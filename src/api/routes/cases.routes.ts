import { findDataset } from '../../catalog/datasets.ts';
import { RevealQuery } from '../../contract/common.ts';
import type { CaseDetail, PersonDetail } from '../../contract/leads.ts';
import { maskCell, maskIdValue } from '../../audit/masking.ts';
import { AppError } from '../../domain/app-error.ts';
import type { LeadAccessService } from '../../org/lead-access.service.ts';
import { checkReveal, disclose } from '../../org/lead-disclosure.ts';
import { courtCodeOfCaseNo, unitOfCourt } from '../../org/unit-tree.ts';
import type { AreaHandlers } from '../bind-routes.ts';
import { queryOf, scopeOf, type Ctx } from '../context.ts';
import { operatorOf } from '../lead-operator.ts';
import { fromTableRow, toLeadRow } from '../lead-view.ts';

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

type FoundCase = Awaited<ReturnType<LeadAccessService['caseDetail']>>;

async function caseView(
  c: Ctx,
  caseNo: string,
  { row, parties }: FoundCase,
  reveal: boolean,
): Promise<CaseDetail> {
  const platform = c.get('platform');
  const dataset = findDataset('enforcement_cases');
  const ctx = await context(c, reveal);
  const leads = await platform.leads.ofCase(scopeOf(c), caseNo);
  return {
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
}

export const caseRoutes = {
  /** A case of the user's units (another unit's case is 404), audited. */
  'GET /api/cases/:caseNo': async (c) => {
    const caseNo = c.req.param('caseNo') ?? '';
    const platform = c.get('platform');
    const operator = operatorOf(c);
    const { reveal } = queryOf(c, RevealQuery);
    checkReveal(operator, reveal);
    const found = await platform.leads.caseDetail(scopeOf(c), caseNo);
    return disclose(
      platform.audit,
      operator,
      { action: 'view_case', reveal },
      (allowed) => caseView(c, caseNo, found, allowed),
      () => ({ target: caseNo }),
    );
  },

  /** A person or company by opaque reference: cases and leads in scope, audited. */
  'GET /api/persons/:ref': async (c) => {
    const platform = c.get('platform');
    const ref = c.req.param('ref') ?? '';
    const id = platform.personRefs.decode(ref);
    if (!id) throw new AppError('NOT_FOUND', '当事人不存在或链接已失效');
    const operator = operatorOf(c);
    const { reveal } = queryOf(c, RevealQuery);
    checkReveal(operator, reveal);
    const scope = scopeOf(c);
    const cases = await platform.leads.partyCases(scope, id);
    const leads = await platform.leads.ofSubject(scope, id);
    // Someone with no case and no lead in the scope is not disclosed.
    if (cases.length === 0 && leads.length === 0) {
      throw new AppError('NOT_FOUND', '当事人不存在或不在本单位范围内');
    }
    const name = (await platform.leads.partyName(id)) ?? leads[0]?.subject_name ?? null;
    return disclose(
      platform.audit,
      operator,
      { action: 'view_person', reveal },
      async (allowed): Promise<PersonDetail> => {
        const ctx = await context(c, allowed);
        return {
          personRef: ref,
          name,
          id: maskIdValue(id, allowed) ?? '',
          cases: cases.map((x) => ({
            caseNo: x.case_no,
            court: x.court,
            closureType: x.closure_type,
            closedDate: x.closed_date,
            role: x.role,
          })),
          leads: leads.map((l) => toLeadRow(fromTableRow(l), ctx)),
          revealed: allowed,
        };
      },
      // The target is the masked ID (the audit log never holds a full one).
      () => ({ target: maskIdValue(id, false), detail: name }),
    );
  },
} satisfies AreaHandlers;
