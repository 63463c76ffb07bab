/** The synthetic corpus: 40 rulings covering the forms issue 6 lists, deterministic. */
import type { ActType } from '../../src/domain/act-vocabulary.ts';
import type { ActSpec, Format, Kind, PartySpec, RulingSpec } from './compose.ts';

/** Deterministic pseudo-random numbers (mulberry32), so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid GB 11643 citizen ID (check digit computed). */
export function citizenId(region: string, birth: string, seq: number): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '');
}

/** A valid GB 32100 unified social credit code (check character computed). */
export function creditCode(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + chars.indexOf(c) * (w[i] ?? 0), 0);
  return body17 + (chars[(31 - (sum % 31)) % 31] ?? '');
}

const COURTS = [
  { court: '江西省南昌市红谷滩区人民法院', code: '赣0113', city: '南昌市', region: '360102' },
  { court: '浙江省杭州市上城区人民法院', code: '浙0102', city: '杭州市', region: '330102' },
  { court: '湖北省通城县人民法院', code: '鄂1222', city: '咸宁市', region: '421222' },
  { court: '四川省成都市武侯区人民法院', code: '川0107', city: '成都市', region: '510107' },
  { court: '山东省临沂市兰山区人民法院', code: '鲁1302', city: '临沂市', region: '371302' },
  { court: '江苏省常州市天宁区人民法院', code: '苏0402', city: '常州市', region: '320402' },
] as const;

const PERSON_NAMES = ['王某某', '刘某某', '李某', '陈某某', '赵某', '胡某林', '孙某某', '周某'];
const ORG_NAMES = [
  '江西某建材有限公司',
  '杭州某贸易有限公司',
  '某某（北京）科技有限公司',
  '成都某餐饮管理有限公司',
  '临沂某物流有限公司',
];
const CAUSES = ['民间借贷纠纷', '买卖合同纠纷', '金融借款合同纠纷', '劳务合同纠纷', '租赁合同纠纷'];
const ACT_POOL: ActType[] = [
  '网络查控',
  '不动产调查',
  '车辆调查',
  '工商调查',
  '公积金调查',
  '社保调查',
  '实地调查',
  '悬赏公告',
  '审计调查',
  '冻结',
  '查封',
  '划拨',
];

type IdForm = 'full' | 'tail' | 'mid' | 'cross' | 'none';

function person(
  r: () => number,
  name: string,
  region: string,
  form: IdForm,
  seq: number,
): PartySpec {
  const year = 1960 + Math.floor(r() * 35);
  const birth = `${year}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const id = citizenId(region, birth, seq);
  const sex = r() < 0.5 ? '男' : '女';
  const detail = `${sex}，${Number(birth.slice(0, 4))}年${Number(birth.slice(4, 6))}月${Number(birth.slice(6))}日出生，汉族，住某省某市某区某路${1 + Math.floor(r() * 200)}号`;
  const printed: Record<IdForm, [string | null, string | null]> = {
    full: [id, id],
    tail: [`${id.slice(0, 14)}××××`, `${id.slice(0, 14)}****`],
    mid: [
      `${id.slice(0, 4)}**********${id.slice(14)}`,
      `${id.slice(0, 4)}**********${id.slice(14)}`,
    ],
    cross: ['×××', null],
    none: [null, null],
  };
  const [printedId, idNo] = printed[form];
  return { name, detail, printedId, idNo };
}

function organisation(
  r: () => number,
  name: string,
  form: IdForm,
  rep: string,
  role: '法定代表人' | '负责人' | '经营者' = '法定代表人',
): PartySpec {
  const code = creditCode(
    `91${String(Math.floor(r() * 1e6)).padStart(6, '0')}MA${String(Math.floor(r() * 1e7)).padStart(7, '0')}`.slice(
      0,
      17,
    ),
  );
  const printed = form === 'full' ? code : form === 'cross' ? '×××' : null;
  return {
    name,
    detail: '住所地某省某市某区某大道88号',
    printedId: printed,
    idNo: form === 'full' ? code : null,
    rep: { role, name: rep },
  };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Variant {
  format: Format;
  kind?: Kind;
  oneLine?: boolean;
  noPeriod?: boolean;
  spaces?: boolean;
  spacedTitle?: boolean;
  noCourt?: boolean;
  actStyle?: RulingSpec['actStyle'];
  signature?: RulingSpec['signature'];
  amountStyle?: RulingSpec['amountStyle'];
  citation?: RulingSpec['citation'];
  filedTypo?: boolean;
  debtors?: number;
  orgDebtor?: boolean;
  idForm?: IdForm;
  noAmounts?: boolean;
  cents?: boolean;
}

/** The forms to cover, one variant per document (issue 6 "What real rulings look like"). */
const VARIANTS: Variant[] = [
  { format: 'txt' },
  { format: 'txt', oneLine: true, debtors: 2, orgDebtor: true },
  { format: 'txt', noPeriod: true, idForm: 'tail' },
  { format: 'txt', spaces: true, spacedTitle: true },
  { format: 'txt', amountStyle: 'fullwidth', cents: true },
  { format: 'txt', amountStyle: 'rmb', filedTypo: true },
  { format: 'txt', signature: 'cnO', noCourt: true },
  { format: 'txt', signature: 'broken', citation: 'nested' },
  { format: 'txt', actStyle: 'sitou', idForm: 'cross' },
  { format: 'txt', actStyle: 'network-sentence', citation: 'entities' },
  { format: 'txt', kind: '终结执行', debtors: 2 },
  { format: 'txt', kind: '执恢' },
  { format: 'txt', kind: '查封', actStyle: 'none' },
  { format: 'txt', amountStyle: 'wan', idForm: 'mid', orgDebtor: true, debtors: 3 },
  { format: 'txt-gbk', signature: 'cnO' },
  { format: 'txt-gbk', kind: '冻结', actStyle: 'none', noAmounts: true },
  { format: 'html-div' },
  { format: 'html-div', spaces: true, citation: 'entities', amountStyle: 'fullwidth' },
  { format: 'html-div', kind: '执恢', signature: 'cnO' },
  { format: 'html-div', actStyle: 'numbered-lines', debtors: 2, orgDebtor: true },
  { format: 'html-div', noCourt: true, spacedTitle: true, filedTypo: true },
  { format: 'html-anchor' },
  { format: 'html-anchor', kind: '终结执行', citation: 'ascii' },
  { format: 'html-anchor', actStyle: 'sitou', idForm: 'tail' },
  { format: 'html-anchor', amountStyle: 'rmb', cents: true },
  { format: 'html-p' },
  { format: 'html-p', kind: '拍卖', actStyle: 'none' },
  { format: 'html-p', noPeriod: true, orgDebtor: true, debtors: 2 },
  { format: 'html-p', actStyle: 'numbered-lines', signature: 'cnO', spacedTitle: true },
  { format: 'docx' },
  { format: 'docx', actStyle: 'numbered-lines', orgDebtor: true, debtors: 2 },
  { format: 'docx', kind: '执恢', amountStyle: 'fullwidth' },
  { format: 'docx', signature: 'cnO', idForm: 'cross', filedTypo: true },
  { format: 'pdf' },
  { format: 'pdf', orgDebtor: true, debtors: 2, amountStyle: 'fullwidth', cents: true },
  { format: 'pdf', kind: '终结执行', signature: 'cnO' },
  { format: 'png', debtors: 1 },
  { format: 'png', signature: 'cnO', amountStyle: 'rmb' },
  { format: 'png', actStyle: 'sitou', orgDebtor: true },
  { format: 'scan-pdf' },
];

/** Builds the 40 specs; every value the extractor must find is chosen here. */
export function buildSpecs(): RulingSpec[] {
  return VARIANTS.map((v, i) => {
    const r = rng(1000 + i);
    const c = COURTS[i % COURTS.length] ?? COURTS[0];
    const kind: Kind = v.kind ?? '终本';
    const year = 2018 + (i % 6);
    const filed = `${year}-${String(1 + (i % 9)).padStart(2, '0')}-${String(3 + (i % 20)).padStart(2, '0')}`;
    const idForm = v.idForm ?? (['full', 'tail', 'none'] as const)[i % 3] ?? 'full';
    const applicants = [
      person(r, PERSON_NAMES[i % PERSON_NAMES.length] ?? '王某某', c.region, 'none', 11),
    ];
    if (i % 4 === 1) applicants[0] = { ...applicants[0]!, agent: '黄某' };
    const debtors: PartySpec[] = [];
    const nDebtors = v.debtors ?? 1;
    for (let k = 0; k < nDebtors; k++) {
      if (v.orgDebtor && k === 0)
        debtors.push(
          organisation(
            r,
            ORG_NAMES[i % ORG_NAMES.length] ?? '某公司',
            idForm === 'none' ? 'full' : idForm === 'cross' ? 'cross' : 'full',
            '张某',
          ),
        );
      else
        debtors.push(
          person(
            r,
            PERSON_NAMES[(i + 3 + k) % PERSON_NAMES.length] ?? '刘某',
            c.region,
            idForm,
            21 + k,
          ),
        );
    }
    const claimBase = 10000 + Math.floor(r() * 90) * 5000;
    const claim = v.cents
      ? claimBase + 810.54
      : v.amountStyle === 'wan'
        ? Math.round(claimBase / 10000) * 10000
        : claimBase;
    const paid = i % 3 === 0 ? 0 : v.amountStyle === 'wan' ? 10000 : v.cents ? 3650 : 5000;
    const acts: ActSpec[] = [];
    const nActs = kind === '终本' ? 4 + (i % 4) : kind === '终结执行' ? 2 : kind === '执恢' ? 1 : 0;
    let d = addDays(filed, 5);
    acts.push({ type: '执行通知', date: d });
    for (let k = 1; k < nActs; k++) {
      d = addDays(d, 7 + Math.floor(r() * 20));
      acts.push({ type: ACT_POOL[(i + k * 5) % ACT_POOL.length] ?? '网络查控', date: d });
    }
    if (kind === '终本') {
      d = addDays(d, 10);
      acts.push({ type: '限制消费令', date: d }, { type: '告知申请执行人', date: addDays(d, 30) });
    }
    if (kind !== '终本' && kind !== '终结执行' && kind !== '执恢') acts.length = 0;
    const rulingDate = addDays(d, 40 + (i % 9));
    const actStyle =
      v.actStyle ??
      (kind === '查封' || kind === '冻结' || kind === '拍卖' ? 'none' : 'numbered-inline');
    const sitouActs =
      actStyle === 'sitou' || actStyle === 'network-sentence'
        ? [
            { type: '网络查控' as const, date: addDays(filed, 10) },
            { type: '限制消费令' as const, date: addDays(filed, 20) },
          ]
        : acts;
    const history =
      kind === '执恢'
        ? {
            caseNo: `（${year - 2}）${c.code}执${300 + i}号`,
            filed: `${year - 2}-03-05`,
            closed: `${year - 2}-09-01`,
          }
        : undefined;
    const spec: RulingSpec = {
      id: `${String(i + 1).padStart(2, '0')}-${kind}-${v.format}`,
      format: v.format,
      kind,
      court: v.noCourt ? null : c.court,
      city: c.city,
      caseNo: { year, code: c.code, type: kind === '执恢' ? '执恢' : '执', serial: 100 + i * 37 },
      applicants,
      debtors,
      cause: CAUSES[i % CAUSES.length] ?? '民间借贷纠纷',
      basis: {
        year: year - 1,
        code: c.code,
        type: i % 5 === 4 ? '民终' : '民初',
        serial: 1000 + i * 13,
      },
      claim: v.noAmounts || kind === '执恢' ? null : claim,
      paid: v.noAmounts || kind !== '终本' ? null : paid,
      unpaid: v.noAmounts || kind !== '终本' ? null : Math.round((claim - paid) * 100) / 100,
      amountStyle: v.amountStyle ?? 'plain',
      filedDate: kind === '执恢' ? `${year}-05-10` : filed,
      filedTypo: v.filedTypo,
      acts: sitouActs,
      actStyle,
      rulingDate,
      signature: v.signature ?? 'cn',
      citation: v.citation ?? 'angle',
      oneLine: v.oneLine,
      noPeriod: v.noPeriod,
      spaces: v.spaces,
      spacedTitle: v.spacedTitle,
      history,
    };
    return spec;
  });
}
