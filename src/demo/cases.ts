import { addDays, addMonths, diffDays } from './calendar.ts';
import type { Court } from './geography.ts';
import { BANK_APPLICANTS } from './names.ts';
import { money, partyType, type DemoWorld, type Party, type Person, type Row } from './world.ts';

/** An enforcement case the builders created, for planting mutations on it. */
export interface CaseHandle {
  readonly caseNo: string;
  readonly court: Court;
  readonly filed: string;
  readonly closed: string | null;
  readonly closureType: string;
  readonly debtors: readonly Party[];
  readonly applicants: readonly Party[];
  readonly ledger: Row;
}

export interface CaseOptions {
  court?: Court;
  filed?: string;
  closed?: string;
  debtors?: Party[];
  applicants?: Party[];
  /** How the clean case records its consumption restriction (models.md M11). */
  restriction?: 'row' | 'act' | 'none';
  listing?: boolean;
  paid?: boolean;
  /** false: the case has no acts recorded at all (models.md: "no data, not a violation"). */
  acts?: boolean;
  postQueries?: boolean;
  type?: '执' | '执恢';
}

export const TERMINATED = '终结本次执行程序';
const NO_PROPERTY = '无可供执行财产';

/** The name the acts and lists show for a party (a company's acts name the company). */
function label(party: Party): string {
  return party.name;
}

export function addAct(
  world: DemoWorld,
  caseNo: string,
  type: string,
  date: string,
  target: Party | null,
  result: string | null,
): Row {
  return world.add('case_actions', {
    case_no: caseNo,
    action_type: type,
    action_date: date,
    target: target ? label(target) : null,
    result,
  });
}

/** 限制消费令: a person directly; a company through its legal representative (with the company's code). */
export function addRestriction(
  world: DemoWorld,
  caseNo: string,
  party: Party,
  published: string,
  lifted: string | null = null,
): Row {
  const person: Person = party.kind === 'person' ? party : party.legalRep;
  return world.add('consumption_restrictions', {
    case_no: caseNo,
    name: person.name,
    id_no: person.id,
    company_name: party.kind === 'company' ? party.name : null,
    company_code: party.kind === 'company' ? party.id : null,
    published_date: published,
    lifted_date: lifted,
  });
}

/** 失信被执行人名单 listing. */
export function addListing(
  world: DemoWorld,
  handle: { caseNo: string; court: Court; ledger?: Row },
  party: Party,
  published: string,
  removed: string | null = null,
  idOverride?: string,
): Row {
  return world.add('dishonest_debtors', {
    case_no: handle.caseNo,
    name: party.name,
    id_no: idOverride ?? party.id,
    court: handle.court.name,
    province: world.geo.provinceName.replace(/省$/, ''),
    basis_case_no: handle.ledger?.basis_case_no ?? null,
    basis_issuer: handle.court.name,
    obligation: '偿还借款本金及利息',
    performance: removed ? '全部履行' : '全部未履行',
    circumstances: '有履行能力而拒不履行生效法律文书确定义务',
    published_date: published,
    removed_date: removed,
    legal_rep: party.kind === 'company' ? party.legalRep.name : null,
  });
}

/** 终本后查询 or 网络查控 once in every 6-month window after closure that starts before `asOf`. */
export function addPostClosureQueries(
  world: DemoWorld,
  caseNo: string,
  closed: string,
  target: Party,
  options: { skip?: (k: number, windowEnd: string) => boolean; at?: 'start' | 'lastDay' } = {},
): void {
  for (let k = 0; ; k++) {
    const start = addMonths(closed, 6 * k);
    const end = addMonths(closed, 6 * (k + 1));
    if (start > world.asOf) break;
    if (options.skip?.(k, end)) continue;
    const date =
      options.at === 'start'
        ? start
        : options.at === 'lastDay'
          ? addDays(end, -1)
          : addDays(start, world.rng.int(5, 150));
    if (date > world.asOf) break;
    const type = world.rng.chance(0.7) ? '终本后查询' : '网络查控';
    addAct(world, caseNo, type, date, target, '无财产');
  }
}

function defaultDebtor(world: DemoWorld, court: Court): Party {
  return world.rng.chance(0.8) ? world.person() : world.company(court);
}

function defaultApplicant(world: DemoWorld, court: Court): Party {
  const roll = world.rng.float();
  if (roll < 0.5) return world.person();
  if (roll < 0.8) return world.company(court);
  return { ...world.company(court), name: world.rng.pick(BANK_APPLICANTS) };
}

function judgeOf(world: DemoWorld, court: Court): string {
  const surnames = ['王', '陈', '张', '李', '周', '沈'];
  return `${surnames[(court.code.charCodeAt(3) + world.rng.int(0, 3)) % surnames.length]}法官`;
}

/** The ledger row, the parties and the basis judgment (a 民初 civil case) of a case. */
function addCaseRows(
  world: DemoWorld,
  options: CaseOptions,
  closureType: string,
  filed: string,
  closed: string | null,
  target: number,
  paid: number,
): CaseHandle {
  const rng = world.rng;
  const court = options.court ?? rng.pick(world.geo.basicCourts);
  const debtors = options.debtors ?? [defaultDebtor(world, court)];
  const applicants = options.applicants ?? [defaultApplicant(world, court)];
  const caseNo = world.caseNo(court, Number(filed.slice(0, 4)), options.type ?? '执');
  const basisYear = Number(filed.slice(0, 4)) - 1;
  const basisCourt = court.level === 'basic' ? court : rng.pick(world.geo.basicCourts);
  const basisCaseNo = world.caseNo(basisCourt, basisYear, '民初');
  const basisFiled = world.date(`${basisYear}-01-01`, `${basisYear}-06-28`);
  world.add('civil_cases', {
    case_no: basisCaseNo,
    cause: rng.pick(['民间借贷纠纷', '买卖合同纠纷', '金融借款合同纠纷', '劳务合同纠纷']),
    plaintiffs: applicants.map((p) => p.name).join('、'),
    defendants: debtors.map((p) => p.name).join('、'),
    plaintiff_id: applicants.length === 1 ? applicants[0]!.id : null,
    defendant_id: debtors.length === 1 ? debtors[0]!.id : null,
    filed_date: basisFiled,
    closed_date: addDays(basisFiled, rng.int(60, 150)),
    closure_type: '判决',
    amount: money(target),
  });
  const ledger = world.add('enforcement_cases', {
    case_no: caseNo,
    court: court.name,
    filed_date: filed,
    closed_date: closed,
    closure_type: closureType,
    basis_case_no: basisCaseNo,
    target_amount: money(target),
    paid_amount: money(paid),
    unpaid_amount: money(closureType === '执行完毕' ? 0 : target - paid),
    closure_reason:
      closureType === TERMINATED ? '经穷尽财产调查措施，被执行人暂无可供执行的财产' : null,
    judge: judgeOf(world, court),
    applicants: applicants.map((p) => p.name).join('、'),
    debtors: debtors.map((p) => p.name).join('、'),
    debtor_id: debtors.length === 1 ? debtors[0]!.id : null,
  });
  for (const [role, parties] of [
    ['申请执行人', applicants],
    ['被执行人', debtors],
  ] as const) {
    for (const party of parties) {
      world.add('case_parties', {
        case_no: caseNo,
        party_name: party.name,
        party_role: role,
        party_type: partyType(party),
        party_id: party.id,
        special_group:
          role === '申请执行人' && party.kind === 'person' && rng.chance(0.1) ? '农民工' : null,
      });
    }
  }
  return { caseNo, court, filed, closed, closureType, debtors, applicants, ledger };
}

/** One receipt and its payout to the applicant 3–20 days later (M16/M17 clean). */
export function addPaymentPair(
  world: DemoWorld,
  handle: CaseHandle,
  received: string,
  amount: number,
): void {
  world.add('enforcement_payments', {
    case_no: handle.caseNo,
    payment_type: '收款',
    payment_date: received,
    amount: money(amount),
    counterparty: handle.debtors[0]!.name,
  });
  world.add('enforcement_payments', {
    case_no: handle.caseNo,
    payment_type: '发放',
    payment_date: addDays(received, world.rng.int(3, 20)),
    amount: money(amount),
    counterparty: handle.applicants[0]!.name,
  });
}

/**
 * A clean 终本 case: filed ≥ 4 months before closure; 执行通知, 报告财产令 (reported), 网络查控 and
 * 告知申请执行人 before closure; a restriction order for every debtor before closure; a
 * post-closure query in every 6-month window; payments paid out within 20 days. It fires no model.
 */
export function terminatedCase(world: DemoWorld, options: CaseOptions = {}): CaseHandle {
  const rng = world.rng;
  let filed = options.filed;
  if (!filed && options.closed) {
    filed = world.date(addMonths(options.closed, -12), addMonths(options.closed, -4));
  }
  filed ??= world.date('2019-03-01', '2025-03-28');
  const closed =
    options.closed ??
    world.date(addMonths(filed, 4), minIso(addMonths(filed, 14), addDays(world.asOf, -60)));
  const gap = diffDays(closed, filed);
  const target = rng.int(20, 3000) * 1000 + rng.int(0, 99) * 10;
  const paid = (options.paid ?? rng.chance(0.25)) ? Math.round(target * rng.int(5, 40)) / 100 : 0;
  const handle = addCaseRows(world, options, TERMINATED, filed, closed, target, paid);
  const { caseNo, debtors } = handle;
  const main = debtors[0]!;
  if (options.acts !== false) {
    const notice = addDays(filed, rng.int(1, 5));
    for (const debtor of debtors) {
      addAct(world, caseNo, '执行通知', notice, debtor, '已送达');
      addAct(world, caseNo, '报告财产令', notice, debtor, '被执行人已如实报告财产');
    }
    addAct(world, caseNo, '网络查控', addDays(filed, rng.int(2, 15)), main, NO_PROPERTY);
    if (rng.chance(0.5))
      addAct(world, caseNo, '不动产调查', addDays(filed, rng.int(10, 40)), main, '无登记');
    if (rng.chance(0.5))
      addAct(world, caseNo, '车辆调查', addDays(filed, rng.int(10, 40)), main, '无登记');
    const told = addDays(closed, -rng.int(3, Math.min(20, gap - 20)));
    addAct(world, caseNo, '告知申请执行人', told, handle.applicants[0]!, '已告知');
    if (options.postQueries !== false) addPostClosureQueries(world, caseNo, closed, main);
  }
  const restriction =
    options.restriction ?? (rng.chance(0.8) || options.acts === false ? 'row' : 'act');
  for (const debtor of debtors) {
    const published = addDays(filed, rng.int(5, Math.min(40, gap - 10)));
    if (restriction === 'row') addRestriction(world, caseNo, debtor, published);
    else if (restriction === 'act')
      addAct(world, caseNo, '限制消费令', published, debtor, '已发布');
    if (options.listing ?? rng.chance(0.3)) {
      addListing(world, handle, debtor, addDays(published, rng.int(0, 5)));
    }
  }
  if (paid > 0) addPaymentPair(world, handle, addDays(filed, rng.int(20, 60)), paid);
  return handle;
}

/** A clean 执行完毕 case: paid in full; any restriction or listing lifted within 3 calendar days. */
export function completedCase(world: DemoWorld, options: CaseOptions = {}): CaseHandle {
  const rng = world.rng;
  const filed =
    options.filed ??
    (options.closed
      ? world.date(addMonths(options.closed, -8), addMonths(options.closed, -1))
      : world.date('2020-01-01', '2025-10-28'));
  const closed =
    options.closed ??
    world.date(addMonths(filed, 1), minIso(addMonths(filed, 8), addDays(world.asOf, -30)));
  const target = rng.int(5, 800) * 1000;
  const handle = addCaseRows(world, options, '执行完毕', filed, closed, target, target);
  const main = handle.debtors[0]!;
  addAct(world, handle.caseNo, '执行通知', addDays(filed, rng.int(1, 5)), main, '已送达');
  // Lifted within 3 calendar days: never later than closure + 3 working days, whatever the
  // holiday calendar (make-up working days 调休 can make that deadline as early as closure + 3 days).
  if (options.restriction === 'row' || (options.restriction === undefined && rng.chance(0.3))) {
    addRestriction(
      world,
      handle.caseNo,
      main,
      addDays(filed, rng.int(5, 20)),
      addDays(closed, rng.int(0, 3)),
    );
  }
  if (options.listing ?? rng.chance(0.2)) {
    addListing(world, handle, main, addDays(filed, rng.int(5, 20)), addDays(closed, rng.int(0, 3)));
  }
  addPaymentPair(world, handle, addDays(closed, -rng.int(21, 30)), target);
  return handle;
}

/** A pending case (未结), or a 执恢 case resuming enforcement against a debtor. */
export function openCase(world: DemoWorld, options: CaseOptions = {}): CaseHandle {
  const rng = world.rng;
  const filed = options.filed ?? world.date('2025-06-01', addDays(world.asOf, -10));
  const target = rng.int(10, 900) * 1000;
  const handle = addCaseRows(world, options, '未结', filed, null, target, 0);
  const notice = addDays(filed, rng.int(1, 5));
  if (notice <= world.asOf)
    addAct(world, handle.caseNo, '执行通知', notice, handle.debtors[0]!, '已送达');
  return handle;
}

function minIso(a: string, b: string): string {
  return a < b ? a : b;
}
