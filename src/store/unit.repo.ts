import type { Database } from './database.ts';

/** A procuratorate unit as stored. `courtCodes`: extra court codes mapped to it explicitly. */
export interface UnitRecord {
  id: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentId: string | null;
  regionCode: string;
  courtCodes: string[];
}

const DDL = [
  `CREATE TABLE IF NOT EXISTS units (
    id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    level VARCHAR NOT NULL,          -- province | city | county
    parent_id VARCHAR,
    region_code VARCHAR NOT NULL,    -- 6 digits, links the unit to court codes (330102 ↔ 浙0102)
    court_codes VARCHAR NOT NULL DEFAULT ''  -- extra court codes, comma-separated
  )`,
];

export async function ensureUnitSchema(db: Database): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}

interface Row extends Record<string, unknown> {
  id: string;
  name: string;
  level: string;
  parent_id: string | null;
  region_code: string;
  court_codes: string;
}

function toUnit(r: Row): UnitRecord {
  return {
    id: r.id,
    name: r.name,
    level: r.level as UnitRecord['level'],
    parentId: r.parent_id,
    regionCode: r.region_code,
    courtCodes: r.court_codes ? r.court_codes.split(',') : [],
  };
}

export async function listUnits(db: Database): Promise<UnitRecord[]> {
  const rows = await db.all<Row>(
    `SELECT id, name, level, parent_id, region_code, court_codes FROM units ORDER BY region_code, id`,
  );
  return rows.map(toUnit);
}

export async function insertUnit(db: Database, unit: UnitRecord): Promise<void> {
  await db.run(
    `INSERT INTO units (id, name, level, parent_id, region_code, court_codes) VALUES ($1, $2, $3, $4, $5, $6)`,
    [unit.id, unit.name, unit.level, unit.parentId, unit.regionCode, unit.courtCodes.join(',')],
  );
}

export async function updateUnit(db: Database, unit: UnitRecord): Promise<void> {
  await db.run(
    `UPDATE units SET name = $2, level = $3, parent_id = $4, region_code = $5, court_codes = $6 WHERE id = $1`,
    [unit.id, unit.name, unit.level, unit.parentId, unit.regionCode, unit.courtCodes.join(',')],
  );
}
