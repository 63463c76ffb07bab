import { addDays, addMonths, addYears } from './calendar.ts';
import { openCase } from './cases.ts';
import {
  addMarriage,
  addSeizure,
  addUnit,
  addVehicle,
  baseCase,
  hit,
  nearMiss,
  spouseOf,
  transferVehicle,
} from './plant-kit.ts';
import type { DemoWorld, Person } from './world.ts';

/** 执恢 case of a debtor filed on `filed` (models.md "执恢 case of a debtor"). */
function resume(world: DemoWorld, debtor: Person, filed: string): void {
  openCase(world, { type: '执恢', debtors: [debtor], filed });
}

/** M01 终本时名下有车辆. */
export function plantM01(world: DemoWorld): void {
  const closedIn = (): string => world.date('2021-01-01', '2025-12-28');
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, -400));
    hit(world, 'M01', c.caseNo, '终本时被执行人名下有车辆（登记于终本前一年多，未注销）', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court, true);
    addVehicle(world, c.debtor, plate, c.closed!);
    hit(world, 'M01', c.caseNo, '车辆登记日期恰为终本当日（登记日期 ≤ 终本日期）', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    transferVehicle(world, c.debtor, world.person(), plate, addDays(c.closed!, -800), addDays(c.closed!, 1));
    hit(world, 'M01', c.caseNo, '车辆于终本次日才转出，终本时仍在被执行人名下', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, -600));
    const other = world.caseNo(world.rng.pick(world.geo.basicCourts), Number(c.closed!.slice(0, 4)) - 1, '执保');
    addSeizure(world, plate, other, addDays(c.closed!, -100), { seized: addDays(c.closed!, -90) });
    hit(world, 'M01', c.caseNo, '车辆仅被其他案件查封，未被本案查封', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    transferVehicle(world, c.debtor, world.person(), plate, addDays(c.closed!, -900), addDays(c.closed!, -1));
    nearMiss(world, 'M01', c.caseNo, '车辆于终本前一日转出（终本时已不在名下）', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2025-01-01', '2025-12-28') });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, -700));
    addSeizure(world, plate, c.caseNo, addDays(c.closed!, -40), { seized: addDays(c.closed!, -30) });
    nearMiss(world, 'M01', c.caseNo, '车辆已被本案查封并扣押', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2022-01-01', '2025-06-28') });
    const plate = world.plate(c.court);
    const start = addDays(c.closed!, 1);
    addVehicle(world, c.debtor, plate, start);
    resume(world, c.debtor, addDays(start, 30));
    nearMiss(world, 'M01', c.caseNo, '车辆于终本次日才登记（终本时不在名下）', { subjectId: c.debtor.id, plate });
    nearMiss(world, 'M02', c.caseNo, '终本次日购车，但30日后已立执恢案件', { subjectId: c.debtor.id, plate });
  }
}

/** M02 终本后新购车辆. */
export function plantM02(world: DemoWorld): void {
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-06-28') });
    const plate = world.plate(c.court, true);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, 200));
    hit(world, 'M02', c.caseNo, '终本后200日新登记车辆，未恢复执行', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2024-12-28') });
    const plate = world.plate(c.court);
    const start = addDays(c.closed!, 400);
    addVehicle(world, c.debtor, plate, start);
    resume(world, c.debtor, addDays(start, 91));
    hit(world, 'M02', c.caseNo, '终本后新购车辆，执恢案件在购车第91日才立案（超过90日）', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-12-28') });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, 1));
    hit(world, 'M02', c.caseNo, '终本次日即登记车辆，未恢复执行', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2024-12-28') });
    const plate = world.plate(c.court);
    const start = addDays(c.closed!, 300);
    addVehicle(world, c.debtor, plate, start);
    resume(world, c.debtor, addDays(start, 90));
    nearMiss(world, 'M02', c.caseNo, '终本后购车，执恢案件恰在第90日立案', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2020-01-01', '2021-05-28') });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(addYears(c.closed!, 5), 1));
    nearMiss(world, 'M02', c.caseNo, '购车在终本满5年之后（观察期外）', { subjectId: c.debtor.id, plate });
  }
}

/** M03 终本时名下有不动产. */
export function plantM03(world: DemoWorld): void {
  const closedIn = (): string => world.date('2021-01-01', '2025-12-28');
  const variants: { seal: string | null; ended?: (closed: string) => string; registered?: (closed: string) => string; ownership?: string; kind: 'hit' | 'near-miss'; text: string }[] = [
    { seal: '未查封', kind: 'hit', text: '终本时名下有未查封的房产（单独所有）' },
    { seal: null, ownership: '共同共有', kind: 'hit', text: '终本时与他人共同共有房产，查封状态为空' },
    { seal: '未查封', registered: (c) => c, ended: (c) => addDays(c, 30), kind: 'hit', text: '房产登记于终本当日、终本后30日才转移' },
    { seal: '已查封', kind: 'near-miss', text: '名下房产已查封' },
    { seal: '轮候查封', kind: 'near-miss', text: '名下房产为轮候查封' },
    { seal: '未查封', ended: (c) => addDays(c, -1), kind: 'near-miss', text: '房产于终本前一日转移' },
  ];
  for (const v of variants) {
    const c = baseCase(world, { closed: closedIn() });
    const unitNo = world.unitNo(c.court);
    const registered = v.registered?.(c.closed!) ?? addDays(c.closed!, -world.rng.int(400, 3000));
    addUnit(world, c.debtor, unitNo, registered, { ended: v.ended?.(c.closed!) ?? null, seal: v.seal, ownership: v.ownership, court: c.court });
    if (v.ownership === '共同共有') {
      addUnit(world, world.person(), unitNo, registered, { seal: v.seal, ownership: v.ownership, court: c.court });
    }
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M03', c.caseNo, v.text, { subjectId: c.debtor.id });
  }
}

/** M04 终本时持有股权. */
export function plantM04(world: DemoWorld): void {
  const variants: { company?: boolean; changed: (closed: string) => string; freeze: string | null; kind: 'hit' | 'near-miss'; text: string }[] = [
    { changed: (c) => addDays(c, -500), freeze: '未冻结', kind: 'hit', text: '被执行人持有企业30%股权，未冻结' },
    { changed: (c) => c, freeze: null, kind: 'hit', text: '股权变更登记于终本当日，冻结状态为空' },
    { company: true, changed: (c) => addDays(c, -900), freeze: '未冻结', kind: 'hit', text: '单位被执行人持有另一企业股权，未冻结' },
    { changed: (c) => addDays(c, -300), freeze: '冻结', kind: 'near-miss', text: '股权已冻结' },
    { changed: (c) => addDays(c, 1), freeze: '未冻结', kind: 'near-miss', text: '终本次日才成为股东' },
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
    { months: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], kind: 'hit', text: '终本后12个月每月领取养老金' },
    { months: [0, 5, 11], kind: 'hit', text: '终本月、第6月、第12月领取养老金（恰好3个月）' },
    { months: [-1, 0, 11], kind: 'near-miss', text: '窗口内仅2个月领取养老金（另1个月在终本前）' },
    { months: [3, 4, 12], kind: 'near-miss', text: '窗口内仅2个月领取养老金（另1个月在窗口后）' },
  ];
  for (const v of variants) {
    const debtor = world.person({ bornFrom: 1950, bornTo: 1962 });
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-05-28'), debtors: [debtor] });
    const first = `${c.closed!.slice(0, 7)}-01`;
    for (const m of v.months) addPension(world, debtor, addMonths(first, m));
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M05', c.caseNo, v.text, { subjectId: debtor.id });
  }
}

/** M06 公积金终本. */
export function plantM06(world: DemoWorld): void {
  const variants: { offset: number; balance: string; status: string; kind: 'hit' | 'near-miss'; text: string }[] = [
    { offset: 60, balance: '23456.78', status: '正常', kind: 'hit', text: '终本后公积金余额23,456.78元' },
    { offset: 0, balance: '10000.00', status: '封存', kind: 'hit', text: '终本当日快照余额恰为10,000元（封存）' },
    { offset: 30, balance: '9999.99', status: '正常', kind: 'near-miss', text: '余额9,999.99元，低于阈值' },
    { offset: 10, balance: '50000.00', status: '销户', kind: 'near-miss', text: '账户已销户' },
    { offset: -1, balance: '80000.00', status: '正常', kind: 'near-miss', text: '快照日期在终本前一日' },
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
    { rows: [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [5, 0]], kind: 'hit', text: '终本后6个月在同一单位缴纳社保' },
    { rows: [[0, 0], [6, 1], [11, 1]], kind: 'hit', text: '终本后第1、7、12个月在两家单位缴纳社保（恰好3个月）' },
    { rows: [[1, 0], [1, 1], [2, 0]], kind: 'near-miss', text: '3条缴费记录但仅2个不同月份' },
    { rows: [[-2, 0], [-1, 0], [0, 0], [12, 0]], kind: 'near-miss', text: '窗口内仅1个月缴费' },
    { rows: [[0, null], [1, null], [2, null]], kind: 'near-miss', text: '3个月个人（无单位）缴费，不是通过用人单位' },
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

/** M08 隐名共有财产 (spouse's property acquired during the marriage). */
export function plantM08(world: DemoWorld): void {
  type Asset = 'vehicle' | 'unit' | 'sealed-unit';
  const variants: { asset: Asset; registered: (married: string) => string; married?: (closed: string) => string; divorced?: (filed: string) => string; kind: 'hit' | 'near-miss'; text: string }[] = [
    { asset: 'vehicle', registered: (m) => addDays(m, 300), kind: 'hit', text: '配偶婚后登记车辆，终本时仍在配偶名下' },
    { asset: 'unit', registered: (m) => addDays(m, 100), kind: 'hit', text: '配偶婚后登记房产，未查封' },
    { asset: 'vehicle', registered: (m) => m, kind: 'hit', text: '配偶车辆登记于结婚登记当日' },
    { asset: 'vehicle', registered: (m) => addDays(m, -1), kind: 'near-miss', text: '配偶车辆登记于结婚前一日（婚前财产）' },
    { asset: 'vehicle', registered: (m) => addDays(m, 100), divorced: (f) => addDays(f, -400), kind: 'near-miss', text: '终本前已离婚（离婚在立案前400日，无财产转移）' },
    { asset: 'sealed-unit', registered: (m) => addDays(m, 100), kind: 'near-miss', text: '配偶婚后房产已查封' },
    { asset: 'vehicle', registered: (m) => addDays(m, 5), married: (c) => addDays(c, 10), kind: 'near-miss', text: '终本后才结婚' },
  ];
  for (const v of variants) {
    const closed = world.date('2022-01-01', '2025-12-28');
    const c = baseCase(world, { closed });
    const spouse = spouseOf(world, c.debtor);
    const married = v.married?.(closed) ?? addDays(c.filed, -world.rng.int(800, 3000));
    addMarriage(world, c.debtor, spouse, married, '结婚');
    if (v.divorced) addMarriage(world, c.debtor, spouse, v.divorced(c.filed), '离婚');
    const registered = v.registered(married);
    let plate: string | null = null;
    if (v.asset === 'vehicle') {
      plate = world.plate(c.court);
      addVehicle(world, spouse, plate, registered);
    } else {
      addUnit(world, spouse, world.unitNo(c.court), registered, { seal: v.asset === 'unit' ? '未查封' : '已查封', court: c.court });
    }
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M08', c.caseNo, v.text, { subjectId: c.debtor.id, plate });
  }
}

/** M09 离婚析产逃避执行: divorce date from filing, transfer t from the divorce, spouse's start from t. */
export function plantM09(world: DemoWorld): void {
  const variants: { divorce: number; t: number; gap: number; asset: 'vehicle' | 'unit'; kind: 'hit' | 'near-miss'; text: string }[] = [
    { divorce: -100, t: 10, gap: 0, asset: 'vehicle', kind: 'hit', text: '立案前100日离婚，10日后车辆过户给前配偶' },
    { divorce: 20, t: 5, gap: 3, asset: 'unit', kind: 'hit', text: '立案后离婚，房产随即转移登记至前配偶名下' },
    { divorce: -365, t: 30, gap: 2, asset: 'vehicle', kind: 'hit', text: '离婚恰在立案前365日，30日后车辆过户给前配偶' },
    { divorce: -366, t: 10, gap: 0, asset: 'vehicle', kind: 'near-miss', text: '离婚在立案前366日（窗口外）' },
    { divorce: -50, t: 10, gap: 31, asset: 'vehicle', kind: 'near-miss', text: '前配偶在车辆转出31日后才登记' },
    { divorce: -30, t: 366, gap: 0, asset: 'vehicle', kind: 'near-miss', text: '车辆在离婚366日后才过户' },
  ];
  for (const v of variants) {
    const filed = world.date('2021-01-01', '2024-06-28');
    const divorced = addDays(filed, v.divorce);
    const t = addDays(divorced, v.t);
    // Closure after the transfer, so the debtor no longer owns the asset at closure (M01/M03 quiet).
    const closed = world.date(addDays(t > addMonths(filed, 5) ? t : addMonths(filed, 5), 30), addDays(t > addMonths(filed, 5) ? t : addMonths(filed, 5), 200));
    const c = baseCase(world, { filed, closed });
    const ex = spouseOf(world, c.debtor);
    addMarriage(world, c.debtor, ex, addDays(filed, -3000), '结婚');
    addMarriage(world, c.debtor, ex, divorced, '离婚');
    const since = addDays(filed, -2500);
    let plate: string | null = null;
    if (v.asset === 'vehicle') {
      plate = world.plate(c.court);
      transferVehicle(world, c.debtor, ex, plate, since, t, addDays(t, v.gap));
    } else {
      const unitNo = world.unitNo(c.court);
      addUnit(world, c.debtor, unitNo, since, { ended: t, court: c.court });
      addUnit(world, ex, unitNo, addDays(t, v.gap), { court: c.court });
    }
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M09', c.caseNo, v.text, { subjectId: c.debtor.id, plate });
  }
}

/** Sightings of a plate at checkpoints, at the given days after `from`. */
export function addSightings(world: DemoWorld, plate: string, from: string, days: number[]): void {
  for (const d of days) {
    world.add('vehicle_sightings', {
      plate,
      seen_at: `${addDays(from, d)} ${String(world.rng.int(6, 22)).padStart(2, '0')}:${String(world.rng.int(0, 59)).padStart(2, '0')}:${String(world.rng.int(0, 59)).padStart(2, '0')}`,
      checkpoint: world.rng.pick(['G60沪昆高速杭州南收费站', '中河高架凤起路口', '钱江三桥南', '机场大道卡口', '甬台温高速宁波东']),
    });
  }
}

/** M19 车辆查而未扣. */
export function plantM19(world: DemoWorld): void {
  const variants: { seized?: number; released?: number; sightings: number[]; kind: 'hit' | 'near-miss'; text: string }[] = [
    { sightings: [100, 130], kind: 'hit', text: '本案查封车辆未实际扣押，查封后仍多次被卡口拍到' },
    { sightings: [1], kind: 'hit', text: '查封次日即被卡口拍到' },
    { sightings: [-30, -1], kind: 'near-miss', text: '通行记录均在查封日之前' },
    { seized: 40, sightings: [20, 60], kind: 'near-miss', text: '车辆已实际扣押' },
    { released: 80, sightings: [120], kind: 'near-miss', text: '已解封（终本后），通行在解封后' },
  ];
  for (const v of variants) {
    const closed = world.date('2025-01-01', '2025-12-28');
    const c = baseCase(world, { closed });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(closed, -1200));
    const sealed = addDays(closed, -20);
    addSeizure(world, plate, c.caseNo, sealed, {
      seized: v.seized === undefined ? null : addDays(sealed, v.seized),
      released: v.released === undefined ? null : addDays(sealed, v.released),
    });
    addSightings(world, plate, sealed, v.sightings);
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M19', c.caseNo, v.text, { subjectId: c.debtor.id, plate });
  }
}
