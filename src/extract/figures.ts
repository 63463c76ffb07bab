import { parseMoney } from '../domain/money.ts';

/** An amount written in the text: where it stands, its value in yuan, and a doubt about it. */
export interface Figure {
  index: number;
  /** After the figure and its restatement in brackets, if any. */
  end: number;
  yuan: number;
  /** Why the value is doubtful (Chinese): the figure and its restatement disagree. */
  doubt?: string;
}

// 人民币3650.00元, 400,000元, 12.5万元, 123.4567万元, ¥86,000.00 (the sign alone makes it an
// amount); NFKC has made `，` a `,` and `￥` a `¥` already.
const ARABIC = /(?:人民币)?(¥\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万)?(元)?/g;
const ARABIC_WHOLE = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万)?(?:元整?)?$/;

// 大写 and 小写 numerals of an amount; 万/亿 and 两 included, Arabic digits not (`3万5千元` is speech).
const CN = '零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億一二两三四五六七八九十百千';
const CN_DIGIT = '零〇壹贰貳叁參肆伍陆陸柒捌玖一二两三四五六七八九';
// After 元 only a well-formed 角/分 part: `伍万元一案` must not read 一 as a fraction.
const FRACTION = `(?:[${CN_DIGIT}]角(?:[${CN_DIGIT}]分)?|零?[${CN_DIGIT}]分)?`;
const CAPITAL_BODY = `[${CN}]+[元圆圓]${FRACTION}`;
// Not inside a longer numeral or right after a figure (`5千元` of `3万5千元`).
const CAPITAL = new RegExp(`(?<![\\d.,${CN}])(?:人民币)?(${CAPITAL_BODY})整?`, 'g');
const CAPITAL_WHOLE = new RegExp(`^(?:人民币)?(${CAPITAL_BODY})整?$`);
// The figure said again in brackets: `50万元(伍拾万元)`, `伍拾万元(¥500,000.00)`, `(小写:500000元)`.
const RESTATED = /^\((?:大写|小写)?:?(?:人民币)?¥?([^()]{1,40})\)/;

/**
 * A Chinese-numeral amount (`人民币伍万元整`, `壹拾贰万叁仟肆佰伍拾陆元柒角捌分`, `拾万元`, `壹万零伍元`,
 * `伍万圆`, `壹亿贰仟万元`) in yuan, exact to the fen as `parseMoney` reads it; null for anything
 * that is not a well-formed amount (`伍伍元`, `壹拾拾元`, `万元`, a figure without 元). Pure.
 */
export function parseCapitalAmount(s: string): number | null {
  const m = CAPITAL_WHOLE.exec(s.trim());
  if (!m?.[1]) return null;
  const parsed = parseMoney(m[1]);
  return parsed.ok ? Number(parsed.value) : null;
}

function arabicYuan(digits: string, wan: boolean): number | null {
  const parsed = parseMoney(`${digits}${wan ? '万' : ''}元`);
  return parsed.ok ? Number(parsed.value) : null;
}

/** The amount a restatement in brackets gives, and whether it is written in Chinese numerals. */
function restated(inner: string): { yuan: number; capital: boolean } | null {
  const a = ARABIC_WHOLE.exec(inner);
  if (a?.[1]) {
    const yuan = arabicYuan(a[1], a[2] === '万');
    return yuan === null ? null : { yuan, capital: false };
  }
  const yuan = parseCapitalAmount(inner);
  return yuan === null ? null : { yuan, capital: true };
}

const shown = (n: number): string => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

/**
 * Every amount in the text, in order: Arabic (`1,234,567.89元`, `12.5万元`) and Chinese numerals
 * (`伍拾万元`). A figure restated in brackets in the other script is one figure; when the two
 * disagree the Chinese one is taken (大写 prevails, as on bills) and the figure carries a doubt.
 */
export function findFigures(text: string): Figure[] {
  const raw: { index: number; end: number; yuan: number | null; capital: boolean }[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const [all, sign, digits, wan, yuan] = m;
    if (!digits || (!sign && !yuan)) continue; // a bare number: a date, a count, an article
    raw.push({
      index: m.index,
      end: m.index + all.length,
      yuan: arabicYuan(digits, wan === '万'),
      capital: false,
    });
  }
  for (const m of text.matchAll(CAPITAL))
    raw.push({
      index: m.index,
      end: m.index + m[0].length,
      yuan: m[1] ? parseCapitalAmount(m[1]) : null,
      capital: true,
    });
  raw.sort((a, b) => a.index - b.index);
  const figures: Figure[] = [];
  let consumed = 0;
  for (const r of raw) {
    if (r.index < consumed || r.yuan === null) continue;
    const figure: Figure = { index: r.index, end: r.end, yuan: r.yuan };
    const again = RESTATED.exec(text.slice(r.end));
    const other = again?.[1] ? restated(again[1]) : null;
    if (again && other && other.capital !== r.capital) {
      figure.end = r.end + again[0].length;
      if (other.yuan !== r.yuan) {
        const [capital, arabic] = r.capital ? [r.yuan, other.yuan] : [other.yuan, r.yuan];
        figure.yuan = capital;
        figure.doubt = `小写金额${shown(arabic)}与大写金额${shown(capital)}不一致，取大写`;
      }
    }
    consumed = figure.end;
    figures.push(figure);
  }
  return figures;
}
