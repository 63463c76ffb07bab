import { addDebtorTraps } from './background-traps.ts';
import { addDays, addMonths } from './calendar.ts';
import { completedCase, openCase, terminatedCase, type CaseHandle } from './cases.ts';
import {
  addMarriage,
  addSeizure,
  addUnit,
  addVehicle,
  spouseOf,
  transferVehicle,
} from './plant-kit.ts';
import { addSightings } from './plant-vehicles.ts';
import { money, type DemoWorld, type Person } from './world.ts';

/**
 * Background data: ordinary cases and ordinary people. Every 终本 case is clean (cases.ts), and the
 * people who own property, earn, travel, gamble, marry or die are never debtors or restricted, so the
 * background fires no model: the answer file is exactly what fires.
 */
export function generateBackground(world: DemoWorld, scale: number): void {
  const n = (base: number): number => Math.max(1, Math.round(base * scale));
  const rng = world.rng;
  const terminated: CaseHandle[] = [];
  const completed: CaseHandle[] = [];
  for (let i = 0; i < n(300); i++) terminated.push(terminatedCase(world));
  for (let i = 0; i < n(120); i++) completed.push(completedCase(world));
  const open: CaseHandle[] = [];
  for (let i = 0; i < n(60); i++) open.push(openCase(world));

  // A few debtors sold a car long before their case: not owned at closure, nothing to find.
  for (const c of terminated.slice(0, n(30))) {
    const debtor = c.debtors[0]!;
    const sold = addDays(c.filed, -rng.int(400, 1500));
    transferVehicle(
      world,
      debtor,
      world.person(),
      world.plate(c.court),
      addDays(sold, -rng.int(300, 2000)),
      sold,
    );
  }
  addDebtorTraps(world, terminated, n);
  // Pending cases seal and seize their debtors' cars (no 终本, no closure).
  for (const c of open.slice(0, n(15))) {
    const plate = world.plate(c.court);
    addVehicle(world, c.debtors[0]!, plate, addDays(c.filed, -rng.int(300, 2000)));
    const sealed = addDays(c.filed, rng.int(3, 9));
    if (sealed <= world.asOf)
      addSeizure(world, plate, c.caseNo, sealed, {
        seized: addDays(sealed, 1) <= world.asOf ? addDays(sealed, 1) : null,
      });
  }

  // Vehicles of ordinary people and companies; some change hands; some pass checkpoints.
  const plates: string[] = [];
  for (let i = 0; i < n(700); i++) {
    const court = rng.pick(world.geo.basicCourts);
    const plate = world.plate(court, rng.chance(0.15));
    const owner = rng.chance(0.9) ? world.person() : world.company(court);
    const registered = world.date('2012-01-01', '2026-03-28');
    if (rng.chance(0.15) && registered < '2024-01-01') {
      transferVehicle(
        world,
        owner,
        world.person(),
        plate,
        registered,
        addDays(registered, rng.int(200, 800)),
      );
    } else {
      addVehicle(world, owner, plate, registered);
    }
    plates.push(plate);
  }
  for (const plate of plates.slice(0, n(250))) {
    const from = world.date('2025-01-01', '2026-05-28');
    addSightings(world, plate, from, [0, rng.int(1, 20), rng.int(21, 30)]);
  }

  // Families: marriages (a few divorces), homes held alone or jointly.
  for (let i = 0; i < n(150); i++) {
    const court = rng.pick(world.geo.basicCourts);
    const a: Person = world.person();
    const b = spouseOf(world, a);
    const married = world.date('2005-01-01', '2025-12-28');
    addMarriage(world, a, b, married, '结婚');
    const divorced = addDays(married, rng.int(300, 3000));
    if (rng.chance(0.1) && divorced <= world.asOf) addMarriage(world, a, b, divorced, '离婚');
    const unitNo = world.unitNo(court);
    const bought = addDays(married, rng.int(30, 700));
    if (bought < world.asOf) {
      addUnit(world, a, unitNo, bought, { ownership: '共同共有', court });
      addUnit(world, b, unitNo, bought, { ownership: '共同共有', court });
    }
  }
  for (let i = 0; i < n(250); i++) {
    const court = rng.pick(world.geo.basicCourts);
    const registered = world.date('2008-01-01', '2026-03-28');
    addUnit(world, world.person(), world.unitNo(court), registered, {
      court,
      seal: rng.chance(0.9) ? '未查封' : null,
    });
  }

  // Income: pensioners, employees, provident-fund holders.
  const employers = Array.from({ length: n(40) }, () => world.company());
  for (let i = 0; i < n(80); i++) {
    const p = world.person({ bornFrom: 1945, bornTo: 1963 });
    for (let m = 0; m < 12; m++) {
      world.add('pension_payments', {
        id_no: p.id,
        name: p.name,
        month: addMonths('2025-06-01', m),
        amount: money(rng.int(1800, 5200) + rng.int(0, 99) / 100),
        agency: `${rng.pick(world.geo.basicCourts).cityShort}市社会保险管理服务中心`,
      });
    }
  }
  for (let i = 0; i < n(80); i++) {
    const p = world.person({ bornFrom: 1970, bornTo: 2000 });
    const employer = rng.pick(employers);
    for (let m = 0; m < 12; m++) {
      world.add('social_insurance', {
        id_no: p.id,
        name: p.name,
        month: addMonths('2025-03-01', m),
        employer: employer.name,
        base: money(rng.int(4000, 20000)),
      });
    }
    world.add('provident_fund', {
      id_no: p.id,
      name: p.name,
      account_status: '正常',
      balance: money(rng.int(1000, 200000) + rng.int(0, 99) / 100),
      balance_date: '2026-03-31',
      employer: employer.name,
    });
  }

  // Behaviour of people who are neither restricted nor listed.
  for (let i = 0; i < n(200); i++) {
    const p = world.person();
    const mode = rng.pick(['飞机', '火车', '火车', '轮船']);
    const [tripNo, seat] =
      mode === '飞机'
        ? [
            rng.pick(['CA1702', 'MU5431', 'ZH9987', 'HO1234']),
            rng.pick(['经济舱', '公务舱', '头等舱']),
          ]
        : mode === '火车'
          ? [
              rng.pick(['G7512', 'D3125', 'K528', 'G1234']),
              rng.pick(['二等座', '一等座', '商务座', '硬卧']),
            ]
          : ['舟山—上海', rng.pick(['二等舱', '三等舱'])];
    world.add('travel_records', {
      id_no: p.id,
      name: p.name,
      travel_date: world.date('2023-01-01', '2026-06-28'),
      mode,
      trip_no: tripNo,
      seat_class: seat,
    });
  }
  for (let i = 0; i < n(25); i++) {
    const p = world.person();
    world.add('gambling_records', {
      id_no: p.id,
      name: p.name,
      incident_date: world.date('2020-01-01', '2026-05-28'),
      amount: money(rng.int(2, 200) * 100),
      outcome: rng.pick(['行政处罚', '刑事立案']),
    });
  }
  for (let i = 0; i < n(30); i++) {
    const p = world.person({ bornFrom: 1930, bornTo: 1960 });
    world.add('deaths', {
      id_no: p.id,
      name: p.name,
      death_date: world.date('2019-01-01', '2026-05-28'),
      source: rng.pick(['公安户籍注销', '民政火化', '医院']),
    });
  }

  // Auctions of completed cases' property; complaints mentioning 终本 cases.
  for (const c of completed.slice(0, n(30))) {
    const appraised = rng.int(20, 300) * 10000;
    const sold = rng.chance(0.7);
    const buyer = world.person();
    world.add('online_auctions', {
      auction_no: `PM${c.caseNo.slice(1, 5)}${String(world.rows('online_auctions').length + 1).padStart(6, '0')}`,
      case_no: c.caseNo,
      item_name: `${c.court.cityShort}市住宅一套`,
      appraised_value: money(appraised),
      starting_price: money(appraised * 0.7),
      sale_price: sold ? money(appraised * 0.7 + rng.int(0, 20) * 1000) : null,
      auction_round: '一拍',
      auction_status: sold ? '成交' : '流拍',
      sale_date: sold ? addDays(c.filed, rng.int(20, 40)) : null,
      appraisal_fee: money(appraised * 0.002),
      buyer: sold ? buyer.name : null,
      buyer_id: sold ? buyer.id : null,
    });
  }
  for (let i = 0; i < n(40); i++) {
    const c = rng.pick(terminated);
    const who = c.applicants[0]!;
    world.add('petitions', {
      petition_no: `${rng.pick(['12345', '12309', 'XF'])}-${2024 + (i % 2)}-${String(10000 + i * 37).padStart(6, '0')}`,
      source: rng.pick(['12345', '12309', '信访', '网格']),
      registered_date: world.date('2024-01-01', '2026-06-28'),
      petitioner: who.name,
      petitioner_id: who.id,
      content: `反映${c.caseNo}案件终本后长期未见法院恢复执行，申请人生活困难，请求检察机关监督。`,
      case_no: rng.chance(0.5) ? c.caseNo : null,
    });
  }
}
