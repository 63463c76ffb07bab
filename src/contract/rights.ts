import { ROLE_LABELS, ROLES, type Role } from './vocabulary.ts';

/**
 * What a role may do: the one table the route access (`src/contract/routes/*` → `bindRoutes`),
 * the services (`src/org/unit-boundaries.ts`, bulk assignment) and the web's menus and buttons
 * (`useSession().hasRight`) consult.
 */
export const RIGHTS = [
  'manage_users',
  'view_audit',
  'import_data',
  'rollback_batches',
  'run_models',
  'manage_models',
  'work_leads',
  'assign_leads',
  'work_cases',
  'number_cases',
  'review_documents',
  'manage_campaigns',
] as const;
export type Right = (typeof RIGHTS)[number];

export const ROLE_RIGHTS: Record<Role, readonly Right[]> = {
  // The administrator may also load data and run models (the routes allowed it before this table
  // decided), but not roll a batch back: the rollback rule always kept that to data administrators.
  admin: [
    'manage_users',
    'view_audit',
    'import_data',
    'run_models',
    'manage_models',
    'review_documents',
    'manage_campaigns',
  ],
  data_admin: [
    'import_data',
    'rollback_batches',
    'run_models',
    'manage_models',
    'work_leads',
    'work_cases',
    'review_documents',
  ],
  // Prosecutors read the rulings of their own cases, so they review extractions too.
  prosecutor: ['work_leads', 'work_cases', 'review_documents'],
  // A unit's supervision-case number pattern is the department head's to set.
  // Campaigns (专项监督活动) are set up by department heads (and the administrator).
  dept_head: [
    'work_leads',
    'assign_leads',
    'work_cases',
    'number_cases',
    'review_documents',
    'manage_campaigns',
  ],
};

export function hasRight(roles: readonly Role[], right: Right): boolean {
  return roles.some((r) => ROLE_RIGHTS[r].includes(right));
}

/** The roles that hold a right, in `ROLES` order (for messages such as “需要……角色”). */
export function rolesWith(right: Right): Role[] {
  return ROLES.filter((r) => ROLE_RIGHTS[r].includes(right));
}

/** “系统管理员或数据管理员”: who holds a right, for the pages' explanations. */
export function holdersOf(right: Right): string {
  return rolesWith(right)
    .map((r) => ROLE_LABELS[r])
    .join('或');
}
