/**
 * What may be done with a recommendation (检察建议) and when: its number, the issue date, the one
 * extension, the court's reply, the escalation to 跟进监督 (两高监督规定 第十三条、第十四条). Pure: the
 * service checks here before it writes.
 */
import { AppError } from '../domain/app-error.ts';
import { parseCaseNumber } from '../domain/case-number.ts';
import {
  isReplyAction,
  isReplyResult,
  REPLY_ACTIONS,
  REPLY_RESULTS,
  type ReplyAction,
  type ReplyResult,
} from '../domain/vocabulary.ts';
import { deadlineStatus } from './reply-deadline.ts';

/** The issue date: a real day, not after today (a recommendation is marked issued once sent). */
export function checkIssueDate(issuedOn: string, today: string): string {
  if (issuedOn > today) {
    throw new AppError('BAD_RECOMMENDATION', `发出日期 ${issuedOn} 晚于今天（${today}），请核对`);
  }
  return issuedOn;
}

/** The state and dates of a recommendation the rules look at. */
export interface RecommendationFacts {
  docNo: string | null;
  state: string;
  issuedOn: string | null;
  replyDue: string | null;
  extendedDue: string | null;
}

function label(r: RecommendationFacts): string {
  return r.docNo ? `检察建议 ${r.docNo}` : '检察建议（草稿）';
}

export function checkIssued(r: RecommendationFacts, doing: string): string {
  if (r.state !== '已发出' || !r.issuedOn) {
    throw new AppError('RECOMMENDATION_STATE', `${label(r)}尚未发出，不能${doing}`);
  }
  return r.issuedOn;
}

/** The one extension (第十三条: 可以延长一个月): issued, not extended before, not answered yet. */
export function checkExtension(r: RecommendationFacts, replied: boolean, note: string): void {
  checkIssued(r, '延长回复期限');
  if (r.extendedDue) {
    throw new AppError(
      'RECOMMENDATION_STATE',
      `${label(r)}的回复期限已延长过一次（至 ${r.extendedDue}），不能再延长`,
    );
  }
  if (replied) throw new AppError('RECOMMENDATION_STATE', `${label(r)}法院已回复，无需延长期限`);
  if (!note.trim())
    throw new AppError('BAD_RECOMMENDATION', '延长回复期限须写明理由（如法院院长批准延长）');
}

/** The deadline in force: the extended one once extended. */
export function dueOf(r: RecommendationFacts): string | null {
  return r.extendedDue ?? r.replyDue;
}

export interface ReplyInput {
  result: string;
  date: string;
  actions: readonly string[];
  resumedCaseNo?: string | null | undefined;
  note?: string | undefined;
}

export interface CheckedReply {
  result: ReplyResult;
  date: string;
  actions: ReplyAction[];
  resumedCaseNo: string | null;
  note: string;
}

/** A 执恢 案号 in its canonical form, or a Chinese 400 (another type, or not a 案号 at all). */
export function checkResumedCaseNo(raw: string): string {
  const parsed = parseCaseNumber(raw.trim());
  if (!parsed.ok) {
    throw new AppError(
      'BAD_REPLY',
      `恢复执行案号「${raw.slice(0, 40)}」不是有效案号（如（2025）浙0102执恢12号）`,
    );
  }
  if (parsed.value.typeCode !== '执恢') {
    throw new AppError(
      'BAD_REPLY',
      `恢复执行案号应为“执恢”类案号（如（2025）浙0102执恢12号），「${parsed.value.canonical}」是“${parsed.value.typeCode}”`,
    );
  }
  return parsed.value.canonical;
}

/** A court reply: known result and actions, dated between the issue date and today. */
export function checkReply(r: RecommendationFacts, input: ReplyInput, today: string): CheckedReply {
  const issuedOn = checkIssued(r, '记录法院回复');
  if (!isReplyResult(input.result)) {
    throw new AppError('BAD_REPLY', `回复结果只能是：${REPLY_RESULTS.join('、')}`);
  }
  if (input.date < issuedOn) {
    throw new AppError(
      'BAD_REPLY',
      `回复日期 ${input.date} 早于检察建议发出日期 ${issuedOn}，请核对`,
    );
  }
  if (input.date > today) {
    throw new AppError('BAD_REPLY', `回复日期 ${input.date} 晚于今天（${today}），请核对`);
  }
  const unknown = input.actions.filter((a) => !isReplyAction(a));
  if (unknown.length) {
    throw new AppError(
      'BAD_REPLY',
      `法院措施只能是：${REPLY_ACTIONS.join('、')}（不认识：${unknown.join('、')}）`,
    );
  }
  const actions = REPLY_ACTIONS.filter((a) => input.actions.includes(a));
  const raw = input.resumedCaseNo?.trim() ?? '';
  if (raw && !actions.includes('恢复执行')) {
    throw new AppError('BAD_REPLY', '填写了恢复执行案号，请同时勾选“恢复执行”');
  }
  return {
    result: input.result,
    date: input.date,
    actions,
    resumedCaseNo: raw ? checkResumedCaseNo(raw) : null,
    note: input.note?.trim() ?? '',
  };
}

/**
 * 跟进监督 (第十四条): when the court let the deadline pass without a reply, or replied and the
 * prosecutor finds the answer improper (a note says why).
 */
export function checkEscalation(
  r: RecommendationFacts,
  replied: boolean,
  today: string,
  note: string,
): 'overdue' | 'improper' {
  checkIssued(r, '跟进监督');
  const due = dueOf(r);
  if (!replied) {
    if (!due || deadlineStatus(due, today) !== '已逾期') {
      throw new AppError(
        'RECOMMENDATION_STATE',
        `${label(r)}回复期限（${due ?? '—'}）未满，法院尚未逾期；法院回复不当时可在记录回复后跟进监督`,
      );
    }
    return 'overdue';
  }
  if (!note.trim()) throw new AppError('BAD_RECOMMENDATION', '法院回复不当而跟进监督，须写明理由');
  return 'improper';
}

export function recNotFound(): AppError {
  return new AppError('RECOMMENDATION_NOT_FOUND', '检察建议不存在或不在本单位范围内');
}

export function recConflict(
  row: { doc_no: string | null; version: number | bigint },
  seen: number,
): AppError {
  const name = row.doc_no ? `检察建议 ${row.doc_no}` : '该检察建议';
  return new AppError(
    'RECOMMENDATION_VERSION_CONFLICT',
    `${name}已被他人修改（您看到的是第 ${seen} 版，现在是第 ${Number(row.version)} 版），` +
      '本次修改未保存。请刷新后查看对方的修改，再重新操作',
  );
}

export function factsOf(r: {
  doc_no: string | null;
  state: string;
  issued_on: string | null;
  reply_due: string | null;
  extended_due: string | null;
}): RecommendationFacts {
  return {
    docNo: r.doc_no,
    state: r.state,
    issuedOn: r.issued_on,
    replyDue: r.reply_due,
    extendedDue: r.extended_due,
  };
}
