import type { DocType } from './types.ts';

export interface Classification {
  docType: DocType;
  confidence: number;
  /** Index in `compact` where the operative part starts (after 裁定如下), or -1. */
  operativeStart: number;
  /** Why the class is uncertain (Chinese), when it is. */
  reason?: string;
}

const OTHER_TITLES = /(?:判决书|调解书|决定书|通知书|建议书|报告|令|函|笔录|公告)$/;
const SIGNATURE = /审判长|审判员|执行员|执行长|代理审判员|人民陪审员|法官助理|书记员/;

/** The title in the first lines: `执行裁定书`, `民事裁定书`, `执行决定书` … (spaces already gone). */
function titleOf(compact: string): string | null {
  const head = compact.slice(0, 160);
  const m = /(?:执行|民事|刑事|行政)?(?:裁定书|判决书|调解书|决定书|通知书|检察建议书|建议书)/.exec(
    head,
  );
  return m ? m[0] : null;
}

/**
 * 终本 / 终结执行 / 恢复执行 / other enforcement ruling / not a ruling. The operative part
 * (`裁定如下：…`) decides: a 执恢 ruling reciting `该案于…终结本次执行程序` in its history, or a
 * 终结执行 ruling citing the 终本 rules, is not a 终本 ruling.
 */
export function classifyRuling(compact: string, caseTypeCode: string | null): Classification {
  const title = titleOf(compact);
  const operativeStart = compact.lastIndexOf('裁定如下');
  if (operativeStart >= 0) {
    const rest = compact.slice(operativeStart + 4);
    const sig = SIGNATURE.exec(rest);
    const operative = sig ? rest.slice(0, sig.index) : rest.slice(0, 400);
    const decided = decide(operative, caseTypeCode);
    const titled = title?.includes('裁定书') === true;
    return {
      docType: decided,
      confidence: titled ? 0.95 : 0.85,
      operativeStart,
      ...(titled ? {} : { reason: '文首没有“裁定书”标题，依裁定主文判断' }),
    };
  }
  if (!title?.includes('裁定书')) {
    // No ruling title and no operative part: a notice, judgment, report … or not a document at all.
    const titled = title !== null && OTHER_TITLES.test(title);
    return {
      docType: '其他',
      confidence: titled ? 0.95 : 0.85,
      operativeStart: -1,
      ...(titled ? {} : { reason: '既无文书标题也无裁定主文' }),
    };
  }
  // A ruling whose operative part was lost (OCR, truncated text): weaker evidence from the body.
  if (/裁定终结本次执行程序|本次执行程序(?:予以)?终结/.test(compact))
    return {
      docType: '终本裁定',
      confidence: 0.6,
      operativeStart: -1,
      reason: '未找到“裁定如下”，依正文判断为终本',
    };
  return {
    docType: '其他执行裁定',
    confidence: 0.5,
    operativeStart: -1,
    reason: '未找到“裁定如下”，无法判断裁定类型',
  };
}

function decide(operative: string, caseTypeCode: string | null): DocType {
  if (/终结本次执行程序|终本/.test(operative)) return '终本裁定';
  if (/终结[^。;]{0,60}?(?:案件)?的执行|终结执行|本案执行终结/.test(operative))
    return '终结执行裁定';
  if (/恢复[^。;]{0,40}?执行/.test(operative)) return '恢复执行';
  if (
    /查封|扣押|冻结|扣划|划拨|拍卖|变卖|以物抵债|解除|追加|变更|驳回|不予|中止|撤销/.test(operative)
  )
    return '其他执行裁定';
  return caseTypeCode === '执恢' ? '恢复执行' : '其他执行裁定';
}
