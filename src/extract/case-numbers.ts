import { parseCaseNumber } from '../domain/case-number.ts';

/** A case number found in a ruling, canonical, with where it was found. */
export interface CaseNumberHit {
  canonical: string;
  /** Type code: 执, 执恢, 民初 … */
  typeCode: string;
  index: number;
  end: number;
}

// (2021)赣0113执1234号, 〔2019〕赣01民终12号之一; after NFKC brackets are ASCII or 〔〕/【】.
// OCR drops or misreads the opening bracket and the final 号 (叶, 导), so both are optional.
const CASE_NO =
  /(?:[([〔【][tlI]?|(?<![\d年])[tlI]?)\s*(\d{4})\s*[)\]〕】][》>〉]?\s*([\u4e00-\u9fff](?:\d{2,4})?)\s*([\u4e00-\u9fff]{1,5}?)\s*(\d{1,7})\s*(之[一二三四五六七八九十\d]+)?\s*(?:号|叶|导)?(?:\s*(之[一二三四五六七八九十\d]+))?/g;

/** Every case number in the text, in order. Canonical via the domain parser, else `（年）…号`. */
export function findCaseNumberHits(text: string): CaseNumberHit[] {
  const hits: CaseNumberHit[] = [];
  for (const m of text.matchAll(CASE_NO)) {
    // `…号之一` is the standard place of the suffix; `…之一号` is also seen.
    const [raw, year, court, type, serial, suffixBefore, suffixAfter] = m;
    const suffix = suffixBefore ?? suffixAfter;
    if (!year || !court || !type || !serial) continue;
    const local = `（${year}）${court}${type}${Number(serial)}号${suffix ?? ''}`;
    const parsed = parseCaseNumber(local);
    hits.push({
      canonical: parsed.ok ? parsed.value.canonical : local,
      typeCode: parsed.ok ? parsed.value.typeCode : type,
      index: m.index,
      end: m.index + raw.length,
    });
  }
  return hits;
}

/** True for an enforcement case type (执, 执恢, 执异 …), i.e. not the judgment being enforced. */
export function isEnforcementType(typeCode: string): boolean {
  return typeCode.startsWith('执');
}
