import { describe, expect, it } from 'vitest';
import { ACT_TYPES, isActType, liftingOf, mapActType } from './act-vocabulary.ts';

describe('act vocabulary', () => {
  it('has the 25 act types of datasets.md and 5 liftings, each mapping to itself', () => {
    expect(ACT_TYPES).toHaveLength(30);
    for (const t of ACT_TYPES) expect(mapActType(t)).toBe(t);
    expect(isActType('查封')).toBe(true);
    expect(isActType('执行通知书')).toBe(false);
  });

  it.each([
    ['执行通知书', '执行通知'],
    ['报告财产令', '报告财产令'],
    ['责令申报财产', '报告财产令'],
    ['网络执行查控', '网络查控'],
    ['总对总查询', '网络查控'],
    ['点对点查询', '网络查控'],
    ['约谈申请执行人', '告知申请执行人'],
    ['告知申请执行人终本', '告知申请执行人'],
    ['发出限制消费令', '限制消费令'],
    ['限高', '限制消费令'],
    ['纳入失信被执行人名单', '纳入失信'],
    ['终本后网络查控', '终本后查询'],
    ['终本后查询', '终本后查询'],
    ['司法拘留', '拘留'],
    ['悬赏', '悬赏公告'],
    ['审计', '审计调查'],
    ['冻结存款', '冻结'],
    ['扣划', '划拨'],
    ['划扣', '划拨'],
    ['扣划银行存款', '划拨'],
    ['冻结住房公积金', '冻结'],
    ['查询住房公积金', '公积金调查'],
    ['查询不动产登记', '不动产调查'],
    ['查封房产', '查封'],
    ['扣押车辆', '扣押'],
    ['车辆登记查询', '车辆调查'],
    ['工商登记查询', '工商调查'],
    ['养老保险查询', '社保调查'],
    ['实地调查被执行人住所', '实地调查'],
    ['网络司法拍卖', '拍卖'],
    ['以物抵债裁定', '以物抵债'],
    [' 執行通知書 ', '执行通知'],
  ])('%j → %s', (wording, expected) => expect(mapActType(wording)).toBe(expected));

  it.each([
    ['解除查封', '解除查封'],
    ['解封房产', '解除查封'],
    ['解除冻结银行存款', '解除冻结'],
    ['解冻', '解除冻结'],
    ['解除扣押车辆', '解除扣押'],
    ['撤销限制消费令', '解除限制消费'],
    ['解除限高', '解除限制消费'],
    ['撤销失信', '解除失信'],
    ['屏蔽失信信息', '解除失信'],
    ['删除失信被执行人名单信息', '解除失信'],
  ])('lifting %j → %s, never the measure', (wording, expected) => {
    expect(mapActType(wording)).toBe(expected);
  });

  it('gives the lifting type of the measures that have one', () => {
    expect(liftingOf('查封')).toBe('解除查封');
    expect(liftingOf('纳入失信')).toBe('解除失信');
    expect(liftingOf('拘留')).toBeUndefined();
  });

  it.each(['撤销拘留', '中止查封', '暂缓拍卖', '送达裁定书', '', '其他'])(
    '%j → undefined',
    (wording) => {
      expect(mapActType(wording)).toBeUndefined();
    },
  );
});
