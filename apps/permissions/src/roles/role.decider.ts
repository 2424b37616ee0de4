import { entityIdSchema } from '@extapps/contracts';
import { isBuiltInRoleId } from './catalog/built-in-roles';
import { PermissionCatalog } from './catalog/permission-catalog';
import { ChangeRole, CreateRole, RoleCommand } from './role.commands';
import { accept, refuse, RoleDecision } from './role.errors';
import { checkRoleName } from './role-name';
import { checkPermissions, samePermissions } from './role-permissions';
import { CustomRole, RoleState } from './role.state';

export { evolveRole, initialRoleState, rebuildRole } from './role.state';

/**
 * What a decision may depend on besides the role's own stream: the catalog and synchronous
 * lookups into the access index, injected so decide stays pure.
 */
export interface RoleContext {
  readonly catalog: PermissionCatalog;
  readonly tenantExists: (tenantId: string) => boolean;
  /** How many live assignments give this role. */
  readonly assignmentsOf: (roleId: string) => number;
}

/**
 * A custom role's rules. Names unique in the tenant are deliberately not checked here beyond the
 * built-in names: uniqueness spans roles, so the handler claims the name (insert-only claims).
 */
export function decideRole(
  command: RoleCommand,
  state: RoleState,
  context: RoleContext,
): RoleDecision {
  if (command.type === 'CreateRole') return create(command, state, context);
  if (isBuiltInRoleId(command.roleId)) {
    return refuse('built-in-role', `${command.roleId} is a built-in role: it cannot be changed`);
  }
  if (state.status !== 'live') return refuse('role-not-found', `no role ${command.roleId}`);
  switch (command.type) {
    case 'ChangeRole':
      return change(command, state, context);
    case 'DeleteRole': {
      const inUse = context.assignmentsOf(state.roleId);
      if (inUse > 0 && !command.cascade) {
        return refuse(
          'role-in-use',
          `the role is assigned ${inUse} time(s); delete with cascade=true to unassign it everywhere`,
        );
      }
      const { roleId, tenantId } = state;
      const before = viewOf(state);
      return accept({ type: 'RoleDeleted', data: { roleId, tenantId, before, after: null } });
    }
    default: {
      const unreachable: never = command;
      throw new Error(`unknown role command ${JSON.stringify(unreachable)}`);
    }
  }
}

function create(command: CreateRole, state: RoleState, context: RoleContext): RoleDecision {
  if (state.status !== 'none') return refuse('role-exists', `role ${command.roleId} exists`);
  if (!entityIdSchema.safeParse(command.roleId).success || isBuiltInRoleId(command.roleId)) {
    return refuse('invalid-role-id', `${JSON.stringify(command.roleId)} cannot be a role id`);
  }
  if (!context.tenantExists(command.tenantId)) {
    return refuse('tenant-not-found', `no tenant ${command.tenantId}`, 'tenantId');
  }
  const name = checkRoleName(command.name);
  if (!name.ok) return name;
  const permissions = checkPermissions(context.catalog, command.permissions);
  if (!permissions.ok) return permissions;
  const after = { name: name.value, permissions: permissions.value };
  const { roleId, tenantId } = command;
  return accept({ type: 'RoleCreated', data: { roleId, tenantId, before: null, after } });
}

function change(command: ChangeRole, role: CustomRole, context: RoleContext): RoleDecision {
  const name =
    command.name === undefined
      ? { ok: true as const, value: role.name }
      : checkRoleName(command.name);
  if (!name.ok) return name;
  const permissions =
    command.permissions === undefined
      ? { ok: true as const, value: [...role.permissions] }
      : checkPermissions(context.catalog, command.permissions);
  if (!permissions.ok) return permissions;
  const after = { name: name.value, permissions: permissions.value };
  if (after.name === role.name && samePermissions(after.permissions, role.permissions)) {
    return accept();
  }
  const { roleId, tenantId } = role;
  return accept({ type: 'RoleChanged', data: { roleId, tenantId, before: viewOf(role), after } });
}

const viewOf = (role: CustomRole) => ({ name: role.name, permissions: [...role.permissions] });
