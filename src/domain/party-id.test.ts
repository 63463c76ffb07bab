import { describe, expect, it } from 'vitest';
import { parsePartyId, type PartyId } from './party-id.ts';

describe('parsePartyId', () => {
  it.each<[string, PartyId, string[]]>([
    ['11010519491231002X', { value: '11010519491231002X', kind: 'person', masked: false }, []],
    ['110105491231002', { value: '11010519491231002X', kind: 'person', masked: false }, []],
    ['440524188001010014', { value: '440524188001010014', kind: 'person', masked: false }, []],
    [
      '91440300123456788M',
      { value: '91440300123456788M', kind: 'organisation', masked: false },
      [],
    ],
    // All digits, but 00192203 is no birth date: a numeric USCC.
    [
      '914403001922038216',
      { value: '914403001922038216', kind: 'organisation', masked: false },
      [],
    ],
    [
      '91350100M0001TGQXM',
      { value: '91350100M0001TGQXM', kind: 'organisation', masked: false },
      ['credit-code.checksum'], // its embedded org code M0001TGQ-X is itself valid
    ],
    ['D2143569-X', { value: 'D2143569-X', kind: 'organisation', masked: false }, []],
    ['D2143569X', { value: 'D2143569-X', kind: 'organisation', masked: false }, []],
    ['330102********1234', { value: '330102********1234', kind: 'person', masked: true }, []],
    ['3301**********123X', { value: '3301**********123X', kind: 'person', masked: true }, []],
    ['91330100MA2*****XY', { value: '91330100MA2*****XY', kind: 'organisation', masked: true }, []],
    ['11010519491231002x ', { value: '11010519491231002X', kind: 'person', masked: false }, []],
  ])('%j', (input, value, warnings) => {
    const r = parsePartyId(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual(value);
      expect(r.warnings.map((w) => w.code)).toEqual(warnings);
    }
  });

  it.each([
    ['110105194912310023', 'id.checksum'], // a person's number with a typo stays a person error
    ['330102199002301234', 'id.birth'],
    ['12345', 'party-id.length'],
    ['', 'party-id.empty'],
    ['9144030012345678OM', 'party-id.format'],
  ])('rejects %j with %s', (input, code) => {
    const r = parsePartyId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });
});

describe('parsePartyId: OCR letters for digits', () => {
  it.each([
    ['l1010519491231002X', 'l→1'],
    ['L1010519491231002X', 'L→1'],
    ['I1010519491231002X', 'I→1'],
    ['|1010519491231002X', '|→1'],
    ['11010519491231OO2X', 'O→0'],
    ['11010519491231oo2x', 'o→0'],
    ['11O105l9491231002X', 'O→0、l→1'],
    ['44052418800l010014', 'l→1'],
  ])('%j stays a person, read as digits, with a warning', (input, letters) => {
    const r = parsePartyId(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.kind).toBe('person');
      expect(r.value.value).toMatch(/^\d{17}[\dX]$/);
      expect(r.warnings[0]?.code).toBe('party-id.ocr');
      expect(r.warnings[0]?.message).toContain(letters);
      expect(r.warnings[0]?.message).not.toMatch(/\d{6}/); // never echoes the number
    }
  });

  it('reports a misread ID that is still wrong as an ID error, not as an organisation', () => {
    const r = parsePartyId('l10105194912310023');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('id.checksum');
  });

  it.each(['91330201MA282UF146', '92330102L123456745', 'N2330183N123456798'])(
    'keeps the valid credit code %s (its L or N is a letter, not a digit)',
    (code) => {
      const r = parsePartyId(code);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value).toEqual({ value: code, kind: 'organisation', masked: false });
    },
  );

  it.each([
    ['000000000000000000', 'party-id.format'],
    ['\u200b11010519491231002X', undefined],
    ['11010519491231002X\ufeff', undefined],
  ])('%j', (input, code) => {
    const r = parsePartyId(input);
    if (code === undefined) {
      expect(r.ok && r.value.value).toBe('11010519491231002X');
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
  });
});
