import { describe, expect, it } from 'vitest';
import { citizenIdCheckChar, isMaskedId, parseCitizenId, type CitizenId } from './citizen-id.ts';

// Examples from legal-basis.md §8.1; others computed independently with the MOD 11-2 weights.
const valid: Array<[string, Partial<CitizenId>]> = [
  [
    '11010519491231002X',
    { value: '11010519491231002X', birthDate: '1949-12-31', sex: '女', regionCode: '110105' },
  ],
  ['440524188001010014', { value: '440524188001010014', birthDate: '1880-01-01', sex: '男' }],
  ['11010519491231002x', { value: '11010519491231002X' }],
  ['  11010519491231002X\t', { value: '11010519491231002X' }],
  ['１１０１０５１９４９１２３１００２Ｘ', { value: '11010519491231002X' }],
  ['110105 19491231 002X', { value: '11010519491231002X' }],
  ['330102-19900101-1234', { value: '330102199001011234', sex: '男', birthDate: '1990-01-01' }],
  ['110105491231002', { value: '11010519491231002X', from15: true, birthDate: '1949-12-31' }],
  ['330102198802291235', { birthDate: '1988-02-29' }],
  ['33010220000229004x', { value: '33010220000229004X', sex: '女' }],
];

const masked: Array<[string, Partial<CitizenId>]> = [
  ['330102********1234', { value: '330102********1234', masked: true, regionCode: '330102' }],
  ['3301**********123X', { value: '3301**********123X', masked: true }],
  ['330102****', { value: '330102****', masked: true, regionCode: '330102' }],
  ['×××', { value: '***', masked: true }],
  ['３３０１０２＊＊＊＊＊＊＊＊１２３４', { value: '330102********1234', masked: true }],
  ['33010219900101XXXX', { value: '33010219900101****', birthDate: '1990-01-01' }],
  ['330102××××××××1234', { value: '330102********1234' }],
];

const invalid: Array<[string, string]> = [
  ['11010519491231002Y', 'id.chars'],
  ['110105194912310023', 'id.checksum'],
  ['440524188001010015', 'id.checksum'],
  ['330102199002301234', 'id.birth'],
  ['330102198902291234', 'id.birth'],
  ['110105209912310029', 'id.birth'], // born 2099: in the future
  ['1101051949123100', 'id.length'],
  ['', 'id.empty'],
  ['   ', 'id.empty'],
  ['abcdefghijklmnopqr', 'id.chars'],
  ['11010549123100A', 'id.chars'],
  ['110105491331002', 'id.birth'], // 15-digit with month 13
  ['3301********************', 'id.length'],
];

describe('parseCitizenId', () => {
  it.each(valid)('accepts %j', (input, expected) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ masked: false, ...expected });
  });

  it.each(masked)('keeps masked %j', (input, expected) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ masked: true, ...expected });
  });

  it.each(invalid)('rejects %j with %s', (input, code) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.severity).toBe('error');
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names the expected check digit without echoing the number', () => {
    const r = parseCitizenId('110105194912310023');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain('X');
      expect(r.error.message).not.toContain('110105194912310023');
    }
  });

  it('warns about an unknown province prefix but keeps the number', () => {
    const first17 = '99010519491231002';
    const r = parseCitizenId(first17 + citizenIdCheckChar(first17));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['id.region']);
  });
});

describe('citizenIdCheckChar', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['33010219900101123', '4'],
  ])('%s → %s', (first17, check) => expect(citizenIdCheckChar(first17)).toBe(check));
});

describe('isMaskedId', () => {
  it.each([
    ['330102********1234', true],
    ['×××', true],
    ['33010219900101XXXX', true],
    ['11010519491231002X', false],
    ['11010519491231002x', false],
  ])('%s → %s', (s, expected) => expect(isMaskedId(s)).toBe(expected));
});

// GB 11643 vectors: the kinds of cases other projects' ID validators test (every province, leap
// days, century boundaries, X and 0 check digits, 居住证 prefixes 81/82/83, 15-digit upgrades,
// impossible dates that still carry a correct check digit). Check digits computed for this file by
// an independent script of ISO 7064 MOD 11-2 (legal-basis.md §8.1); the numbers are synthetic.
describe('parseCitizenId: GB 11643 vectors', () => {
  it.each([
    ['110101190001010014', '1900-01-01', '男'],
    ['120102194910010026', '1949-10-01', '女'],
    ['130102197001010139', '1970-01-01', '男'],
    ['140105198002290246', '1980-02-29', '女'],
    ['150102199912310354', '1999-12-31', '男'],
    ['210102200002290464', '2000-02-29', '女'],
    ['220102200101010570', '2001-01-01', '男'],
    ['230102198711200680', '1987-11-20', '女'],
    ['310101196505150795', '1965-05-15', '男'],
    ['320102197707070809', '1977-07-07', '女'],
    ['330106198811110913', '1988-11-11', '男'],
    ['340102199208081020', '1992-08-08', '女'],
    ['350102199303031138', '1993-03-03', '男'],
    ['360102199404041249', '1994-04-04', '女'],
    ['37010219950505135X', '1995-05-05', '男'],
    ['410102199606061461', '1996-06-06', '女'],
    ['420102199707071572', '1997-07-07', '男'],
    ['430102199808081683', '1998-08-08', '女'],
    ['44010619990909179X', '1999-09-09', '男'],
    ['450102200010101808', '2000-10-10', '女'],
    ['460105200111111918', '2001-11-11', '男'],
    ['500101200212122023', '2002-12-12', '女'],
    ['510104200301312137', '2003-01-31', '男'],
    ['520102200402292242', '2004-02-29', '女'],
    ['530102200503312355', '2005-03-31', '男'],
    ['540102200604302465', '2006-04-30', '女'],
    ['610102200705312572', '2007-05-31', '男'],
    ['620102200806302682', '2008-06-30', '女'],
    ['630102200907312793', '2009-07-31', '男'],
    ['640104201008312801', '2010-08-31', '女'],
    ['650102201109302919', '2011-09-30', '男'],
    ['710000198501013023', '1985-01-01', '女'],
    ['81000019900101313X', '1990-01-01', '男'], // 港澳台居民居住证 prefixes
    ['820000199101013243', '1991-01-01', '女'],
    ['830000199201303354', '1992-01-30', '男'],
    ['440308199901101512', '1999-01-10', '男'],
    ['610104196209276908', '1962-09-27', '女'],
    ['33010219900202001X', '1990-02-02', '男'],
    ['330102199004040030', '1990-04-04', '男'],
    ['330102199012120110', '1990-12-12', '男'],
    ['33010219900315014X', '1990-03-15', '女'],
    ['330102199005170160', '1990-05-17', '女'],
    ['33010219901123022X', '1990-11-23', '女'],
    ['33010219900428027x', '1990-04-28', '男'],
  ])('%s: born %s, %s', (input, birthDate, sex) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatchObject({ value: input.toUpperCase(), birthDate, sex, masked: false });
      expect(r.warnings).toEqual([]);
    }
  });

  it.each([
    // one wrong check digit each
    '110101190001010010',
    '120102194910010020',
    '130102197001010130',
    '140105198002290240',
    '150102199912310350',
    '210102200002290460',
    '220102200101010571',
    '230102198711200681',
    '310101196505150790',
    '320102197707070800',
    '370102199505051350',
    '330102199004040031',
    '330102199002020010',
  ])('rejects the wrong check digit of %s', (input) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('id.checksum');
  });

  it.each([
    ['330102199902290015', '19990229'], // 1999 is no leap year
    ['330102190002290027', '19000229'], // nor is 1900
    ['330102202302300034', '20230230'],
    ['330102199013010044', '19901301'],
    ['330102199000010053', '19900001'],
    ['330102199001000068', '19900100'],
    ['33010219900132007X', '19900132'],
    ['330102199004310088', '19900431'],
    ['330102179912310093', '17991231'],
    ['330102209912310100', '2099-12-31'],
  ])('rejects %s: birth date %s does not exist or is in the future', (input, date) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('id.birth');
      expect(r.error.message).toContain(date);
    }
  });

  it.each([
    ['110105491231002', '11010519491231002X'],
    ['610104620927690', '610104196209276908'],
    ['330102900101123', '330102199001011234'],
    [' 330102 900101 123 ', '330102199001011234'],
    ['３３０１０２９００１０１１２３', '330102199001011234'],
  ])('upgrades the 15-digit %j to %s', (input, value) => {
    const r = parseCitizenId(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ value, from15: true });
  });

  it.each(['330102990229001', '330102901301123', '33010290010112X', '440106000229001'])(
    'rejects the 15-digit %s',
    (input) => expect(parseCitizenId(input).ok).toBe(false),
  );

  it.each(['00000019900101123X', '990101199001011230', '100000199001011233'])(
    'keeps %s with an id.region warning (no such province)',
    (input) => {
      const r = parseCitizenId(input);
      expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['id.region']);
    },
  );

  it.each([
    '\u200b11010519491231002X',
    '1101051949\u200b1231002X',
    '11010519491231002X\ufeff',
    '1101 0519 4912 3100 2X',
    '110105-19491231-002X',
  ])('strips invisible characters and separators from %j', (input) => {
    const r = parseCitizenId(input);
    expect(r.ok && r.value.value).toBe('11010519491231002X');
  });

  it.each(['000000000000000000', '111111111111111111', '123456789012345678'])(
    'rejects the placeholder %s',
    (input) => expect(parseCitizenId(input).ok).toBe(false),
  );
});
