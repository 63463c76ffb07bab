/** Hand-written documents of the corpus: non-rulings and a 终结执行 trap that recites a 终本. */
import type { ExpectedDocument, Format } from './compose.ts';

export interface OtherDocument {
  id: string;
  format: Format;
  paragraphs: string[];
  expected: Omit<ExpectedDocument, 'file'>;
}

const EMPTY = {
  court: null,
  applicants: [],
  debtors: [],
  basisCaseNo: null,
  claimAmount: null,
  paidAmount: null,
  unpaidAmount: null,
  filedDate: null,
  rulingDate: null,
  actions: [],
};

export function otherDocuments(): OtherDocument[] {
  return [
    {
      id: '41-通知书-txt',
      format: 'txt',
      paragraphs: [
        '江西省南昌市红谷滩区人民法院',
        '执行通知书',
        '（2022）赣0113执588号',
        '刘某某：',
        '申请执行人王某某与你民间借贷纠纷一案，本院作出的（2021）赣0113民初77号民事判决书已经发生法律效力。申请执行人于2022年3月1日向本院申请执行。依照《中华人民共和国民事诉讼法》第二百四十七条规定，责令你自本通知送达之日起立即履行下列义务：支付借款本金50，000元及利息。',
        '二〇二二年三月三日',
      ],
      expected: { ...EMPTY, docType: '其他', caseNo: '（2022）赣0113执588号' },
    },
    {
      id: '42-判决书-html-div',
      format: 'html-div',
      paragraphs: [
        '浙江省杭州市上城区人民法院',
        '民事判决书',
        '（2021）浙0102民初1234号',
        '原告：陈某某，男，1980年1月1日出生，汉族，住杭州市上城区。',
        '被告：杭州某贸易有限公司，住所地杭州市上城区。',
        '原告陈某某与被告杭州某贸易有限公司买卖合同纠纷一案，本院于2021年3月1日立案后，依法适用简易程序，公开开庭进行了审理。',
        '判决如下：被告杭州某贸易有限公司于本判决生效之日起十日内支付原告陈某某货款120，000元。',
        '二〇二一年六月八日',
      ],
      expected: { ...EMPTY, docType: '其他', caseNo: null },
    },
    {
      id: '43-新闻-txt',
      format: 'txt',
      paragraphs: [
        '检察机关加强终本执行监督',
        '近年来，某县检察院通过大数据模型发现终结本次执行程序案件中被执行人名下有车辆、不动产等财产的线索，督促法院恢复执行，执行款到位637.4万元。',
        '该院认为，法院在终本前应当穷尽财产调查措施。',
      ],
      expected: { ...EMPTY, docType: '其他', caseNo: null },
    },
    {
      id: '44-检察建议书-docx',
      format: 'docx',
      paragraphs: [
        '湖北省通城县人民检察院',
        '检察建议书',
        '通检民执监〔2024〕12号',
        '通城县人民法院：',
        '本院在履行法律监督职责中发现，你院办理的（2022）鄂1222执301号案件于2022年9月1日裁定终结本次执行程序，而被执行人名下有登记车辆一辆。',
        '二〇二四年五月六日',
      ],
      expected: { ...EMPTY, docType: '其他', caseNo: null },
    },
    {
      id: '45-终结执行-recital-txt',
      format: 'txt',
      paragraphs: [
        '四川省成都市武侯区人民法院',
        '执行裁定书',
        '（2020）川0107执2211号',
        '申请执行人：某某小额贷款有限公司，住所地成都市武侯区。',
        '负责人：吴某，该公司负责人。',
        '被执行人：钱某某，男，1966年2月3日出生，汉族，住成都市武侯区，公民身份号码×××。',
        '申请执行人某某小额贷款有限公司与被执行人钱某某借款合同纠纷一案，本院作出的（2019）川0107民初3456号民事判决书已经发生法律效力。申请执行人于2020年4月7日向本院申请强制执行，执行标的为286,000元。',
        '该案曾于2020年11月2日以未发现可供执行的财产为由裁定终结本次执行程序。2021年3月5日，本院通过网络执行查控系统再次查询，被执行人名下仍无财产。被执行人钱某某已于2021年2月1日死亡，无遗产可供执行，亦无义务承担人。',
        '依照《中华人民共和国民事诉讼法》第二百六十四条第三项规定，裁定如下：',
        '终结本院（2020）川0107执2211号案件的执行。',
        '本裁定送达后立即生效。',
        '审判员　赵　刚',
        '二〇二一年四月十九日',
        '书记员　何　丽',
      ],
      expected: {
        docType: '终结执行裁定',
        caseNo: '（2020）川0107执2211号',
        court: '四川省成都市武侯区人民法院',
        applicants: [{ name: '某某小额贷款有限公司', idNo: null }],
        debtors: [{ name: '钱某某', idNo: null }],
        basisCaseNo: '（2019）川0107民初3456号',
        claimAmount: 286000,
        paidAmount: null,
        unpaidAmount: null,
        filedDate: '2020-04-07',
        rulingDate: '2021-04-19',
        actions: [
          {
            type: '网络查控',
            date: '2021-03-05',
            text: '2021年3月5日，本院通过网络执行查控系统再次查询，被执行人名下仍无财产',
          },
        ],
      },
    },
  ];
}
