import { addDays, addMonths } from './calendar.ts';
import {
  addAct,
  addListing,
  addPostClosureQueries,
  addRestriction,
  openCase,
  type CaseHandle,
} from './cases.ts';
import { baseCase, recordCase as record, type Kind } from './plant-kit.ts';
import type { DemoWorld, Person } from './world.ts';

/** Planted situations of the closure procedure: M10–M15. */

/** M10 终本未满三个月. */
export function plantM10(world: DemoWorld): void {
  const variants: { closed: (filed: string) => string; kind: Kind; text: string }[] = [
    { closed: (f) => addDays(addMonths(f, 3), -1), kind: 'hit', text: '立案后3个月差1日即终本' },
    { closed: (f) => addDays(f, 40), kind: 'hit', text: '立案后40日即终本' },
    { closed: (f) => addMonths(f, 3), kind: 'near-miss', text: '恰满3个月终本' },
  ];
  for (const v of variants) {
    let filed = world.date('2021-01-01', '2025-06-28');
    // Closure days stay ≤ 28 (calendar.addMonths), so re-draw the filing date until they do.
    while (Number(v.closed(filed).slice(8)) > 28) filed = world.date('2021-01-01', '2025-06-28');
    const c = baseCase(world, { filed, closed: v.closed(filed) });
    record(world, v.kind, 'M10', c, v.text);
  }
}

/** M11 终本前未发限制消费令. */
export function plantM11(world: DemoWorld): void {
  const closedIn = (): string => world.date('2021-01-01', '2025-12-28');
  {
    const c = baseCase(world, { closed: closedIn(), restriction: 'none' });
    record(world, 'hit', 'M11', c, '终本前未对被执行人发出限制消费令');
  }
  {
    const c = baseCase(world, { closed: closedIn(), restriction: 'none' });
    addRestriction(world, c.caseNo, c.debtor, addDays(c.closed!, 1));
    record(world, 'hit', 'M11', c, '限制消费令在终本次日才发布');
  }
  {
    const second = world.person();
    const c = baseCase(world, { closed: closedIn(), restriction: 'none' });
    const two = baseCase(world, {
      closed: closedIn(),
      restriction: 'none',
      debtors: [world.person(), second],
    });
    addRestriction(world, two.caseNo, two.debtors[0]!, addDays(two.filed, 10));
    record(world, 'hit', 'M11', two, '两名被执行人中一人未被限制消费');
    const other = world.caseNo(world.rng.pick(world.geo.basicCourts), 2020, '执');
    addRestriction(world, other, c.debtor, addDays(c.filed, 10));
    record(world, 'hit', 'M11', c, '被执行人仅在他案中被限制消费，本案未发限消令');
  }
  {
    const c = baseCase(world, { closed: closedIn(), restriction: 'none' });
    addRestriction(world, c.caseNo, c.debtor, c.closed!);
    record(world, 'near-miss', 'M11', c, '限制消费令恰在终本当日发布');
  }
  {
    const c = baseCase(world, { closed: closedIn(), restriction: 'act' });
    record(world, 'near-miss', 'M11', c, '仅有执行措施记录中的限制消费令（无限消名单记录）');
  }
  {
    const company = world.company();
    const c = baseCase(world, { closed: closedIn(), debtors: [company] });
    record(
      world,
      'near-miss',
      'M11',
      c,
      '单位被执行人：对法定代表人发限消令（关联企业信用代码为该单位）',
    );
  }
}

/** The clean case's 报告财产令 act before closure, to rewrite its result. */
function reportOrder(world: DemoWorld, c: CaseHandle) {
  const row = world
    .rows('case_actions')
    .find((r) => r.case_no === c.caseNo && r.action_type === '报告财产令');
  if (!row) throw new Error(`demo: ${c.caseNo} has no 报告财产令`);
  return row;
}

/** M12 终本前未纳入失信（符合条件）. */
export function plantM12(world: DemoWorld): void {
  const closedIn = (): string => world.date('2021-01-01', '2025-12-28');
  {
    const c = baseCase(world, { closed: closedIn() });
    reportOrder(world, c).result = '被执行人逾期未报告财产';
    record(world, 'hit', 'M12', c, '被执行人未报告财产，终本前未纳入失信');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    addAct(world, c.caseNo, '罚款', addDays(c.closed!, -50), c.debtor, '罚款5000元');
    record(world, 'hit', 'M12', c, '被执行人被罚款，终本前未纳入失信');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    addAct(world, c.caseNo, '拘留', addDays(c.closed!, -40), c.debtor, '司法拘留十五日');
    const other = {
      caseNo: world.caseNo(world.rng.pick(world.geo.basicCourts), 2019, '执'),
      court: c.court,
    };
    addListing(world, other, c.debtor, addDays(c.closed!, -30));
    record(world, 'hit', 'M12', c, '被执行人被拘留；仅在他案中被纳入失信');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    reportOrder(world, c).result = '拒不报告';
    addListing(world, c, c.debtor, c.closed!);
    record(world, 'near-miss', 'M12', c, '拒不报告，但终本当日已纳入失信');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    addAct(world, c.caseNo, '罚款', addDays(c.closed!, -60), c.debtor, '罚款3000元');
    addAct(world, c.caseNo, '纳入失信', addDays(c.closed!, -55), c.debtor, '已纳入');
    record(world, 'near-miss', 'M12', c, '被罚款后已有纳入失信措施');
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-06-28') });
    addAct(world, c.caseNo, '报告财产令', addDays(c.closed!, 10), c.debtor, '未申报');
    record(world, 'near-miss', 'M12', c, '未申报的报告财产令在终本之后');
  }
}

/** M13 未穷尽财产调查措施. */
export function plantM13(world: DemoWorld): void {
  const closedIn = (): string => world.date('2021-01-01', '2025-12-28');
  const drop = (c: CaseHandle, types: string[]): void =>
    world.remove(
      'case_actions',
      (r) => r.case_no === c.caseNo && types.includes(r.action_type!) && r.action_date! < c.closed!,
    );
  {
    const c = baseCase(world, { closed: closedIn() });
    drop(c, ['网络查控']);
    record(world, 'hit', 'M13', c, '终本前未进行网络查控');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    drop(c, ['告知申请执行人']);
    addAct(world, c.caseNo, '告知申请执行人', addDays(c.closed!, 1), c.applicants[0]!, '已告知');
    record(world, 'hit', 'M13', c, '终本次日才告知申请执行人');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    drop(c, ['执行通知', '报告财产令']);
    record(world, 'hit', 'M13', c, '终本前未发执行通知、报告财产令');
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    drop(c, ['告知申请执行人']);
    addAct(world, c.caseNo, '告知申请执行人', addDays(c.closed!, -1), c.applicants[0]!, '已告知');
    record(world, 'near-miss', 'M13', c, '终本前一日告知申请执行人');
  }
  {
    const c = baseCase(world, { closed: closedIn(), acts: false });
    record(world, 'near-miss', 'M13', c, '案件无任何执行措施记录（无数据，不视为违法）');
    record(world, 'near-miss', 'M14', c, '案件无任何执行措施记录（无数据，不视为违法）');
  }
}

/** M14 终本后未定期查询. */
export function plantM14(world: DemoWorld): void {
  const fresh = (closed: string): CaseHandle & { debtor: Person } =>
    baseCase(world, { closed, postQueries: false });
  {
    const c = fresh(world.date('2021-01-01', '2024-06-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, { skip: (k) => k === 1 });
    record(world, 'hit', 'M14', c, '终本后第2个六个月内无查询');
  }
  {
    const c = fresh(world.date('2021-01-01', '2025-06-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, { skip: (k) => k === 0 });
    record(world, 'hit', 'M14', c, '终本后首个六个月内无查询');
  }
  {
    const c = fresh(world.date('2021-01-01', '2022-06-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, { skip: (k) => k >= 3 });
    record(world, 'hit', 'M14', c, '终本一年半后不再查询');
  }
  {
    const c = fresh(world.date('2021-01-01', '2024-06-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, { at: 'start' });
    record(world, 'near-miss', 'M14', c, '每次查询恰在各六个月窗口的首日');
  }
  {
    const c = fresh(world.date('2021-01-01', '2024-06-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, { at: 'lastDay' });
    record(world, 'near-miss', 'M14', c, '每次查询恰在各六个月窗口的最后一日');
  }
  {
    const c = fresh(world.date('2022-01-01', '2024-06-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, {
      skip: (_k, end) => end > world.asOf,
    });
    record(world, 'near-miss', 'M14', c, '仅当前未届满的窗口内尚无查询');
  }
  {
    const c = fresh(world.date('2019-03-01', '2019-12-28'));
    addPostClosureQueries(world, c.caseNo, c.closed!, c.debtor, { skip: (k) => k >= 10 });
    record(world, 'near-miss', 'M14', c, '第10个窗口（终本满5年）之后无查询，超出考察范围');
  }
}

/** M15 查询发现财产未恢复执行. */
export function plantM15(world: DemoWorld): void {
  const variants: {
    offset: number;
    type: string;
    result: string;
    resume?: number;
    kind: Kind;
    text: string;
  }[] = [
    {
      offset: 200,
      type: '终本后查询',
      result: '有财产',
      kind: 'hit',
      text: '终本后查询发现财产，未恢复执行',
    },
    {
      offset: 150,
      type: '网络查控',
      result: '发现财产：银行存款',
      resume: 91,
      kind: 'hit',
      text: '网络查控发现财产，91日后才立执恢',
    },
    {
      offset: 400,
      type: '终本后查询',
      result: '查询到银行存款12,000元',
      kind: 'hit',
      text: '终本后查询到存款，未恢复执行',
    },
    {
      offset: 180,
      type: '终本后查询',
      result: '有财产',
      resume: 90,
      kind: 'near-miss',
      text: '发现财产后第90日立执恢',
    },
    {
      offset: -1,
      type: '网络查控',
      result: '有财产',
      kind: 'near-miss',
      text: '发现财产的查控在终本前一日',
    },
  ];
  for (const v of variants) {
    // Found ≥ 90 days before asOf at the latest (offset 400): "not resumed within 90 days" is settled.
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-01-28') });
    const date = addDays(c.closed!, v.offset);
    addAct(world, c.caseNo, v.type, date, c.debtor, v.result);
    if (v.resume !== undefined)
      openCase(world, { type: '执恢', debtors: [c.debtor], filed: addDays(date, v.resume) });
    record(world, v.kind, 'M15', c, v.text);
  }
}
