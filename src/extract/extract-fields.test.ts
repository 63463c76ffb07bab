import { describe, expect, it } from 'vitest';
import { badId, validId } from '../../test/ingest/make-files.ts';
import { findActions } from './actions.ts';
import { findAmounts } from './amounts.ts';
import { findChineseDates, findDates } from './dates.ts';
import { extractFields } from './extract-fields.ts';
import { findParties, normaliseId } from './parties.ts';
import { normalizeRulingText, stripCitations } from './ruling-text.ts';

const norm = (s: string): string => normalizeRulingText(s, 'paragraphs').text;

describe('normalisation', () => {
  it('removes spaces inside Chinese, folds width and radicals, joins split amounts', () => {
    expect(norm('红谷 滩区　终结本 次执行程序')).toBe('红谷滩区终结本次执行程序');
    expect(norm('（２０２１）赣０１１３执１２号')).toBe('(2021)赣0113执12号');
    expect(norm('⼈⺠法院')).toBe('人民法院');
    expect(norm('400， 000元')).toBe('400,000元');
  });

  it('joins visual lines that do not end a sentence (PDF, OCR)', () => {
    expect(normalizeRulingText('统一社会信用代\n码915。\n下一段', 'lines').text).toBe(
      '统一社会信用代码915。\n下一段',
    );
  });

  it('strips nested citations, <…> and &lt;…&gt;', () => {
    expect(
      stripCitations(
        '依照《最高人民法院关于适用《中华人民共和国民事诉讼法》的解释》和《限制消费规定》',
      ),
    ).toBe('依照《》和《》');
    expect(stripCitations(norm('依照《关于适用&lt;民事诉讼法&gt;的解释》'))).toBe('依照《》');
    expect(stripCitations('a < b')).toBe('a < b');
  });
});

describe('dates', () => {
  it('reads body dates with the 号 typo and signature dates in Chinese numerals with Ｏ', () => {
    expect(findDates('于2021年1月14号向本院').map((d) => d.iso)).toEqual(['2021-01-14']);
    expect(
      findChineseDates(normalizeRulingText('二Ｏ一八年六月十二日', 'paragraphs').compact).map(
        (d) => d.iso,
      ),
    ).toEqual(['2018-06-12']);
    expect(findChineseDates('二〇二一年十二月三十一日').map((d) => d.iso)).toEqual(['2021-12-31']);
    expect(findDates('2021年2月30日')).toEqual([]);
  });

  it('reads a signature date broken into single characters', () => {
    const doc = extractFields({
      file: 'x',
      text: '执行裁定书\n裁定如下：\n终结本次执行程序。\n二\n〇\n一\n九\n年\n三\n月\n五\n日',
      layout: 'paragraphs',
      ocr: false,
    });
    expect(doc.rulingDate).toBe('2019-03-05');
  });
});

describe('amounts', () => {
  it('labels claim, paid and unpaid in their common wordings', () => {
    const hits = findAmounts(
      norm(
        '执行标的为人民币3650.00元。已执行0元，尚有55，810.54元未执行到位。未履行金额为12.5万元。案件受理费300元。',
      ),
    );
    expect(hits.map((h) => [h.kind, h.yuan])).toEqual([
      ['claim', 3650],
      ['paid', 0],
      ['unpaid', 55810.54],
      ['unpaid', 125000],
    ]);
    expect(
      findAmounts(norm('执行标的：本金100000元及利息。')).map((h) => [h.kind, h.yuan]),
    ).toEqual([['claim', 100000]]);
  });
});

describe('parties', () => {
  it('takes applicants and debtors, not 法定代表人 or agents, with masked IDs', () => {
    const text = norm(
      '申请执行人：王某某，男，住南昌市。\n委托诉讼代理人：李某，律师。\n被执行人：江西某公司，住所地南昌市，统一社会信用代码×××。\n法定代表人：张某，总经理。\n被执行人：刘某某，男，公民身份号码36010219800101××××。\n本院在执行…',
    );
    const p = findParties(text, 0, text.indexOf('本院'));
    expect(p.applicants).toEqual([{ name: '王某某', idNo: null }]);
    expect(p.debtors).toEqual([
      { name: '江西某公司', idNo: null },
      { name: '刘某某', idNo: '36010219800101****' },
    ]);
  });

  it('reads an entry broken mid-line, noise after a spaced name, grouped and unlabelled IDs', () => {
    const [a, b] = [validId(3, '420111'), validId(4, '420111')];
    const text = norm(
      `申请执行人：武汉某某建筑劳\n务有限公司，住所地武汉市。\n被执行人：李某 ?? ，男，公民身份号码 ${a.slice(0, 6)} ${a.slice(6, 14)} ${a.slice(14)}。\n被执行人：周某\uE00A，女，${b}，住武汉市。\n本院在执行…`,
    );
    const p = findParties(text, 0, text.indexOf('本院'));
    expect(p.applicants).toEqual([{ name: '武汉某某建筑劳务有限公司', idNo: null }]);
    expect(p.debtors).toEqual([
      { name: '李某', idNo: a },
      { name: '周某', idNo: b },
    ]);
    // An unlabelled number is taken only when its check digit holds.
    const wrong = badId(4);
    const q = findParties(norm(`被执行人：周某，女，${wrong}。\n本院在执行…`), 0, 20);
    expect(q.debtors[0]?.idNo).toBeNull();
  });

  it('treats OCR-read X masks as masks', () => {
    expect(normaliseId('33010219650626XXXX')).toBe('33010219650626****');
    expect(normaliseId('×××')).toBeNull();
    expect(normaliseId('91360100MA35XXXX1K')).toBe('91360100MA35XXXX1K');
    expect(normaliseId('36010219800101123x')).toBe('36010219800101123X');
  });
});

describe('acts', () => {
  it('reads numbered acts with their dates and one-sentence forms', () => {
    const { actions: acts } = findActions(
      norm(
        '本院依法采取了以下措施：1.2021年1月20日，向被执行人发出执行通知书、报告财产令；2.2021年3月2日，向南昌市不动产登记中心查询。本院于2021年4月1日经通过四查，未发现财产。',
      ),
    );
    expect(acts.map((a) => [a.type, a.date])).toEqual([
      ['执行通知', '2021-01-20'],
      ['报告财产令', '2021-01-20'],
      ['不动产调查', '2021-03-02'],
      ['网络查控', '2021-04-01'],
    ]);
    expect(acts[2]?.text).toBe('2021年3月2日,向南昌市不动产登记中心查询');
  });

  it('reads lifting a measure as the lifting, never as the measure', () => {
    const { actions: acts } = findActions(
      norm('2021年5月1日，解除对被执行人名下房产的查封；2021年5月2日，冻结被执行人存款。'),
    );
    expect(acts.map((a) => [a.type, a.date])).toEqual([
      ['解除查封', '2021-05-01'],
      ['冻结', '2021-05-02'],
    ]);
  });

  it('does not read a cited law as an act', () => {
    expect(
      findActions(norm('依照《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条规定'))
        .actions,
    ).toEqual([]);
  });
});

describe('acts that did not happen (issue 13)', () => {
  const types = (s: string): string[] => findActions(norm(s)).actions.map((a) => a.type);

  it('drops negated and planned acts and says why; a lifting is its own type', () => {
    expect(types('因未实际扣押，暂不具备处置条件')).toEqual([]);
    expect(types('本院没有对被执行人采取拘留措施')).toEqual([]);
    expect(types('本院不予拘留')).toEqual([]);
    expect(types('本院暂不拍卖该房产')).toEqual([]);
    expect(types('解除对被执行人王某纳入失信被执行人名单')).toEqual(['解除失信']);
    expect(types('撤销对被执行人的限制消费令，并屏蔽其失信信息')).toEqual([
      '解除限制消费',
      '解除失信',
    ]);
    // No lifting type for 拘留: the mention is left out and listed.
    const released = findActions(norm('本院决定撤销对被执行人的拘留'));
    expect(released.actions).toEqual([]);
    expect(released.skipped[0]).toContain('拘留（解除');
    expect(types('申请执行人申请拍卖被执行人的车辆')).toEqual([]);
    expect(types('申请执行人申请对被执行人的法定代表人予以拘留')).toEqual([]);
    expect(types('本院拟对该房产进行拍卖')).toEqual([]);
    const found = findActions(norm('因车辆尚未扣押，暂不处置'));
    expect(found.skipped[0]).toContain('扣押（否定');
  });

  it('reads no act into a description, another court, a pause or 不宜/不得', () => {
    expect(types('经查，未发现被执行人名下有可供查封的不动产')).toEqual([]);
    expect(types('被执行人名下无可供扣押的车辆')).toEqual([]);
    expect(types('被执行人名下有可供拍卖的房产一处')).toEqual([]);
    expect(types('被执行人名下车辆已被其他法院查封')).toEqual([]);
    expect(types('本院决定暂缓拍卖')).toEqual([]);
    expect(types('该房产不宜拍卖')).toEqual([]);
    expect(types('因被执行人系未成年人，依法不得纳入失信被执行人名单')).toEqual([]);
  });

  it('reads liftings after the measure and in one word (删除, 移出, 解封, 解冻)', () => {
    expect(types('本院将被执行人从失信被执行人名单中删除')).toEqual(['解除失信']);
    expect(types('本院将被执行人移出失信被执行人名单')).toEqual(['解除失信']);
    expect(types('本院对该房产予以解封，对该账户予以解冻')).toEqual(['解除查封', '解除冻结']);
  });

  it('keeps acts done on a request and acts after a description with 未', () => {
    expect(types('依申请执行人申请查封被执行人房产')).toEqual(['查封']);
    expect(types('本院对未履行义务的被执行人发出限制消费令')).toEqual(['限制消费令']);
  });

  it('reads acts in other words, and two dates before one act as two acts', () => {
    expect(types('将被执行人纳入限制高消费及失信人员名单')).toEqual(['限制消费令', '纳入失信']);
    expect(types('执行人员前往被执行人住所地调查')).toEqual(['实地调查']);
    expect(types('对被执行人发出限制消费令，并纳入失信人员名单')).toEqual([
      '限制消费令',
      '纳入失信',
    ]);
    expect(types('责令被执行人报告财产状况')).toEqual(['报告财产令']);
    expect(types('被执行人未向本院申报财产')).toEqual(['报告财产令']);
    expect(types('被执行人拒不申报财产')).toEqual(['报告财产令']);
    expect(types('向被执行人送达财产申报表')).toEqual(['报告财产令']);
    expect(types('对被执行人住所进行了现场调查')).toEqual(['实地调查']);
    expect(types('对被执行人发出限消令')).toEqual(['限制消费令']);
    const acts = findActions(
      norm('2020年12月3日，2021年1月14号，通过网络查控系统查询，冻结存款'),
    ).actions;
    expect(acts.map((a) => [a.type, a.date])).toEqual([
      ['网络查控', '2020-12-03'],
      ['网络查控', '2021-01-14'],
      ['冻结', '2021-01-14'],
    ]);
  });
});

describe('confidence reasons (issue 13)', () => {
  const doc = (text: string) =>
    extractFields({ file: 'x', text, layout: 'paragraphs', ocr: false });

  it('derives the third amount and says so; disagreeing amounts are doubtful', () => {
    const derived = doc(
      '执行裁定书\n本院在执行过程中，执行标的为50万元，已执行到位10万元。\n裁定如下：终结本次执行程序。',
    );
    expect(derived.unpaidAmount).toBe(400000);
    expect(derived.reasons.unpaidAmount).toContain('推算');
    const wrong = doc(
      '执行裁定书\n本院在执行过程中，执行标的为500元，已执行到位100元，尚有300元未履行。\n裁定如下：终结本次执行程序。',
    );
    expect(wrong.confidence.claimAmount).toBeLessThan(0.8);
    expect(wrong.reasons.claimAmount).toContain('≠');
    expect(wrong.confidence.paidAmount).toBeLessThan(0.8);
    expect(wrong.confidence.unpaidAmount).toBeLessThan(0.8);
  });

  it('derives the claim from paid + unpaid, less surely; paid above the claim is doubtful', () => {
    const claim = doc(
      '执行裁定书\n本院在执行过程中，被执行人已履行10，000元，尚欠40，000元。\n裁定如下：终结本次执行程序。',
    );
    expect(claim.claimAmount).toBe(50000);
    expect(claim.confidence.claimAmount).toBeLessThan(0.8);
    expect(claim.reasons.claimAmount).toContain('推算');
    const over = doc(
      '执行裁定书\n本院在执行过程中，执行标的为500元，已执行到位800元。\n裁定如下：终结本次执行程序。',
    );
    expect(over.unpaidAmount).toBeNull();
    expect(over.confidence.paidAmount).toBeLessThan(0.8);
    expect(over.reasons.claimAmount).toContain('大于执行标的');
  });

  it('reads a claim after 执行标的：给付…, and money taken as the paid amount', () => {
    const d = doc(
      '执行裁定书\n本院在执行过程中，执行标的：给付货款人民币123，456元及利息。扣划被执行人银行存款1，500元。\n裁定如下：终结本次执行程序。',
    );
    expect([d.claimAmount, d.paidAmount, d.unpaidAmount]).toEqual([123456, 1500, 121956]);
  });

  it('doubts a party name with left-over noise', () => {
    const d = doc(
      '执行裁定书\n被执行人：李某#3，男。\n本院在执行过程中。\n裁定如下：终结本次执行程序。',
    );
    expect(d.confidence.debtors).toBeLessThan(0.8);
    expect(d.reasons.debtors).toContain('异常字符');
  });

  it('cuts a stray signature off the court and names a missing court', () => {
    const glued = doc(
      '书记员王芳河南省郑州市中原区人民法院\n执行裁定书\n裁定如下：终结本次执行程序。',
    );
    expect(glued.court).toBe('河南省郑州市中原区人民法院');
    const dated = doc(
      '二〇二一年三月五日湖北省武汉市江岸区人民法院\n执行裁定书\n裁定如下：终结本次执行程序。',
    );
    expect(dated.court).toBe('湖北省武汉市江岸区人民法院');
    expect(dated.reasons.court).toContain('落款日期');
    const none = doc('执行裁定书\n裁定如下：终结本次执行程序。');
    expect(none.court).toBeNull();
    expect(none.reasons.court).toBe('文首未识别出法院名称');
    expect(none.confidence.court).toBeLessThan(0.8);
  });
});
