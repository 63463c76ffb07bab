import { AuditService } from '../audit/audit.service.ts';
import { AuthService, type AuthOptions } from '../auth/auth.service.ts';
import { PersonRefs } from '../auth/person-ref.ts';
import { CaseworkService } from '../casework/casework.service.ts';
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
  readonly casework: CaseworkService;
}

export function createPlatform(db: Database, authOptions: Partial<AuthOptions> = {}): Platform {
  const org = new OrgService(db);
  const auth = new AuthService(db, authOptions);
  org.onUserChanged = (userId) => auth.forgetUser(userId);
  const audit = new AuditService(db);
  const leads = new LeadAccessService(db);
  return {
    db,
    org,
    auth,
    audit,
    jobs: new JobService(db),
    leads,
    personRefs: new PersonRefs(),
    casework: new CaseworkService({ db, org, leads, audit }),
  };
}
