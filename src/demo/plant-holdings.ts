/** Planted situations on real estate, equity and income: M03–M07. */
import { addDays, addMonths } from './calendar.ts';
import { addUnit, baseCase, hit, nearMiss } from './plant-kit.ts';
import type { DemoWorld, Person } from './world.ts';

/** M03 终本时名下有不动产. */
export function plantM03(world: DemoWorld): void {
  const closedIn = (): string => world.date('2021-01-01', '2025-12-28');
  const variants: {
    seal: string | null;
    ended?: (closed: string) => string;
    registered?: (closed: string) => string;
    ownership?: string;
    kind: 'hit' | 'near-miss';
    text: string;
  }[] = [
    { seal: '未查封', kind: 'hit', text: '终本时名下有未查封的房产（单独所有）' },
    {
      seal: null,
      ownership: '共同共有',
      kind: 'hit',
      text: '终本时与他人共同共有房产，查封状态为空',
    },
    {
      seal: '未查封',
      registered: (c) => c,
      ended: (c) => addDays(c, 30),
      kind: 'hit',
      text: '房产登记于终本当日、终本后30日才转移',
    },
    { seal: '已查封', kind: 'near-miss', text: '名下房产已查封' },
    { seal: '轮候查封', kind: 'near-miss', text: '名下房产为轮候查封' },
    {
      seal: '未查封',
      ended: (c) => addDays(c, -1),
      kind: 'near-miss',
      text: '房产于终本前一日转移',
    },
  ];
  for (const v of variants) {
    const c = baseCase(world, { closed: closedIn() });
    const unitNo = world.unitNo(c.court);
    const registered = v.registered?.(c.closed!) ?? addDays(c.closed!, -world.rng.int(400, 3000));
    addUnit(world, c.debtor, unitNo, registered, {
      ended: v.ended?.(c.closed!) ?? null,
      seal: v.seal,
      ownership: v.ownership,
      court: c.court,
    });
    if (v.ownership === '共同共有') {
      addUnit(world, world.person(), unitNo, registered, {
        seal: v.seal,
        ownership: v.ownership,
        court: c.court,
      });
    }
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M03', c.caseNo, v.text, { subjectId: c.debtor.id });
  }
}

/** M04 终本时持有股权. */
export function plantM04(world: DemoWorld): void {
  const variants: {
    company?: boolean;
    changed: (closed: string) => string;
    freeze: string | null;
    kind: 'hit' | 'near-miss';
    text: string;
  }[] = [
    {
      changed: (c) => addDays(c, -500),
      freeze: '未冻结',
      kind: 'hit',
      text: '被执行人持有企业30%股权，未冻结',
    },
    { changed: (c) => c, freeze: null, kind: 'hit', text: '股权变更登记于终本当日，冻结状态为空' },
    {
      company: true,
      changed: (c) => addDays(c, -900),
      freeze: '未冻结',
      kind: 'hit',
      text: '单位被执行人持有另一企业股权，未冻结',
    },
    { changed: (c) => addDays(c, -300), freeze: '冻结', kind: 'near-miss', text: '股权已冻结' },
    {
      changed: (c) => addDays(c, 1),
      freeze: '未冻结',
      kind: 'near-miss',
      text: '终本次日才成为股东',
    },
  ];
  for (const v of variants) {
    const closed = world.date('2021-01-01', '2025-12-28');
    const debtorCompany = v.company ? world.company() : undefined;
    const c = baseCase(world, { closed, ...(debtorCompany ? { debtors: [debtorCompany] } : {}) });
    const holder = debtorCompany ?? c.debtor;
    const target = world.company(c.court);
    world.add('equity_holdings', {
      company_code: target.id,
      company_name: target.name,
      holder_id: holder.id,
      holder_name: holder.name,
      subscribed_amount: '300000.00',
      share_ratio: '0.3',
      changed_date: v.changed(closed),
      freeze_status: v.freeze,
    });
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M04', c.caseNo, v.text, { subjectId: holder.id });
  }
}

function addPension(world: DemoWorld, person: Person, month: string): void {
  world.add('pension_payments', {
    id_no: person.id,
    name: person.name,
    month,
    amount: (world.rng.int(180000, 520000) / 100).toFixed(2),
    agency: '杭州市社会保险管理服务中心',
  });
}

/** M05 社保终本（领取养老金）: months are offsets from the closure month. */
export function plantM05(world: DemoWorld): void {
  const variants: { months: number[]; kind: 'hit' | 'near-miss'; text: string }[] = [
    {
      months: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      kind: 'hit',
      text: '终本后12个月每月领取养老金',
    },
    { months: [0, 5, 11], kind: 'hit', text: '终本月、第6月、第12月领取养老金（恰好3个月）' },
    { months: [-1, 0, 11], kind: 'near-miss', text: '窗口内仅2个月领取养老金（另1个月在终本前）' },
    { months: [3, 4, 12], kind: 'near-miss', text: '窗口内仅2个月领取养老金（另1个月在窗口后）' },
  ];
  for (const v of variants) {
    const debtor = world.person({ bornFrom: 1950, bornTo: 1962 });
    const c = baseCase(world, {
      closed: world.date('2021-01-01', '2025-05-28'),
      debtors: [debtor],
    });
    const first = `${c.closed!.slice(0, 7)}-01`;
    for (const m of v.months) addPension(world, debtor, addMonths(first, m));
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M05', c.caseNo, v.text, { subjectId: debtor.id });
  }
}

/** M06 公积金终本. */
export function plantM06(world: DemoWorld): void {
  const variants: {
    offset: number;
    balance: string;
    status: string;
    kind: 'hit' | 'near-miss';
    text: string;
  }[] = [
    {
      offset: 60,
      balance: '23456.78',
      status: '正常',
      kind: 'hit',
      text: '终本后公积金余额23,456.78元',
    },
    {
      offset: 0,
      balance: '10000.00',
      status: '封存',
      kind: 'hit',
      text: '终本当日快照余额恰为10,000元（封存）',
    },
    {
      offset: 30,
      balance: '9999.99',
      status: '正常',
      kind: 'near-miss',
      text: '余额9,999.99元，低于阈值',
    },
    { offset: 10, balance: '50000.00', status: '销户', kind: 'near-miss', text: '账户已销户' },
    {
      offset: -1,
      balance: '80000.00',
      status: '正常',
      kind: 'near-miss',
      text: '快照日期在终本前一日',
    },
  ];
  for (const v of variants) {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-12-28') });
    world.add('provident_fund', {
      id_no: c.debtor.id,
      name: c.debtor.name,
      account_status: v.status,
      balance: v.balance,
      balance_date: addDays(c.closed!, v.offset),
      employer: world.company(c.court).name,
    });
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M06', c.caseNo, v.text, { subjectId: c.debtor.id });
  }
}

/** M07 终本后有工作单位: [month offset, employer index or null]. */
export function plantM07(world: DemoWorld): void {
  const variants: { rows: [number, number | null][]; kind: 'hit' | 'near-miss'; text: string }[] = [
    {
      rows: [
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
        [4, 0],
        [5, 0],
      ],
      kind: 'hit',
      text: '终本后6个月在同一单位缴纳社保',
    },
    {
      rows: [
        [0, 0],
        [6, 1],
        [11, 1],
      ],
      kind: 'hit',
      text: '终本后第1、7、12个月在两家单位缴纳社保（恰好3个月）',
    },
    {
      rows: [
        [1, 0],
        [1, 1],
        [2, 0],
      ],
      kind: 'near-miss',
      text: '3条缴费记录但仅2个不同月份',
    },
    {
      rows: [
        [-2, 0],
        [-1, 0],
        [0, 0],
        [12, 0],
      ],
      kind: 'near-miss',
      text: '窗口内仅1个月缴费',
    },
    {
      rows: [
        [0, null],
        [1, null],
        [2, null],
      ],
      kind: 'near-miss',
      text: '3个月个人（无单位）缴费，不是通过用人单位',
    },
  ];
  for (const v of variants) {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-05-28') });
    const employers = [world.company(c.court).name, world.company(c.court).name];
    const first = `${c.closed!.slice(0, 7)}-01`;
    for (const [m, e] of v.rows) {
      world.add('social_insurance', {
        id_no: c.debtor.id,
        name: c.debtor.name,
        month: addMonths(first, m),
        employer: e === null ? null : employers[e]!,
        base: '4812.00',
      });
    }
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M07', c.caseNo, v.text, { subjectId: c.debtor.id });
  }
}
