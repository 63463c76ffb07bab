import { AuditService } from '../audit/audit.service.ts';
import { AuthService, type AuthOptions } from '../auth/auth.service.ts';
import { PersonRefs } from '../auth/person-ref.ts';
import { JobService } from '../jobs/job.service.ts';
import { LeadAccessService } from '../org/lead-access.service.ts';
import { LeadViewService } from '../org/lead-views.service.ts';
import { OrgService } from '../org/org.service.ts';
import type { Database } from '../store/database.ts';

/** The web platform's own services (units/users, sign-in, audit, jobs), built on one database. */
export interface Platform {
  readonly db: Database;
  readonly org: OrgService;
  readonly auth: AuthService;
  readonly audit: AuditService;
  readonly jobs: JobService;
  readonly leads: LeadAccessService;
  /** Every view and export of leads, cases and persons for an operator (scope, masking, audit). */
  readonly views: LeadViewService;
  readonly personRefs: PersonRefs;
}

export function createPlatform(db: Database, authOptions: Partial<AuthOptions> = {}): Platform {
  const org = new OrgService(db);
  const auth = new AuthService(db, authOptions);
  org.onUserChanged = (userId) => auth.forgetUser(userId);
  const audit = new AuditService(db);
  const leads = new LeadAccessService(db);
  const personRefs = new PersonRefs();
  return {
    db,
    org,
    auth,
    audit,
    jobs: new JobService(db),
    leads,
    views: new LeadViewService(leads, org, audit, personRefs),
    personRefs,
  };
}
