import { describe, expect, it } from 'vitest';
import { articleNumber, legalArticles, resolveReference } from './articles.ts';

describe('legal articles', () => {
  it('converts article labels to numbers', () => {
    expect(articleNumber('第二百四十六条')).toBe(246);
    expect(articleNumber('第十条')).toBe(10);
    expect(articleNumber('第一百一十四条')).toBe(114);
    expect(articleNumber('第29条')).toBe(29);
  });

  it('parses the shipped legal-basis copy into documents and articles', () => {
    const docs = legalArticles();
    expect(
      docs.get('民诉法')?.some((a) => a.article === '第二百四十六条' && a.level === 'V1'),
    ).toBe(true);
    expect(docs.get('终本规定')?.map((a) => a.article)).toEqual(['第一条', '第二条', '第九条']);
  });

  it('labels an article as its document numbers it, and its text does not repeat the number', () => {
    const docs = [...legalArticles().values()].flat();
    for (const a of docs) {
      // `财产调查规定第十六条：第十六条…` was how a citation read: the number belongs to the label only.
      expect(a.text, `${a.doc}${a.article}`).not.toMatch(
        /^\s*(第[零一二三四五六七八九十百\d]+条|\d+\.)/,
      );
    }
    const sixteen = resolveReference('财产调查规定 第十六条');
    expect(typeof sixteen === 'string' ? sixteen : sixteen.article.article).toBe('第十六条');
    const numbered = resolveReference('执行规定 第29条');
    expect(typeof numbered === 'string' ? numbered : numbered.article.article).toBe('第29条');
    const whole = resolveReference('养老金复函 全文');
    expect(typeof whole === 'string' ? whole : whole.article.article).toBe('全文');
  });

  it('resolves references and names what is unknown', () => {
    const ok = resolveReference('终本规定 第一条（三）');
    expect(typeof ok === 'string' ? ok : ok.article.text).toContain('已穷尽财产调查措施');
    expect(resolveReference('终本规定 第一条（九）')).toMatch(/没有第（九）项/);
    expect(resolveReference('终本规定 第三条')).toMatch(/没有终本规定第三条/);
    expect(resolveReference('某规定 第一条')).toMatch(/文件“某规定”未知/);
    expect(resolveReference('第一条')).toMatch(/格式不对/);
    const whole = resolveReference('养老金复函 全文');
    expect(typeof whole === 'string' ? whole : whole.article.text).toContain('养老金');
  });
});
