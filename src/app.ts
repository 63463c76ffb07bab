import { AuditService } from './audit/audit.service.ts';
import { PersonRefs } from './auth/person-ref.ts';
import { CampaignService } from './casework/campaign.service.ts';
import { AppError } from './domain/app-error.ts';
import { DataChanges } from './org/data-changes.ts';
import { LeadAccessService } from './org/lead-access.service.ts';
import { LeadViewService } from './org/lead-views.service.ts';
import type { ServiceContext } from './org/operator.ts';
import { OrgService } from './org/org.service.ts';
import { Database } from './store/database.ts';

/**
 * Composition root: the one place that opens the store and wires it into services. CLI commands,
 * the HTTP server and tests get their services from here.
 */
export interface App extends ServiceContext {
  close(): void;
}

/** DuckDB's message when another process (usually the running platform) holds the file. */
const LOCKED = /Could not set lock on file/i;

export async function openApp(dbPath: string): Promise<App> {
  let db: Database;
  try {
    db = await Database.open(dbPath);
  } catch (error) {
    // DuckDB allows one writing process per file: say in Chinese what to do instead.
    if (error instanceof Error && LOCKED.test(error.message)) {
      throw new AppError(
        'DB_LOCKED',
        `数据库文件 ${dbPath} 正被另一个进程使用（通常是正在运行的平台 zhijian serve）。` +
          '请先停止平台再运行此命令；平台运行时，数据请在网页“数据管理”页上传导入',
      );
    }
    throw error;
  }
  // A command has no caches to drop: its change signal has no listener.
  return {
    db,
    audit: new AuditService(db),
    changes: new DataChanges(),
    close: () => db.close(),
  };
}

/**
 * The lead views of a command-line process: the web's services (scope, masking, audit, the same
 * reads) on the one connection of the command (no read pool: one query at a time). The unit tree
 * is seeded if the database has none yet, as `users add` does.
 */
export async function leadViewsOf(app: ServiceContext): Promise<LeadViewService> {
  const org = new OrgService(app.db, app.audit);
  await org.ensureUnits();
  return new LeadViewService(new LeadAccessService(app.db, 0), org, app.audit, new PersonRefs());
}

/** The campaigns of a command-line process (`zhijian run --scope campaign=编号`). */
export async function campaignsOf(app: ServiceContext): Promise<CampaignService> {
  const org = new OrgService(app.db, app.audit);
  await org.ensureUnits();
  return new CampaignService({ ...app, org, leads: new LeadAccessService(app.db, 0) });
}
