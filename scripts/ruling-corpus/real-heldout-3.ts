/**
 * Real-form rulings 29–32, a second held-out batch: act names in book-title marks
 * (`送达了《执行通知书》《报告财产令》`) and quoted systems (`“总对总”网络查控系统`) (闽), a summary of the
 * amounts with colons (`执行标的金额：…元；已执行到位金额：…元；未执行到位金额：…元`) and zero-padded
 * dates (黔), `已履行部分款项` and `剩余未执行标的额` (甘), and a 执恢 ruling with `二○二三` and
 * `立案恢复执行` (宁). Written by `scripts/make-real-rulings.ts`.
 */
import { validId } from '../../test/ingest/make-files.ts';
import { acts, born, type Case } from './real-helpers.ts';

const LAW517 =
  '依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：';
const tail = (judge: string, date: string, clerk: string): string[] => [
  '终结本次执行程序。',
  '本裁定送达后立即生效。',
  `审判员　${judge}`,
  date,
  `书记员　${clerk}`,
];

export function case29(): Case {
  const debtor = validId(3, '350102');
  const s1 = '2022年8月2日，本院向被执行人送达了《执行通知书》《报告财产令》';
  const s2 = '2022年8月3日，本院通过“总对总”网络查控系统查询被执行人名下财产，未发现可供执行的财产';
  const s3 = '2022年9月6日，本院向被执行人发出《限制消费令》';
  const content = [
    '福建省福州市鼓楼区人民法院',
    '执行裁定书',
    '（2022）闽0102执6120号',
    '申请执行人：福州某科技有限公司，住所地福建省福州市鼓楼区某路7号。',
    '法定代表人：林某，该公司总经理。',
    `被执行人：陈某某，男，${born(debtor)}出生，汉族，住福建省福州市鼓楼区，公民身份号码${debtor}。`,
    '申请执行人福州某科技有限公司与被执行人陈某某承揽合同纠纷一案，本院（2022）闽0102民初1188号民事判决书已经发生法律效力。申请执行人于2022年7月28日向本院申请执行，执行标的为人民币45,600元。',
    `${s1}。${s2}。${s3}。`,
    `本院认为，被执行人暂无可供执行的财产，${LAW517}`,
    ...tail('郑　某', '二〇二二年十月九日', '黄　某'),
  ].join('\n');
  return {
    file: 'real-29-终本-闽-book-titles-txt.txt',
    content,
    expected: {
      docType: '终本裁定',
      caseNo: '（2022）闽0102执6120号',
      court: '福建省福州市鼓楼区人民法院',
      applicants: [{ name: '福州某科技有限公司', idNo: null }],
      debtors: [{ name: '陈某某', idNo: debtor }],
      basisCaseNo: '（2022）闽0102民初1188号',
      claimAmount: 45600,
      paidAmount: null,
      unpaidAmount: null,
      filedDate: '2022-07-28',
      rulingDate: '2022-10-09',
      actions: [
        ...acts(s1, ['执行通知', '2022-08-02'], ['报告财产令', '2022-08-02']),
        ...acts(s2, ['网络查控', '2022-08-03']),
        ...acts(s3, ['限制消费令', '2022-09-06']),
      ],
    },
  };
}

export function case30(): Case {
  const applicant = validId(35, '520102');
  const s1 = '2021年03月08日，本院向被执行人发出执行通知书、报告财产令';
  const s2 = '2021年03月09日，本院通过网络执行查控系统查询，冻结并扣划被执行人银行存款';
  const content = [
    '贵州省贵阳市南明区人民法院',
    '执行裁定书',
    '（2021）黔0102执1577号',
    `申请执行人（原告）：龙某某，女，${born(applicant)}出生，苗族，住贵州省贵阳市南明区，公民身份号码${applicant}。`,
    '被执行人（被告）：贵阳某房地产开发有限公司，住所地贵州省贵阳市南明区某路18号。',
    '法定代表人：石某，该公司董事长。',
    '申请执行人龙某某与被执行人贵阳某房地产开发有限公司房屋买卖合同纠纷一案，本院（2020）黔0102民初7734号民事判决书已经发生法律效力。申请执行人于2021年03月05日向本院申请执行。',
    `${s1}。${s2}。`,
    '本案执行标的金额：52,000元；已执行到位金额：19,900元；未执行到位金额：32,100元。',
    `本院认为，被执行人暂无其他可供执行的财产，${LAW517}`,
    ...tail('杨　某', '二〇二一年五月十一日', '吴　某'),
  ].join('\n');
  return {
    file: 'real-30-终本-黔-amount-summary-txt.txt',
    content,
    expected: {
      docType: '终本裁定',
      caseNo: '（2021）黔0102执1577号',
      court: '贵州省贵阳市南明区人民法院',
      applicants: [{ name: '龙某某', idNo: applicant }],
      debtors: [{ name: '贵阳某房地产开发有限公司', idNo: null }],
      basisCaseNo: '（2020）黔0102民初7734号',
      claimAmount: 52000,
      paidAmount: 19900,
      unpaidAmount: 32100,
      filedDate: '2021-03-05',
      rulingDate: '2021-05-11',
      actions: [
        ...acts(s1, ['执行通知', '2021-03-08'], ['报告财产令', '2021-03-08']),
        ...acts(s2, ['网络查控', '2021-03-09'], ['冻结', '2021-03-09'], ['划拨', '2021-03-09']),
      ],
    },
  };
}

export function case31(): Case {
  const debtor = validId(42, '620102');
  const s1 = '2022年4月11日，本院对被执行人名下的车辆进行了查封';
  const s2 = '2022年4月25日，执行人员到被执行人住处进行调查';
  const content = [
    '甘肃省兰州市城关区人民法院',
    '执行裁定书',
    '（2022）甘0102执2468号',
    '申请执行人：兰州某商贸有限责任公司，住所地甘肃省兰州市城关区某路3号。',
    '法定代表人：马某，该公司经理。',
    `被执行人：把某某，男，${born(debtor)}出生，回族，住甘肃省兰州市城关区，公民身份号码${debtor}。`,
    '申请执行人兰州某商贸有限责任公司与被执行人把某某买卖合同纠纷一案，本院（2021）甘0102民初9900号民事判决书已经发生法律效力。申请执行人于2022年4月6日向本院申请执行，申请执行标的额为人民币68,000元。',
    `执行中，被执行人已履行部分款项人民币8,000元。${s1}。${s2}。剩余未执行标的额60,000元。`,
    `本院认为，被执行人暂无其他可供执行的财产，${LAW517}`,
    ...tail('马　某', '二〇二二年七月二十九日', '杨　某'),
  ].join('\n');
  return {
    file: 'real-31-终本-甘-partial-txt.txt',
    content,
    expected: {
      docType: '终本裁定',
      caseNo: '（2022）甘0102执2468号',
      court: '甘肃省兰州市城关区人民法院',
      applicants: [{ name: '兰州某商贸有限责任公司', idNo: null }],
      debtors: [{ name: '把某某', idNo: debtor }],
      basisCaseNo: '（2021）甘0102民初9900号',
      claimAmount: 68000,
      paidAmount: 8000,
      unpaidAmount: 60000,
      filedDate: '2022-04-06',
      rulingDate: '2022-07-29',
      actions: [...acts(s1, ['查封', '2022-04-11']), ...acts(s2, ['实地调查', '2022-04-25'])],
    },
  };
}

export function case32(): Case {
  const debtor = validId(11, '640104');
  const s1 = '2023年3月2日，本院冻结被执行人名下银行存款';
  const content = [
    '宁夏回族自治区银川市兴庆区人民法院',
    '执行裁定书',
    '（2023）宁0104执恢96号',
    '申请执行人：银川某建设工程有限公司，住所地宁夏回族自治区银川市兴庆区某街12号。',
    '法定代表人：丁某，该公司经理。',
    `被执行人：马某某，男，${born(debtor)}出生，回族，住宁夏回族自治区银川市兴庆区，公民身份号码${debtor}。`,
    '申请执行人银川某建设工程有限公司与被执行人马某某建设工程施工合同纠纷一案，本院（2021）宁0104民初3322号民事判决书已经发生法律效力。因被执行人未履行义务，申请执行人向本院申请执行，执行标的为人民币叁万元整（￥30,000.00）。本院于2022年6月10日以（2022）宁0104执1010号执行裁定终结本次执行程序。',
    `申请执行人于2023年2月27日提出恢复执行申请，本院于同日立案恢复执行。${s1}。`,
    '本院认为，申请执行人申请恢复执行符合法律规定，裁定如下：',
    '本案恢复执行。',
    '本裁定送达后立即生效。',
    '审判员　丁　某',
    '二○二三年三月六日',
    '书记员　纳　某',
  ].join('\n');
  return {
    file: 'real-32-执恢-宁-txt.txt',
    content,
    expected: {
      docType: '恢复执行',
      caseNo: '（2023）宁0104执恢96号',
      court: '宁夏回族自治区银川市兴庆区人民法院',
      applicants: [{ name: '银川某建设工程有限公司', idNo: null }],
      debtors: [{ name: '马某某', idNo: debtor }],
      basisCaseNo: '（2021）宁0104民初3322号',
      claimAmount: 30000,
      paidAmount: null,
      unpaidAmount: null,
      filedDate: '2023-02-27',
      rulingDate: '2023-03-06',
      actions: acts(s1, ['冻结', '2023-03-02']),
    },
  };
}
