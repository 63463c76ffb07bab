/**
 * A plain, slow, independent reading of models.md M01–M24 over the generator's canonical rows.
 * It checks the generator (answers.json = exactly what models.md says fires) without the models
 * engine; where it and a model disagree, models.md's wording decides. Test-only code.
 */
import { addWorkingDays } from '../../src/domain/working-days.ts';
import type { Province } from '../../src/demo/generate.ts';
import type { Row } from '../../src/demo/world.ts';

export interface ReferenceLead {
  readonly modelId: string;
  readonly caseNo: string;
  readonly subjectId: string | null;
}

const DAY = 86_400_000;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
function addMonths(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + m - 1 + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / DAY);
type V = string | null | undefined;
const ownedAt = (start: V, end: V, at: string) => !!start && start <= at && (!end || end > at);
const inForce = (start: V, end: V, at: string) => !!start && start <= at && (!end || end > at);

export function referenceLeads(p: Province): ReferenceLead[] {
  const t = (name: string): readonly Row[] => p.tables[name] ?? [];
  const group = <K>(rows: readonly Row[], key: (r: Row) => K) => {
    const m = new Map<K, Row[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const cases = t('enforcement_cases');
  const terminated = cases.filter(
    (c) => c.closure_type === '终结本次执行程序' || c.closure_type === '终本',
  );
  const debtorsOf = group(
    t('case_parties').filter((r) => r.party_role === '被执行人'),
    (r) => r.case_no,
  );
  const debtorIds = (c: Row) => [
    ...new Set([
      ...(debtorsOf.get(c.case_no) ?? []).map((r) => r.party_id!),
      ...(c.debtor_id ? [c.debtor_id] : []),
    ]),
  ];
  const acts = group(t('case_actions'), (r) => r.case_no);
  const seizures = t('vehicle_seizures');
  const sealedByCase = (caseNo: V, plate: V) =>
    seizures.some((s) => s.case_no === caseNo && s.plate === plate);
  const resumedFiled = new Map<string, string[]>();
  for (const c of cases.filter((x) => x.case_no!.includes('执恢'))) {
    for (const id of debtorIds(c))
      resumedFiled.set(id, [...(resumedFiled.get(id) ?? []), c.filed_date!]);
  }
  const resumedWithin = (id: string, from: string, days: number) =>
    (resumedFiled.get(id) ?? []).some((f) => f >= from && f <= addDays(from, days));
  const byId = (name: string, column: string) => group(t(name), (r) => r[column]);
  const vehicles = byId('vehicles', 'owner_id');
  const units = byId('real_estate', 'holder_id');
  const equity = byId('equity_holdings', 'holder_id');
  const pensions = byId('pension_payments', 'id_no');
  const funds = byId('provident_fund', 'id_no');
  const insurance = byId('social_insurance', 'id_no');
  const leads: ReferenceLead[] = [];
  /**
   * A model whose rule waits for a period to pass (90 days to resume, 30 days to pay out, 3 working
   * days to delete) may or may not raise the lead while that period is still running at asOf;
   * models.md does not say. The demo must avoid that zone: such a lead is marked `M15?`, which no
   * planted hit matches.
   */
  const settled = (modelId: string, periodEnd: string) =>
    periodEnd < p.asOf ? modelId : `${modelId}?`;
  const lead = (modelId: string, caseNo: string, subjectId: V = null) => {
    if (
      !leads.some((l) => l.modelId === modelId && l.caseNo === caseNo && l.subjectId === subjectId)
    )
      leads.push({ modelId, caseNo, subjectId: subjectId ?? null });
  };
  const monthsIn = (rows: Row[], from: string) =>
    new Set(
      rows
        .map((r) => r.month!.slice(0, 7))
        .filter(
          (m) => m >= from.slice(0, 7) && m <= addMonths(`${from.slice(0, 7)}-01`, 11).slice(0, 7),
        ),
    ).size;

  for (const c of terminated) {
    const C = c.closed_date!;
    const F = c.filed_date!;
    const no = c.case_no!;
    const ids = debtorIds(c);
    const caseActs = acts.get(no) ?? [];
    for (const id of ids) {
      if (
        (vehicles.get(id) ?? []).some(
          (v) => ownedAt(v.registered_date, v.deregistered_date, C) && !sealedByCase(no, v.plate),
        )
      )
        lead('M01', no);
      for (const v of vehicles.get(id) ?? []) {
        const start = v.registered_date!;
        if (start > C && start <= addMonths(C, 60) && !resumedWithin(id, start, 90)) {
          lead(settled('M02', addDays(start, 90)), no);
        }
      }
      if (
        (units.get(id) ?? []).some(
          (u) =>
            ownedAt(u.registered_date, u.ended_date, C) &&
            (u.seal_status === null || u.seal_status === '未查封'),
        )
      )
        lead('M03', no);
      if (
        (equity.get(id) ?? []).some(
          (e) => !!e.changed_date && e.changed_date <= C && e.freeze_status !== '冻结',
        )
      )
        lead('M04', no);
      if (monthsIn(pensions.get(id) ?? [], C) >= 3) lead('M05', no);
      if (
        (funds.get(id) ?? []).some(
          (f) => f.balance_date! >= C && Number(f.balance) >= 10000 && f.account_status !== '销户',
        )
      )
        lead('M06', no);
      if (
        monthsIn(
          (insurance.get(id) ?? []).filter((r) => r.employer),
          C,
        ) >= 3
      )
        lead('M07', no);
      const marriages = t('marriages').filter((m) => m.husband_id === id || m.wife_id === id);
      for (const m of marriages.filter(
        (x) => x.registration_type === '结婚' && x.registered_date! < C,
      )) {
        const spouse = m.husband_id === id ? m.wife_id! : m.husband_id!;
        const divorced = marriages.some(
          (d) =>
            d.registration_type === '离婚' &&
            (d.husband_id === spouse || d.wife_id === spouse) &&
            d.registered_date! >= m.registered_date! &&
            d.registered_date! < C,
        );
        if (divorced) continue;
        const M = m.registered_date!;
        const car = (vehicles.get(spouse) ?? []).some(
          (v) =>
            v.registered_date! >= M &&
            ownedAt(v.registered_date, v.deregistered_date, C) &&
            !sealedByCase(no, v.plate),
        );
        const home = (units.get(spouse) ?? []).some(
          (u) =>
            u.registered_date! >= M &&
            ownedAt(u.registered_date, u.ended_date, C) &&
            (u.seal_status === null || u.seal_status === '未查封'),
        );
        if (car || home) lead('M08', no);
      }
      for (const d of marriages.filter(
        (x) =>
          x.registration_type === '离婚' &&
          x.registered_date! >= addDays(F, -365) &&
          x.registered_date! <= C,
      )) {
        const ex = d.husband_id === id ? d.wife_id! : d.husband_id!;
        const V = d.registered_date!;
        const passed = (mine: { key: V; end: V }[], theirs: { key: V; start: V }[]) =>
          mine.some(
            (a) =>
              a.end &&
              Math.abs(daysBetween(a.end, V)) <= 365 &&
              theirs.some((b) => b.key === a.key && Math.abs(daysBetween(b.start!, a.end!)) <= 30),
          );
        const carMoved = passed(
          (vehicles.get(id) ?? []).map((v) => ({ key: v.plate, end: v.deregistered_date })),
          (vehicles.get(ex) ?? []).map((v) => ({ key: v.plate, start: v.registered_date })),
        );
        const homeMoved = passed(
          (units.get(id) ?? []).map((u) => ({ key: u.unit_no, end: u.ended_date })),
          (units.get(ex) ?? []).map((u) => ({ key: u.unit_no, start: u.registered_date })),
        );
        if (carMoved || homeMoved) lead('M09', no);
      }
    }
    for (const s of seizures.filter(
      (x) => x.case_no === no && x.sealed_date! <= C && !x.seized_date && !x.released_date,
    )) {
      if (
        t('vehicle_sightings').some(
          (v) => v.plate === s.plate && v.seen_at!.slice(0, 10) > s.sealed_date!,
        )
      )
        lead('M19', no);
    }
    if (C < addMonths(F, 3)) lead('M10', no);
    const restrictionAct = caseActs.some(
      (a) => a.action_type === '限制消费令' && a.action_date! <= C,
    );
    for (const id of ids) {
      const row = t('consumption_restrictions').some(
        (r) =>
          r.case_no === no && (r.id_no === id || r.company_code === id) && r.published_date! <= C,
      );
      if (!row && !restrictionAct) lead('M11', no);
    }
    if (caseActs.length === 0) continue;
    const before = caseActs.filter((a) => a.action_date! < C);
    const trigger = before.some(
      (a) =>
        (a.action_type === '报告财产令' && /未报告|拒不报告|未申报/.test(a.result ?? '')) ||
        a.action_type === '罚款' ||
        a.action_type === '拘留',
    );
    if (trigger && !caseActs.some((a) => a.action_type === '纳入失信')) {
      const listed = (id: string) =>
        t('dishonest_debtors').some(
          (d) => d.case_no === no && d.id_no === id && d.published_date! <= C,
        );
      if (ids.some((id) => !listed(id))) lead('M12', no);
    }
    if (
      ['执行通知', '报告财产令', '网络查控', '告知申请执行人'].some(
        (type) => !before.some((a) => a.action_type === type),
      )
    )
      lead('M13', no);
    const queries = caseActs.filter(
      (a) => a.action_type === '终本后查询' || a.action_type === '网络查控',
    );
    for (let k = 0; k < 10; k++) {
      const [start, end] = [addMonths(C, 6 * k), addMonths(C, 6 * (k + 1))];
      if (end > p.asOf) break;
      if (!queries.some((q) => q.action_date! >= start && q.action_date! < end)) lead('M14', no);
    }
    for (const q of queries.filter(
      (a) => a.action_date! > C && /有财产|发现财产|查询到/.test(a.result ?? ''),
    )) {
      if (ids.some((id) => !resumedWithin(id, q.action_date!, 90))) {
        lead(settled('M15', addDays(q.action_date!, 90)), no);
      }
    }
    for (const s of seizures.filter(
      (x) => x.case_no === no && !x.released_date && addMonths(x.sealed_date!, 24) <= p.asOf,
    )) {
      if (
        !seizures.some(
          (o) => o.case_no === no && o.plate === s.plate && o.sealed_date! > s.sealed_date!,
        )
      )
        lead('M18', no);
    }
  }
  for (const [no, rows] of group(t('enforcement_payments'), (r) => r.case_no!)) {
    const out = rows.filter((r) => r.payment_type === '发放');
    const received = rows.filter((r) => r.payment_type === '收款');
    for (const r of received) {
      const due = addDays(r.payment_date!, 30);
      if (!out.some((o) => o.payment_date! >= r.payment_date! && o.payment_date! <= due)) {
        lead(settled('M16', due), no);
      }
    }
    const twice = out.some((a, i) =>
      out.some(
        (b, j) =>
          i < j &&
          a.counterparty === b.counterparty &&
          a.amount === b.amount &&
          Math.abs(daysBetween(a.payment_date!, b.payment_date!)) <= 30,
      ),
    );
    const sum = (rs: Row[]) => rs.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
    if (twice || sum(out) > sum(received)) lead('M17', no);
  }
  for (const c of cases.filter((x) => x.closure_type === '执行完毕')) {
    const limit = addWorkingDays(c.closed_date!, 3);
    if (
      t('dishonest_debtors').some(
        (d) => d.case_no === c.case_no && (!d.removed_date || d.removed_date > limit),
      )
    )
      lead(settled('M20', limit), c.case_no!);
    if (
      t('consumption_restrictions').some(
        (r) => r.case_no === c.case_no && (!r.lifted_date || r.lifted_date > limit),
      )
    )
      lead(settled('M21', limit), c.case_no!);
  }
  const travel = byId('travel_records', 'id_no');
  for (const r of t('consumption_restrictions')) {
    const banned = (tr: Row) =>
      tr.mode === '飞机' ||
      (tr.mode === '火车' &&
        (/^G/i.test(tr.trip_no ?? '') ||
          ['一等座', '商务座', '特等座', '软卧', '高级软卧'].includes(tr.seat_class ?? ''))) ||
      (tr.mode === '轮船' && ['二等舱', '一等舱', '特等舱'].includes(tr.seat_class ?? ''));
    if (
      (travel.get(r.id_no) ?? []).some(
        (tr) => inForce(r.published_date, r.lifted_date, tr.travel_date!) && banned(tr),
      )
    )
      lead('M22', r.case_no!, r.id_no);
  }
  for (const d of t('dishonest_debtors')) {
    const masked = d.id_no?.includes('*') ?? false;
    for (const g of t('gambling_records')) {
      const same = masked
        ? g.name === d.name &&
          g.id_no!.slice(0, 6) === d.id_no!.slice(0, 6) &&
          g.id_no!.slice(-4) === d.id_no!.slice(-4)
        : g.id_no === d.id_no;
      if (same && inForce(d.published_date, d.removed_date, g.incident_date!))
        lead('M23', d.case_no!, g.id_no);
    }
  }
  for (const death of t('deaths').filter((x) => x.death_date! < p.asOf)) {
    const moment = addDays(death.death_date!, 30);
    for (const r of t('consumption_restrictions').filter(
      (x) => x.id_no === death.id_no && (!x.lifted_date || x.lifted_date > moment),
    ))
      lead(settled('M24', moment), r.case_no!, death.id_no);
    for (const d of t('dishonest_debtors').filter(
      (x) => x.id_no === death.id_no && (!x.removed_date || x.removed_date > moment),
    ))
      lead(settled('M24', moment), d.case_no!, death.id_no);
  }
  return leads;
}
