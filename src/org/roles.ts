import type { Role } from '../contract/vocabulary.ts';

/** What a role may do; routes check roles through the contract's access lists, services through this. */
export const RIGHTS = [
  'manage_users',
  'view_audit',
  'import_data',
  'run_models',
  'manage_models',
  'work_leads',
  'assign_leads',
] as const;
export type Right = (typeof RIGHTS)[number];

const ROLE_RIGHTS: Record<Role, readonly Right[]> = {
  admin: ['manage_users', 'view_audit'],
  data_admin: ['import_data', 'run_models', 'manage_models', 'work_leads'],
  prosecutor: ['work_leads'],
  dept_head: ['work_leads', 'assign_leads'],
};

export function hasRight(roles: readonly Role[], right: Right): boolean {
  return roles.some((r) => ROLE_RIGHTS[r].includes(right));
}
