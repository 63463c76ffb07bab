import type { DateStyle, IdMess, MoneyStyle } from './messy-values.ts';

/** How one dataset's file looks: format, encoding, header variants and value spellings. */
export interface FileLayout {
  readonly dataset: string;
  readonly file: string;
  readonly format: 'xlsx' | 'csv';
  readonly encoding?: 'utf-8' | 'utf-8-bom' | 'gbk';
  readonly sheet?: string;
  /** Column name → header written instead of the canonical label (a catalog synonym). */
  readonly headers?: Readonly<Record<string, string>>;
  /** xlsx: a merged title row above the header row. */
  readonly title?: string;
  /** xlsx: the template form (canonical header, description row, data from row 3). */
  readonly template?: boolean;
  readonly dates: DateStyle;
  readonly money: MoneyStyle;
  readonly ids?: IdMess;
  readonly dottedPlates?: boolean;
  readonly halfWidthCaseNo?: boolean;
  /** Name columns written in traditional characters in some rows. */
  readonly traditionalNames?: readonly string[];
  /** Ratios written as `35%`. */
  readonly percent?: boolean;
  /** Columns left out of the file (e.g. the importer fills 原始措施名称 itself). */
  readonly omit?: readonly string[];
}

/**
 * One file per dataset, mixing what prosecutors receive: xlsx with Excel date cells, a title row, the
 * two-row template; CSV in UTF-8 with and without BOM and in GBK; header synonyms; messy values.
 */
export const FILE_LAYOUTS: readonly FileLayout[] = [
  {
    dataset: 'enforcement_cases',
    file: '执行案件台账.xlsx',
    format: 'xlsx',
    sheet: '执行案件',
    title: '浙江省法院执行案件台账（演示数据）',
    headers: {
      case_no: '执行案号',
      target_amount: '申请执行标的',
      judge: '执行法官',
      closed_date: '结案时间',
    },
    dates: 'excel',
    money: 'number',
    ids: {},
  },
  {
    dataset: 'case_parties',
    file: '案件当事人.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    headers: { party_id: '身份证号码', party_role: '当事人地位' },
    dates: 'iso',
    money: 'plain',
    ids: { fullWidth: 0.03 },
    halfWidthCaseNo: true,
    traditionalNames: ['party_name'],
  },
  {
    dataset: 'case_actions',
    file: '执行措施记录.csv',
    format: 'csv',
    encoding: 'utf-8',
    dates: 'mixed',
    money: 'plain',
    halfWidthCaseNo: true,
    omit: ['action_wording'],
  },
  {
    dataset: 'online_auctions',
    file: '网络司法拍卖.xlsx',
    format: 'xlsx',
    dates: 'excel',
    money: 'number',
    ids: {},
  },
  {
    dataset: 'enforcement_payments',
    file: '执行款收发明细.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    dates: 'slash',
    money: 'comma',
  },
  {
    dataset: 'civil_cases',
    file: '民事案件.csv',
    format: 'csv',
    encoding: 'utf-8',
    dates: 'iso',
    money: 'wan',
    ids: {},
  },
  {
    dataset: 'dishonest_debtors',
    file: '失信被执行人名单.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    headers: { id_no: '身份证号码/组织机构代码', published_date: '发布时间' },
    dates: 'chinese',
    money: 'plain',
    ids: {},
  },
  {
    dataset: 'consumption_restrictions',
    file: '限制消费人员名单.xlsx',
    format: 'xlsx',
    headers: { published_date: '限消令日期' },
    dates: 'slash',
    money: 'plain',
    ids: {},
  },
  {
    dataset: 'vehicles',
    file: '机动车登记信息.xlsx',
    format: 'xlsx',
    headers: { plate: '车牌号', owner_id: '车主证件号码', owner_name: '车主' },
    dates: 'excel',
    money: 'plain',
    ids: { legacy: 0.15 },
    dottedPlates: true,
  },
  {
    dataset: 'vehicle_seizures',
    file: '车辆查封扣押.csv',
    format: 'csv',
    encoding: 'gbk',
    dates: 'dot',
    money: 'plain',
    halfWidthCaseNo: true,
  },
  {
    dataset: 'vehicle_sightings',
    file: '卡口过车记录.csv',
    format: 'csv',
    encoding: 'utf-8',
    headers: { seen_at: '过车时间' },
    dates: 'iso',
    money: 'plain',
    dottedPlates: true,
  },
  {
    dataset: 'real_estate',
    file: '不动产登记.xlsx',
    format: 'xlsx',
    template: true,
    dates: 'iso',
    money: 'plain',
    ids: {},
  },
  {
    dataset: 'equity_holdings',
    file: '股东及出资信息.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    headers: { share_ratio: '出资比例', subscribed_amount: '认缴出资' },
    dates: 'iso',
    money: 'wan',
    ids: {},
    percent: true,
  },
  {
    dataset: 'company_officers',
    file: '企业主要人员.csv',
    format: 'csv',
    encoding: 'utf-8',
    dates: 'iso',
    money: 'plain',
    ids: {},
  },
  {
    dataset: 'pension_payments',
    file: '养老金发放明细.xlsx',
    format: 'xlsx',
    headers: { month: '发放年月', id_no: '社会保障号码' },
    dates: 'iso',
    money: 'number',
    ids: { legacy: 0.3 },
  },
  {
    dataset: 'provident_fund',
    file: '住房公积金账户.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    dates: 'compact',
    money: 'comma',
    ids: {},
  },
  {
    dataset: 'social_insurance',
    file: '社保缴费明细.csv',
    format: 'csv',
    encoding: 'gbk',
    headers: { month: '费款所属期', employer: '参保单位' },
    dates: 'iso',
    money: 'plain',
    ids: {},
  },
  {
    dataset: 'marriages',
    file: '婚姻登记信息.xlsx',
    format: 'xlsx',
    dates: 'excel',
    money: 'plain',
    ids: { legacy: 0.1 },
  },
  {
    dataset: 'deaths',
    file: '死亡人员信息.csv',
    format: 'csv',
    encoding: 'utf-8',
    dates: 'chinese',
    money: 'plain',
    ids: {},
  },
  {
    dataset: 'travel_records',
    file: '出行记录.csv',
    format: 'csv',
    encoding: 'utf-8',
    headers: {
      id_no: '旅客证件号码',
      travel_date: '乘车日期',
      trip_no: '车次',
      seat_class: '席别',
    },
    dates: 'slash',
    money: 'plain',
    ids: { fullWidth: 0.05 },
  },
  {
    dataset: 'gambling_records',
    file: '涉赌违法犯罪记录.xlsx',
    format: 'xlsx',
    dates: 'chinese',
    money: 'yuan',
    ids: {},
  },
  {
    dataset: 'petitions',
    file: '12345及信访诉求.csv',
    format: 'csv',
    encoding: 'utf-8-bom',
    dates: 'mixed',
    money: 'plain',
    ids: {},
  },
];
