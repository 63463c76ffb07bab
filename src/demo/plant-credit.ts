import { addWorkingDays } from '../domain/working-days.ts';
import { addDays } from './calendar.ts';
import { addListing, addRestriction, completedCase, type CaseHandle } from './cases.ts';
import { maskCitizenId } from './identity.ts';
import { baseCase, hit, nearMiss } from './plant-kit.ts';
import type { DemoWorld, Person } from './world.ts';

type Kind = 'hit' | 'near-miss';

/**
 * A closure date on a Monday–Wednesday in March or November, 2023–2025: no public holidays and no
 * make-up working days (调休) nearby, so "closure + 3 working days" is the same in any calendar.
 */
function quietWeekday(world: DemoWorld): string {
  for (;;) {
    const year = world.rng.int(2023, 2025);
    const month = world.rng.pick(['03', '11']);
    const day = String(world.rng.int(3, 16)).padStart(2, '0');
    const d = `${year}-${month}-${day}`;
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd >= 1 && wd <= 3) return d;
  }
}

/** M20 履行完毕未删除失信信息 and M21 履行完毕未解除限消: removal offset in working days or null. */
export function plantCompletedPunishments(world: DemoWorld): void {
  const variants: { model: 'M20' | 'M21'; lift: number | null; kind: Kind; text: string }[] = [
    { model: 'M20', lift: null, kind: 'hit', text: '执行完毕后失信信息未删除' },
    { model: 'M20', lift: 4, kind: 'hit', text: '执行完毕后第4个工作日才删除失信信息' },
    { model: 'M20', lift: 3, kind: 'near-miss', text: '执行完毕后第3个工作日删除失信信息' },
    { model: 'M20', lift: 0, kind: 'near-miss', text: '执行完毕当日删除失信信息' },
    { model: 'M21', lift: null, kind: 'hit', text: '执行完毕后限制消费令未解除' },
    { model: 'M21', lift: 4, kind: 'hit', text: '执行完毕后第4个工作日才解除限消' },
    { model: 'M21', lift: 3, kind: 'near-miss', text: '执行完毕后第3个工作日解除限消' },
    { model: 'M21', lift: -5, kind: 'near-miss', text: '执行完毕前已解除限消' },
  ];
  for (const v of variants) {
    const debtor = world.person();
    const closed = quietWeekday(world);
    const c = completedCase(world, {
      closed,
      debtors: [debtor],
      listing: false,
      restriction: 'none',
    });
    const removed =
      v.lift === null
        ? null
        : v.lift >= 0
          ? addWorkingDays(closed, v.lift)
          : addDays(closed, v.lift);
    const published = addDays(c.filed, 10);
    if (v.model === 'M20') addListing(world, c, debtor, published, removed);
    else addRestriction(world, c.caseNo, debtor, published, removed);
    (v.kind === 'hit' ? hit : nearMiss)(world, v.model, c.caseNo, v.text, { subjectId: debtor.id });
  }
}

function trip(
  world: DemoWorld,
  person: Person,
  date: string,
  mode: string,
  tripNo: string,
  seat: string,
): void {
  world.add('travel_records', {
    id_no: person.id,
    name: person.name,
    travel_date: date,
    mode,
    trip_no: tripNo,
    seat_class: seat,
  });
}

/** M22 限高人员违规乘坐飞机高铁: the order is the clean 终本 case's restriction row. */
export function plantM22(world: DemoWorld): void {
  const variants: {
    mode: string;
    no: string;
    seat: string;
    day: number;
    company?: boolean;
    lifted?: boolean;
    kind: Kind;
    text: string;
  }[] = [
    {
      mode: '飞机',
      no: 'CA1702',
      seat: '经济舱',
      day: 100,
      kind: 'hit',
      text: '限消期间乘坐飞机（经济舱）',
    },
    {
      mode: '火车',
      no: 'G7512',
      seat: '二等座',
      day: 0,
      kind: 'hit',
      text: '限消令发布当日乘坐G字头高铁二等座',
    },
    { mode: '火车', no: 'D3125', seat: '一等座', day: 60, kind: 'hit', text: '乘坐动车一等座' },
    { mode: '火车', no: 'K528', seat: '软卧', day: 200, kind: 'hit', text: '乘坐普速列车软卧' },
    { mode: '轮船', no: '舟山—上海', seat: '二等舱', day: 90, kind: 'hit', text: '乘坐轮船二等舱' },
    {
      mode: '飞机',
      no: 'MU5431',
      seat: '头等舱',
      day: 120,
      company: true,
      kind: 'hit',
      text: '单位被执行人的法定代表人（被限消）乘坐飞机头等舱',
    },
    {
      mode: '火车',
      no: 'D3125',
      seat: '二等座',
      day: 60,
      kind: 'near-miss',
      text: '乘坐动车二等座（不属违规）',
    },
    {
      mode: '火车',
      no: 'K528',
      seat: '硬卧',
      day: 60,
      kind: 'near-miss',
      text: '乘坐普速列车硬卧',
    },
    {
      mode: '飞机',
      no: 'CA1702',
      seat: '经济舱',
      day: -1,
      kind: 'near-miss',
      text: '乘机在限消令发布前一日',
    },
    {
      mode: '轮船',
      no: '舟山—上海',
      seat: '三等舱',
      day: 30,
      kind: 'near-miss',
      text: '乘坐轮船三等舱',
    },
    {
      mode: '飞机',
      no: 'ZH9987',
      seat: '经济舱',
      day: 0,
      lifted: true,
      kind: 'near-miss',
      text: '限消已解除后乘机',
    },
  ];
  for (const v of variants) {
    if (v.lifted) {
      const debtor = world.person();
      const c = completedCase(world, {
        debtors: [debtor],
        listing: false,
        restriction: 'row',
        closed: world.date('2022-01-01', '2025-06-28'),
      });
      const order = world.rows('consumption_restrictions').find((r) => r.case_no === c.caseNo)!;
      trip(world, debtor, addDays(order.lifted_date!, 10), v.mode, v.no, v.seat);
      nearMiss(world, 'M22', c.caseNo, v.text, { subjectId: debtor.id });
      continue;
    }
    const company = v.company ? world.company() : undefined;
    const c: CaseHandle = baseCase(world, {
      closed: world.date('2021-01-01', '2025-10-28'),
      ...(company ? { debtors: [company] } : {}),
    });
    const order = world.rows('consumption_restrictions').find((r) => r.case_no === c.caseNo)!;
    const person: Person = company ? company.legalRep : (c.debtors[0] as Person);
    const date = addDays(order.published_date!, v.day);
    trip(world, person, date, v.mode, v.no, v.seat);
    if (v.kind === 'hit' && v.day > 0) trip(world, person, addDays(date, 7), v.mode, v.no, v.seat);
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M22', c.caseNo, v.text, { subjectId: person.id });
  }
}

function gamble(world: DemoWorld, person: Person, date: string): void {
  world.add('gambling_records', {
    id_no: person.id,
    name: person.name,
    incident_date: date,
    amount: `${world.rng.int(2, 80) * 500}.00`,
    outcome: world.rng.pick(['行政处罚', '行政拘留', '刑事立案']),
  });
}

/** M23 失信人员涉赌. */
export function plantM23(world: DemoWorld): void {
  const variants: { day: number; masked?: boolean; kind: Kind; text: string }[] = [
    { day: 30, kind: 'hit', text: '失信期间涉赌被处罚' },
    { day: 0, kind: 'hit', text: '失信名单发布当日涉赌' },
    {
      day: 45,
      masked: true,
      kind: 'hit',
      text: '失信名单证件号码被遮蔽，姓名与可见位一致（低置信度）',
    },
    { day: -1, kind: 'near-miss', text: '涉赌在纳入失信前一日' },
  ];
  for (const v of variants) {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-10-28') });
    const published = addDays(c.filed, 15);
    addListing(
      world,
      c,
      c.debtor,
      published,
      null,
      v.masked ? maskCitizenId(c.debtor.id) : undefined,
    );
    gamble(world, c.debtor, addDays(published, v.day));
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M23', c.caseNo, v.text, { subjectId: c.debtor.id });
  }
  {
    const debtor = world.person();
    const c = completedCase(world, {
      debtors: [debtor],
      listing: false,
      restriction: 'none',
      closed: world.date('2022-01-01', '2025-06-28'),
    });
    const removed = addDays(c.closed!, 1);
    addListing(world, c, debtor, addDays(c.filed, 10), removed);
    gamble(world, debtor, addDays(removed, 10));
    nearMiss(world, 'M23', c.caseNo, '失信已删除后涉赌', { subjectId: debtor.id });
  }
  {
    // Someone else's masked listing shows the gambler's visible digits but another name: no match.
    const gambler = world.person();
    let other = world.person();
    while (other.name === gambler.name) other = world.person();
    const listing = {
      caseNo: world.caseNo(world.rng.pick(world.geo.basicCourts), 2022, '执'),
      court: world.rng.pick(world.geo.basicCourts),
    };
    addListing(world, listing, other, '2022-09-15', null, maskCitizenId(gambler.id));
    gamble(world, gambler, '2023-04-12');
    nearMiss(world, 'M23', listing.caseNo, '遮蔽证件号可见位相同但姓名不同', {
      subjectId: gambler.id,
    });
  }
}

/** M24 已死亡仍被限消/失信: the clean 终本 case's restriction is lifted (or not) relative to death. */
export function plantM24(world: DemoWorld): void {
  const variants: { lift: number | null; listing?: boolean; kind: Kind; text: string }[] = [
    { lift: null, kind: 'hit', text: '被执行人死亡后限消令仍未解除' },
    { lift: 31, kind: 'hit', text: '死亡后第31日才解除限消' },
    { lift: 5, listing: true, kind: 'hit', text: '限消已解除但失信名单仍在' },
    { lift: 30, kind: 'near-miss', text: '死亡后第30日解除限消' },
    { lift: 10, kind: 'near-miss', text: '死亡后10日解除限消' },
  ];
  for (const v of variants) {
    const debtor = world.person({ bornFrom: 1940, bornTo: 1960 });
    const c = baseCase(world, {
      closed: world.date('2021-01-01', '2024-12-28'),
      debtors: [debtor],
    });
    const death = addDays(c.closed!, world.rng.int(100, 400));
    const order = world.rows('consumption_restrictions').find((r) => r.case_no === c.caseNo)!;
    if (v.lift !== null) order.lifted_date = addDays(death, v.lift);
    if (v.listing) addListing(world, c, debtor, addDays(c.filed, 20));
    world.add('deaths', {
      id_no: debtor.id,
      name: debtor.name,
      death_date: death,
      source: world.rng.pick(['公安户籍注销', '民政火化']),
    });
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M24', c.caseNo, v.text, { subjectId: debtor.id });
  }
}
