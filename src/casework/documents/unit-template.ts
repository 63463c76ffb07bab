/**
 * Units' own Word templates (pure): the placeholders a template uses, checked against the one
 * vocabulary (`TEMPLATE_PLACEHOLDERS`, `TEMPLATE_LIST_FIELDS`), and filling it with docxtemplater.
 * A template with an unknown or a missing placeholder is refused naming them all, so a unit finds
 * out when it uploads, not when a recommendation comes out half empty.
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AppError } from '../../domain/app-error.ts';
import {
  TEMPLATE_LIST_FIELDS,
  TEMPLATE_PLACEHOLDERS,
  type DocumentKind,
} from '../../domain/vocabulary.ts';

const LOOP = '案件列表';

/** The parts docxtemplater compiles a template into (its inspect module needs lodash). */
interface Part {
  type: string;
  value?: string;
  module?: string;
  subparsed?: Part[];
}

function compile(name: string, bytes: Uint8Array): Docxtemplater {
  try {
    return new Docxtemplater(new PizZip(bytes), {
      paragraphLoop: true,
      linebreaks: true,
      nullGetter: () => '',
      // Refusals are answered to the user; nothing of a template goes to the server log.
      errorLogging: false,
    });
  } catch (error) {
    throw new AppError('BAD_TEMPLATE', `模板「${name}」的占位符写法有误：${templateErrors(error)}`);
  }
}

const ERROR_WORDS: Record<string, string> = {
  unclosed_tag: '缺少右括号 }',
  unopened_tag: '缺少左括号 {',
  unclosed_loop: '循环没有结束标记 {/…}',
  unopened_loop: '结束标记没有对应的循环开始 {#…}',
  closing_tag_does_not_match_opening_tag: '循环的开始与结束标记不一致',
  duplicate_open_tag: '左括号重复',
  duplicate_close_tag: '右括号重复',
};

/** docxtemplater's errors (unclosed tags …) as a short Chinese list. */
function templateErrors(error: unknown): string {
  type Detail = { properties?: { id?: string; xtag?: string; explanation?: string } };
  const e = error as Detail & { properties?: { errors?: Detail[] } };
  const list = e.properties?.errors ?? (e.properties?.id ? [e] : []);
  if (list.length === 0) return '文件无法读取（不是有效的 Word 文档）';
  return list
    .map(({ properties: p }) => {
      const why = (p?.id && ERROR_WORDS[p.id]) ?? p?.explanation ?? '';
      return `{${p?.xtag ?? ''}：${why}`;
    })
    .join('；');
}

/** The placeholders used: top-level names, and `案件列表.案号` for the fields of the loop. */
export function templatePlaceholders(name: string, bytes: Uint8Array): string[] {
  const doc = compile(name, bytes);
  const compiled = (doc as unknown as { compiled: Record<string, { postparsed: Part[] }> })
    .compiled;
  const found = new Set<string>();
  const walk = (parts: readonly Part[], prefix: string) => {
    for (const p of parts) {
      if (p.type !== 'placeholder' || p.value === undefined) continue;
      found.add(prefix + p.value);
      if (p.subparsed) walk(p.subparsed, `${prefix}${p.value}.`);
    }
  };
  for (const file of Object.values(compiled)) walk(file.postparsed, '');
  return [...found];
}

/** What a kind's template must carry. */
export function requiredPlaceholders(kind: DocumentKind): string[] {
  return TEMPLATE_PLACEHOLDERS.filter((p) =>
    (p.required as readonly DocumentKind[]).includes(kind),
  ).map((p) => p.name);
}

const KNOWN = new Set<string>([
  ...TEMPLATE_PLACEHOLDERS.map((p) => p.name),
  ...TEMPLATE_LIST_FIELDS.map((f) => `${LOOP}.${f}`),
]);

/** The template's placeholders, or a refusal naming the unknown and the missing ones. */
export function checkTemplate(name: string, kind: DocumentKind, bytes: Uint8Array): string[] {
  const used = templatePlaceholders(name, bytes);
  const unknown = used.filter((p) => !KNOWN.has(p));
  const missing = requiredPlaceholders(kind).filter((p) => !used.includes(p));
  if (unknown.length || missing.length) {
    const parts = [
      unknown.length ? `有未知的占位符 ${unknown.map((p) => `{${p}}`).join('、')}` : '',
      missing.length ? `缺少必需的占位符 ${missing.map((p) => `{${p}}`).join('、')}` : '',
    ].filter(Boolean);
    throw new AppError(
      'BAD_TEMPLATE',
      `${kind}模板「${name}」${parts.join('，')}。可用的占位符：` +
        `${TEMPLATE_PLACEHOLDERS.map((p) => `{${p.name}}`).join(' ')}；` +
        `案件列表循环 {#${LOOP}}…{/${LOOP}} 内可用 ${TEMPLATE_LIST_FIELDS.map((f) => `{${f}}`).join(' ')}`,
    );
  }
  return used;
}

export type TemplateData = Record<string, string | Record<string, string>[]>;

/** The template filled with the document's data (a line break in a value is a line break). */
export function fillTemplate(name: string, bytes: Uint8Array, data: TemplateData): Buffer {
  const doc = compile(name, bytes);
  try {
    doc.render(data);
  } catch (error) {
    throw new AppError('BAD_TEMPLATE', `模板「${name}」无法填写：${templateErrors(error)}`);
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
