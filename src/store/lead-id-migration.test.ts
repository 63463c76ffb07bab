import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from './database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ID_KEY = 'M24:（2023）浙0304执745号:330106195701010016';

/** A database file as the releases before opaque lead ids left it (no lead_id column). */
async function oldDatabase(path: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  await c.run(`CREATE TABLE leads (
    lead_key VARCHAR NOT NULL, model_id VARCHAR NOT NULL, model_version INTEGER NOT NULL,
    case_no VARCHAR, subject_id VARCHAR, subject_name VARCHAR, plate VARCHAR,
    summary VARCHAR NOT NULL, priority VARCHAR NOT NULL, evidence JSON, legal_basis JSON,
    action VARCHAR, court VARCHAR, unit_id VARCHAR, confidence VARCHAR, stand_in VARCHAR,
    status VARCHAR NOT NULL DEFAULT '待研判', dismiss_reason VARCHAR, dismiss_note VARCHAR,
    assignee VARCHAR, changed BOOLEAN NOT NULL DEFAULT false, fingerprint VARCHAR,
    first_seen_run INTEGER, last_seen_run INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
  await c.run(`CREATE INDEX leads_key_idx ON leads (lead_key)`);
  await c.run(`CREATE INDEX leads_subject_idx ON leads (subject_id)`);
  await c.run(`CREATE SEQUENCE lead_note_id_seq START 1`);
  await c.run(`CREATE TABLE lead_notes (
    id INTEGER PRIMARY KEY DEFAULT nextval('lead_note_id_seq'), lead_key VARCHAR NOT NULL,
    noted_at TIMESTAMP NOT NULL DEFAULT current_timestamp, author VARCHAR,
    kind VARCHAR NOT NULL DEFAULT 'note', text VARCHAR NOT NULL)`);
  await c.run(`INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, summary,
      priority, status, dismiss_reason, dismiss_note, assignee)
    VALUES ('${ID_KEY}', 'M24', 1, '（2023）浙0304执745号', '330106195701010016', '发现', '高',
      '已排除', '数据错误', '核实为误报', 'zhangsan'),
      ('M01:（2023）浙0102执1号', 'M01', 1, '（2023）浙0102执1号', NULL, '发现', '中',
      '研判中', NULL, NULL, NULL)`);
  await c.run(`INSERT INTO lead_notes (lead_key, author, kind, text)
    VALUES ('${ID_KEY}', '张三', 'status', '排除：数据错误')`);
  c.closeSync();
  instance.closeSync();
}

describe('opaque lead ids on an existing database', () => {
  it('adds and fills lead_id once, keeping status, notes and history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhijian-leadid-'));
    dirs.push(dir);
    const path = join(dir, 'old.duckdb');
    await oldDatabase(path);

    let db = await Database.open(path);
    const rows = await db.all<Record<string, string | null>>(
      `SELECT lead_key, lead_id, status, dismiss_reason, dismiss_note, assignee FROM leads
       ORDER BY lead_key`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.lead_id).toMatch(/^L[0-9a-f]{16}$/);
    expect(new Set(rows.map((r) => r.lead_id)).size).toBe(2);
    expect(rows.find((r) => r.lead_key === ID_KEY)).toMatchObject({
      status: '已排除',
      dismiss_reason: '数据错误',
      dismiss_note: '核实为误报',
      assignee: 'zhangsan',
    });
    const notes = await db.all(`SELECT text FROM lead_notes WHERE lead_key = $1`, [ID_KEY]);
    expect(notes).toEqual([{ text: '排除：数据错误' }]);
    db.close();

    // Opened again: the ids do not change, and a new lead gets its own.
    db = await Database.open(path);
    const again = await db.all<{ lead_key: string; lead_id: string }>(
      `SELECT lead_key, lead_id FROM leads ORDER BY lead_key`,
    );
    expect(again).toEqual(rows.map((r) => ({ lead_key: r.lead_key, lead_id: r.lead_id })));
    await db.run(
      `INSERT INTO leads (lead_key, model_id, model_version, summary, priority)
       VALUES ('M02:x', 'M02', 1, '发现', '低')`,
    );
    const fresh = await db.one<{ lead_id: string }>(
      `SELECT lead_id FROM leads WHERE lead_key = 'M02:x'`,
    );
    expect(fresh?.lead_id).toMatch(/^L[0-9a-f]{16}$/);
    expect(again.map((r) => r.lead_id)).not.toContain(fresh?.lead_id);
    db.close();
  });
});
