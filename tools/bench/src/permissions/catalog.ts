/*
 * The permissions service's default catalog and two of its built-in roles, as the service defines
 * them in apps/permissions/src/roles/catalog/ (a tool may not import an app). Should they drift,
 * the benchmark's verification check fails before any load (a permission missing from the
 * catalog is refused as unknown-permission).
 */

const CRUD = ['View', 'Create', 'Edit', 'Delete'];

export const CATALOG: readonly string[] = [
  ...['Jobs', 'Queues', 'Assets', 'Folders'].flatMap((area) => CRUD.map((a) => `${area}.${a}`)),
  ...['Users', 'Roles'].flatMap((area) => ['View', 'Edit'].map((a) => `${area}.${a}`)),
];

/** Built-in roles (no events: every tenant has them) by id, with the permissions they grant. */
export const BUILT_IN_ROLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['builtin.tenant-administrator', CATALOG],
  ['builtin.viewer', CATALOG.filter((p) => p.endsWith('.View'))],
]);
