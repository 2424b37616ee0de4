import { MAX_ROLE_PERMISSIONS, permissionNameSchema } from '@extapps/contracts';
import { z } from 'zod';

/*
 * The permissions a role may hold: configuration (PERMISSION_CATALOG_FILE), the default below
 * otherwise. A permission is `Area.Action`; the protected APIs ask the check API about these names.
 */

const permissionEntrySchema = z
  .object({ name: permissionNameSchema, description: z.string().min(1).max(200) })
  .strict();

/** At most as many permissions as a role may hold, so "every permission" is always a valid role. */
export const permissionCatalogSchema = z
  .object({ permissions: z.array(permissionEntrySchema).min(1).max(MAX_ROLE_PERMISSIONS) })
  .strict()
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.permissions.forEach((p, i) => {
      if (seen.has(p.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['permissions', i, 'name'],
          message: `${p.name} is listed twice`,
        });
      }
      seen.add(p.name);
    });
  });

export type PermissionCatalog = z.output<typeof permissionCatalogSchema>;
export type PermissionEntry = PermissionCatalog['permissions'][number];

const ACTIONS = {
  View: 'See',
  Create: 'Create',
  Edit: 'Change',
  Delete: 'Delete',
} as const;

function area(name: string, subject: string, actions: readonly (keyof typeof ACTIONS)[]) {
  return actions.map((action) => ({
    name: `${name}.${action}`,
    description: `${ACTIONS[action]} ${subject}`,
  }));
}

const CRUD = ['View', 'Create', 'Edit', 'Delete'] as const;

export const DEFAULT_PERMISSION_CATALOG: PermissionCatalog = permissionCatalogSchema.parse({
  permissions: [
    ...area('Jobs', 'jobs', CRUD),
    ...area('Queues', 'queues and their items', CRUD),
    ...area('Assets', 'assets', CRUD),
    ...area('Folders', 'folders', CRUD),
    ...area('Users', 'users and their roles', ['View', 'Edit']),
    ...area('Roles', 'roles and role assignments', ['View', 'Edit']),
  ],
});

/** The names of `requested` that are not in the catalog, in request order. */
export function unknownPermissions(
  catalog: PermissionCatalog,
  requested: readonly string[],
): string[] {
  const known = new Set(catalog.permissions.map((p) => p.name));
  return requested.filter((name) => !known.has(name));
}
