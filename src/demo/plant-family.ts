/** Planted situations through marriage and divorce: M08, M09. */
import { addDays, addMonths } from './calendar.ts';
import {
  addMarriage,
  addUnit,
  addVehicle,
  baseCase,
  hit,
  nearMiss,
  spouseOf,
  transferVehicle,
} from './plant-kit.ts';
import type { DemoWorld } from './world.ts';

/** M08 隐名共有财产 (spouse's property acquired during the marriage). */
export function plantM08(world: DemoWorld): void {
  type Asset = 'vehicle' | 'unit' | 'sealed-unit';
  const variants: {
    asset: Asset;
    registered: (married: string) => string;
    married?: (closed: string) => string;
    divorced?: (filed: string) => string;
    kind: 'hit' | 'near-miss';
    text: string;
  }[] = [
    {
      asset: 'vehicle',
      registered: (m) => addDays(m, 300),
      kind: 'hit',
      text: '配偶婚后登记车辆，终本时仍在配偶名下',
    },
    {
      asset: 'unit',
      registered: (m) => addDays(m, 100),
      kind: 'hit',
      text: '配偶婚后登记房产，未查封',
    },
    { asset: 'vehicle', registered: (m) => m, kind: 'hit', text: '配偶车辆登记于结婚登记当日' },
    {
      asset: 'vehicle',
      registered: (m) => addDays(m, -1),
      kind: 'near-miss',
      text: '配偶车辆登记于结婚前一日（婚前财产）',
    },
    {
      asset: 'vehicle',
      registered: (m) => addDays(m, 100),
      divorced: (f) => addDays(f, -400),
      kind: 'near-miss',
      text: '终本前已离婚（离婚在立案前400日，无财产转移）',
    },
    {
      asset: 'sealed-unit',
      registered: (m) => addDays(m, 100),
      kind: 'near-miss',
      text: '配偶婚后房产已查封',
    },
    {
      asset: 'vehicle',
      registered: (m) => addDays(m, 5),
      married: (c) => addDays(c, 10),
      kind: 'near-miss',
      text: '终本后才结婚',
    },
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
      addUnit(world, spouse, world.unitNo(c.court), registered, {
        seal: v.asset === 'unit' ? '未查封' : '已查封',
        court: c.court,
      });
    }
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M08', c.caseNo, v.text, {
      subjectId: c.debtor.id,
      plate,
    });
  }
}

/** M09 离婚析产逃避执行: divorce date from filing, transfer t from the divorce, spouse's start from t. */
export function plantM09(world: DemoWorld): void {
  const variants: {
    divorce: number;
    t: number;
    gap: number;
    asset: 'vehicle' | 'unit';
    kind: 'hit' | 'near-miss';
    text: string;
  }[] = [
    {
      divorce: -100,
      t: 10,
      gap: 0,
      asset: 'vehicle',
      kind: 'hit',
      text: '立案前100日离婚，10日后车辆过户给前配偶',
    },
    {
      divorce: 20,
      t: 5,
      gap: 3,
      asset: 'unit',
      kind: 'hit',
      text: '立案后离婚，房产随即转移登记至前配偶名下',
    },
    {
      divorce: -365,
      t: 30,
      gap: 2,
      asset: 'vehicle',
      kind: 'hit',
      text: '离婚恰在立案前365日，30日后车辆过户给前配偶',
    },
    {
      divorce: -366,
      t: 10,
      gap: 0,
      asset: 'vehicle',
      kind: 'near-miss',
      text: '离婚在立案前366日（窗口外）',
    },
    {
      divorce: -50,
      t: 10,
      gap: 31,
      asset: 'vehicle',
      kind: 'near-miss',
      text: '前配偶在车辆转出31日后才登记',
    },
    {
      divorce: -30,
      t: 366,
      gap: 0,
      asset: 'vehicle',
      kind: 'near-miss',
      text: '车辆在离婚366日后才过户',
    },
  ];
  for (const v of variants) {
    const filed = world.date('2021-01-01', '2024-06-28');
    const divorced = addDays(filed, v.divorce);
    const t = addDays(divorced, v.t);
    // Closure after the transfer, so the debtor no longer owns the asset at closure (M01/M03 quiet).
    const closed = world.date(
      addDays(t > addMonths(filed, 5) ? t : addMonths(filed, 5), 30),
      addDays(t > addMonths(filed, 5) ? t : addMonths(filed, 5), 200),
    );
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
    (v.kind === 'hit' ? hit : nearMiss)(world, 'M09', c.caseNo, v.text, {
      subjectId: c.debtor.id,
      plate,
    });
  }
}
