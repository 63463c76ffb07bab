import { findDataset } from '../catalog/datasets.ts';
import { addDays, diffDays } from './calendar.ts';
import type { Court, Geography } from './geography.ts';
import { makeCitizenId, makeCreditCode } from './identity.ts';
import { companyName, personName } from './names.ts';
import type { Rng } from './prng.ts';

/** A row in canonical form: catalog column name → the string the importer must produce, or null. */
export type Row = Record<string, string | null>;

/** 自然人 */
export interface Person {
  readonly kind: 'person';
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: '男' | '女';
}

/** 单位: a company with its legal representative. */
export interface Company {
  readonly kind: 'company';
  readonly id: string;
  readonly name: string;
  readonly legalRep: Person;
  readonly court: Court;
}

export type Party = Person | Company;

/** One planted situation of the answer file. */
export interface Planted {
  readonly modelId: string;
  readonly caseNo: string;
  readonly subjectId: string | null;
  readonly plate: string | null;
  readonly kind: 'hit' | 'near-miss';
  readonly description: string;
}

/**
 * The generator's state: the seeded random source, the rows of every dataset, and the answer file
 * being written. Builders add rows through `add` so a wrong column name fails at once.
 */
export class DemoWorld {
  readonly tables = new Map<string, Row[]>();
  readonly planted: Planted[] = [];
  private readonly usedIds = new Set<string>();
  private readonly serials = new Map<string, number>();
  private orgSerial = 0;

  constructor(
    readonly rng: Rng,
    readonly geo: Geography,
    readonly asOf: string,
  ) {}

  /** Adds a row to a dataset; every key must be a catalog column of that dataset. */
  add(dataset: string, values: Row): Row {
    const def = findDataset(dataset);
    if (!def) throw new Error(`demo: unknown dataset ${dataset}`);
    const row: Row = {};
    for (const column of def.columns) row[column.name] = values[column.name] ?? null;
    for (const key of Object.keys(values)) {
      if (!(key in row)) throw new Error(`demo: ${dataset} has no column ${key}`);
    }
    let rows = this.tables.get(dataset);
    if (!rows) this.tables.set(dataset, (rows = []));
    rows.push(row);
    return row;
  }

  /** Removes rows (a planted mutation of a clean case). */
  remove(dataset: string, predicate: (row: Row) => boolean): void {
    const rows = this.tables.get(dataset);
    if (!rows) return;
    this.tables.set(
      dataset,
      rows.filter((r) => !predicate(r)),
    );
  }

  rows(dataset: string): Row[] {
    return this.tables.get(dataset) ?? [];
  }

  plant(entry: Planted): void {
    this.planted.push(entry);
  }

  /** A fresh person with a valid, unique ID from a county of the province. */
  person(options: { bornFrom?: number; bornTo?: number; sex?: '男' | '女' } = {}): Person {
    const rng = this.rng;
    for (;;) {
      const year = rng.int(options.bornFrom ?? 1955, options.bornTo ?? 1998);
      const birthDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const sex = options.sex ?? (rng.chance(0.5) ? '男' : '女');
      let sequence = rng.int(0, 499) * 2;
      if (sex === '男') sequence += 1;
      const id = makeCitizenId(rng.pick(this.geo.regionCodes), birthDate, sequence);
      if (this.usedIds.has(id)) continue;
      this.usedIds.add(id);
      return { kind: 'person', id, name: personName(rng), birthDate, sex };
    }
  }

  /**
   * A fresh company with a valid USCC, its officers (法定代表人, 监事) and shareholders, who are
   * fresh people that nothing else refers to.
   */
  company(court: Court = this.rng.pick(this.geo.basicCourts)): Company {
    this.orgSerial += 1;
    const body = String(31_000_000 + this.orgSerial * 7919 + this.rng.int(0, 7000)).slice(-8);
    const id = makeCreditCode(court.regionCode, body);
    if (this.usedIds.has(id)) return this.company(court);
    this.usedIds.add(id);
    const legalRep = this.person({ bornFrom: 1960, bornTo: 1992 });
    const company: Company = {
      kind: 'company',
      id,
      name: companyName(this.rng, court.cityShort),
      legalRep,
      court,
    };
    const supervisor = this.person();
    this.add('company_officers', {
      company_code: id,
      company_name: company.name,
      person_id: legalRep.id,
      person_name: legalRep.name,
      position: '法定代表人',
    });
    this.add('company_officers', {
      company_code: id,
      company_name: company.name,
      person_id: supervisor.id,
      person_name: supervisor.name,
      position: '监事',
    });
    const founded = this.date('2008-01-01', '2018-12-28');
    const capital = this.rng.pick([500_000, 1_000_000, 2_000_000, 5_000_000]);
    this.add('equity_holdings', {
      company_code: id,
      company_name: company.name,
      holder_id: legalRep.id,
      holder_name: legalRep.name,
      subscribed_amount: money(capital * 0.6),
      share_ratio: '0.6',
      changed_date: founded,
      freeze_status: '未冻结',
    });
    this.add('equity_holdings', {
      company_code: id,
      company_name: company.name,
      holder_id: supervisor.id,
      holder_name: supervisor.name,
      subscribed_amount: money(capital * 0.4),
      share_ratio: '0.4',
      changed_date: founded,
      freeze_status: '未冻结',
    });
    return company;
  }

  /** A canonical case number `（2023）浙0102执1234号`, unique per court, year and type. */
  caseNo(court: Court, year: number, type: string): string {
    const key = `${court.code}|${year}|${type}`;
    const next = (this.serials.get(key) ?? this.rng.int(100, 900)) + this.rng.int(1, 9);
    this.serials.set(key, next);
    return `（${year}）${court.code}${type}${next}号`;
  }

  /** A random date in [from, to] whose day of month is ≤ 28 (see calendar.addMonths). */
  date(from: string, to: string): string {
    const span = diffDays(to, from);
    if (span < 0) throw new Error(`demo: empty date range ${from}..${to}`);
    for (;;) {
      const d = addDays(from, this.rng.int(0, span));
      if (Number(d.slice(8)) <= 28) return d;
      if (span < 3) return from;
    }
  }

  /** A unique 5-character plate tail after the city prefix (`浙A` + `3K7Q2`). */
  plate(court: Court, newEnergy = false): string {
    const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
    for (;;) {
      let tail = '';
      for (let i = 0; i < 5; i++) {
        tail +=
          i < 3 || this.rng.chance(0.8) ? String(this.rng.int(0, 9)) : this.rng.pick([...letters]);
      }
      const plate = newEnergy ? `${court.platePrefix}D${tail}` : `${court.platePrefix}${tail}`;
      if (this.usedIds.has(plate)) continue;
      this.usedIds.add(plate);
      return plate;
    }
  }

  /** A unique real-estate unit number (不动产单元号, 28 chars in real life; shortened form). */
  unitNo(court: Court): string {
    for (;;) {
      const no = `${court.regionCode}${String(this.rng.int(1, 999)).padStart(3, '0')}${String(this.rng.int(1, 999)).padStart(3, '0')}GB${String(this.rng.int(1, 99999)).padStart(5, '0')}F${String(this.rng.int(1, 9999)).padStart(8, '0')}`;
      if (this.usedIds.has(no)) continue;
      this.usedIds.add(no);
      return no;
    }
  }
}

/** Yuan as the importer's canonical money string: 2 decimals. */
export function money(yuan: number): string {
  return (Math.round(yuan * 100) / 100).toFixed(2);
}

export function partyType(party: Party): string {
  return party.kind === 'person' ? '自然人' : '法人';
}
