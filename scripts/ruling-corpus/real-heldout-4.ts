/**
 * Real-form rulings 33–36, a third held-out batch: a court site's own page (breadcrumb above,
 * copyright below, `&emsp;` indents, `<br>` lines) (冀), a 大写 claim with 零 (`壹佰零伍万元`) and two
 * applicants (蒙), a 终结执行 on the debtor's death (辽), and a signature dated in Arabic numerals
 * with 执行员 (桂). Written by `scripts/make-real-rulings.ts`.
 */
import { validId } from '../../test/ingest/make-files.ts';
import { acts, born, type Case } from './real-helpers.ts';

const LAW517 =
  '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：';

export function case33(): Case {
  const debtor = validId(47, '130203');
  const s1 =
    '2022年10月9日，本院通过网络执行查控系统查询被执行人名下财产，冻结被执行人银行存款3,860元并已扣划';
  const s2 = '2022年10月20日，本院将被执行人纳入失信被执行人名单';
  const p = (t: string): string => `&emsp;&emsp;${t}<br>`;
  const html = [
    '<html><head><meta charset="utf-8"><title>唐山市路北区人民法院</title></head><body>',
    '<div class="nav">首页 &gt; 执行公开 &gt; 终本案件公开</div>',
    '<div class="article">',
    '<h2>河北省唐山市路北区人民法院<br>执行裁定书</h2>',
    '<p style="text-align:right">（2022）冀0203执4410号</p>',
    '<p>',
    p('申请执行人：唐山某钢铁贸易有限公司，住所地河北省唐山市路北区某道20号。'),
    p('法定代表人：齐某，该公司经理。'),
    p(
      `被执行人：任某某，男，${born(debtor)}出生，汉族，住河北省唐山市路北区，公民身份号码${debtor}。`,
    ),
    p(
      '申请执行人唐山某钢铁贸易有限公司与被执行人任某某买卖合同纠纷一案，本院（2022）冀0203民初1515号民事判决书已经发生法律效力。申请执行人于2022年9月30日向本院申请执行，执行标的为人民币93,200元。',
    ),
    p(`${s1}。${s2}。`),
    p(`本院认为，被执行人暂无其他可供执行的财产，${LAW517}`),
    p('终结本次执行程序。'),
    p('本裁定送达后立即生效。'),
    '</p>',
    '<p style="text-align:right">审判员　齐　某<br>二〇二二年十二月五日<br>书记员　任　某</p>',
    '</div>',
    '<div class="footer">版权所有：河北省唐山市路北区人民法院　技术支持：某某信息技术有限公司　冀ICP备00000000号</div>',
    '</body></html>',
  ].join('\n');
  return {
    file: 'real-33-终本-冀-court-site-html.html',
    content: html,
    expected: {
      docType: '终本裁定',
      caseNo: '（2022）冀0203执4410号',
      court: '河北省唐山市路北区人民法院',
      applicants: [{ name: '唐山某钢铁贸易有限公司', idNo: null }],
      debtors: [{ name: '任某某', idNo: debtor }],
      basisCaseNo: '（2022）冀0203民初1515号',
      claimAmount: 93200,
      paidAmount: 3860,
      unpaidAmount: 89340,
      filedDate: '2022-09-30',
      rulingDate: '2022-12-05',
      actions: [
        ...acts(s1, ['网络查控', '2022-10-09'], ['冻结', '2022-10-09'], ['划拨', '2022-10-09']),
        ...acts(s2, ['纳入失信', '2022-10-20']),
      ],
    },
  };
}

export function case34(): Case {
  const a1 = validId(2, '150102');
  const a2 = validId(4, '150102');
  const s1 = '2021年5月8日，本院向被执行人发出执行通知书、报告财产令';
  const s2 = '2021年5月10日，本院到呼和浩特市不动产登记中心查询被执行人名下房产，未发现登记信息';
  const content = [
    '内蒙古自治区呼和浩特市新城区人民法院',
    '执行裁定书',
    '（2021）内0102执1722号',
    `申请执行人：白某某，男，${born(a1)}出生，蒙古族，住内蒙古自治区呼和浩特市新城区，公民身份号码${a1}。`,
    `申请执行人：乌某某，女，${born(a2)}出生，蒙古族，住内蒙古自治区呼和浩特市新城区，公民身份号码${a2}。`,
    '被执行人：呼和浩特某乳业有限公司，住所地内蒙古自治区呼和浩特市新城区某路5号。',
    '法定代表人：其某，该公司经理。',
    '申请执行人白某某、乌某某与被执行人呼和浩特某乳业有限公司合伙协议纠纷一案，本院（2020）内0102民初3030号民事判决书已经发生法律效力。申请执行人于2021年5月6日向本院申请执行，执行标的为人民币壹佰零伍万元整。',
    `${s1}。${s2}。`,
    `本院认为，被执行人暂无可供执行的财产，${LAW517}`,
    '终结本次执行程序。',
    '本裁定送达后立即生效。',
    '审判员　其　某',
    '二〇二一年八月十六日',
    '书记员　包　某',
  ].join('\n');
  return {
    file: 'real-34-终本-蒙-two-applicants-txt.txt',
    content,
    expected: {
      docType: '终本裁定',
      caseNo: '（2021）内0102执1722号',
      court: '内蒙古自治区呼和浩特市新城区人民法院',
      applicants: [
        { name: '白某某', idNo: a1 },
        { name: '乌某某', idNo: a2 },
      ],
      debtors: [{ name: '呼和浩特某乳业有限公司', idNo: null }],
      basisCaseNo: '（2020）内0102民初3030号',
      claimAmount: 1050000,
      paidAmount: null,
      unpaidAmount: null,
      filedDate: '2021-05-06',
      rulingDate: '2021-08-16',
      actions: [
        ...acts(s1, ['执行通知', '2021-05-08'], ['报告财产令', '2021-05-08']),
        ...acts(s2, ['不动产调查', '2021-05-10']),
      ],
    },
  };
}

export function case35(): Case {
  const debtor = validId(39, '210102');
  const s1 = '2022年3月3日，本院向被执行人发出执行通知书';
  const content = [
    '辽宁省沈阳市和平区人民法院',
    '执行裁定书',
    '（2022）辽0102执2233号之一',
    '申请执行人：沈阳某物业管理有限公司，住所地辽宁省沈阳市和平区某街2号。',
    '法定代表人：关某，该公司经理。',
    `被执行人：佟某某，男，${born(debtor)}出生，满族，住辽宁省沈阳市和平区，公民身份号码${debtor}。`,
    '本院在执行申请执行人沈阳某物业管理有限公司与被执行人佟某某物业服务合同纠纷一案中，依据本院（2021）辽0102民初6161号民事判决书，申请执行人于2022年3月1日向本院申请执行，要求被执行人支付物业费人民币7,860元。',
    `${s1}。执行中查明，被执行人佟某某已于2022年5月2日死亡，无遗产可供执行，又无义务承担人。`,
    '本院认为，作为被执行人的公民死亡，无遗产可供执行，又无义务承担人，依照《中华人民共和国民事诉讼法》第二百六十八条第三项规定，裁定如下：',
    '终结本院（2021）辽0102民初6161号民事判决书的执行。',
    '本裁定送达后立即生效。',
    '审判员　关　某',
    '二〇二二年六月八日',
    '书记员　那　某',
  ].join('\n');
  return {
    file: 'real-35-终结执行-辽-death-txt.txt',
    content,
    expected: {
      docType: '终结执行裁定',
      caseNo: '（2022）辽0102执2233号之一',
      court: '辽宁省沈阳市和平区人民法院',
      applicants: [{ name: '沈阳某物业管理有限公司', idNo: null }],
      debtors: [{ name: '佟某某', idNo: debtor }],
      basisCaseNo: '（2021）辽0102民初6161号',
      claimAmount: 7860,
      paidAmount: null,
      unpaidAmount: null,
      filedDate: '2022-03-01',
      rulingDate: '2022-06-08',
      actions: acts(s1, ['执行通知', '2022-03-03']),
    },
  };
}

export function case36(): Case {
  const debtor = validId(24, '450102');
  const s1 = '2023年4月4日，本院向被执行人发出执行通知书、报告财产令';
  const s2 = '2023年4月6日，本院通过网络执行查控系统查询被执行人名下财产，未发现可供执行的财产';
  const s3 = '2023年5月15日，本院对被执行人采取限制消费措施';
  const content = [
    '广西壮族自治区南宁市兴宁区人民法院',
    '执行裁定书',
    '（2023）桂0102执1888号',
    '申请执行人：南宁某广告有限公司，住所地广西壮族自治区南宁市兴宁区某路11号。',
    '法定代表人：覃某，该公司经理。',
    `被执行人：莫某某，男，${born(debtor)}出生，壮族，住广西壮族自治区南宁市兴宁区，公民身份号码${debtor}。`,
    '申请执行人南宁某广告有限公司与被执行人莫某某广告合同纠纷一案，本院（2022）桂0102民初4646号民事判决书已经发生法律效力。申请执行人于2023年4月3日向本院申请执行，执行标的为人民币21,500元。',
    `${s1}。${s2}。${s3}。`,
    `本院认为，被执行人暂无可供执行的财产，${LAW517}`,
    '终结本次执行程序。',
    '本裁定送达后立即生效。',
    '执行员　覃　某',
    '2023年6月19日',
    '书记员　莫　某',
  ].join('\n');
  return {
    file: 'real-36-终本-桂-arabic-signature-txt.txt',
    content,
    expected: {
      docType: '终本裁定',
      caseNo: '（2023）桂0102执1888号',
      court: '广西壮族自治区南宁市兴宁区人民法院',
      applicants: [{ name: '南宁某广告有限公司', idNo: null }],
      debtors: [{ name: '莫某某', idNo: debtor }],
      basisCaseNo: '（2022）桂0102民初4646号',
      claimAmount: 21500,
      paidAmount: null,
      unpaidAmount: null,
      filedDate: '2023-04-03',
      rulingDate: '2023-06-19',
      actions: [
        ...acts(s1, ['执行通知', '2023-04-04'], ['报告财产令', '2023-04-04']),
        ...acts(s2, ['网络查控', '2023-04-06']),
        ...acts(s3, ['限制消费令', '2023-05-15']),
      ],
    },
  };
}
