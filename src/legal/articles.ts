/**
 * Legal texts shipped with the app (法律依据): `legal-basis.md` in this folder is a copy of
 * shared/domain/legal-basis.md; this module parses it into articles so model references such as
 * `终本规定 第一条（三）` can be resolved and their wording shown. The app never reads ../shared.
 */
import { readFileSync } from 'node:fs';

/** A quoted article (条) of one document, with the verification mark of legal-basis.md. */
export interface Article {
  readonly doc: string;
  readonly article: string;
  readonly text: string;
  /** V1 / V2 / V3 as marked in legal-basis.md; '' when the section gives no mark. */
  readonly level: string;
}

/**
 * Abbreviation → section heading prefix of legal-basis.md (its §9 uses these abbreviations).
 * Whole-document references (复函, 答复) are listed with article '全文'.
 */
const DOCUMENTS: Record<string, string> = {
  终本规定: '## 1.',
  失信规定: '## 2.',
  限消规定: '## 3.',
  民诉法: '## 4.',
  两高监督规定: '### 5.2',
  养老金复函: '### 7.1',
  公积金答复: '### 7.2',
  网拍规定: '### 7.3',
  参考价规定: '### 7.4',
  财产调查规定: '### 7.5',
  查封规定: '### 7.6',
  执行规定: '### 7.7',
  拒执解释: '### 7.11',
  虚假诉讼解释: '### 7.12',
};

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `第二百四十六条` → 246; `第29条` → 29. */
export function articleNumber(label: string): number | undefined {
  const m = /^第([零一二三四五六七八九十百\d]+)条/.exec(label);
  if (!m?.[1]) return undefined;
  const s = m[1];
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGITS[ch] ?? 0;
  }
  return total + current;
}

function parseSection(doc: string, lines: string[]): Article[] {
  const articles = new Map<number, Article>();
  // `label`: the article number as the document writes it (第十六条, or 第29条 for 执行规定's `29.`),
  // so a citation reads `财产调查规定第十六条：…` once; the text itself starts after the number.
  let pending: { n: number; label: string; level: string; text: string[] } | undefined;
  const flush = (): void => {
    if (pending && pending.text.length > 0 && !articles.has(pending.n)) {
      articles.set(pending.n, {
        doc,
        article: pending.label,
        text: pending.text.join('\n'),
        level: pending.level,
      });
    }
    pending = undefined;
  };
  let sectionLevel = /\bV([123])\b/.exec(lines.slice(0, 6).join(' '))?.[0] ?? '';
  for (const line of lines) {
    // `**第一条** (V2 — …)` heading followed by `>` quotes (§1–§4).
    const heading = /^\*\*(第[零一二三四五六七八九十百\d]+条)/.exec(line);
    if (heading?.[1]) {
      flush();
      const n = articleNumber(heading[1]);
      const level = /\bV[123]\b/.exec(line)?.[0] ?? (line.includes('✗') ? '✗' : sectionLevel);
      if (n !== undefined) pending = { n, label: heading[1], level, text: [] };
      continue;
    }
    if (line.startsWith('>')) {
      const body = line.replace(/^>\s?/, '');
      // `> 第一条 …` inline articles (§5, §7) and `> 22.…` numbered ones (执行规定).
      const inline =
        /^(第[零一二三四五六七八九十百\d]+条)\s*/.exec(body) ?? /^(\d+)\.\s*/.exec(body);
      if (inline?.[1] && !pending?.text.length) {
        flush();
      }
      if (inline?.[1] && (!pending || pending.text.length > 0)) {
        flush();
        const numbered = /^\d+$/.test(inline[1]);
        const n = numbered ? Number(inline[1]) : articleNumber(inline[1]);
        const label = numbered ? `第${inline[1]}条` : inline[1];
        const rest = body.slice(inline[0].length);
        if (n !== undefined) pending = { n, label, level: sectionLevel, text: [rest] };
        continue;
      }
      if (pending) pending.text.push(body);
      else if (!articles.has(0))
        pending = { n: 0, label: '全文', level: sectionLevel, text: [body] };
      continue;
    }
    if (/^V[123]\b/.test(line)) sectionLevel = line.slice(0, 2);
    if (line.trim() === '' && pending && pending.text.length > 0) flush();
  }
  flush();
  return [...articles.values()];
}

let cache: Map<string, Article[]> | undefined;

/** Every article of every known document, parsed once from the shipped legal-basis.md. */
export function legalArticles(): Map<string, Article[]> {
  if (cache) return cache;
  const text = readFileSync(new URL('./legal-basis.md', import.meta.url), 'utf8');
  const lines = text.split('\n');
  cache = new Map();
  for (const [doc, prefix] of Object.entries(DOCUMENTS)) {
    const start = lines.findIndex((l) => l.startsWith(prefix + ' '));
    if (start < 0) continue;
    let end = start + 1;
    // A `##` section runs to the next `##`; a `###` subsection to the next heading of either level.
    const stop = prefix.startsWith('### ') ? /^#{2,3} / : /^## /;
    while (end < lines.length && !stop.test(lines[end] ?? '')) end++;
    cache.set(doc, parseSection(doc, lines.slice(start + 1, end)));
  }
  return cache;
}

/** A resolved reference: the article and, when the reference names an item （三）, that it exists. */
export interface ResolvedReference {
  readonly reference: string;
  readonly doc: string;
  readonly article: Article;
}

/**
 * Resolves `终本规定 第一条（三）`, `民诉法 第二百五十四条`, `执行规定 第29条`, `养老金复函 全文`.
 * Returns a Chinese error message when the document, article or item is unknown.
 */
export function resolveReference(reference: string): ResolvedReference | string {
  const m =
    /^(\S+)\s+(第[零一二三四五六七八九十百\d]+条|全文)(第[一二三四五六七八九十]+款)?((?:（[一二三四五六七八九十]+）)*)$/.exec(
      reference.trim(),
    );
  if (!m?.[1] || !m[2]) return `法律依据“${reference}”格式不对，应如“终本规定 第一条（三）”`;
  const articles = legalArticles().get(m[1]);
  if (!articles) {
    return `法律依据“${reference}”中的文件“${m[1]}”未知（可用：${Object.keys(DOCUMENTS).join('、')}）`;
  }
  const n = m[2] === '全文' ? 0 : articleNumber(m[2]);
  const article = articles.find(
    (a) => articleNumber(a.article) === n || (n === 0 && a.article === '全文'),
  );
  if (!article) return `法律依据“${reference}”：随软件提供的法律文本中没有${m[1]}${m[2]}`;
  for (const item of m[4]?.match(/（[一二三四五六七八九十]+）/g) ?? []) {
    if (!article.text.includes(item))
      return `法律依据“${reference}”：${m[1]}${m[2]}没有第${item}项`;
  }
  return { reference: reference.trim(), doc: m[1], article };
}

let titles: Map<string, string> | undefined;

/**
 * A document's full title as legal-basis.md heads it — what an official document cites
 * (《中华人民共和国民事诉讼法》, not the abbreviation 民诉法): the text inside 《》 when the heading
 * has one, else the heading without its trailing note (date, number, revision).
 */
export function documentTitle(doc: string): string | undefined {
  if (!titles) {
    const lines = readFileSync(new URL('./legal-basis.md', import.meta.url), 'utf8').split('\n');
    titles = new Map();
    for (const [abbr, prefix] of Object.entries(DOCUMENTS)) {
      const heading = lines.find((l) => l.startsWith(prefix + ' '))?.slice(prefix.length + 1);
      if (!heading) continue;
      const quoted = /《([^》]+)》/.exec(heading)?.[1];
      const plain = heading.replace(/（[^（）]*(?:号|修正|\d{4})[^（）]*）\s*$/, '').trim();
      titles.set(abbr, quoted ?? plain);
    }
  }
  return titles.get(doc);
}
