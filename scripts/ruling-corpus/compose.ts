/**
 * Composes the text of a synthetic enforcement ruling from a spec, and the JSON the extractor must
 * produce for it. The expected values come from the spec, never from the extractor.
 */
import type { ActType } from '../../src/domain/act-vocabulary.ts';

export interface PartySpec {
  name: string;
  /** Role-specific details printed after the name. */
  detail: string;
  /** How the ID is printed in the document (null: not printed). */
  printedId: string | null;
  /** What the extractor must return for it. */
  idNo: string | null;
  /** 法定代表人 / 负责人 / 经营者 line after the party (not a party itself). */
  rep?: { role: '法定代表人' | '负责人' | '经营者'; name: string };
  agent?: string;
}

export interface ActSpec {
  type: ActType;
  date: string;
}

export type Kind = '终本' | '终结执行' | '执恢' | '查封' | '冻结' | '拍卖';
export type Format =
  'txt' | 'txt-gbk' | 'html-div' | 'html-anchor' | 'html-p' | 'docx' | 'pdf' | 'png' | 'scan-pdf';

export interface RulingSpec {
  id: string;
  format: Format;
  kind: Kind;
  /** Court header; null = header missing. */
  court: string | null;
  city: string;
  caseNo: { year: number; code: string; type: string; serial: number };
  applicants: PartySpec[];
  debtors: PartySpec[];
  cause: string;
  basis: { year: number; code: string; type: string; serial: number } | null;
  claim: number | null;
  paid: number | null;
  unpaid: number | null;
  amountStyle: 'plain' | 'fullwidth' | 'rmb' | 'wan';
  filedDate: string | null;
  filedTypo?: boolean;
  acts: ActSpec[];
  actStyle: 'numbered-inline' | 'numbered-lines' | 'sitou' | 'network-sentence' | 'none';
  rulingDate: string;
  signature: 'cn' | 'cnO' | 'broken' | 'arabic';
  citation: 'angle' | 'nested' | 'ascii' | 'entities';
  oneLine?: boolean;
  noPeriod?: boolean;
  spaces?: boolean;
  spacedTitle?: boolean;
  /** 执恢: the original case and dates of its history. */
  history?: { caseNo: string; filed: string; closed: string };
}

export interface ExpectedDocument {
  file: string;
  docType: string;
  caseNo: string | null;
  court: string | null;
  applicants: { name: string; idNo: string | null }[];
  debtors: { name: string; idNo: string | null }[];
  basisCaseNo: string | null;
  claimAmount: number | null;
  paidAmount: number | null;
  unpaidAmount: number | null;
  filedDate: string | null;
  rulingDate: string | null;
  actions: { type: string; date: string | null; text: string }[];
}

const CN = '〇一二三四五六七八九';

function cnYear(y: number, zero: string): string {
  return [...String(y)].map((d) => (d === '0' ? zero : CN[Number(d)])).join('');
}
function cnSmall(n: number): string {
  if (n < 10) return CN[n] ?? '';
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${units ? CN[units] : ''}`;
}
function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}
/** `2021年1月14日` (or `号`, the typo real texts have). */
export function arabicDate(iso: string, typo = false): string {
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}${typo ? '号' : '日'}`;
}
export function chineseDate(iso: string, zero = '〇'): string {
  const [y, m, d] = parts(iso);
  return `${cnYear(y, zero)}年${cnSmall(m)}月${cnSmall(d)}日`;
}

export function caseNoText(c: {
  year: number;
  code: string;
  type: string;
  serial: number;
}): string {
  return `（${c.year}）${c.code}${c.type}${c.serial}号`;
}

/** Amount as the document prints it. */
export function money(yuan: number, style: RulingSpec['amountStyle']): string {
  const fixed = Number.isInteger(yuan) ? String(yuan) : yuan.toFixed(2);
  const [int = '', dec] = fixed.split('.');
  switch (style) {
    case 'plain':
      return `${fixed}元`;
    case 'fullwidth':
      return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '，')}${dec ? `.${dec}` : ''}元`;
    case 'rmb':
      return `人民币${yuan.toFixed(2)}元`;
    case 'wan':
      return yuan !== 0 && yuan % 100 === 0 ? `${yuan / 10000}万元` : `${fixed}元`;
  }
}

/** One sentence per act type; `D` is the date. Each template names exactly one act type. */
export function actSentence(act: ActSpec, city: string): string {
  const D = arabicDate(act.date);
  const t: Record<ActType, string> = {
    执行通知: `${D}，向被执行人送达执行通知书`,
    报告财产令: `${D}，向被执行人送达报告财产令`,
    网络查控: `${D}，通过网络执行查控系统对被执行人名下的银行存款、车辆、证券、不动产等财产进行查询，未发现可供执行的财产`,
    不动产调查: `${D}，向${city}不动产登记中心查询被执行人名下房产情况，未发现登记在其名下的不动产`,
    车辆调查: `${D}，向${city}公安局交通警察支队车辆管理所查询，被执行人名下无登记车辆`,
    工商调查: `${D}，向${city}市场监督管理局查询被执行人的工商登记及股权信息`,
    公积金调查: `${D}，向${city}住房公积金管理中心查询，被执行人无公积金缴存记录`,
    社保调查: `${D}，向${city}社会保险事业局查询被执行人的社保缴纳情况`,
    实地调查: `${D}，执行人员到被执行人住所地进行实地调查，未发现可供执行的财产`,
    限制消费令: `${D}，对被执行人发出限制消费令`,
    纳入失信: `${D}，将被执行人纳入失信被执行人名单`,
    悬赏公告: `${D}，根据申请执行人的申请发布悬赏公告`,
    审计调查: `${D}，委托审计机构对被执行人进行审计调查`,
    搜查: `${D}，对被执行人的住所进行搜查`,
    罚款: `${D}，对被执行人罚款10，000元`,
    拘留: `${D}，对被执行人司法拘留十五日`,
    告知申请执行人: `${D}，约谈申请执行人，告知其财产调查情况`,
    终本后查询: `${D}，再次进行财产查询`,
    查封: `${D}，查封被执行人名下位于${city}某小区的房产一套`,
    扣押: `${D}，扣押被执行人的小型轿车一辆`,
    冻结: `${D}，冻结被执行人名下银行存款`,
    划拨: `${D}，扣划被执行人银行存款`,
    拍卖: `${D}，对被执行人名下房产进行网络司法拍卖`,
    变卖: `${D}，依法变卖被执行人的机器设备`,
    以物抵债: `${D}，将被执行人的房产以物抵债交付申请执行人`,
    解除查封: `${D}，解除对被执行人名下房产的查封`,
    解除扣押: `${D}，解除对被执行人车辆的扣押`,
    解除冻结: `${D}，解除对被执行人银行账户的冻结`,
    解除限制消费: `${D}，解除对被执行人的限制消费令`,
    解除失信: `${D}，屏蔽被执行人的失信信息`,
  };
  return t[act.type];
}

const CITATIONS: Record<RulingSpec['citation'], string> = {
  angle: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》',
  nested: '《最高人民法院关于适用《中华人民共和国民事诉讼法》的解释》',
  ascii: '《最高人民法院关于适用<中华人民共和国民事诉讼法>的解释》',
  entities: '《最高人民法院关于适用&lt;中华人民共和国民事诉讼法&gt;的解释》',
};

function partyLines(role: string, p: PartySpec): string[] {
  const organisation = /公司|店|厂|中心|银行|合作社/.test(p.name);
  const idLabel = organisation ? '统一社会信用代码' : '公民身份号码';
  const id = p.printedId ? `，${idLabel}${p.printedId}` : '';
  const lines = [`${role}：${p.name}，${p.detail}${id}。`];
  if (p.rep)
    lines.push(
      `${p.rep.role}：${p.rep.name}，该${p.name.includes('公司') ? '公司' : '单位'}${p.rep.role === '负责人' ? '负责人' : '执行董事'}。`,
    );
  if (p.agent) lines.push(`委托诉讼代理人：${p.agent}，江西某律师事务所律师。`);
  return lines;
}

const OPERATIVE: Record<Kind, (s: RulingSpec) => string> = {
  终本: () => '终结本次执行程序。',
  终结执行: (s) => `终结本院${caseNoText(s.caseNo)}案件的执行。`,
  执恢: (s) => `恢复${s.history?.caseNo ?? ''}案件的执行。`,
  查封: (s) =>
    `查封被执行人${s.debtors[0]?.name ?? ''}名下位于${s.city}某小区的房产一套，查封期限为三年。`,
  冻结: (s) => `冻结被执行人${s.debtors[0]?.name ?? ''}名下银行存款。`,
  拍卖: (s) => `拍卖被执行人${s.debtors[0]?.name ?? ''}名下位于${s.city}某小区的房产一套。`,
};
const DOC_TYPE: Record<Kind, string> = {
  终本: '终本裁定',
  终结执行: '终结执行裁定',
  执恢: '恢复执行',
  查封: '其他执行裁定',
  冻结: '其他执行裁定',
  拍卖: '其他执行裁定',
};

/** Inserts a space between two Chinese characters every few characters: `红谷 滩区`, `终结本 次执行`. */
function sprinkleSpaces(s: string, every: number): string {
  let out = '';
  let count = 0;
  const chars = [...s];
  chars.forEach((c, i) => {
    out += c;
    const next = chars[i + 1] ?? '';
    if (/[\u4e00-\u9fff]/.test(c) && /[\u4e00-\u9fff]/.test(next) && ++count % every === 0)
      out += ' ';
  });
  return out;
}

export interface Composed {
  paragraphs: string[];
  expected: Omit<ExpectedDocument, 'file'>;
}

/** The ruling's paragraphs as a court would print them, and what must be read from them. */
export function compose(s: RulingSpec): Composed {
  const p: string[] = [];
  if (s.court) p.push(s.court);
  p.push(s.spacedTitle ? '执 行 裁 定 书' : '执行裁定书');
  p.push(caseNoText(s.caseNo));
  for (const a of s.applicants) p.push(...partyLines('申请执行人', a));
  for (const d of s.debtors) p.push(...partyLines('被执行人', d));
  const names = (list: PartySpec[]): string => list.map((x) => x.name).join('、');
  const basisText = s.basis
    ? `本院作出的${caseNoText(s.basis)}民事判决书已经发生法律效力`
    : '相关法律文书已经发生法律效力';
  let intro = `申请执行人${names(s.applicants)}与被执行人${names(s.debtors)}${s.cause}一案，${basisText}。`;
  if (s.history) {
    intro += `本院于${arabicDate(s.history.filed)}立案执行，案号为${s.history.caseNo}，该案于${arabicDate(s.history.closed)}终结本次执行程序。`;
    if (s.filedDate)
      intro += `${arabicDate(s.filedDate, s.filedTypo)}，申请执行人以发现被执行人有可供执行的财产为由，向本院申请恢复执行。`;
  } else if (s.filedDate) {
    intro += `申请执行人${s.applicants[0]?.name ?? ''}于${arabicDate(s.filedDate, s.filedTypo)}向本院申请强制执行，本院于同日立案执行。`;
  }
  if (s.claim !== null) intro += `执行标的为${money(s.claim, s.amountStyle)}。`;
  p.push(intro);

  const sentences = s.acts.map((a) => actSentence(a, s.city));
  const expectedActs = s.acts.map((a, i) => ({
    type: a.type,
    date: a.date,
    text: sentences[i] ?? '',
  }));
  switch (s.actStyle) {
    case 'numbered-inline':
      p.push(
        `本院在执行过程中，依法采取了以下执行措施：${sentences.map((x, i) => `${i + 1}.${x}`).join('；')}。`,
      );
      break;
    case 'numbered-lines':
      p.push('本院在执行过程中，依法采取了以下执行措施：');
      sentences.forEach((x, i) =>
        p.push(`${i + 1}、${x}${i === sentences.length - 1 ? '。' : '；'}`),
      );
      break;
    case 'sitou': {
      const first = s.acts[0];
      if (first) {
        const text = `本院于${arabicDate(first.date)}经通过四查，未发现被执行人有可供执行的财产`;
        p.push(`${text}。`);
        expectedActs.splice(0, expectedActs.length, { type: '网络查控', date: first.date, text });
      }
      break;
    }
    case 'network-sentence': {
      const [a, b] = s.acts;
      if (a && b) {
        const text = `本院于${arabicDate(a.date)}通过网络执行查控系统查询被执行人名下的存款、车辆、房产等财产，并于${arabicDate(b.date)}向被执行人发出限制消费令`;
        p.push(`${text}。`);
        expectedActs.splice(
          0,
          expectedActs.length,
          { type: '网络查控', date: a.date, text },
          { type: '限制消费令', date: b.date, text },
        );
      }
      break;
    }
    case 'none':
      break;
  }
  if (s.paid !== null || s.unpaid !== null) {
    // Both wordings courts use: 已执行到位X元 and the shorter 已执行X元.
    const paidWords = s.caseNo.serial % 2 === 0 ? '已执行' : '已执行到位';
    const paid = s.paid !== null ? `${paidWords}${money(s.paid, s.amountStyle)}` : '';
    const unpaid = s.unpaid !== null ? `尚有${money(s.unpaid, s.amountStyle)}未执行到位` : '';
    p.push(`截至目前，${[paid, unpaid].filter(Boolean).join('，')}。`);
  }
  const reason =
    s.kind === '终本'
      ? '本院认为，本案经穷尽财产调查措施，未发现被执行人有可供执行的财产，申请执行人同意终结本次执行程序。'
      : s.kind === '终结执行'
        ? '本院认为，被执行人已无财产可供执行，申请执行人撤回执行申请。'
        : s.kind === '执恢'
          ? '本院认为，申请执行人的申请符合恢复执行的条件。'
          : '本院认为，被执行人未履行生效法律文书确定的义务。';
  p.push(
    `${reason}依照${CITATIONS[s.citation]}第五百一十七条、《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条规定，裁定如下：`,
  );
  p.push(OPERATIVE[s.kind](s));
  if (s.kind === '终本') p.push('申请执行人发现被执行人有可供执行财产的，可以再次申请执行。');
  p.push('本裁定送达后即发生法律效力。');
  p.push('审判长　张　明', '审判员　李　红');
  const date =
    s.signature === 'arabic'
      ? arabicDate(s.rulingDate)
      : chineseDate(s.rulingDate, s.signature === 'cn' ? '〇' : 'Ｏ');
  if (s.signature === 'broken') p.push(...[...date]);
  else p.push(date);
  p.push('书记员　王　芳');

  let paragraphs = p;
  if (s.spaces)
    paragraphs = paragraphs.map((x, i) =>
      i < 3 || i > paragraphs.length - 5 ? x : sprinkleSpaces(x, 7),
    );
  if (s.noPeriod) paragraphs = paragraphs.map((x) => x.replace(/。$/, ''));
  if (s.oneLine) paragraphs = [paragraphs.join('')];

  const canon = (c: RulingSpec['caseNo'] | null): string | null => (c ? caseNoText(c) : null);
  return {
    paragraphs,
    expected: {
      docType: DOC_TYPE[s.kind],
      caseNo: canon(s.caseNo),
      court: s.court ? s.court.replace(/\s+/g, '') : null,
      applicants: s.applicants.map((x) => ({ name: x.name, idNo: x.idNo })),
      debtors: s.debtors.map((x) => ({ name: x.name, idNo: x.idNo })),
      basisCaseNo: canon(s.basis),
      claimAmount: s.claim,
      paidAmount: s.paid,
      unpaidAmount: s.unpaid,
      filedDate: s.filedDate,
      rulingDate: s.rulingDate,
      actions: expectedActs,
    },
  };
}
