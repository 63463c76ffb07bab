/**
 * What a case's Word document says (pure): from a plain context — the case, the enforcement cases
 * it covers, the leads' findings with their evidence, the quoted articles, the recommendation row
 * when there is one — to the document's parts in the official order. The built-in layout
 * (`official-layout.ts`) and a unit's template (`unit-template.ts`) both render these parts, so
 * the wording is the same whichever is used.
 */
import type { DocumentKind, TemplatePlaceholder } from '../../domain/vocabulary.ts';
import type { TemplateData } from './unit-template.ts';

/** One enforcement case of the supervision case (a class case's table has a row for each). */
export interface EnforcementCaseFacts {
  readonly caseNo: string;
  readonly court: string | null;
  /** The debtor as the document names them: name, and the ID number masked unless revealed. */
  readonly debtor: string;
  readonly filedDate: string | null;
  readonly closedDate: string | null;
  readonly closureType: string | null;
  readonly targetAmount: string | null;
  /** The property leads found (the leads' finding sentences). */
  readonly leads: readonly string[];
}

/** A lead's finding with where its evidence is (source file and row). */
export interface Finding {
  readonly caseNo: string | null;
  readonly modelName: string;
  readonly summary: string;
  readonly evidence: readonly string[];
  /** What the model proposes to do about it, if it says. */
  readonly action: string | null;
}

export interface QuotedArticle {
  /** 《终本规定》第一条 as cited. */
  readonly title: string;
  readonly text: string;
}

export interface DocumentContext {
  readonly kind: DocumentKind;
  readonly unitName: string;
  /** The issued number; null in a draft (printed 〔　　〕号, left for the number). */
  readonly docNo: string | null;
  readonly addressee: string;
  readonly supervisionCaseNo: string;
  readonly caseKind: '个案' | '类案';
  readonly cases: readonly EnforcementCaseFacts[];
  readonly findings: readonly Finding[];
  readonly articles: readonly QuotedArticle[];
  /** The issue date YYYY-MM-DD; null in a draft. */
  readonly date: string | null;
  /** The reply deadline when issued (YYYY-MM-DD), shown after the three-month sentence. */
  readonly replyDue: string | null;
}

/** The parts of a document in the official order. */
export interface ComposedDocument {
  readonly kind: DocumentKind;
  readonly unitName: string;
  readonly title: string;
  readonly docNo: string;
  readonly addressee: string;
  readonly intro: string;
  readonly facts: readonly string[];
  readonly opinion: readonly string[];
  readonly legal: readonly string[];
  readonly recommendation: readonly string[];
  readonly reply: string;
  readonly date: string;
  /** A class case's table (every enforcement case it covers); empty for a 个案. */
  readonly table: readonly Record<string, string>[];
  /** Section headings by part, as this kind names them. */
  readonly headings: Readonly<Record<'facts' | 'opinion' | 'legal' | 'recommendation', string>>;
}

export const DRAFT_NUMBER = '〔　　〕　号';
export const REPLY_SENTENCE = '请于收到本检察建议书之日起三个月内书面回复本院。';

/** 2025-10-08 → 2025年10月8日; a draft's date is left blank for the day it is issued. */
export function chineseDate(date: string | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return '　　年　　月　　日';
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const HEADINGS: Record<DocumentKind, ComposedDocument['headings']> = {
  检察建议书: {
    facts: '一、案件基本情况',
    opinion: '二、发现的问题及证据',
    legal: '三、法律依据',
    recommendation: '四、检察建议',
  },
  线索移送函: {
    facts: '一、案件基本情况',
    opinion: '二、涉嫌犯罪的线索及证据',
    legal: '三、法律依据',
    recommendation: '四、移送意见',
  },
  审查终结报告: {
    facts: '一、案件来源及基本情况',
    opinion: '二、审查认定的事实及证据',
    legal: '三、法律依据',
    recommendation: '四、审查意见及处理建议',
  },
};

function caseFacts(c: EnforcementCaseFacts): string {
  const parts = [
    `${c.court ?? '法院'}${c.caseNo}执行案件，被执行人${c.debtor}`,
    c.filedDate ? `立案日期${chineseDate(c.filedDate)}` : '',
    c.targetAmount ? `执行标的${c.targetAmount}元` : '',
    c.closedDate
      ? `${chineseDate(c.closedDate)}以${c.closureType ?? '终结本次执行程序'}方式结案`
      : '',
  ].filter(Boolean);
  return `${parts.join('，')}。`;
}

function findingText(f: Finding, i: number): string {
  const where = f.evidence.length ? `（证据：${f.evidence.join('；')}）` : '';
  return `${i + 1}. ${f.caseNo ? `${f.caseNo}：` : ''}${f.summary}${where}`;
}

function recommendationText(ctx: DocumentContext): string[] {
  const actions = [...new Set(ctx.findings.map((f) => f.action?.trim()).filter(Boolean))];
  const n = ctx.cases.length;
  const which = n > 1 ? `上述${n}件案件` : '上述案件';
  switch (ctx.kind) {
    case '检察建议书':
      return [
        `依照《中华人民共和国民事诉讼法》及《最高人民法院、最高人民检察院关于民事执行活动法律监督若干问题的规定》的规定，建议你院：`,
        `（一）对${which}发现的财产线索依法核查，符合条件的及时恢复执行；`,
        ...actions.map((a, i) => `（${'二三四五六七八九十'[i] ?? i + 2}）${a}；`),
        `（${'二三四五六七八九十'[actions.length] ?? actions.length + 2}）加强终结本次执行程序案件的管理，规范终本结案条件的审查。`,
      ];
    case '线索移送函':
      return [
        `本院认为，${which}的被执行人有能力执行而拒不执行的嫌疑，可能涉嫌拒不执行判决、裁定罪。现将线索移送你局，请依法审查处理，并将处理结果函告本院。`,
      ];
    case '审查终结报告':
      return [
        `经审查，${which}存在终结本次执行程序后发现可供执行财产的情形，法院执行活动存在违法或不当之处，符合制发检察建议的条件。`,
        `建议：向${ctx.addressee || '相关人民法院'}制发检察建议${actions.length ? `，并${actions.join('；')}` : ''}。`,
        '以上意见妥否，请审批。',
      ];
  }
}

/** The document's parts from its context. */
export function composeDocument(ctx: DocumentContext): ComposedDocument {
  const caseNos = ctx.cases.map((c) => c.caseNo);
  const cover =
    caseNos.length > 3
      ? `${caseNos.slice(0, 3).join('、')}等${caseNos.length}件`
      : caseNos.join('、');
  const intro: Record<DocumentKind, string> = {
    检察建议书: `本院在履行民事执行法律监督职责中发现，你院办理的${cover}执行案件${ctx.caseKind === '类案' ? '存在同类问题' : '存在下列问题'}，现将有关情况及建议通报如下：`,
    线索移送函: `本院在办理${ctx.supervisionCaseNo}民事执行监督案件中，发现${cover}执行案件的被执行人涉嫌拒不执行判决、裁定犯罪的线索，现依法移送你局。有关情况如下：`,
    审查终结报告: `本院受理的${ctx.supervisionCaseNo}民事执行监督案件（${ctx.caseKind}，涉及${cover}执行案件），现已审查终结，报告如下：`,
  };
  return {
    kind: ctx.kind,
    unitName: ctx.unitName,
    title: ctx.kind,
    docNo: ctx.docNo ?? DRAFT_NUMBER,
    addressee: ctx.kind === '审查终结报告' ? '' : ctx.addressee,
    intro: intro[ctx.kind],
    facts: ctx.cases.map(caseFacts),
    opinion: ctx.findings.map(findingText),
    legal: ctx.articles.map((a) => `${a.title}：${a.text.replaceAll('\n', '')}`),
    recommendation: recommendationText(ctx),
    reply:
      ctx.kind === '检察建议书'
        ? `${REPLY_SENTENCE}${ctx.replyDue ? `（回复期限至${chineseDate(ctx.replyDue)}）` : ''}`
        : '',
    date: chineseDate(ctx.date),
    table:
      ctx.caseKind === '类案'
        ? ctx.cases.map((c, i) => ({
            序号: String(i + 1),
            案号: c.caseNo,
            被执行人: c.debtor,
            终本日期: c.closedDate ? chineseDate(c.closedDate) : '',
            财产线索: c.leads.join('；'),
          }))
        : [],
    headings: HEADINGS[ctx.kind],
  };
}

/** The template's data: each placeholder of the vocabulary, lines joined by line breaks. */
export function templateData(doc: ComposedDocument): TemplateData {
  const data: Record<Exclude<TemplatePlaceholder, '案件列表'>, string> = {
    单位名称: doc.unitName,
    文号: doc.docNo,
    主送单位: doc.addressee,
    案件事实: [doc.intro, ...doc.facts].join('\n'),
    审查意见: doc.opinion.join('\n'),
    法律依据: doc.legal.join('\n'),
    检察建议: doc.recommendation.join('\n'),
    回复期限: doc.reply,
    日期: doc.date,
  };
  return { ...data, 案件列表: [...doc.table] };
}
