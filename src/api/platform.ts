import { AuditService } from '../audit/audit.service.ts';
import { AuthService, type AuthOptions } from '../auth/auth.service.ts';
import { PersonRefs } from '../auth/person-ref.ts';
import { CaseFilesService } from '../casework/case-files.service.ts';
import { CaseWriter } from '../casework/case-writer.ts';
import { CampaignService } from '../casework/campaign.service.ts';
import { CaseworkService } from '../casework/casework.service.ts';
import { DocumentsService } from '../casework/documents.service.ts';
import { RecommendationsService } from '../casework/recommendations.service.ts';
import { RecommendationListService } from '../casework/recommendation-list.service.ts';
import { LedgerService } from '../casework/ledger.service.ts';
import { JobService } from '../jobs/job.service.ts';
import { DataChanges } from '../org/data-changes.ts';
import { LeadAccessService } from '../org/lead-access.service.ts';
import type { ServiceContext } from '../org/operator.ts';
import { LeadActionService } from '../org/lead-actions.service.ts';
import { LeadViewService } from '../org/lead-views.service.ts';
import { OrgService } from '../org/org.service.ts';
import type { Database } from '../store/database.ts';
import { StatsService } from '../stats/stats.service.ts';

/**
 * The web platform's own services (units/users, sign-in, audit, jobs), built on one database. It is
 * the services' context (db, audit, change signal); a job passes `{ ...platform, db: job.db }`.
 */
export interface Platform extends ServiceContext {
  readonly org: OrgService;
  readonly auth: AuthService;
  readonly jobs: JobService;
  readonly leads: LeadAccessService;
  /** Every view and export of leads, cases and persons for an operator (scope, masking, audit). */
  readonly views: LeadViewService;
  /** Assign, dismiss, reopen, note (and in bulk) for an operator (right, scope, audit). */
  readonly leadActions: LeadActionService;
  readonly personRefs: PersonRefs;
  /** The casework services' one writing connection and their files (attachments, Word drafts). */
  readonly caseWriter: CaseWriter;
  readonly casework: CaseworkService;
  /** Attachments of verification acts (content-checked, audited downloads). */
  readonly caseFiles: CaseFilesService;
  /** The case's Word documents, their versions and the units' templates. */
  readonly documents: DocumentsService;
  /** Recommendations (检察建议), court replies, deadlines, follow-up and outcomes. */
  readonly recommendations: RecommendationsService;
  /** The 检察建议台账 (list and audited Excel export). */
  readonly recommendationList: RecommendationListService;
  /** Campaigns (专项监督活动): scope, versions, the bounds of a run under one. */
  readonly campaigns: CampaignService;
  /** The ledger (一本账) and the work list (我的待办). */
  readonly ledger: LedgerService;
  /** Statistics, the 终本 table and the bulletin (scope, cache, audited exports). */
  readonly stats: StatsService;
}

export function createPlatform(db: Database, authOptions: Partial<AuthOptions> = {}): Platform {
  const audit = new AuditService(db);
  const org = new OrgService(db, audit);
  const auth = new AuthService(db, audit, authOptions);
  org.onUserChanged = (userId) => auth.forgetUser(userId);
  const leads = new LeadAccessService(db);
  // The one place cached lead pages and counts learn that data changed (no route calls it).
  const changes = new DataChanges();
  changes.subscribe((change) => {
    if (change === 'models') leads.modelsChanged();
    // Casework moves lead statuses through the lead service, which signals 'leads' itself.
    else if (change !== 'casework') leads.invalidate();
  });
  const personRefs = new PersonRefs();
  const views = new LeadViewService(leads, org, audit, personRefs);
  const caseWriter = new CaseWriter(db);
  const files = caseWriter.files;
  const caseDeps = { db, audit, changes, org, leads, writer: caseWriter };
  const documents = new DocumentsService({ ...caseDeps, files });
  return {
    db,
    org,
    auth,
    audit,
    changes,
    jobs: new JobService(db),
    leads,
    views,
    leadActions: new LeadActionService(db, leads, views, org, audit),
    personRefs,
    caseWriter,
    casework: new CaseworkService(caseDeps),
    caseFiles: new CaseFilesService({ ...caseDeps, files }),
    documents,
    recommendations: new RecommendationsService({
      ...caseDeps,
      onIssued: (op, id) => documents.renderIssued(op, id),
    }),
    recommendationList: new RecommendationListService(caseDeps),
    campaigns: new CampaignService(caseDeps),
    ledger: new LedgerService(caseDeps),
    stats: new StatsService({ db, audit, changes, org, modelNames: () => leads.modelNames() }),
  };
}
