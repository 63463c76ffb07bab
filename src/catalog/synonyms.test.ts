import { describe, expect, it } from 'vitest';
import { matchHeader } from '../ingest/header-match.ts';
import { matchingColumns } from '../ingest/match-columns.ts';
import { DATASETS, findDataset } from './datasets.ts';

/**
 * Headers as real exports write them, per dataset: plain and abbreviated Chinese, the field names
 * of 执行信息公开网 (names and its data's JSON keys), and the pinyin-initial column codes of court
 * and agency systems. Each maps to the column named.
 */
const REAL_HEADERS: Record<string, Record<string, string>> = {
  enforcement_cases: {
    身份证号: 'debtor_id',
    证件号: 'debtor_id',
    证照号码: 'debtor_id',
    统一代码: 'debtor_id',
    公民身份号码: 'debtor_id',
    '身份证号码/组织机构代码': 'debtor_id',
    被执行人证件号: 'debtor_id',
    BZXRZJHM: 'debtor_id',
    zjhm: 'debtor_id',
    cardNum: 'debtor_id',
    AH: 'case_no',
    ah: 'case_no',
    案件号: 'case_no',
    caseCode: 'case_no',
    JBFY: 'court',
    执行法院: 'court',
    LARQ: 'filed_date',
    立案时间: 'filed_date',
    JARQ: 'closed_date',
    JAFS: 'closure_type',
    BZXR: 'debtors',
    '被执行人姓名/名称': 'debtors',
    SQZXR: 'applicants',
    执行标的: 'target_amount',
    '执行标的（元）': 'target_amount',
    未履行金额: 'unpaid_amount',
    未履行部分: 'unpaid_amount',
    CBR: 'judge',
  },
  case_parties: {
    AH: 'case_no',
    身份证号: 'party_id',
    统一社会信用代码: 'party_id',
    ZJHM: 'party_id',
    DSRMC: 'party_name',
    SSDW: 'party_role',
  },
  case_actions: { 案件编号: 'case_no', AH: 'case_no', CSLX: 'action_type', CSRQ: 'action_date' },
  online_auctions: { 执行案号: 'case_no', 买受人证件号: 'buyer_id' },
  enforcement_payments: { AH: 'case_no', 案件号: 'case_no' },
  civil_cases: { AH: 'case_no', 原告证件号: 'plaintiff_id', 被告身份证号: 'defendant_id' },
  dishonest_debtors: {
    '身份证号码/组织机构代码': 'id_no',
    cardNum: 'id_no',
    身份证号: 'id_no',
    统一代码: 'id_no',
    caseCode: 'case_no',
    iname: 'name',
    courtName: 'court',
    gistId: 'basis_case_no',
    publishDate: 'published_date',
    areaName: 'province',
    做出执行依据单位: 'basis_issuer',
  },
  consumption_restrictions: {
    身份证号: 'id_no',
    公民身份号码: 'id_no',
    AH: 'case_no',
    统一代码: 'company_code',
  },
  vehicles: {
    车牌号: 'plate',
    HPHM: 'plate',
    身份证号: 'owner_id',
    证件号: 'owner_id',
    统一社会信用代码: 'owner_id',
  },
  vehicle_seizures: { 车牌: 'plate', HPHM: 'plate', AH: 'case_no' },
  vehicle_sightings: { 车牌号码: 'plate', hphm: 'plate' },
  real_estate: { 身份证号: 'holder_id', 证照号码: 'holder_id', 统一代码: 'holder_id' },
  equity_holdings: { 统一代码: 'company_code', 身份证号: 'holder_id', 证件号码: 'holder_id' },
  company_officers: { 统一社会信用代码: 'company_code', 身份证号: 'person_id' },
  pension_payments: { 身份证号: 'id_no', 公民身份号码: 'id_no', 社会保障号码: 'id_no' },
  provident_fund: { 身份证号: 'id_no', 证件号: 'id_no', GMSFHM: 'id_no' },
  social_insurance: { 身份证号: 'id_no', 社会保障号码: 'id_no' },
  marriages: { 男方身份证号: 'husband_id', 女方证件号: 'wife_id' },
  bank_transactions: { 身份证号: 'account_holder_id', 对方证件号: 'counterparty_id' },
  deaths: { 身份证号: 'id_no', 公民身份号码: 'id_no' },
  travel_records: { 身份证号: 'id_no', 证件号: 'id_no' },
  gambling_records: { 身份证号: 'id_no', 证照号码: 'id_no' },
  petitions: { 身份证号: 'petitioner_id', 案号: 'case_no', AH: 'case_no' },
};

describe('catalog header synonyms', () => {
  it('has real header variants for every dataset', () => {
    expect(Object.keys(REAL_HEADERS).sort()).toEqual(DATASETS.map((d) => d.name).sort());
  });

  for (const [name, headers] of Object.entries(REAL_HEADERS)) {
    it(`maps real headers of ${name}`, () => {
      const dataset = findDataset(name);
      expect(dataset).toBeDefined();
      if (!dataset) return;
      const mapped = Object.fromEntries(
        Object.keys(headers).map((h) => [h, matchHeader(dataset, h)?.name]),
      );
      expect(mapped).toEqual(headers);
    });
  }

  it('lets every synonym reach its own column (none shadowed by an earlier column)', () => {
    const shadowed = DATASETS.flatMap((d) =>
      d.columns.flatMap((c) =>
        c.synonyms
          .filter((s) => matchHeader(d, s)?.name !== c.name)
          .map((s) => `${d.name}.${c.name}: ${s} → ${matchHeader(d, s)?.name}`),
      ),
    );
    expect(shadowed).toEqual([]);
  });

  it('gives every matching column (ID, case number, plate) a plain header variant', () => {
    for (const d of DATASETS) {
      for (const c of matchingColumns(d))
        expect(c.synonyms.length, `${d.name}.${c.name}`).toBeGreaterThan(0);
    }
    expect(matchingColumns(findDataset('enforcement_cases')!).map((c) => c.name)).toEqual([
      'case_no',
      'basis_case_no',
      'debtor_id',
    ]);
  });
});
