import type { Database } from '../../src/store/database.ts';

/**
 * Hand-made casework on top of `seedTwoCounties` (leads M01|A in 上城 330102, M01|B in 拱墅
 * 330105): more leads in every status, cases, recommendations, replies (one superseded) and
 * outcomes, all dated in 2025 Q3. What the statistics must count from it:
 * - 上城: 4 leads (已成案, 已合并, 已合并, 已排除 → judged 4, made cases 3), 2 cases, 1 个案 + 1 类案
 *   (3 cases) recommendations, both replied, latest 采纳 + 部分采纳 → adopted 2; resumed 1, money
 *   0.10 + 0.20 + 1234567890123.45, 1 referral, 1 police case.
 * - 拱墅: 2 leads (待研判, 已排除 → judged 1, made 0), 1 case, 1 recommendation replied 不采纳.
 */
export async function seedCasework(db: Database): Promise<void> {
  const lead = (key: string, model: string, caseNo: string, status: string, created: string) =>
    db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, case_no, summary, priority, court, status, created_at)
       VALUES ($1, $2, 1, $3, '测试线索', '中', $4, $5, CAST($6 AS TIMESTAMP))`,
      [
        key,
        model,
        caseNo,
        caseNo.includes('浙0102') ? '杭州市上城区人民法院' : '杭州市拱墅区人民法院',
        status,
        created,
      ],
    );
  await db.run(
    `UPDATE leads SET status = '已成案', created_at = TIMESTAMP '2025-07-03 10:00:00' WHERE lead_key = 'M01|A'`,
  );
  await db.run(
    `UPDATE leads SET created_at = TIMESTAMP '2025-07-04 10:00:00' WHERE lead_key = 'M01|B'`,
  );
  await lead('M05|A1', 'M05', '（2024）浙0102执1号', '已合并', '2025-08-01 09:00:00');
  await lead('M05|A2', 'M05', '（2024）浙0102执2号', '已合并', '2025-08-01 09:00:00');
  await lead('M05|A3', 'M05', '（2024）浙0102执3号', '已排除', '2025-09-01 09:00:00');
  await lead('M05|B1', 'M05', '（2024）浙0105执9号', '已排除', '2025-09-02 09:00:00');
  const kase = (id: number, unit: string, kind: string, model: string | null, opened: string) =>
    db.run(
      `INSERT INTO supervision_cases (id, unit_id, case_no, year, serial, kind, model_id, title, state, created_at)
       VALUES ($1, $2, $3, 2025, $1, $4, $5, '测试案件', '法院回复', CAST($6 AS TIMESTAMP))`,
      [id, unit, `测检民执监〔2025〕${id}号`, kind, model, opened],
    );
  await kase(1, '330102', '个案', null, '2025-07-10 10:00:00');
  await kase(2, '330102', '类案', 'M05', '2025-08-05 10:00:00');
  await kase(3, '330105', '个案', null, '2025-09-05 10:00:00');
  await db.run(`INSERT INTO supervision_case_leads (lead_key, case_id, lead_id, model_id, enforcement_case_no) VALUES
    ('M01|A', 1, 'x1', 'M01', '（2023）浙0102执100号'),
    ('M05|A1', 2, 'x2', 'M05', '（2024）浙0102执1号'),
    ('M05|A2', 2, 'x3', 'M05', '（2024）浙0102执2号')`);
  await db.run(`INSERT INTO supervision_recommendations (id, case_id, unit_id, kind, case_count, addressee, state, issued_on) VALUES
    (1, 1, '330102', '个案', 1, '杭州市上城区人民法院', '已发出', DATE '2025-07-20'),
    (2, 2, '330102', '类案', 3, '杭州市上城区人民法院', '已发出', DATE '2025-08-20'),
    (3, 3, '330105', '个案', 1, '杭州市拱墅区人民法院', '已发出', DATE '2025-09-10'),
    (4, 3, '330105', '个案', 1, '杭州市拱墅区人民法院', '草稿', NULL)`);
  await db.run(`INSERT INTO court_replies (id, recommendation_id, result, reply_date, actions) VALUES
    (1, 1, '不采纳', DATE '2025-08-01', ['其他']),
    (2, 1, '采纳', DATE '2025-08-15', ['恢复执行']),
    (3, 2, '部分采纳', DATE '2025-09-15', ['纠正']),
    (4, 3, '不采纳', DATE '2025-09-20', ['其他'])`);
  await db.run(`INSERT INTO case_outcomes (case_id, recommendation_id, kind, outcome_date, amount, persons) VALUES
    (1, 1, '恢复执行', DATE '2025-08-16', NULL, NULL),
    (1, 1, '执行到位', DATE '2025-08-20', 0.10, NULL),
    (1, 1, '执行到位', DATE '2025-09-20', 0.20, NULL),
    (2, 2, '执行到位', DATE '2025-09-25', 1234567890123.45, NULL),
    (2, 2, '移送刑事线索', DATE '2025-09-26', NULL, NULL),
    (2, 2, '公安立案', DATE '2025-09-28', NULL, 2)`);
}
