import { builtInRoles, isBuiltInRoleId } from './built-in-roles';
import { DEFAULT_PERMISSION_CATALOG, permissionCatalogSchema } from './permission-catalog';

const byId = (catalog = DEFAULT_PERMISSION_CATALOG) =>
  new Map(builtInRoles(catalog).map((r) => [r.roleId, r.permissions]));

describe('built-in roles', () => {
  it('given the default catalog, then the four roles hold the permissions their rules give', () => {
    const roles = byId();
    const all = DEFAULT_PERMISSION_CATALOG.permissions.map((p) => p.name);
    expect(roles.get('builtin.tenant-administrator')).toEqual(all);
    expect(roles.get('builtin.folder-administrator')).toEqual(
      all.filter((p) => !p.startsWith('Users.') && p !== 'Roles.Edit'),
    );
    expect(roles.get('builtin.automation-user')).toEqual([
      'Jobs.View',
      'Jobs.Create',
      'Jobs.Edit',
      'Queues.View',
      'Queues.Create',
      'Queues.Edit',
      'Assets.View',
      'Folders.View',
      'Roles.View',
    ]);
    expect(roles.get('builtin.viewer')).toEqual(all.filter((p) => p.endsWith('.View')));
  });

  it('given a configured catalog, then the rules apply to its permissions', () => {
    const catalog = permissionCatalogSchema.parse({
      permissions: [
        { name: 'Robots.View', description: 'see robots' },
        { name: 'Robots.Start', description: 'start robots' },
      ],
    });
    expect(byId(catalog).get('builtin.viewer')).toEqual(['Robots.View']);
    expect(byId(catalog).get('builtin.tenant-administrator')).toEqual([
      'Robots.View',
      'Robots.Start',
    ]);
  });

  it('given the built-in ids, then they carry the reserved prefix and a custom id does not', () => {
    expect(builtInRoles(DEFAULT_PERMISSION_CATALOG).every((r) => isBuiltInRoleId(r.roleId))).toBe(
      true,
    );
    expect(isBuiltInRoleId('0190a8f2-7c1e-7000-8000-000000000000')).toBe(false);
  });
});
