import { describe, expect, it } from 'vitest';
import { provinceUnits } from './province-units.ts';
import { courtCodeOfCaseNo, courtPrefixOf, inScope, scopeOf, unitOfCourt } from './unit-tree.ts';

const units = provinceUnits('33');

describe('unit tree and scope', () => {
  it('builds 省院 → 市院 → 基层院 for Zhejiang', () => {
    expect(units[0]).toMatchObject({ id: '330000', name: '浙江省人民检察院', level: 'province' });
    expect(units.find((u) => u.id === '330102')).toMatchObject({
      name: '杭州市上城区人民检察院',
      parentId: '330100',
      level: 'county',
    });
    expect(units.filter((u) => u.level === 'city')).toHaveLength(11);
  });

  it('maps a unit to its court-code prefix and a case number to its court code', () => {
    expect(courtPrefixOf({ level: 'province', regionCode: '330000' })).toBe('浙');
    expect(courtPrefixOf({ level: 'city', regionCode: '330100' })).toBe('浙01');
    expect(courtPrefixOf({ level: 'county', regionCode: '330102' })).toBe('浙0102');
    expect(courtCodeOfCaseNo('（2023）浙0102执1234号')).toBe('浙0102');
    expect(courtCodeOfCaseNo('(2023)浙01执恢12号')).toBe('浙01');
    expect(courtCodeOfCaseNo('（2023）浙执1号')).toBe('浙');
    expect(courtCodeOfCaseNo(null)).toBeUndefined();
  });

  it('a county sees its court; the city sees its basic and intermediate courts; not the neighbours', () => {
    const county = scopeOf(units, '330102');
    expect(county.courtPrefixes).toEqual(['浙0102']);
    expect(inScope(county, '浙0102')).toBe(true);
    expect(inScope(county, '浙0105')).toBe(false);
    expect(inScope(county, '浙01')).toBe(false);
    const city = scopeOf(units, '330100');
    expect(inScope(city, '浙01')).toBe(true);
    expect(inScope(city, '浙0105')).toBe(true);
    expect(inScope(city, '浙0203')).toBe(false);
    expect(city.unitIds).toContain('330102');
    // Province data is shared down: a county's data units include the city and the province.
    expect(county.dataUnitIds).toEqual(expect.arrayContaining(['330102', '330100', '330000']));
    expect(county.dataUnitIds).not.toContain('330105');
  });

  it('finds the unit of a court: the basic court to its county, the intermediate court to its city', () => {
    expect(unitOfCourt(units, '浙0102')?.id).toBe('330102');
    expect(unitOfCourt(units, '浙01')?.id).toBe('330100');
    expect(unitOfCourt(units, '浙')?.id).toBe('330000');
    expect(unitOfCourt(units, '苏0102')).toBeUndefined();
  });
});
