import { addDays, addMonths } from './calendar.ts';
import type { CaseHandle } from './cases.ts';
import { addMarriage, addSeizure, addUnit, addVehicle, spouseOf } from './plant-kit.ts';
import { money, type DemoWorld, type Person } from './world.ts';

/**
 * Realistic data about background 终本 debtors that sits just outside every rule, so the background
 * tests the models' conditions too (not only the absence of data): work that stopped before the
 * closure month, a provident-fund balance withdrawn before closure, shares the court froze, a flat
 * it sealed, a car it sealed and seized, a spouse's car bought before the marriage, an old divorce.
 */
export function addDebtorTraps(
  world: DemoWorld,
  terminated: readonly CaseHandle[],
  n: (base: number) => number,
): void {
  const rng = world.rng;
  const people = terminated.filter((c) => c.debtors[0]!.kind === 'person');
  const take = (from: number, count: number) => people.slice(from, from + n(count));
  const debtorOf = (c: CaseHandle) => c.debtors[0] as Person;

  for (const c of take(30, 30)) {
    // Employed until the month before closure: the 12-month window starts with the closure month.
    const employer = world.company(c.court).name;
    const first = `${c.closed!.slice(0, 7)}-01`;
    for (let m = -12; m <= -1; m++) {
      world.add('social_insurance', {
        id_no: debtorOf(c).id,
        name: debtorOf(c).name,
        month: addMonths(first, m),
        employer,
        base: money(rng.int(3500, 9000)),
      });
    }
  }
  for (const c of take(60, 20)) {
    const fund = (date: string, status: string, balance: string) =>
      world.add('provident_fund', {
        id_no: debtorOf(c).id,
        name: debtorOf(c).name,
        account_status: status,
        balance,
        balance_date: date,
        employer: world.company(c.court).name,
      });
    fund(addDays(c.closed!, -30), '正常', money(rng.int(12000, 60000)));
    const after = addDays(c.closed!, 60);
    if (after <= world.asOf) fund(after, '封存', money(rng.int(0, 9999)));
  }
  for (const c of take(80, 15)) {
    const company = world.company(c.court);
    world.add('equity_holdings', {
      company_code: company.id,
      company_name: company.name,
      holder_id: debtorOf(c).id,
      holder_name: debtorOf(c).name,
      subscribed_amount: money(rng.int(1, 50) * 10000),
      share_ratio: '0.1',
      changed_date: addDays(c.filed, -rng.int(100, 2000)),
      freeze_status: '冻结',
    });
  }
  for (const c of take(95, 15)) {
    addUnit(world, debtorOf(c), world.unitNo(c.court), addDays(c.filed, -rng.int(300, 3000)), {
      seal: rng.chance(0.5) ? '已查封' : '轮候查封',
      court: c.court,
    });
  }
  for (const c of take(110, 15)) {
    // Sealed and seized before closure, sold at auction later: released when the buyer took it.
    const plate = world.plate(c.court);
    addVehicle(world, debtorOf(c), plate, addDays(c.filed, -rng.int(300, 2000)));
    const sealed = addDays(c.closed!, -20);
    const released = addDays(c.closed!, 200);
    addSeizure(world, plate, c.caseNo, sealed, {
      seized: addDays(sealed, 10),
      released: released <= world.asOf ? released : null,
    });
  }
  for (const c of take(125, 15)) {
    const spouse = spouseOf(world, debtorOf(c));
    const married = addDays(c.filed, -rng.int(900, 3000));
    addMarriage(world, debtorOf(c), spouse, married, '结婚');
    addVehicle(world, spouse, world.plate(c.court), addDays(married, -rng.int(30, 700)));
  }
  for (const c of take(140, 10)) {
    const ex = spouseOf(world, debtorOf(c));
    const married = addDays(c.filed, -rng.int(3000, 5000));
    addMarriage(world, debtorOf(c), ex, married, '结婚');
    addMarriage(world, debtorOf(c), ex, addDays(c.filed, -rng.int(400, 1500)), '离婚');
  }
}
