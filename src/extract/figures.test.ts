import { describe, expect, it } from 'vitest';
import { findAmounts } from './amounts.ts';
import { findFigures, parseCapitalAmount } from './figures.ts';
import { pickAmounts } from './pick-fields.ts';

describe('parseCapitalAmount', () => {
  it.each([
    ['人民币伍万元整', 50000],
    ['壹拾贰万叁仟肆佰伍拾陆元柒角捌分', 123456.78],
    ['伍拾万元', 500000],
    ['拾万元', 100000],
    ['拾万元整', 100000],
    ['壹万零伍元', 10005],
    ['壹万零伍佰元', 10500],
    ['伍万圆整', 50000],
    ['叁仟圆', 3000],
    ['壹亿贰仟万元', 120000000],
    ['贰亿零伍拾万元', 200500000],
    ['壹仟零捌拾元伍角', 1080.5],
    ['捌佰元零伍分', 800.05],
    ['陆拾元玖分', 60.09],
    ['壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分', 1234567.89],
    ['十二万元', 120000],
    ['五千元', 5000],
    ['两万元', 20000],
    ['壹萬貳仟圓', 12000],
    ['零元', 0],
  ])('%s → %d', (text, value) => {
    expect(parseCapitalAmount(text)).toBe(value);
  });

  it.each([
    '',
    '元',
    '万元',
    '亿元',
    '整',
    '伍伍元',
    '壹拾拾元',
    '壹佰拾佰元',
    '壹万万元',
    '壹亿亿元',
    '壹千零元',
    '伍万',
    '壹佰贰拾叁',
    '壹万元伍',
    '壹万元伍角伍',
    '伍角元',
    '元伍角',
    '伍万元元',
    '50万元',
    '3万5千元',
    '伍万美元',
    '壹拾贰万叁仟肆佰伍拾陆元柒角捌分钱款',
    '人民币',
    '拾得现金',
  ])('refuses %j', (text) => {
    expect(parseCapitalAmount(text)).toBeNull();
  });
});

describe('findFigures', () => {
  const values = (text: string): number[] => findFigures(text).map((f) => f.yuan);

  it('finds Arabic and Chinese figures in order', () => {
    expect(
      values('执行标的为人民币伍万元整，已执行到位1,234,567.89元，尚欠123.4567万元。'),
    ).toEqual([50000, 1234567.89, 1234567]);
  });

  it('takes a figure restated in brackets once, in either order', () => {
    const f = findFigures('执行标的人民币50万元(伍拾万元)及利息');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ yuan: 500000, index: 4 });
    expect(f[0]?.doubt).toBeUndefined();
    expect(values('人民币伍拾万元(¥500,000.00)')).toEqual([500000]);
    expect(values('人民币伍拾万元(小写:500000元)')).toEqual([500000]);
    expect(values('人民币500,000元(大写:伍拾万元整)')).toEqual([500000]);
  });

  it('keeps the 大写 and says so when the two disagree', () => {
    const [f] = findFigures('执行标的人民币50万元(伍拾伍万元)');
    expect(f?.yuan).toBe(550000);
    expect(f?.doubt).toBe('小写金额500,000元与大写金额550,000元不一致，取大写');
  });

  it('leaves a bracket that is no restatement alone', () => {
    expect(values('人民币50万元(含利息)')).toEqual([500000]);
    expect(values('人民币50万元(另付3000元)')).toEqual([500000, 3000]);
  });

  it('reads no number from garbage or from numerals that are no amount', () => {
    expect(values('伍伍元')).toEqual([]);
    expect(values('壹拾拾元')).toEqual([]);
    expect(values('二〇二一年三月五日')).toEqual([]);
    expect(values('一案')).toEqual([]);
    expect(values('3万5千元')).toEqual([]);
    // 伍万元一案: 一 is not a fraction of the amount.
    expect(values('赔偿伍万元一案')).toEqual([50000]);
  });
});

describe('capital amounts as the ruling’s amounts', () => {
  it('labels them like Arabic ones', () => {
    const hits = findAmounts(
      '执行标的为人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分，已执行到位人民币叁仟元整，尚有壹拾贰万零肆佰伍拾陆元柒角捌分未履行。',
    );
    expect(hits.map((h) => [h.kind, h.yuan])).toEqual([
      ['claim', 123456.78],
      ['paid', 3000],
      ['unpaid', 120456.78],
    ]);
    const picked = pickAmounts(hits);
    expect(picked.unpaid).toMatchObject({ value: 120456.78, confidence: 0.98 });
  });

  it('lowers the field with the reason when 大写 and 小写 disagree, even if the sums agree', () => {
    const picked = pickAmounts(
      findAmounts('执行标的为人民币50万元(伍拾伍万元)，已执行到位5万元，尚有50万元未履行。'),
    );
    expect(picked.claim.value).toBe(550000);
    expect(picked.claim.confidence).toBe(0.5);
    expect(picked.claim.reason).toBe('执行标的小写金额500,000元与大写金额550,000元不一致，取大写');
    expect(picked.paid.confidence).toBe(0.98);
  });
});

describe('an amount derived from a doubtful one', () => {
  it('is as doubtful, and says so', () => {
    const picked = pickAmounts(
      findAmounts('执行标的为人民币50万元(伍拾伍万元)，已执行到位5万元。'),
    );
    expect(picked.unpaid).toMatchObject({ value: 500000, confidence: 0.5 });
    expect(picked.unpaid.reason).toBe(
      '文中未写明，由执行标的减到位金额推算，所据金额的大写与小写不一致',
    );
  });
});
