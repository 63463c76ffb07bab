/**
 * The scenarios of the demo casework (see `demo-casework-plan.ts`): what each case goes through,
 * step by step, with its dates. Pure data and small builders.
 */
import type { OutcomeInput } from './outcome-rules.ts';
import type { ActKind, CaseState, ReplyAction, ReplyResult } from '../domain/vocabulary.ts';
import { addDays, addMonths } from './reply-deadline.ts';

export type DemoStep =
  | { readonly do: 'move'; readonly to: CaseState; readonly note: string }
  | { readonly do: 'act'; readonly kind: ActKind; readonly date: string; readonly note: string }
  | { readonly do: 'draft'; readonly note: string }
  | { readonly do: 'document' }
  | { readonly do: 'issue'; readonly issuedOn: string }
  | { readonly do: 'extend'; readonly note: string }
  | {
      readonly do: 'reply';
      readonly result: ReplyResult;
      readonly date: string;
      readonly actions: readonly ReplyAction[];
      readonly resumedCaseNo?: string;
      readonly note: string;
    }
  | { readonly do: 'escalate'; readonly note: string }
  | { readonly do: 'outcome'; readonly outcome: OutcomeInput };

/** Leads of one enforcement case in one county unit (a 个案), or of one model there (the 类案). */
export interface DemoGroup {
  readonly unitId: string;
  readonly courtCode: string;
  readonly leads: readonly { readonly leadId: string; readonly caseNo: string | null }[];
}

/** What a scenario makes of its group: the opening day and the steps. */
export interface ScenarioCase {
  /** What the case shows (for tests and the log). */
  readonly scenario: string;
  readonly openedOn: string;
  readonly steps: readonly DemoStep[];
}

/** A 执恢 案号 for a resumption the court reports (serials far above the demo ledger's). */
function resumedNo(g: DemoGroup, date: string, serial: number): string {
  return `（${date.slice(0, 4)}）${g.courtCode}执恢${serial}号`;
}

/** The steps up to 审查终结 with two acts, and the draft recommendation. */
function reviewed(acts: readonly [ActKind, string, string][]): DemoStep[] {
  return [
    { do: 'move', to: '调查核实', note: '受理审查，开展调查核实' },
    ...acts.map(([kind, date, note]): DemoStep => ({ do: 'act', kind, date, note })),
    { do: 'move', to: '审查终结', note: '审查终结，拟制发检察建议' },
    { do: 'draft', note: '' },
  ];
}

export type Scenario = (g: DemoGroup, on: (days: number) => string, today: string) => ScenarioCase;

const money = (amount: string, date: string, note: string): DemoStep => ({
  do: 'outcome',
  outcome: { kind: '执行到位', date, amount, note },
});

/** The 个案 scenarios, in the order leads are handed out (the essential ones first). */
export const INDIVIDUAL: readonly Scenario[] = [
  (g, on) => ({
    scenario: '结案：采纳，恢复执行，执行到位两笔',
    openedOn: on(0),
    steps: [
      ...reviewed([
        ['调阅卷宗', on(3), '调阅执行卷宗，终本前财产调查不充分'],
        ['查询银行流水', on(9), '被执行人账户终本后仍有进账'],
      ]),
      { do: 'document' },
      { do: 'issue', issuedOn: on(20) },
      {
        do: 'reply',
        result: '采纳',
        date: on(50),
        actions: ['恢复执行'],
        resumedCaseNo: resumedNo(g, on(50), 9001),
        note: '已裁定恢复执行',
      },
      money('126,500.50', on(70), '扣划被执行人银行存款'),
      money('38,000.25', on(110), '被执行人分期履行'),
      { do: 'move', to: '结案', note: '检察建议已落实，款项执行到位' },
    ],
  }),
  (_g, _on, today) => {
    const issuedOn = addMonths(addDays(today, -20), -3);
    return {
      scenario: '制发检察建议：回复期限已过（逾期未回复）',
      openedOn: addDays(issuedOn, -40),
      steps: [
        ...reviewed([
          ['调阅卷宗', addDays(issuedOn, -35), '调阅执行卷宗'],
          ['调取', addDays(issuedOn, -25), '调取不动产登记信息'],
        ]),
        { do: 'issue', issuedOn },
      ],
    };
  },
  (_g, _on, today) => {
    const issuedOn = addMonths(addDays(today, 10), -3);
    return {
      scenario: '制发检察建议：15 日内到期',
      openedOn: addDays(issuedOn, -40),
      steps: [
        ...reviewed([
          ['调阅卷宗', addDays(issuedOn, -35), '调阅执行卷宗'],
          ['询问', addDays(issuedOn, -25), '询问申请执行人'],
        ]),
        { do: 'document' },
        { do: 'issue', issuedOn },
      ],
    };
  },
  (g, on) => ({
    scenario: '结案：听证，移送刑事线索，公安立案',
    openedOn: on(8),
    steps: [
      ...reviewed([
        ['询问', on(12), '询问申请执行人'],
        ['听证', on(30), '公开听证，被执行人到场'],
      ]),
      { do: 'outcome', outcome: { kind: '听证', date: on(30), note: '公开听证' } },
      { do: 'issue', issuedOn: on(40) },
      {
        do: 'reply',
        result: '采纳',
        date: on(60),
        actions: ['恢复执行'],
        resumedCaseNo: resumedNo(g, on(60), 9002),
        note: '',
      },
      {
        do: 'outcome',
        outcome: {
          kind: '移送刑事线索',
          date: on(65),
          crime: '拒不执行判决、裁定罪',
          note: '被执行人转移财产，线索移送公安机关',
        },
      },
      {
        do: 'outcome',
        outcome: {
          kind: '公安立案',
          date: on(95),
          persons: 1,
          note: '公安机关以拒不执行判决、裁定罪立案',
        },
      },
      { do: 'move', to: '结案', note: '法院已恢复执行，刑事线索已立案' },
    ],
  }),
  (_g, on) => ({
    scenario: '跟进监督：不采纳，回复不当',
    openedOn: on(5),
    steps: [
      ...reviewed([
        ['调阅卷宗', on(7), '调阅执行卷宗'],
        ['查询银行流水', on(14), '被执行人仍有工资收入'],
      ]),
      { do: 'issue', issuedOn: on(25) },
      {
        do: 'reply',
        result: '不采纳',
        date: on(85),
        actions: [],
        note: '法院认为已穷尽财产调查措施',
      },
      { do: 'escalate', note: '回复不当：银行流水显示被执行人仍有收入（第十四条）' },
    ],
  }),
  (_g, on) => ({
    scenario: '法院回复：部分采纳，延长回复期限',
    openedOn: on(10),
    steps: [
      ...reviewed([
        ['调阅卷宗', on(12), '调阅执行卷宗'],
        ['询问', on(20), '询问执行法官'],
      ]),
      { do: 'issue', issuedOn: on(30) },
      { do: 'extend', note: '法院来函说明需核查财产线索，经院长批准延长一个月' },
      {
        do: 'reply',
        result: '部分采纳',
        date: on(125),
        actions: ['删除失信', '纠正'],
        note: '已纠正失信名单信息',
      },
    ],
  }),
  (_g, on) => ({
    scenario: '法院回复：促成执行和解',
    openedOn: on(35),
    steps: [
      ...reviewed([
        ['询问', on(40), '询问双方当事人'],
        ['调取', on(45), '调取和解协议'],
      ]),
      { do: 'issue', issuedOn: on(55) },
      {
        do: 'reply',
        result: '采纳',
        date: on(90),
        actions: ['其他'],
        note: '组织双方达成执行和解',
      },
      {
        do: 'outcome',
        outcome: { kind: '执行和解', date: on(100), amount: '80000', note: '双方达成执行和解' },
      },
    ],
  }),
  (_g, on) => ({
    scenario: '审查终结：检察建议书草稿',
    openedOn: on(60),
    steps: [
      ...reviewed([
        ['调阅卷宗', on(62), '调阅执行卷宗'],
        ['询问', on(70), '询问被执行人'],
      ]),
      { do: 'document' },
    ],
  }),
  (_g, on) => ({
    scenario: '调查核实',
    openedOn: on(95),
    steps: [
      { do: 'move', to: '调查核实', note: '受理审查，开展调查核实' },
      { do: 'act', kind: '调阅卷宗', date: on(98), note: '调阅执行卷宗' },
      { do: 'act', kind: '查询银行流水', date: on(105), note: '查询被执行人银行流水' },
    ],
  }),
  (_g, on) => ({ scenario: '受理', openedOn: on(110), steps: [] }),
  (_g, on) => ({
    scenario: '结案：审查未发现违法，不制发检察建议',
    openedOn: on(40),
    steps: [
      { do: 'move', to: '调查核实', note: '受理审查，开展调查核实' },
      { do: 'act', kind: '调阅卷宗', date: on(45), note: '调阅执行卷宗' },
      { do: 'move', to: '审查终结', note: '审查终结' },
      { do: 'move', to: '结案', note: '经审查，法院执行行为未见违法，不予监督' },
    ],
  }),
];

export const CLASS_CASE: Scenario = (g, on) => ({
  scenario: '结案：类案检察建议，采纳，恢复执行，执行到位两笔',
  openedOn: on(15),
  steps: [
    ...reviewed([
      ['调阅卷宗', on(18), `调阅 ${g.leads.length} 件执行卷宗`],
      ['调取', on(24), '调取财产查控记录'],
    ]),
    { do: 'document' },
    { do: 'issue', issuedOn: on(40) },
    {
      do: 'reply',
      result: '采纳',
      date: on(70),
      actions: ['恢复执行', '纠正'],
      resumedCaseNo: resumedNo(g, on(70), 9003),
      note: '已逐案整改',
    },
    money('52,300.10', on(90), '类案整改后执行到位'),
    money('7,699.90', on(120), '类案整改后执行到位'),
    { do: 'move', to: '结案', note: '类案检察建议已落实' },
  ],
});

/** The leads dismissed, with their reasons (DISMISS_REASONS) and notes. */
export const DISMISSALS = [
  { reason: '数据错误', note: '核对原始台账，该条记录系录入错误' },
  { reason: '已恢复执行', note: '法院已依职权恢复执行' },
  { reason: '不具备执行条件', note: '被执行人确无可供执行财产' },
] as const;
