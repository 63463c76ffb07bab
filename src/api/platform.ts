import { AuditService } from '../audit/audit.service.ts';
import { AuthService, type AuthOptions } from '../auth/auth.service.ts';
import { PersonRefs } from '../auth/person-ref.ts';
import { JobService } from '../jobs/job.service.ts';
import { LeadAccessService } from '../org/lead-access.service.ts';
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
  readonly personRefs: PersonRefs;
}

export function createPlatform(db: Database, authOptions: Partial<AuthOptions> = {}): Platform {
  const org = new OrgService(db);
  const auth = new AuthService(db, authOptions);
  org.onUserChanged = (userId) => auth.forgetUser(userId);
  return {
    db,
    org,
    auth,
    audit: new AuditService(db),
    jobs: new JobService(db),
    leads: new LeadAccessService(db),
    personRefs: new PersonRefs(),
  };
}
