import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/app-error.ts';
import { checkOutcome, outcomeTotals, parseAmount } from './outcome-rules.ts';
import {
  checkEscalation,
  checkExtension,
  checkIssueDate,
  checkReply,
  checkResumedCaseNo,
  type RecommendationFacts,
} from './recommendation-rules.ts';
import { addMonths, daysBetween, deadlineStatus, extendedDue, replyDue } from './reply-deadline.ts';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${e.message}` : String(e);
  }
  return 'no error';
}

const issued: RecommendationFacts = {
  docNo: '浙杭上检民执建〔2025〕1号',
  state: '已发出',
  issuedOn: '2025-11-30',
  replyDue: '2026-02-28',
  extendedDue: null,
};

describe('reply deadline (两高监督规定 第十三条)', () => {
  it('adds three calendar months, a missing day falling to the month end', () => {
    expect(replyDue('2025-11-30')).toBe('2026-02-28');
    expect(replyDue('2026-01-31')).toBe('2026-04-30');
    expect(replyDue('2023-11-30')).toBe('2024-02-29'); // leap year
    expect(replyDue('2025-10-15')).toBe('2026-01-15'); // across the year
    expect(replyDue('2025-03-31')).toBe('2025-06-30');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
  });

  it('the one extension counts four months from the same start', () => {
    expect(extendedDue('2025-11-30')).toBe('2026-03-30');
    expect(extendedDue('2026-01-31')).toBe('2026-05-31');
  });

  it('warns within 15 days, the due day itself still in time, then overdue', () => {
    expect(deadlineStatus('2026-02-28', '2026-02-01')).toBe('未到期');
    expect(deadlineStatus('2026-02-28', '2026-02-13')).toBe('即将到期');
    expect(deadlineStatus('2026-02-28', '2026-02-28')).toBe('即将到期');
    expect(deadlineStatus('2026-02-28', '2026-03-01')).toBe('已逾期');
    expect(deadlineStatus('2026-02-28', '2026-02-20', 5)).toBe('未到期');
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('amounts (exact, two decimals)', () => {
  it('reads the ways people type them', () => {
    expect(parseAmount('12,345.60')).toBe('12345.60');
    expect(parseAmount('1.2万')).toBe('12000.00');
    expect(parseAmount('12345.6元')).toBe('12345.60');
    expect(parseAmount('1.234567万')).toBe('12345.67');
    expect(parseAmount('壹万元')).toBe('10000.00');
    expect(parseAmount('￥ 8000')).toBe('8000.00');
  });

  it('refuses negative, zero, non-numeric and over-precise amounts in Chinese', () => {
    expect(refusal(() => parseAmount('-500', '执行到位金额'))).toBe(
      'BAD_AMOUNT 执行到位金额不能为负数：-500',
    );
    expect(refusal(() => parseAmount('0'))).toBe('BAD_AMOUNT 金额应大于零');
    expect(refusal(() => parseAmount('一些钱'))).toContain('BAD_AMOUNT 金额「一些钱」不是有效金额');
    expect(refusal(() => parseAmount('abc'))).toContain('不是有效金额');
    expect(refusal(() => parseAmount('12.345'))).toBe(
      'BAD_AMOUNT 金额「12.345」超过两位小数（精确到分）',
    );
    expect(refusal(() => parseAmount('1.2345678万'))).toContain('超过两位小数');
    expect(refusal(() => parseAmount(''))).toBe('BAD_AMOUNT 请填写金额');
  });

  it('checks each kind’s fields and sums exactly', () => {
    const none = (s: string) => s;
    expect(refusal(() => checkOutcome({ kind: '执行到位', date: '2026-01-01' }, none))).toBe(
      'BAD_AMOUNT 请填写执行到位金额',
    );
    expect(
      refusal(() => checkOutcome({ kind: '移送刑事线索', date: '2026-01-01' }, none)),
    ).toContain('须写明涉嫌罪名');
    expect(
      refusal(() => checkOutcome({ kind: '公安立案', date: '2026-01-01', persons: 0 }, none)),
    ).toContain('立案人数');
    expect(
      refusal(() => checkOutcome({ kind: '听证', date: '2026-01-01', amount: '100' }, none)),
    ).toContain('不记金额');
    const totals = outcomeTotals([
      { kind: '执行到位', amount: '0.10', persons: null },
      { kind: '执行到位', amount: '0.20', persons: null },
      { kind: '公安立案', amount: null, persons: 2 },
    ]);
    expect(totals).toEqual([
      { kind: '执行到位', count: 2, amount: '0.30', persons: null },
      { kind: '公安立案', count: 1, amount: null, persons: 2 },
    ]);
  });
});

describe('issue, extension, reply, escalation rules', () => {
  it('refuses an issue date in the future', () => {
    expect(refusal(() => checkIssueDate('2026-12-05', '2026-12-04'))).toContain('晚于今天');
    expect(checkIssueDate('2026-12-04', '2026-12-04')).toBe('2026-12-04');
  });

  it('extends once only, with a reason', () => {
    expect(refusal(() => checkExtension(issued, false, '院长批准'))).toBe('no error');
    expect(
      refusal(() => checkExtension({ ...issued, extendedDue: '2026-03-30' }, false, '再延')),
    ).toBe(
      'RECOMMENDATION_STATE 检察建议 浙杭上检民执建〔2025〕1号的回复期限已延长过一次（至 2026-03-30），不能再延长',
    );
    expect(refusal(() => checkExtension(issued, false, ' '))).toContain('须写明理由');
    expect(refusal(() => checkExtension({ ...issued, state: '草稿' }, false, 'x'))).toContain(
      '尚未发出',
    );
  });

  it('refuses a reply dated before the issue, a wrong 案号 type, a number without 恢复执行', () => {
    const reply = { result: '采纳', date: '2025-11-29', actions: [] };
    expect(refusal(() => checkReply(issued, reply, '2026-12-04'))).toBe(
      'BAD_REPLY 回复日期 2025-11-29 早于检察建议发出日期 2025-11-30，请核对',
    );
    expect(
      refusal(() =>
        checkReply(
          issued,
          {
            ...reply,
            date: '2026-01-05',
            actions: ['恢复执行'],
            resumedCaseNo: '（2026）浙0102执5号',
          },
          '2026-12-04',
        ),
      ),
    ).toContain('应为“执恢”类案号');
    expect(
      refusal(() =>
        checkReply(
          issued,
          { ...reply, date: '2026-01-05', resumedCaseNo: '（2026）浙0102执恢5号' },
          '2026-12-04',
        ),
      ),
    ).toContain('请同时勾选“恢复执行”');
    const ok = checkReply(
      issued,
      {
        ...reply,
        date: '2026-01-05',
        actions: ['删除失信', '恢复执行'],
        resumedCaseNo: '(2026)浙0102执恢5号',
      },
      '2026-12-04',
    );
    expect(ok).toMatchObject({
      actions: ['恢复执行', '删除失信'],
      resumedCaseNo: '（2026）浙0102执恢5号',
    });
    expect(refusal(() => checkResumedCaseNo('不是案号'))).toContain('不是有效案号');
  });

  it('escalates an overdue recommendation, or a replied one with a reason', () => {
    expect(refusal(() => checkEscalation(issued, false, '2026-02-28', ''))).toContain('未满');
    expect(checkEscalation(issued, false, '2026-03-01', '')).toBe('overdue');
    expect(refusal(() => checkEscalation(issued, true, '2026-01-10', ''))).toContain('须写明理由');
    expect(checkEscalation(issued, true, '2026-01-10', '未实际恢复执行')).toBe('improper');
  });
});
