import { BUILT_IN_ROLE_PREFIX } from '@extapps/contracts';
import { PermissionCatalog } from './permission-catalog';

/** A role every tenant has, defined in code: it can be assigned but never changed or deleted. */
export interface BuiltInRole {
  readonly roleId: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

interface BuiltInRule {
  readonly roleId: string;
  readonly name: string;
  readonly description: string;
  /** Rules over `Area.Action` rather than lists, so a configured catalog is covered too. */
  readonly grants: (area: string, action: string) => boolean;
}

/** Areas that administer people and roles: the tenant administrator's alone. */
const TENANT_AREAS = new Set(['Users', 'Roles']);
/** What a robot or its operator changes while running automations. */
const AUTOMATION_AREAS = new Set(['Jobs', 'Queues']);

const RULES: readonly BuiltInRule[] = [
  {
    roleId: `${BUILT_IN_ROLE_PREFIX}tenant-administrator`,
    name: 'Tenant Administrator',
    description: 'every permission of the catalog',
    grants: () => true,
  },
  {
    roleId: `${BUILT_IN_ROLE_PREFIX}folder-administrator`,
    name: 'Folder Administrator',
    description: 'every permission except administering users and roles (Users.*, Roles.*)',
    grants: (area, action) => !TENANT_AREAS.has(area) || (area === 'Roles' && action === 'View'),
  },
  {
    roleId: `${BUILT_IN_ROLE_PREFIX}automation-user`,
    name: 'Automation User',
    description: 'views everything but users; creates and edits jobs and queue items',
    grants: (area, action) =>
      (action === 'View' && area !== 'Users') ||
      (AUTOMATION_AREAS.has(area) && (action === 'Create' || action === 'Edit')),
  },
  {
    roleId: `${BUILT_IN_ROLE_PREFIX}viewer`,
    name: 'Viewer',
    description: 'every View permission of the catalog',
    grants: (_area, action) => action === 'View',
  },
];

/** The built-in roles over this catalog, in a fixed order (the most powerful first). */
export function builtInRoles(catalog: PermissionCatalog): readonly BuiltInRole[] {
  return RULES.map(({ grants, ...role }) => ({
    ...role,
    permissions: catalog.permissions
      .map((p) => p.name)
      .filter((name) => {
        const [area = '', action = ''] = name.split('.');
        return grants(area, action);
      }),
  }));
}

export const BUILT_IN_ROLE_IDS: readonly string[] = RULES.map((r) => r.roleId);
export const BUILT_IN_ROLE_NAMES: readonly string[] = RULES.map((r) => r.name);

export const isBuiltInRoleId = (roleId: string): boolean => roleId.startsWith(BUILT_IN_ROLE_PREFIX);
