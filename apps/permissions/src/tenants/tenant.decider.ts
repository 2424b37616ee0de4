import { decideFolder } from './folder.decider';
import { CreateTenant, TenantCommand } from './tenant.commands';
import { TenantContext } from './tenant.context';
import { accept, refuse, TenantDecision } from './tenant.errors';
import { checkId, checkName } from './tenant-values';
import { TenantInfo, TenantState } from './tenant.state';
export type { AssignmentCounts, FolderLimits, TenantContext } from './tenant.context';

export { evolveTenant, foldTenant, initialTenantState, rebuildTenant } from './tenant.state';

/**
 * A tenant's rules, its folder tree included. Tenant names unique across the service are
 * deliberately not checked here: uniqueness spans tenants, so the handler claims the name.
 */
export function decideTenant(
  command: TenantCommand,
  state: TenantState,
  context: TenantContext,
): TenantDecision {
  if (command.type === 'CreateTenant') return create(command, state);
  if (state.status === 'absent') return refuse('tenant-not-found', 'no such tenant');
  if (state.status === 'deleted') return refuse('tenant-deleted', 'the tenant is deleted');
  switch (command.type) {
    case 'RenameTenant': {
      const name = checkName(command.name);
      if (!name.ok) return name;
      if (name.value === state.name) return accept();
      const data = { tenantId: state.tenantId, before: view(state), after: { name: name.value } };
      return accept({ type: 'TenantRenamed', data });
    }
    case 'DeleteTenant':
      return deleteTenant(state, command.cascade, context);
    case 'CreateFolder':
    case 'RenameFolder':
    case 'MoveFolder':
    case 'DeleteFolder':
      return decideFolder(command, state, context);
    default: {
      const unreachable: never = command;
      throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

function create(command: CreateTenant, state: TenantState): TenantDecision {
  if (state.status !== 'absent') {
    return refuse('tenant-already-exists', 'a tenant exists under this id');
  }
  const id = checkId(command.tenantId, 'tenantId');
  if (!id.ok) return id;
  const name = checkName(command.name);
  if (!name.ok) return name;
  const data = { tenantId: id.value, before: null, after: { name: name.value } };
  return accept({ type: 'TenantCreated', data });
}

function deleteTenant(tenant: TenantInfo, cascade: boolean, context: TenantContext) {
  if (!cascade) {
    const folders = tenant.folders.size;
    const assignments = context.assignments.inTenant();
    if (folders > 0 || assignments > 0) {
      return refuse(
        'tenant-not-empty',
        `the tenant has ${folders} folder(s) and ${assignments} assignment(s); ` +
          'delete with cascade=true to delete them with it',
      );
    }
  }
  const data = { tenantId: tenant.tenantId, before: view(tenant), after: null };
  return accept({ type: 'TenantDeleted', data });
}

const view = (tenant: TenantInfo) => ({ name: tenant.name });
