import { AccessDecision, AccessQuery, Denial, DENIED, GrantedBy } from './access-decision';
import { FolderNode, FolderTree, TenantNode } from './folder-tree';
import { PermissionInterner } from './permission-sets';
import { TenantPlaces } from './principal-assignments';
import { PrincipalEntry, PrincipalTable } from './principals';
import { AssignmentRef } from './ports';
import { RoleEntry, RoleTable } from './role-table';

/** The tables a check reads. */
export interface AccessState {
  readonly principals: PrincipalTable;
  readonly tree: FolderTree;
  readonly roles: RoleTable;
  readonly permissions: PermissionInterner;
}

/** Where a query points, once principal, tenant and folder are known to exist. */
export interface ResolvedPlace {
  readonly entry: PrincipalEntry;
  readonly tenant: TenantNode;
  readonly folder: FolderNode | null;
}

/**
 * Checks in this order, the first failing one answering: the principal (known, not disabled or
 * deleted), the tenant, the folder (in that tenant), the permission (in the catalog), then the
 * assignments from the folder up through its ancestors to the tenant: the nearest grant wins.
 */
export function checkAccess(state: AccessState, query: AccessQuery): AccessDecision {
  // Resolved inline rather than through resolvePlace: the check path allocates nothing but its
  // answer (and a refusal is a shared constant).
  const entry = state.principals.get(query.principal.type, query.principal.id);
  const refused = principalRefusal(entry);
  if (refused || !entry) return refused ?? DENIED['unknown-principal'];
  const tenant = state.tree.tenant(query.tenantId);
  if (!tenant) return DENIED['unknown-tenant'];
  let folder: FolderNode | null = null;
  if (query.folderId !== undefined && query.folderId !== null) {
    folder = tenant.folders.get(query.folderId) ?? null;
    if (!folder) return DENIED['unknown-folder'];
  }
  const permissionId = state.permissions.catalogId(query.permission);
  if (permissionId === undefined) return DENIED['unknown-permission'];
  const places = entry.assignments.inTenant(tenant.id);
  if (places) {
    for (let at = folder; at !== null; at = at.parent) {
      const found = grantOn(state.roles, places, at.id, tenant.id, permissionId);
      if (found) return found;
    }
    const found = grantOn(state.roles, places, null, tenant.id, permissionId);
    if (found) return found;
  }
  return DENIED['not-granted'];
}

function principalRefusal(entry: PrincipalEntry | undefined): Denial | undefined {
  if (!entry?.known) return DENIED['unknown-principal'];
  if (entry.status === 'deleted') return DENIED['principal-deleted'];
  if (entry.status === 'disabled') return DENIED['principal-disabled'];
  return undefined;
}

/** The principal, tenant and folder of a query, or why they are not usable. */
export function resolvePlace(
  state: AccessState,
  query: Omit<AccessQuery, 'permission'>,
): ResolvedPlace | Denial {
  const entry = state.principals.get(query.principal.type, query.principal.id);
  const refused = principalRefusal(entry);
  if (refused || !entry) return refused ?? DENIED['unknown-principal'];
  const tenant = state.tree.tenant(query.tenantId);
  if (!tenant) return DENIED['unknown-tenant'];
  if (query.folderId === undefined || query.folderId === null) {
    return { entry, tenant, folder: null };
  }
  const folder = tenant.folders.get(query.folderId);
  if (!folder) return DENIED['unknown-folder'];
  return { entry, tenant, folder };
}

function grantOn(
  roles: RoleTable,
  places: TenantPlaces,
  folderId: string | null,
  tenantId: string,
  permissionId: number,
): AccessDecision | undefined {
  const candidates = places.candidates(folderId);
  // An indexed loop: the check path allocates nothing but its answer.
  for (let i = 0; i < candidates.length; i++) {
    const assignment = candidates[i];
    if (assignment.folderId !== folderId) continue;
    const role = liveRole(roles, assignment);
    if (role?.permissions.has(permissionId)) {
      return { allowed: true, grantedBy: grantedBy(assignment, role) };
    }
  }
  return undefined;
}

/** The assignment's role, if it exists and belongs to the assignment's tenant (or is built-in). */
export function liveRole(roles: RoleTable, assignment: AssignmentRef): RoleEntry | undefined {
  const role = roles.get(assignment.roleId);
  if (!role || (role.tenantId !== null && role.tenantId !== assignment.tenantId)) return undefined;
  return role;
}

export function grantedBy(assignment: AssignmentRef, role: RoleEntry): GrantedBy {
  return {
    assignmentId: assignment.assignmentId,
    roleId: role.id,
    roleName: role.name,
    tenantId: assignment.tenantId,
    folderId: assignment.folderId,
  };
}
