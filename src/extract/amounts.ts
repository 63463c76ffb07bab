import { findFigures } from './figures.ts';

/** Which amount of the ruling a figure is. */
export type AmountKind = 'claim' | 'paid' | 'unpaid';

export interface AmountHit {
  kind: AmountKind;
  yuan: number;
  /** Found by a strong label (执行标的, 已执行到位, 未履行) rather than a weak one (应支付, 尚欠). */
  strong: boolean;
  index: number;
  /** Why the figure itself is doubtful (its restatement in 大写 disagrees), Chinese. */
  doubt?: string;
}

// `存款3,022.46元，已划拨至本院账户`: the label follows the figure.
// Not `50万元，已执行到位10万元`: there the words label the next figure.
const PAID_AFTER =
  /^[,]?(?:并|均|现)?已(?:划拨|扣划|划扣|执行到位|发放|支付|给付|履行|清偿|到位)(?![^,。;]{0,8}\d)/;
const UNPAID_AFTER = /^(?:尚)?(?:未|没有|仍未)(?:执行|履行|到位|清偿|给付|支付|偿还)/;
const UNPAID_STRONG =
  /(?:未(?:执行|履行|到位|清偿|给付|支付)(?:到位)?|尚未(?:执行|履行|清偿)(?:到位)?)(?:的)?(?:金额|款项?|标的(?:额)?|部分)?(?:为|共计|合计|计|:)?$/;
const UNPAID_WEAK = /(?:尚欠|仍欠|剩余|尚有|下欠)(?:款项?|金额|债务|本金)?(?:为|共计|计|:)?$/;
const PAID_STRONG =
  /(?:已执行(?:到位)?|执行到位|已(?:履行|给付|支付|偿还|到位|清偿|实际执行)|已扣划|到位)(?:的)?(?:部分)?(?:款项?|金额|执行款|案款)?(?:为|共计|合计|计|:)?$/;
// `执行标的为`, `执行标的：本金`, `申请执行标的额共计` … (`已执行到位金额：`, `未执行到位金额：` for the
// other two: a colon links a label to its figure as 为 does).
const CLAIM_STRONG =
  /(?:申请执行标的|执行标的|标的)(?:额|金额|款)?(?:[:]|为|共计|合计|计)*(?:(?:被执行人)?(?:给付|支付|偿还|返还))?(?:借款本金|本金|借款|货款|款项|案件款|工程款|工资款?|租金|欠款|赔偿款|劳务费)?(?:人民币)?$/;
// `应支付…`, `申请执行金额`, `要求被执行人支付案件款58,833元`.
const CLAIM_WEAK =
  /(?:应(?:当)?(?:给付|支付|偿还|返还|履行)|申请执行(?:金额|款项)?|要求[^,。;\n]{0,12}?(?:给付|支付|偿还|返还))[^,。;\n]{0,20}?(?:共计|合计|款项|借款|货款|本金|案件款)?(?:为)?$/;
// `扣划被执行人银行存款1,500元`: taken, so paid, but the wording is not the standard 已执行到位.
const PAID_WEAK =
  /(?:扣划|划拨|划扣|提取)(?:了)?(?:被执行人)?[^,。;\d]{0,10}?(?:存款|款项|工资|收入|公积金|余额|资金)(?:共计|合计|计)?$/;
const FEES = /(?:受理费|诉讼费|保全费|执行费|申请费|罚款|公告费|鉴定费|评估费)[^,。;\n]{0,6}$/;

/**
 * Labels each amount by the words before it (within its clause) or just after it
 * (`尚有5,000元未履行`). Fees and figures without a label are ignored.
 */
export function findAmounts(text: string): AmountHit[] {
  const hits: AmountHit[] = [];
  let previousEnd = 0;
  for (const f of findFigures(text)) {
    const start = Math.max(previousEnd, f.index - 30);
    let pre = text.slice(start, f.index);
    const cut = Math.max(pre.lastIndexOf('。'), pre.lastIndexOf('\n'), pre.lastIndexOf(';'));
    if (cut >= 0) pre = pre.slice(cut + 1);
    pre = pre.replace(/人民币$/, '');
    const post = text.slice(f.end, f.end + 20);
    previousEnd = f.end;
    if (FEES.test(pre)) continue;
    let kind: AmountKind | undefined;
    let strong = true;
    if (UNPAID_AFTER.test(post) || UNPAID_STRONG.test(pre)) kind = 'unpaid';
    else if (UNPAID_WEAK.test(pre)) [kind, strong] = ['unpaid', false];
    else if (PAID_STRONG.test(pre)) kind = 'paid';
    else if (CLAIM_STRONG.test(pre)) kind = 'claim';
    else if (CLAIM_WEAK.test(pre)) [kind, strong] = ['claim', false];
    else if (PAID_WEAK.test(pre)) [kind, strong] = ['paid', false];
    else if (PAID_AFTER.test(post)) kind = 'paid';
    if (kind) hits.push({ kind, yuan: f.yuan, strong, index: f.index, doubt: f.doubt });
  }
  return hits;
}
