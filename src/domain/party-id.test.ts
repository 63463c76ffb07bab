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
