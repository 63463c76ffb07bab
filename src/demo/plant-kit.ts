import { terminatedCase, type CaseHandle, type CaseOptions } from './cases.ts';
import type { Court } from './geography.ts';
import type { DemoWorld, Party, Person, Row } from './world.ts';

/**
 * Building blocks of planted situations: a clean 终本 case with one fresh natural-person debtor
 * (no listing, no payments, so nothing but the planted mutation can make a model fire), and
 * property, marriage and answer-file helpers.
 */
export function baseCase(
  world: DemoWorld,
  options: CaseOptions = {},
): CaseHandle & { debtor: Person } {
  const debtor = world.person();
  const handle = terminatedCase(world, {
    listing: false,
    paid: false,
    restriction: 'row',
    debtors: [debtor],
    ...options,
  });
  return { ...handle, debtor: (handle.debtors[0] as Person | undefined) ?? debtor };
}

export function addVehicle(
  world: DemoWorld,
  owner: Party,
  plate: string,
  registered: string,
  deregistered: string | null = null,
): Row {
  return world.add('vehicles', {
    plate,
    plate_type: plate.length === 8 ? '新能源小型汽车' : '小型汽车',
    model: world.rng.pick([
      '大众牌SVW7152',
      '丰田牌TV7250',
      '吉利牌MR7153',
      '比亚迪牌BYD7005',
      '本田牌HG7152',
    ]),
    owner_id: owner.id,
    owner_name: owner.name,
    registered_date: registered,
    deregistered_date: deregistered,
    status: deregistered ? '转移' : '正常',
  });
}

/** A vehicle passing from one owner to the next on `date` (two owner periods, same plate). */
export function transferVehicle(
  world: DemoWorld,
  from: Party,
  to: Party,
  plate: string,
  since: string,
  date: string,
  toRegistered: string = date,
): void {
  addVehicle(world, from, plate, since, date);
  addVehicle(world, to, plate, toRegistered);
}

const ROADS = ['文一路', '解放路', '中山路', '人民路', '江南大道', '凤起路'] as const;

export function addUnit(
  world: DemoWorld,
  holder: Party,
  unitNo: string,
  registered: string,
  options: { ended?: string | null; seal?: string | null; ownership?: string; court: Court },
): Row {
  return world.add('real_estate', {
    unit_no: unitNo,
    holder_id: holder.id,
    holder_name: holder.name,
    address: `${options.court.cityShort}市${world.rng.pick(ROADS)}${world.rng.int(1, 300)}号${world.rng.int(1, 30)}幢${world.rng.int(101, 2802)}室`,
    area: (world.rng.int(4000, 16000) / 100).toFixed(2),
    ownership_type: options.ownership ?? '单独所有',
    registered_date: registered,
    ended_date: options.ended ?? null,
    seal_status: options.seal === undefined ? '未查封' : options.seal,
    mortgage_status: world.rng.chance(0.4) ? '已抵押' : '未抵押',
  });
}

export function addSeizure(
  world: DemoWorld,
  plate: string,
  caseNo: string,
  sealed: string,
  options: { seized?: string | null; released?: string | null } = {},
): Row {
  return world.add('vehicle_seizures', {
    plate,
    case_no: caseNo,
    sealed_date: sealed,
    seized_date: options.seized ?? null,
    released_date: options.released ?? null,
  });
}

export function addMarriage(
  world: DemoWorld,
  a: Person,
  b: Person,
  date: string,
  type: '结婚' | '离婚',
): Row {
  const [husband, wife] = a.sex === '男' ? [a, b] : [b, a];
  return world.add('marriages', {
    husband_id: husband.id,
    wife_id: wife.id,
    husband_name: husband.name,
    wife_name: wife.name,
    registration_type: type,
    registered_date: date,
  });
}

/** A fresh person of the other sex, for a marriage. */
export function spouseOf(world: DemoWorld, person: Person): Person {
  return world.person({ sex: person.sex === '男' ? '女' : '男' });
}

export function hit(
  world: DemoWorld,
  modelId: string,
  caseNo: string,
  description: string,
  subject: { subjectId?: string | null; plate?: string | null } = {},
): void {
  world.plant({
    modelId,
    caseNo,
    subjectId: subject.subjectId ?? null,
    plate: subject.plate ?? null,
    kind: 'hit',
    description,
  });
}

export function nearMiss(
  world: DemoWorld,
  modelId: string,
  caseNo: string,
  description: string,
  subject: { subjectId?: string | null; plate?: string | null } = {},
): void {
  world.plant({
    modelId,
    caseNo,
    subjectId: subject.subjectId ?? null,
    plate: subject.plate ?? null,
    kind: 'near-miss',
    description,
  });
}

export type Kind = 'hit' | 'near-miss';

/** Records a planted situation on a case, its first debtor as the subject. */
export function recordCase(
  world: DemoWorld,
  kind: Kind,
  modelId: string,
  c: CaseHandle,
  text: string,
  plate: string | null = null,
): void {
  (kind === 'hit' ? hit : nearMiss)(world, modelId, c.caseNo, text, {
    subjectId: c.debtors[0]!.id,
    plate,
  });
}
