import { describe, expect, it } from 'vitest';
import {
  courtOf,
  findCaseNumbers,
  MAX_CASE_RANGE,
  parseCaseNumber,
  type CaseNumber,
} from './case-number.ts';

const valid: Array<[string, Partial<CaseNumber>]> = [
  [
    '（2023）浙0102执1234号',
    {
      year: 2023,
      courtCode: '浙0102',
      typeCode: '执',
      serial: 1234,
      canonical: '（2023）浙0102执1234号',
    },
  ],
  ['(2023)浙0102执1234号', { canonical: '（2023）浙0102执1234号' }],
  ['（2022)浙0102执恢12号', { typeCode: '执恢', serial: 12, canonical: '（2022）浙0102执恢12号' }],
  ['(2022）浙0102执保3号', { typeCode: '执保', canonical: '（2022）浙0102执保3号' }],
  ['〔2021〕湘0181执2137号', { courtCode: '湘0181', canonical: '（2021）湘0181执2137号' }],
  ['[2020]浙01执异7号', { courtCode: '浙01', typeCode: '执异', canonical: '（2020）浙01执异7号' }],
  ['【2020】浙01执复8号', { typeCode: '执复', canonical: '（2020）浙01执复8号' }],
  ['( 2023 ) 浙 0102 执 1234 号', { canonical: '（2023）浙0102执1234号' }],
  ['（2019）浙0102执1234号之一', { suffix: '之一', canonical: '（2019）浙0102执1234号之一' }],
  ['（2019）浙0102执1234号之二', { suffix: '之二' }],
  ['（2023）浙0102执1234', { canonical: '（2023）浙0102执1234号' }],
  ['（２０２３）浙０１０２執１２３４號', { canonical: '（2023）浙0102执1234号' }],
  ['(2022)浙0102民初567号', { typeCode: '民初', serial: 567 }],
  ['(2022)浙01民终567号', { typeCode: '民终', courtCode: '浙01' }],
  ['（2023）浙0102民特9号', { typeCode: '民特' }],
  ['（2023）浙0102财保9号', { typeCode: '财保' }],
  ['（2023）浙0102行审9号', { typeCode: '行审' }],
  ['（2023）浙0102刑初9号', { typeCode: '刑初' }],
  ['（2023）浙执监5号', { courtCode: '浙', typeCode: '执监', canonical: '（2023）浙执监5号' }],
  ['（2023）内01执协5号', { courtCode: '内01', typeCode: '执协' }],
  ['（2023）浙0102执他5号', { typeCode: '执他' }],
  ['（2023）浙0102执配5号', { typeCode: '执配' }],
  [
    '（2021）最高法知民终12号',
    {
      courtCode: '最高法',
      specialCode: '知',
      typeCode: '民终',
      canonical: '（2021）最高法知民终12号',
    },
  ],
  [
    '(2015)杭西执字第00123号',
    { courtCode: '杭西', typeCode: '执', serial: 123, canonical: '（2015）杭西执123号' },
  ],
  ['（2014）甬仑执字第5号', { courtCode: '甬仑', typeCode: '执' }],
  ['（2023）豫0192执88号', { courtCode: '豫0192' }],
  ['（2023）浙0102执0001234号', { serial: 1234, canonical: '（2023）浙0102执1234号' }],
];

const invalid: Array<[string, string]> = [
  ['', 'case-number.empty'],
  ['abc', 'case-number.format'],
  ['2023浙0102执1234号', 'case-number.format'],
  ['（23）浙0102执1234号', 'case-number.format'],
  ['（1970）浙0102执1234号', 'case-number.year'],
  ['（2999）浙0102执1234号', 'case-number.year'],
  ['（2023）浙0102执0号', 'case-number.serial'],
  ['（2023）浙01021234号', 'case-number.court'],
  ['（2023）杭0102执12号', 'case-number.court'],
  ['（2023）浙0102执-12号', 'case-number.format'],
];

describe('parseCaseNumber', () => {
  it.each(valid)('parses %j', (input, expected) => {
    const r = parseCaseNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it.each(invalid)('rejects %j with %s', (input, code) => {
    const r = parseCaseNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/案号/);
    }
  });

  it('accepts an unlisted type code with a warning', () => {
    const r = parseCaseNumber('（2016）甬仑执民字第5号');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.typeCode).toBe('执民');
      expect(r.warnings.map((w) => w.code)).toEqual(['case-number.type']);
    }
  });

  it('gives every spelling of one number the same canonical form', () => {
    const spellings = [
      '(2023)浙0102执1234号',
      '（2023)浙0102执1234号',
      '〔2023〕浙0102执1234',
      ' ( 2023 )浙0102 执1234号 ',
    ];
    const canon = spellings.map((s) => {
      const r = parseCaseNumber(s);
      return r.ok ? r.value.canonical : r.error.code;
    });
    expect(new Set(canon)).toEqual(new Set(['（2023）浙0102执1234号']));
  });
});

describe('courtOf', () => {
  it.each([
    [
      '浙0102',
      { level: 'basic', provinceCode: '33', regionCode: '330102', name: '杭州市上城区人民法院' },
    ],
    [
      '湘0181',
      { level: 'basic', provinceCode: '43', regionCode: '430181', name: '浏阳市人民法院' },
    ],
    [
      '粤0703',
      { level: 'basic', provinceCode: '44', regionCode: '440703', name: '江门市蓬江区人民法院' },
    ],
    ['京0105', { level: 'basic', provinceCode: '11', name: '北京市朝阳区人民法院' }],
    [
      '浙01',
      {
        level: 'intermediate',
        provinceCode: '33',
        regionCode: '330100',
        name: '杭州市中级人民法院',
      },
    ],
    ['粤07', { level: 'intermediate', name: '江门市中级人民法院' }],
    ['京02', { level: 'intermediate', name: '北京市第二中级人民法院' }],
    ['浙', { level: 'high', provinceCode: '33', name: '浙江省高级人民法院' }],
    ['内', { level: 'high', provinceCode: '15', name: '内蒙古自治区高级人民法院' }],
    ['最高法', { level: 'supreme', name: '最高人民法院' }],
    ['沪72', { level: 'intermediate', provinceCode: '31' }],
    ['杭西', { level: 'unknown', provinceCode: '' }],
  ] as const)('%s', (code, expected) => {
    expect(courtOf(code)).toMatchObject(expected);
  });

  it('resolves an unknown development-zone code to the province only', () => {
    expect(courtOf('豫0192')).toEqual({ level: 'basic', provinceCode: '41' });
  });
});

describe('findCaseNumbers', () => {
  it('finds canonical numbers in free text, deduplicated, in order', () => {
    const text =
      '申请人不服（2023）浙0102执1234号执行裁定，依据(2022) 浙01民终 56号判决；' +
      '另见〔2023〕浙0102执1234号、（2019）浙0102执1234号之一。依据法〔2016〕373号文件。';
    expect(findCaseNumbers(text)).toEqual([
      '（2023）浙0102执1234号',
      '（2022）浙01民终56号',
      '（2019）浙0102执1234号之一',
    ]);
  });

  it('reads traditional script and returns nothing for text without numbers', () => {
    expect(findCaseNumbers('本院（2021）湘0181執2137號執行案件')).toEqual([
      '（2021）湘0181执2137号',
    ]);
    expect(findCaseNumbers('没有案号的文字')).toEqual([]);
  });
});

// Caption shapes collected from published rulings and from other projects' 案号 extractors (lists
// with 、 and ranges with - in the serial, as their patterns allow); expectations written here.
describe('findCaseNumbers: combined captions', () => {
  it.each([
    ['（2016）粤03民辖终3827、3828号', ['（2016）粤03民辖终3827号', '（2016）粤03民辖终3828号']],
    ['（2015）杭西执字第682号、第683号', ['（2015）杭西执682号', '（2015）杭西执683号']],
    ['（2015）杭西执字第682、683号', ['（2015）杭西执682号', '（2015）杭西执683号']],
    ['（2019）京0105执18775-18776号', ['（2019）京0105执18775号', '（2019）京0105执18776号']],
    [
      '（2019）京0105执18775－18777号',
      ['（2019）京0105执18775号', '（2019）京0105执18776号', '（2019）京0105执18777号'],
    ],
    [
      '（2019）京0105执18775号至18777号',
      ['（2019）京0105执18775号', '（2019）京0105执18776号', '（2019）京0105执18777号'],
    ],
    ['（2019）京0105执第5号至第6号', ['（2019）京0105执5号', '（2019）京0105执6号']],
    ['（2019）京0105执5～6号', ['（2019）京0105执5号', '（2019）京0105执6号']],
    ['（2019）京0105执5—6号', ['（2019）京0105执5号', '（2019）京0105执6号']],
    ['（2019）京0105执18775-76号', ['（2019）京0105执18775号', '（2019）京0105执18776号']],
    [
      '（2020）浙0102执100、101、102号',
      ['（2020）浙0102执100号', '（2020）浙0102执101号', '（2020）浙0102执102号'],
    ],
    ['（2020）浙0102执100号及101号', ['（2020）浙0102执100号', '（2020）浙0102执101号']],
    ['（2020）浙0102执100和101号', ['（2020）浙0102执100号', '（2020）浙0102执101号']],
    [
      '（2020）浙0102执100、102-104号',
      [
        '（2020）浙0102执100号',
        '（2020）浙0102执102号',
        '（2020）浙0102执103号',
        '（2020）浙0102执104号',
      ],
    ],
    ['（2020）浙0102执恢7、8号', ['（2020）浙0102执恢7号', '（2020）浙0102执恢8号']],
    ['（2021）最高法知民终12、13号', ['（2021）最高法知民终12号', '（2021）最高法知民终13号']],
    // suffixes: kept, and belong to the number they follow
    ['（2020）豫0192执2437号之一', ['（2020）豫0192执2437号之一']],
    ['（2020）豫0192执2437号之一执行裁定书', ['（2020）豫0192执2437号之一']],
    ['（2020）豫0192执2437号之十二', ['（2020）豫0192执2437号之十二']],
    ['（2020）豫0192执2437号之1', ['（2020）豫0192执2437号之一']],
    ['（2020）豫0192执2437、2438号之一', ['（2020）豫0192执2437号', '（2020）豫0192执2438号之一']],
    [
      '（2020）豫0192执2437号、（2020）豫0192执2437号之一',
      ['（2020）豫0192执2437号', '（2020）豫0192执2437号之一'],
    ],
    // not lists
    ['（2023）浙0102执1234号和解协议', ['（2023）浙0102执1234号']],
    ['（2023）浙0102执1234号至2024年3月', ['（2023）浙0102执1234号']],
    ['（2023）浙0102执1234号至5号', ['（2023）浙0102执1234号']], // no range runs backwards
    ['（2023）浙0102执1234号、3号楼', ['（2023）浙0102执1234号', '（2023）浙0102执3号']],
  ])('%s', (text, expected) => {
    expect(findCaseNumbers(text)).toEqual(expected);
  });

  it(`expands a range of at most ${MAX_CASE_RANGE} numbers, else keeps only its two ends`, () => {
    const full = findCaseNumbers(`（2019）京0105执1-${1 + MAX_CASE_RANGE}号`);
    expect(full).toHaveLength(MAX_CASE_RANGE + 1);
    expect(full[MAX_CASE_RANGE]).toBe(`（2019）京0105执${1 + MAX_CASE_RANGE}号`);
    expect(findCaseNumbers(`（2019）京0105执1-${2 + MAX_CASE_RANGE}号`)).toEqual([
      '（2019）京0105执1号',
      `（2019）京0105执${2 + MAX_CASE_RANGE}号`,
    ]);
    expect(findCaseNumbers('（2019）京0105执18775-187760号')).toEqual([
      '（2019）京0105执18775号',
      '（2019）京0105执187760号',
    ]);
  });
});

describe('parseCaseNumber: more spellings', () => {
  it.each([
    ['（2020）豫0192执2437号之一', '（2020）豫0192执2437号之一'],
    ['(2020)豫0192执2437号之一', '（2020）豫0192执2437号之一'],
    ['（2020）豫0192执2437之一号', '（2020）豫0192执2437号之一'],
    ['（2020）豫0192执2437号之1', '（2020）豫0192执2437号之一'],
    ['（2020）豫0192执2437号之2', '（2020）豫0192执2437号之二'],
    ['（2020）豫0192执2437号之10', '（2020）豫0192执2437号之十'],
    ['（2020）豫0192执2437号之21', '（2020）豫0192执2437号之二十一'],
    ['（2020）豫0192执2437号之十一', '（2020）豫0192执2437号之十一'],
    ['（2016）粤03民辖终3827号', '（2016）粤03民辖终3827号'],
    ['（2017）最高法民申1234号', '（2017）最高法民申1234号'],
    ['（2018）京73民初100号', '（2018）京73民初100号'],
    ['（2019）沪74民初5号', '（2019）沪74民初5号'],
    ['（2020）粤0304执恢1977号', '（2020）粤0304执恢1977号'],
    ['（2021）新40执异3号', '（2021）新40执异3号'],
    ['（2022）兵0101执12号', '（2022）兵0101执12号'],
    ['（2022）军执5号', '（2022）军执5号'],
    ['（2022）内0102执12号', '（2022）内0102执12号'],
    ['（2023）琼72执12号', '（2023）琼72执12号'],
    ['（2023）浙01执复3号', '（2023）浙01执复3号'],
    ['（2023）浙执监3号', '（2023）浙执监3号'],
    ['（2023）浙0102执保3号', '（2023）浙0102执保3号'],
    ['（2023）浙0102财保33号', '（2023）浙0102财保33号'],
    ['（2023）浙0102破申1号', '（2023）浙0102破申1号'],
    ['（2023）浙0102民初1号', '（2023）浙0102民初1号'],
    ['（2023）浙0102行初1号', '（2023）浙0102行初1号'],
    ['（2023）浙0102刑初1号', '（2023）浙0102刑初1号'],
    ['（2023）浙02民终1号', '（2023）浙02民终1号'],
    ['（2023）浙民再1号', '（2023）浙民再1号'],
    ['（ 2023 ）浙0102执1号', '（2023）浙0102执1号'],
    ['〔2023〕浙0102执1号', '（2023）浙0102执1号'],
    ['[2023]浙0102执1号', '（2023）浙0102执1号'],
    ['【2023】浙0102执1号', '（2023）浙0102执1号'],
    ['（2023）浙0102执00001号', '（2023）浙0102执1号'],
    ['（２０２３）浙０１０２执１号', '（2023）浙0102执1号'],
    ['（2023）浙0102執1號', '（2023）浙0102执1号'],
    ['（2023）粵0304執1號之一', '（2023）粤0304执1号之一'],
    ['\u200b（2023）浙0102执1号\u200b', '（2023）浙0102执1号'],
    ['（2023）浙0102\u200b执1号', '（2023）浙0102执1号'],
  ])('%j → %s', (input, canonical) => {
    const r = parseCaseNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.canonical).toBe(canonical);
  });

  it.each([
    ['（2023）浙0102执号', 'case-number.format'],
    ['（2023）浙0102执1号之', 'case-number.format'],
    ['（2023）浙0102执1号之0', 'case-number.format'],
    ['（2023）浙0102执123456789号', 'case-number.format'],
    ['（20233）浙0102执1号', 'case-number.format'],
    ['（2023浙0102执1号', 'case-number.format'],
    ['（1979）浙0102执1号', 'case-number.year'],
    ['（2023）0102执1号', 'case-number.format'],
    ['（2023）浙0102执1号号号', 'case-number.format'],
  ])('rejects %j with %s', (input, code) => {
    const r = parseCaseNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});
