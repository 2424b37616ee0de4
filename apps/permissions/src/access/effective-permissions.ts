import { AccessQuery, Denial, GrantedBy } from './access-decision';
import { AccessState, grantedBy, liveRole, resolvePlace } from './access-check';

export interface EffectivePermission {
  readonly permission: string;
  /** Every assignment granting it here, nearest place first (the folder, its ancestors, the tenant). */
  readonly grantedBy: GrantedBy[];
}

export type EffectivePermissions =
  | { readonly ok: true; readonly permissions: EffectivePermission[] }
  | { readonly ok: false; readonly reason: Denial['reason'] };

/**
 * What `checkAccess` would allow the principal at this place, permission by permission, sorted by
 * name; refused for the same reasons a check is (a disabled principal has no effective
 * permissions). Permissions outside the catalog are left out, as a check refuses them.
 */
export function effectivePermissions(
  state: AccessState,
  query: Omit<AccessQuery, 'permission'>,
): EffectivePermissions {
  const place = resolvePlace(state, query);
  if ('allowed' in place) return { ok: false, reason: place.reason };
  const places = place.entry.assignments.inTenant(place.tenant.id);
  const found = new Map<string, GrantedBy[]>();
  const collect = (folderId: string | null) => {
    for (const assignment of places?.candidates(folderId) ?? []) {
      if (assignment.folderId !== folderId) continue;
      const role = liveRole(state.roles, assignment);
      if (!role) continue;
      const by = grantedBy(assignment, role);
      for (const permission of role.permissions.names) {
        if (!state.permissions.inCatalog(permission)) continue;
        const list = found.get(permission);
        if (list) list.push(by);
        else found.set(permission, [by]);
      }
    }
  };
  for (let at = place.folder; at !== null; at = at.parent) collect(at.id);
  collect(null);
  const permissions = [...found.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([permission, by]) => ({ permission, grantedBy: by }));
  return { ok: true, permissions };
}
