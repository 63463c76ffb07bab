/** Planted situations on vehicles: M01, M02, M19. */
import { addDays, addYears } from './calendar.ts';
import { openCase } from './cases.ts';
import { addSeizure, addVehicle, baseCase, hit, nearMiss, transferVehicle } from './plant-kit.ts';
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
    hit(world, 'M01', c.caseNo, '终本时被执行人名下有车辆（登记于终本前一年多，未注销）', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court, true);
    addVehicle(world, c.debtor, plate, c.closed!);
    hit(world, 'M01', c.caseNo, '车辆登记日期恰为终本当日（登记日期 ≤ 终本日期）', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    transferVehicle(
      world,
      c.debtor,
      world.person(),
      plate,
      addDays(c.closed!, -800),
      addDays(c.closed!, 1),
    );
    hit(world, 'M01', c.caseNo, '车辆于终本次日才转出，终本时仍在被执行人名下', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, -600));
    const other = world.caseNo(
      world.rng.pick(world.geo.basicCourts),
      Number(c.closed!.slice(0, 4)) - 1,
      '执保',
    );
    addSeizure(world, plate, other, addDays(c.closed!, -100), { seized: addDays(c.closed!, -90) });
    hit(world, 'M01', c.caseNo, '车辆仅被其他案件查封，未被本案查封', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: closedIn() });
    const plate = world.plate(c.court);
    transferVehicle(
      world,
      c.debtor,
      world.person(),
      plate,
      addDays(c.closed!, -900),
      addDays(c.closed!, -1),
    );
    nearMiss(world, 'M01', c.caseNo, '车辆于终本前一日转出（终本时已不在名下）', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: world.date('2025-01-01', '2025-12-28') });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, -700));
    addSeizure(world, plate, c.caseNo, addDays(c.closed!, -40), {
      seized: addDays(c.closed!, -30),
    });
    nearMiss(world, 'M01', c.caseNo, '车辆已被本案查封并扣押', { subjectId: c.debtor.id, plate });
  }
  {
    const c = baseCase(world, { closed: world.date('2022-01-01', '2025-06-28') });
    const plate = world.plate(c.court);
    const start = addDays(c.closed!, 1);
    addVehicle(world, c.debtor, plate, start);
    resume(world, c.debtor, addDays(start, 30));
    nearMiss(world, 'M01', c.caseNo, '车辆于终本次日才登记（终本时不在名下）', {
      subjectId: c.debtor.id,
      plate,
    });
    nearMiss(world, 'M02', c.caseNo, '终本次日购车，但30日后已立执恢案件', {
      subjectId: c.debtor.id,
      plate,
    });
  }
}

/** M02 终本后新购车辆. */
export function plantM02(world: DemoWorld): void {
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-06-28') });
    const plate = world.plate(c.court, true);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, 200));
    hit(world, 'M02', c.caseNo, '终本后200日新登记车辆，未恢复执行', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2024-12-28') });
    const plate = world.plate(c.court);
    const start = addDays(c.closed!, 400);
    addVehicle(world, c.debtor, plate, start);
    resume(world, c.debtor, addDays(start, 91));
    hit(world, 'M02', c.caseNo, '终本后新购车辆，执恢案件在购车第91日才立案（超过90日）', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2025-12-28') });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(c.closed!, 1));
    hit(world, 'M02', c.caseNo, '终本次日即登记车辆，未恢复执行', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: world.date('2021-01-01', '2024-12-28') });
    const plate = world.plate(c.court);
    const start = addDays(c.closed!, 300);
    addVehicle(world, c.debtor, plate, start);
    resume(world, c.debtor, addDays(start, 90));
    nearMiss(world, 'M02', c.caseNo, '终本后购车，执恢案件恰在第90日立案', {
      subjectId: c.debtor.id,
      plate,
    });
  }
  {
    const c = baseCase(world, { closed: world.date('2020-01-01', '2021-05-28') });
    const plate = world.plate(c.court);
    addVehicle(world, c.debtor, plate, addDays(addYears(c.closed!, 5), 1));
    nearMiss(world, 'M02', c.caseNo, '购车在终本满5年之后（观察期外）', {
      subjectId: c.debtor.id,
      plate,
    });
  }
}

/** Sightings of a plate at checkpoints, at the given days after `from`. */
export function addSightings(world: DemoWorld, plate: string, from: string, days: number[]): void {
  for (const d of days) {
    world.add('vehicle_sightings', {
      plate,
      seen_at: `${addDays(from, d)} ${String(world.rng.int(6, 22)).padStart(2, '0')}:${String(world.rng.int(0, 59)).padStart(2, '0')}:${String(world.rng.int(0, 59)).padStart(2, '0')}`,
      checkpoint: world.rng.pick([
        'G60沪昆高速杭州南收费站',
        '中河高架凤起路口',
        '钱江三桥南',
        '机场大道卡口',
        '甬台温高速宁波东',
      ]),
    });
  }
}

/** M19 车辆查而未扣. */
export function plantM19(world: DemoWorld): void {
  const variants: {
    seized?: number;
    released?: number;
    sightings: number[];
    kind: 'hit' | 'near-miss';
    text: string;
  }[] = [
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
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M19', c.caseNo, v.text, {
      subjectId: c.debtor.id,
      plate,
    });
  }
}
