import { addDays, diffDays } from './calendar.ts';
import { completedCase, type CaseHandle } from './cases.ts';
import { addSeizure, addVehicle, baseCase, recordCase as record, type Kind } from './plant-kit.ts';
import { money, type DemoWorld } from './world.ts';

/** Planted situations on enforcement money and vehicle seals: M16, M17, M18. */

function payment(
  world: DemoWorld,
  c: CaseHandle,
  type: '收款' | '发放',
  date: string,
  amount: number,
  to?: string,
): void {
  world.add('enforcement_payments', {
    case_no: c.caseNo,
    payment_type: type,
    payment_date: date,
    amount: money(amount),
    counterparty: to ?? (type === '收款' ? c.debtors[0]!.name : c.applicants[0]!.name),
  });
}

/** M16 执行款未及时发放 and M17 重复分配: [type, day, amount, payee index]. */
export function plantPayments(world: DemoWorld): void {
  const variants: {
    model: string;
    rows: ['收款' | '发放', number, number, number?][];
    applicants?: number;
    kind: Kind;
    text: string;
  }[] = [
    {
      model: 'M16',
      rows: [
        ['收款', 0, 20000],
        ['发放', 31, 20000],
      ],
      kind: 'hit',
      text: '收款31日后才发放',
    },
    { model: 'M16', rows: [['收款', 0, 15000]], kind: 'hit', text: '收款后未发放' },
    {
      model: 'M16',
      rows: [
        ['收款', 0, 18000],
        ['发放', 30, 18000],
      ],
      kind: 'near-miss',
      text: '收款恰30日后发放',
    },
    {
      model: 'M16',
      rows: [
        ['收款', 0, 9000],
        ['发放', 0, 9000],
      ],
      kind: 'near-miss',
      text: '收款当日发放',
    },
    {
      model: 'M17',
      rows: [
        ['收款', 0, 10000],
        ['收款', 10, 10000],
        ['发放', 5, 10000],
        ['发放', 20, 10000],
      ],
      kind: 'hit',
      text: '15日内向同一申请人重复发放同额款项',
    },
    {
      model: 'M17',
      rows: [
        ['收款', 0, 10000],
        ['发放', 7, 12000],
      ],
      kind: 'hit',
      text: '发放总额超过收款总额',
    },
    {
      model: 'M17',
      rows: [
        ['收款', 0, 10000],
        ['发放', 5, 10000],
        ['收款', 31, 10000],
        ['发放', 36, 10000],
      ],
      kind: 'near-miss',
      text: '同额发放相隔31日',
    },
    {
      model: 'M17',
      rows: [
        ['收款', 0, 20000],
        ['发放', 5, 10000, 0],
        ['发放', 5, 10000, 1],
      ],
      applicants: 2,
      kind: 'near-miss',
      text: '同日同额发放给两名不同申请人',
    },
  ];
  for (const v of variants) {
    const applicants = Array.from({ length: v.applicants ?? 1 }, () => world.person());
    const c = baseCase(world, { closed: world.date('2021-06-01', '2025-12-28'), applicants });
    const start = addDays(c.filed, 20);
    for (const [type, day, amount, payee] of v.rows) {
      payment(
        world,
        c,
        type,
        addDays(start, day),
        amount,
        payee === undefined ? undefined : applicants[payee]!.name,
      );
    }
    const received = v.rows.filter((r) => r[0] === '收款').reduce((s, r) => s + r[2], 0);
    c.ledger.paid_amount = money(received);
    c.ledger.unpaid_amount = money(Number(c.ledger.target_amount) - received);
    if (diffDays(c.closed!, start) < 60) throw new Error('demo: payments must precede closure');
    record(world, v.kind, v.model, c, v.text);
  }
}

/** M18 查封到期未续封 (the asOf-relative seal dates are spelled out: 2 years before asOf is the edge). */
export function plantM18(world: DemoWorld): void {
  const twoYearsBefore = `${Number(world.asOf.slice(0, 4)) - 2}${world.asOf.slice(4)}`;
  const variants: {
    sealed: string;
    renewed?: string;
    released?: string;
    completed?: boolean;
    kind: Kind;
    text: string;
  }[] = [
    {
      sealed: twoYearsBefore,
      kind: 'hit',
      text: `查封日期恰为${twoYearsBefore}，至${world.asOf}满2年未续封`,
    },
    { sealed: '2023-03-15', kind: 'hit', text: '2023年查封，已过2年未续封' },
    { sealed: addDays(twoYearsBefore, 1), kind: 'near-miss', text: '查封未满2年（差1日）' },
    { sealed: '2022-05-10', renewed: '2024-09-10', kind: 'near-miss', text: '到期后已续封' },
    { sealed: '2022-11-10', released: '2024-01-10', kind: 'near-miss', text: '已解封' },
    {
      sealed: '2022-08-10',
      completed: true,
      kind: 'near-miss',
      text: '案件已执行完毕，不再是终本',
    },
  ];
  for (const v of variants) {
    const closed = addDays(v.sealed, world.rng.int(30, 60));
    const debtor = world.person();
    const c = v.completed
      ? completedCase(world, {
          closed: closed.slice(8) > '28' ? addDays(closed, -5) : closed,
          debtors: [debtor],
          listing: false,
          restriction: 'none',
        })
      : baseCase(world, {
          closed: closed.slice(8) > '28' ? addDays(closed, -5) : closed,
          debtors: [debtor],
        });
    const plate = world.plate(c.court);
    addVehicle(world, debtor, plate, addDays(v.sealed, -900));
    addSeizure(world, plate, c.caseNo, v.sealed, { released: v.released ?? null });
    if (v.renewed) addSeizure(world, plate, c.caseNo, v.renewed);
    record(world, v.kind, 'M18', c, v.text, plate);
  }
}
