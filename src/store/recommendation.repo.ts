/**
 * Recommendations (检察建议) of supervision cases, the court's replies to them, and the outcomes
 * that count (cases resumed, money recovered, referrals …). Tables only here and the SQL that
 * reads and writes them; the rules (deadlines, who may do what) are in `src/casework`.
 */
import type { SqlExecutor } from './lead.repo.ts';

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS supervision_recommendation_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS supervision_recommendations (
    id INTEGER PRIMARY KEY DEFAULT nextval('supervision_recommendation_id_seq'),
    case_id INTEGER NOT NULL,
    unit_id VARCHAR NOT NULL,             -- the issuing procuratorate (= the case's unit)
    kind VARCHAR NOT NULL,                -- 个案 | 类案 (a class one covers case_count cases)
    case_count INTEGER NOT NULL DEFAULT 1,
    addressee VARCHAR NOT NULL,           -- the court it is sent to
    state VARCHAR NOT NULL,               -- 草稿 | 已发出
    doc_no VARCHAR UNIQUE,                -- fixed at issue, e.g. 浙杭上检民执建〔2025〕3号
    issued_on DATE,                       -- 发出日期
    reply_due DATE,                       -- issued_on + 3 months (两高监督规定 第十三条)
    extended_due DATE,                    -- once, by one month
    extension_note VARCHAR,
    version INTEGER NOT NULL DEFAULT 1,   -- optimistic concurrency, as for cases
    created_by VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    issued_by VARCHAR
  )`,
  `CREATE SEQUENCE IF NOT EXISTS court_reply_id_seq START 1`,
  // A recommendation's replies in the order recorded; the latest is in force (none overwritten).
  `CREATE TABLE IF NOT EXISTS court_replies (
    id INTEGER PRIMARY KEY DEFAULT nextval('court_reply_id_seq'),
    recommendation_id INTEGER NOT NULL,
    result VARCHAR NOT NULL,              -- 采纳 | 部分采纳 | 不采纳
    reply_date DATE NOT NULL,
    actions VARCHAR[] NOT NULL,           -- 恢复执行 | 删除失信 | 解除限消 | 纠正 | 其他
    resumed_case_no VARCHAR,              -- the new 执恢 案号 when the court resumed enforcement
    note VARCHAR NOT NULL DEFAULT '',
    recorded_by VARCHAR,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
  `CREATE SEQUENCE IF NOT EXISTS case_outcome_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS case_outcomes (
    id INTEGER PRIMARY KEY DEFAULT nextval('case_outcome_id_seq'),
    case_id INTEGER NOT NULL,
    recommendation_id INTEGER,            -- the recommendation it came from, when known
    kind VARCHAR NOT NULL,                -- OUTCOME_KINDS
    outcome_date DATE NOT NULL,
    amount DECIMAL(18,2),                 -- 执行到位 / 执行和解 / 司法救助, yuan, exact
    enforcement_case_no VARCHAR,          -- 恢复执行: the 执恢 案号
    crime VARCHAR,                        -- 移送刑事线索: REFERRAL_CRIMES
    persons INTEGER,                      -- 公安立案: persons
    source VARCHAR NOT NULL DEFAULT '手工', -- 手工 | 台账导入 (a 执恢 case found in a later ledger)
    note VARCHAR NOT NULL DEFAULT '',
    recorded_by VARCHAR,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
];

export async function ensureRecommendationSchema(db: SqlExecutor): Promise<void> {
  for (const sql of DDL) await db.run(sql);
}
