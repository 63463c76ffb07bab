import ExcelJS from 'exceljs';
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditFilter } from '../contract/audit.ts';
import { maskIdsInText } from '../domain/mask.ts';
import type { Database } from '../store/database.ts';
import { insertAuditMany, queryAudit, type AuditRecord } from '../store/audit.repo.ts';
import { defuseCell } from '../domain/spreadsheet-cell.ts';

/** Who did it and from where: taken from the request. */
export interface Actor {
  userId: string | null;
  username: string | null;
  unitId: string | null;
  ip: string | null;
}

/**
 * The audit log (审计): who, when, what, from where, in which unit. Detail texts are masked before
 * they are stored, so the log itself never holds a full ID number.
 */
export class AuditService {
  private pending: { entry: Omit<AuditRecord, 'id' | 'at'>; done: (error?: unknown) => void }[] =
    [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Database) {}

  /**
   * Records an entry; resolves once it is committed. Entries arriving together share one commit
   * (group commit): every request still waits for its own entry to be durable, but a busy server
   * does not pay one disk sync per page view.
   */
  record(
    actor: Actor,
    action: AuditAction,
    target: string | null,
    detail: string | null = null,
  ): Promise<void> {
    const entry = {
      ...actor,
      action,
      target: target === null ? null : maskIdsInText(target),
      detail: detail === null ? null : maskIdsInText(detail),
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ entry, done: (error) => (error ? reject(error) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    // Let the entries of requests running right now join this commit.
    await new Promise((r) => setImmediate(r));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 500);
      try {
        await insertAuditMany(
          this.db,
          batch.map((b) => b.entry),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    this.flushing = undefined;
  }

  async list(
    filter: AuditFilter & { unitIds?: readonly string[] },
    page: { page: number; pageSize: number },
  ): Promise<{ items: AuditRecord[]; total: number }> {
    return queryAudit(this.db, filter, {
      offset: (page.page - 1) * page.pageSize,
      limit: page.pageSize,
    });
  }

  /**
   * The filtered log as an Excel workbook (at most 100,000 rows, newest first); the export itself
   * is an entry naming `actor` and the filter.
   */
  async exportXlsx(
    actor: Actor,
    filter: AuditFilter & { unitIds?: readonly string[] },
    unitName: (id: string | null) => string,
  ): Promise<Buffer> {
    const { items } = await this.list(filter, { page: 1, pageSize: 100_000 });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('审计日志');
    sheet.columns = [
      { header: '时间', key: 'at', width: 20 },
      { header: '用户', key: 'username', width: 14 },
      { header: '单位', key: 'unit', width: 28 },
      { header: '操作', key: 'action', width: 16 },
      { header: '对象', key: 'target', width: 36 },
      { header: '详情', key: 'detail', width: 50 },
      { header: 'IP', key: 'ip', width: 16 },
    ];
    for (const e of items) {
      sheet.addRow({
        at: e.at,
        username: defuseCell(e.username),
        unit: defuseCell(unitName(e.unitId)),
        action: AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action,
        target: defuseCell(e.target),
        detail: defuseCell(e.detail),
        ip: defuseCell(e.ip),
      });
    }
    sheet.getRow(1).font = { bold: true };
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await this.record(actor, 'export_audit', null, JSON.stringify(filter));
    return buffer;
  }
}
