/**
 * Real-form rulings that state amounts in Chinese numerals (大写), as many courts print the 执行标的:
 * `人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分（123,456.78元）`, `拾万元整`, `壹万零伍元`, `伍万圆整`, and a
 * 小写 figure whose 大写 restatement disagrees (the 大写 is taken, the field flagged). Written by
 * `scripts/make-real-rulings.ts`.
 */
import { validId } from '../../test/ingest/make-files.ts';
import { acts, born, type Case } from './real-helpers.ts';

export function case15(): Case {
  const debtor = validId(44, '340104');
  const s1 = '2021年7月5日，本院向被执行人发出执行通知书、报告财产令';
  const s2 =
    '2021年7月8日，本院通过网络执行查控系统查询被执行人名下财产，冻结被执行人银行存款人民币壹万零伍元，已扣划至本院账户';
  const s3 = '2021年8月12日，本院将被执行人纳入失信被执行人名单';
  const content = [
    '安徽省合肥市蜀山区人民法院',
    '执 行 裁 定 书',
    '（2021）皖0104执5127号',
    '申请执行人：合肥某建材贸易有限公司，住所地安徽省合肥市蜀山区某路9号。',
    '法定代表人：钱某，该公司经理。',
    `被执行人：鲍某某，男，${born(debtor)}出生，汉族，住安徽省合肥市蜀山区，公民身份号码${debtor}。`,
    '申请执行人合肥某建材贸易有限公司与被执行人鲍某某买卖合同纠纷一案，本院（2021）皖0104民初2233号民事判决书已经发生法律效力。申请执行人于2021年7月1日向本院申请执行，执行标的为人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分（123，456.78元）。',
    `${s1}。${s2}。${s3}。截至本裁定作出之日，已执行到位人民币壹万零伍元，尚有人民币壹拾壹万叁仟肆佰伍拾壹元柒角捌分未履行。`,
    '本院认为，本案经穷尽财产调查措施，未发现被执行人有其他可供执行的财产。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：',
    '终结本次执行程序。',
    '本裁定送达后立即生效。',
    '审判员　陶　某',
    '二〇二一年十月十九日',
    '书记员　葛　某',
  ].join('\n');
  return {
    file: 'real-15-终本-皖-capital-txt.txt',
    content,
    expected: {
      docType: '终本裁定',
      caseNo: '（2021）皖0104执5127号',
      court: '安徽省合肥市蜀山区人民法院',
      applicants: [{ name: '合肥某建材贸易有限公司', idNo: null }],
      debtors: [{ name: '鲍某某', idNo: debtor }],
      basisCaseNo: '（2021）皖0104民初2233号',
      claimAmount: 123456.78,
      paidAmount: 10005,
      unpaidAmount: 113451.78,
      filedDate: '2021-07-01',
      rulingDate: '2021-10-19',
      actions: [
        ...acts(s1, ['执行通知', '2021-07-05'], ['报告财产令', '2021-07-05']),
        ...acts(s2, ['网络查控', '2021-07-08'], ['冻结', '2021-07-08'], ['划拨', '2021-07-08']),
        ...acts(s3, ['纳入失信', '2021-08-12']),
      ],
    },
  };
}

export function case16(): Case {
  const applicant = validId(23, '360102');
  const debtor = validId(36, '360102');
  const s1 = '本院于2022年5月16日向被执行人送达执行通知书、报告财产令';
  const content = [
    '江西省南昌市东湖区人民法院',
    '执行裁定书',
    '（2022）赣0102执2045号',
    `申请执行人：熊某某，女，${born(applicant)}出生，汉族，住江西省南昌市东湖区，公民身份号码${applicant}。`,
    `被执行人：涂某某，男，${born(debtor)}出生，汉族，住江西省南昌市东湖区，公民身份号码${debtor}。`,
    '本院在执行申请执行人熊某某与被执行人涂某某民间借贷纠纷一案中，依据本院（2022）赣0102民初877号民事调解书，申请执行人于2022年5月12日向本院申请执行，执行标的为拾万元整。',
    `${s1}。执行中，双方自行达成和解协议，被执行人已履行人民币伍万圆整，申请执行人于2022年6月20日向本院提交撤回执行申请书。`,
    '本院认为，申请执行人撤回执行申请，依照《中华人民共和国民事诉讼法》第二百六十八条第一项规定，裁定如下：',
    '终结本院（2022）赣0102民初877号民事调解书的执行。',
    '本裁定送达后立即生效。',
    '审判员　胡某',
    '二〇二二年六月二十二日',
    '书记员　万某',
  ].join('\n');
  return {
    file: 'real-16-终结执行-赣-capital-txt.txt',
    content,
    expected: {
      docType: '终结执行裁定',
      caseNo: '（2022）赣0102执2045号',
      court: '江西省南昌市东湖区人民法院',
      applicants: [{ name: '熊某某', idNo: applicant }],
      debtors: [{ name: '涂某某', idNo: debtor }],
      basisCaseNo: '（2022）赣0102民初877号',
      claimAmount: 100000,
      paidAmount: 50000,
      // Not stated: claim − paid.
      unpaidAmount: 50000,
      filedDate: '2022-05-12',
      rulingDate: '2022-06-22',
      actions: acts(s1, ['执行通知', '2022-05-16'], ['报告财产令', '2022-05-16']),
    },
  };
}

export function case17(): Case {
  const debtor = validId(19, '450103');
  const p = (s: string): string =>
    `<p style="text-indent:2em;line-height:28px;font-family:仿宋_GB2312;">${s}</p>`;
  const s1 =
    '2023年2月7日，本院通过网络执行查控系统对被执行人的存款、车辆、证券、网络资金等财产进行了查询';
  const s2 = '2023年2月9日，本院对被执行人发出限制消费令';
  const html = [
    '<html><head><meta charset="utf-8"><title>广西壮族自治区南宁市青秀区人民法院 执行裁定书</title></head><body>',
    '<p style="text-align:center;font-size:22px;">广西壮族自治区南宁市青秀区人民法院</p>',
    '<p style="text-align:center;font-size:26px;">执行裁定书</p>',
    '<p style="text-align:right;">（2023）桂0103执1318号</p>',
    p('申请执行人：南宁某小额贷款有限公司，住所地广西壮族自治区南宁市青秀区某大道1号。'),
    p('法定代表人：蒙某，该公司董事长。'),
    p(
      `被执行人：韦某某，男，${born(debtor)}出生，壮族，住广西壮族自治区南宁市青秀区，公民身份号码${debtor}。`,
    ),
    p(
      '申请执行人南宁某小额贷款有限公司与被执行人韦某某借款合同纠纷一案，本院（2022）桂0103民初5521号民事判决书已经发生法律效力。申请执行人于2023年2月3日向本院申请执行，执行标的为人民币50万元（伍拾伍万元）。',
    ),
    p(`${s1}。${s2}。截至目前，已执行到位人民币伍万元整（50，000元）。`),
    p(
      '本院认为，被执行人暂无可供执行的财产，依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：',
    ),
    p('终结本次执行程序。'),
    p('本裁定送达后立即生效。'),
    '<p style="text-align:right;">审判员　黄　某</p>',
    '<p style="text-align:right;">二〇二三年五月八日</p>',
    '<p style="text-align:right;">书记员　农　某</p>',
    '</body></html>',
  ].join('\n');
  return {
    file: 'real-17-终本-桂-capital-mismatch-html.html',
    content: html,
    expected: {
      docType: '终本裁定',
      caseNo: '（2023）桂0103执1318号',
      court: '广西壮族自治区南宁市青秀区人民法院',
      applicants: [{ name: '南宁某小额贷款有限公司', idNo: null }],
      debtors: [{ name: '韦某某', idNo: debtor }],
      basisCaseNo: '（2022）桂0103民初5521号',
      // 50万元 restated as 伍拾伍万元: the 大写 is taken and the field flagged for review.
      claimAmount: 550000,
      paidAmount: 50000,
      unpaidAmount: 500000,
      filedDate: '2023-02-03',
      rulingDate: '2023-05-08',
      actions: [...acts(s1, ['网络查控', '2023-02-07']), ...acts(s2, ['限制消费令', '2023-02-09'])],
    },
  };
}
