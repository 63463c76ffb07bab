import { parsePartyId } from '../domain/party-id.ts';
import type { ExtractedParty } from './types.ts';

/** Roles of the party block; only the first two are parties of the ledger, the rest are skipped. */
const LABELS = [
  '申请执行人',
  '被执行人',
  '复议申请人',
  '异议人',
  '案外人',
  '第三人',
  '法定代表人',
  '负责人',
  '经营者',
  '委托诉讼代理人',
  '委托代理人',
  '诉讼代理人',
  '法定代理人',
  '指定代理人',
  '代理人',
] as const;

// A label opens an entry at a boundary (start, new paragraph, 。 ;) or when a colon follows it.
// Several parties of a role may be numbered: `被执行人一：`, `被执行人2：`, `被执行人(一)：`.
const LABEL = new RegExp(
  `(^|[\\n。;])?(${LABELS.join('|')})((?:[一二三四五六七八九十]{1,2}|\\d{1,2})(?=:)|\\([^)]{1,12}\\))?(:)?`,
  'g',
);
const ID_LABEL =
  /(?:公民身份号码|身份证号码|身份证号|身份证件号码|居民身份证号码|统一社会信用代码|社会信用代码|组织机构代码|证件号码)(?:为|是)?:?\s*([0-9A-Za-z×xX*＊✕]{3,20})/;
// OCR puts spaces between the mask characters of an ID (`33010219650626 X X X X`), and some
// pages group its digits (`330102 19650626 1234`).
const SPACED_MASK = /(?<=\d)\s+(?=[X×*](?:\s*[X×*])*)|(?<=[X×*])\s+(?=[X×*])|(?<=\d)\s+(?=\d)/g;
// An ID printed without its label (`男，330102…`): taken only when its check digit is right.
const BARE_ID =
  /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Za-z])/g;

export interface PartyBlock {
  applicants: ExtractedParty[];
  debtors: ExtractedParty[];
  /** Found in a labelled party block (strong) or only in the body sentence (weak). */
  fromBlock: boolean;
}

/** `36010219800101××××` → `36010219800101****`; no visible digit at all → null. */
export function normaliseId(raw: string): string | null {
  let s = raw
    .replace(/[×✕＊]/g, '*')
    .replace(/x$/, 'X')
    .toUpperCase();
  // OCR reads the mask × as X: in a citizen ID (digits and X only), more than one X, or an X
  // before the last place, is a mask. Credit codes may hold X legitimately and are left alone.
  const xs = s.match(/X/g)?.length ?? 0;
  if (/^[\dX]+$/.test(s) && (xs > 1 || (xs === 1 && !s.endsWith('X')))) s = s.replaceAll('X', '*');
  if (!/[0-9A-Z]/.test(s.replace(/\*/g, ''))) return null;
  if (s.includes('*')) return s;
  const parsed = parsePartyId(s);
  return parsed.ok ? parsed.value.value : s;
}

function partyFrom(raw: string): ExtractedParty | null {
  // A line broken mid-entry (`武汉某某建筑劳` / `务有限公司，…`) goes on in the next line.
  const entry = raw.replace(/(?<![。;:!?])\n(?=[^\n])/g, '');
  // The name runs to the first comma/full stop; `(下称…)`-style notes are dropped, `(北京)` kept.
  const name = (entry.split(/[,。;\n]/)[0] ?? '')
    .replace(/\((?:以下)?(?:简称|下称)[^)]*\)/g, '')
    .replace(/[:\s]/g, '')
    .trim();
  if (name === '' || name.length > 60) return null;
  const joined = entry.replace(SPACED_MASK, '');
  const id = ID_LABEL.exec(joined)?.[1] ?? bareId(joined);
  return { name, idNo: id ? normaliseId(id) : null };
}

function bareId(entry: string): string | undefined {
  return [...entry.matchAll(BARE_ID)].map((m) => m[0]).find((s) => parsePartyId(s).ok);
}

/**
 * Parties from the block between the case number and the body (`申请执行人：…。被执行人：…。
 * 法定代表人：…`); 法定代表人/负责人/代理人 entries are not parties. Falls back to the body sentence
 * `申请执行人甲与被执行人乙、丙…纠纷一案` when the block is missing.
 */
export function findParties(text: string, blockStart: number, bodyStart: number): PartyBlock {
  const block = text.slice(blockStart, bodyStart);
  const marks: { label: string; start: number; contentStart: number }[] = [];
  for (const m of block.matchAll(LABEL)) {
    const [all, boundary, label, , colon] = m;
    if (!label) continue;
    const atBoundary = boundary !== undefined || m.index === 0;
    if (!atBoundary && !colon) continue;
    marks.push({
      label,
      start: m.index + (boundary?.length ?? 0),
      contentStart: m.index + all.length,
    });
  }
  const applicants: ExtractedParty[] = [];
  const debtors: ExtractedParty[] = [];
  marks.forEach((mark, i) => {
    const end = marks[i + 1]?.start ?? block.length;
    const list =
      mark.label === '申请执行人' ? applicants : mark.label === '被执行人' ? debtors : null;
    if (!list) return;
    const party = partyFrom(block.slice(mark.contentStart, end));
    if (party && !list.some((p) => p.name === party.name)) list.push(party);
  });
  if (applicants.length > 0 || debtors.length > 0) return { applicants, debtors, fromBlock: true };
  return { ...fromBodySentence(text.slice(bodyStart)), fromBlock: false };
}

const BODY_SENTENCE =
  /申请执行人([^,。;\n]{2,80}?)与被执行人([^,。;\n]{2,120}?)(?:[^,。;\n]{0,30}?纠纷|一案)/;

function fromBodySentence(body: string): Omit<PartyBlock, 'fromBlock'> {
  const m = BODY_SENTENCE.exec(body);
  if (!m?.[1] || !m[2]) return { applicants: [], debtors: [] };
  const names = (s: string): ExtractedParty[] =>
    s
      .split(/、|和|及/)
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((name) => ({ name, idNo: null }));
  // The case cause (借款合同, 买卖合同) follows the last name without a separator; cut it off.
  const debtorText = m[2].replace(
    /(?:民间借贷|借款合同|买卖合同|金融借款合同|劳务合同|租赁合同|合同|借款|侵权|劳动争议|追偿权|机动车交通事故责任)$/,
    '',
  );
  return { applicants: names(m[1]), debtors: names(debtorText) };
}
