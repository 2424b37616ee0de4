import { PermissionCatalog, unknownPermissions } from './catalog/permission-catalog';
import { Checked, refuse, valid } from './role.errors';

/**
 * The permission set, sorted so that two equal sets are stored (and compared) alike; refused
 * naming every permission the catalog does not have.
 */
export function checkPermissions(
  catalog: PermissionCatalog,
  requested: readonly string[],
): Checked<string[]> {
  const unknown = unknownPermissions(catalog, requested);
  if (unknown.length > 0) {
    const names = unknown.map((n) => JSON.stringify(n)).join(', ');
    return refuse('unknown-permission', `not in the permission catalog: ${names}`, 'permissions');
  }
  const duplicate = requested.find((name, i) => requested.indexOf(name) !== i);
  if (duplicate !== undefined) {
    return refuse('duplicate-permission', `${duplicate} is listed twice`, 'permissions');
  }
  return valid([...requested].sort());
}

export const samePermissions = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((p, i) => p === b[i]);
