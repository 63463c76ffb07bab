import { describe, expect, it } from 'vitest';
import { findActions } from './actions.ts';
import { findAmounts } from './amounts.ts';
import { findDates } from './dates.ts';
import { dropPageChrome } from './page-chrome.ts';
import { findParties } from './parties.ts';
import { pickFiledDate } from './pick-fields.ts';
import { normalizeRulingText, stripCitations } from './ruling-text.ts';
import { splitDocuments } from './split-documents.ts';

const HEAD = ['湖南省长沙市岳麓区人民法院', '执 行 裁 定 书', '（2021）湘0104执7732号'];

describe('page footers and running headers (issue 13, held-out forms)', () => {
  it('drops a footer inside a paragraph and the header of the next page of the same document', () => {
    const text = [
      ...HEAD,
      '本院于2021年9月10日向被执行人发出执行通知书、报告财产',
      '第 1 页 共 3 页',
      '湖南省长沙市岳麓区人民法院执行裁定书',
      '（2021）湘0104执7732号',
      '令；2021年9月13日冻结被执行人存款。',
      '- 2 -',
      '终结本次执行程序。',
      '第3页/共3页',
    ].join('\n');
    expect(dropPageChrome(text)).toBe(
      [
        ...HEAD,
        '本院于2021年9月10日向被执行人发出执行通知书、报告财产',
        '令；2021年9月13日冻结被执行人存款。',
        '终结本次执行程序。',
      ].join('\n'),
    );
    expect(splitDocuments(text)).toHaveLength(1);
  });

  it('drops a footer run into a line, and keeps body lines that only look alike', () => {
    expect(dropPageChrome('被执行人名下房产第2页共3页均已被查封')).toBe(
      '被执行人名下房产均已被查封',
    );
    const body = '第二页所列财产已查封。\n共计3页的清单附后。\n执行标的为5/6份额';
    expect(dropPageChrome(body)).toBe(body);
  });

  it('keeps the header after a document’s last page: it starts the next document', () => {
    const text = [
      ...HEAD,
      '终结本次执行程序。',
      '第2页共2页',
      '湖南省长沙市岳麓区人民法院',
      '执行裁定书',
      '（2021）湘0104执7733号',
      '终结本次执行程序。',
    ].join('\n');
    expect(splitDocuments(text)).toHaveLength(2);
  });
});

describe('other held-out forms', () => {
  const norm = (s: string): string => normalizeRulingText(s, 'paragraphs').text;

  it('reads dates in Chinese numerals in the body, as filing date and act dates', () => {
    const body = norm(
      '申请执行人于二〇二一年三月五日向本院申请执行。二〇二一年三月十日，本院向被执行人发出执行通知书。',
    );
    expect(findDates(body).map((d) => d.iso)).toEqual(['2021-03-05', '2021-03-10']);
    expect(pickFiledDate(body, false)?.value).toBe('2021-03-05');
    expect(findActions(body).actions.map((a) => [a.type, a.date])).toEqual([
      ['执行通知', '2021-03-10'],
    ]);
  });

  it('reads parties numbered 被执行人一/二 and 被执行人(一)', () => {
    const text = norm(
      '申请执行人：某银行。\n被执行人一：金某某，男。\n被执行人二：长春某食品有限公司。\n被执行人（三）：朴某。\n本院在执行…',
    );
    const p = findParties(text, 0, text.indexOf('本院'));
    expect(p.debtors.map((d) => d.name)).toEqual(['金某某', '长春某食品有限公司', '朴某']);
  });

  it('reads an amount marked only by ¥ or ￥, but no bare number', () => {
    const hits = findAmounts(
      norm('执行标的额：￥86,000.00元，已执行到位¥1,000.00，于2022年3月15日。'),
    );
    expect(hits.map((h) => [h.kind, h.yuan])).toEqual([
      ['claim', 86000],
      ['paid', 1000],
    ]);
  });

  it('keeps a document named in 《》 (an act) and strips a cited law', () => {
    expect(stripCitations('送达了《执行通知书》《报告财产令》')).toBe(
      '送达了《执行通知书》《报告财产令》',
    );
    expect(stripCitations('依照《中华人民共和国民事诉讼法》第二百四十七条')).toBe(
      '依照《》第二百四十七条',
    );
    expect(
      stripCitations(
        '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条',
      ),
    ).toBe('依照《》第五百一十七条');
    const acts = findActions(
      '2022年8月2日，本院向被执行人送达了《执行通知书》《报告财产令》、《限制消费令》。',
    );
    expect(acts.actions.map((a) => a.type)).toEqual(['执行通知', '报告财产令', '限制消费令']);
    expect(
      findActions('依照《最高人民法院关于限制被执行人高消费的若干规定》第一条。').actions,
    ).toEqual([]);
  });

  it('reads a summary of the amounts with colons, and 已履行部分款项', () => {
    const hits = findAmounts(
      norm(
        '执行标的金额：52,000元；已执行到位金额：19,900元；未执行到位金额：32,100元。被执行人已履行部分款项人民币8,000元。',
      ),
    );
    expect(hits.map((h) => [h.kind, h.yuan])).toEqual([
      ['claim', 52000],
      ['paid', 19900],
      ['unpaid', 32100],
      ['paid', 8000],
    ]);
  });

  it('drops a court site’s breadcrumb above the ruling', () => {
    const { text } = normalizeRulingText(
      '首页 > 执行公开 > 终本案件公开\n河北省唐山市路北区人民法院\n执行裁定书',
      'paragraphs',
    );
    expect(text).toBe('河北省唐山市路北区人民法院\n执行裁定书');
    expect(normalizeRulingText('当前位置：首页 > 文书公开\n某某', 'paragraphs').text).toBe('某某');
  });
});
