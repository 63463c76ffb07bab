import { describe, expect, it } from 'vitest';
import { classifyRuling } from './classify.ts';
import { normalizeRulingText } from './ruling-text.ts';

const classify = (text: string, type: string | null = '执'): string =>
  classifyRuling(normalizeRulingText(text, 'paragraphs').compact, type).docType;

describe('classifyRuling: the operative part decides', () => {
  it('终本: 裁定如下：终结本次执行程序, also when spaced out', () => {
    expect(classify('执行裁定书\n…依照…规定，裁定如下：\n终结本 次执行程序。\n审判员 张某')).toBe(
      '终本裁定',
    );
  });

  it('a 终结执行 ruling is not 终本 even when it recites an earlier 终本', () => {
    const text =
      '执行裁定书\n该案曾于2020年11月2日裁定终结本次执行程序。被执行人死亡。裁定如下：\n终结本院（2020）川0107执2211号案件的执行。\n审判员 赵某';
    expect(classify(text)).toBe('终结执行裁定');
  });

  it('a 执恢 ruling reciting 该案于…终结本次执行程序 is a resumption', () => {
    const text =
      '执行裁定书\n（2022）赣0113执恢12号\n该案于2020年9月1日终结本次执行程序。裁定如下：\n恢复（2020）赣0113执300号案件的执行。\n审判员 张某';
    expect(classify(text, '执恢')).toBe('恢复执行');
  });

  it('seizure, freezing and auction rulings are other enforcement rulings', () => {
    expect(classify('执行裁定书\n裁定如下：\n查封被执行人名下房产一套。\n审判员 某')).toBe(
      '其他执行裁定',
    );
    expect(classify('执 行 裁 定 书\n裁定如下：冻结被执行人名下银行存款。')).toBe('其他执行裁定');
    expect(
      classify('执行裁定书\n（2022）赣0113执恢12号\n裁定如下：拍卖被执行人的房产。', '执恢'),
    ).toBe('其他执行裁定');
  });

  it('notices, judgments and articles are not rulings', () => {
    expect(classify('执行通知书\n刘某某：…责令你履行义务。')).toBe('其他');
    expect(classify('民事判决书\n…判决如下：被告支付货款。')).toBe('其他');
    expect(classify('检察机关加强终本执行监督，终结本次执行程序案件…')).toBe('其他');
  });

  it('a ruling whose operative part was lost falls back to the body, with low confidence', () => {
    const r = classifyRuling(
      normalizeRulingText('执行裁定书\n本院裁定终结本次执行程序', 'lines').compact,
      '执',
    );
    expect(r.docType).toBe('终本裁定');
    expect(r.confidence).toBeLessThan(0.8);
  });
});
