import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { leadViewsOf } from '../app.ts';
import { AuditService } from '../audit/audit.service.ts';
import { DataChanges } from '../org/data-changes.ts';
import { Database } from '../store/database.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';
import type { Operator } from '../org/lead-disclosure.ts';
import type { ExportFormat } from './lead-export.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function dbWithLead(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-export-'));
  dirs.push(dir);
  const db = await Database.open(join(dir, 'x.duckdb'));
  await db.run(
    `INSERT INTO leads (lead_key, model_id, model_version, case_no, subject_id, subject_name, plate, summary,
       priority, evidence, legal_basis, first_seen_run, last_seen_run)
     VALUES ('M01:（2023）浙0102执1号', 'M01', 1, '（2023）浙0102执1号', '330102198001010018', '=HYPERLINK("x")',
       '浙A10001', '被执行人名下有车辆', '高',
       '[{"dataset":"vehicles","batchId":3,"file":"v.xlsx","row":7}]', '["终本规定 第一条（三）"]', 1, 1)`,
  );
  return db;
}

/** A province-wide operator with the reveal right (the export's rule itself is tested elsewhere). */
const OPERATOR: Operator = {
  userId: null,
  username: 'cli:test',
  unitId: null,
  ip: 'cli:test',
  canViewFullId: true,
};

/** The data export as `zhijian leads export` makes it (through the lead view service). */
async function exportLeads(
  db: Database,
  format: ExportFormat,
  options: { reveal?: boolean } = {},
): Promise<string | Buffer> {
  const views = await leadViewsOf({ db, audit: new AuditService(db), changes: new DataChanges() });
  return views.dataExport(OPERATOR, {
    format,
    filter: {},
    sort: 'priority',
    order: 'desc',
    reveal: options.reveal ?? false,
  });
}

describe('lead exports', () => {
  it('defuses formulas', () => {
    expect(defuseCell('=1+1')).toBe("'=1+1");
    expect(defuseCell('-5')).toBe("'-5");
    expect(defuseCell('@x')).toBe("'@x");
    expect(defuseCell('普通文本')).toBe('普通文本');
  });

  it('exports the JSON contract, the subject ID in full only when revealed', async () => {
    const db = await dbWithLead();
    const masked = String(await exportLeads(db, 'json'));
    expect(masked).toContain('330102********0018');
    expect(masked).not.toMatch(/\d{17}[\dXx]/);
    const data = await exportLeads(db, 'json', { reveal: true });
    const json = JSON.parse(String(data)) as Record<string, unknown>[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      leadId: expect.stringMatching(/^L[0-9a-f]{16}$/) as unknown,
      modelId: 'M01',
      modelVersion: 1,
      caseNo: '（2023）浙0102执1号',
      subjectId: '330102198001010018',
      plate: '浙A10001',
      priority: '高',
      status: '待研判',
      evidence: [{ dataset: 'vehicles', batchId: 3, file: 'v.xlsx', row: 7 }],
      legalBasis: ['终本规定 第一条（三）'],
    });
    db.close();
  });

  it('exports CSV and xlsx with defused cells, masked unless revealed', async () => {
    const db = await dbWithLead();
    const csv = String(await exportLeads(db, 'csv'));
    expect(csv).toContain('330102********0018');
    expect(csv).not.toMatch(/\d{17}[\dXx]/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const buffer = (await exportLeads(db, 'xlsx', { reveal: true })) as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const row = book.worksheets[0]?.getRow(2);
    expect(row?.getCell(6).value).toBe(`'=HYPERLINK("x")`);
    expect(row?.getCell(5).value).toBe('330102198001010018');
    db.close();
  });
});
