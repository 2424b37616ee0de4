import { Principal } from '@extapps/contracts';
import { AccessEvents } from './testing/access-events';
import { givenIndex, VIEWER } from './testing/given-index';

const APP: Principal = { type: 'app', id: 'app-1' };

function world() {
  const e = new AccessEvents();
  const index = givenIndex(
    e.tenantCreated('t1'),
    e.folderCreated('t1', 'f1'),
    e.folderCreated('t1', 'f2', 'f1'),
    e.folderCreated('t1', 'f3'),
    e.appRegistered('app-1'),
    e.roleCreated('jobs', 't1', ['Jobs.View', 'Jobs.Create']),
    e.assigned('wide', { principal: APP, roleId: VIEWER, tenantId: 't1', folderId: null }),
    e.assigned('on-f1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
  );
  return { e, index };
}

const by = (assignmentId: string, roleId: string, roleName: string, folderId: string | null) => ({
  assignmentId,
  roleId,
  roleName,
  tenantId: 't1',
  folderId,
});

describe('effectivePermissions', () => {
  it('given grants on an ancestor and the tenant, then each permission lists its grants, nearest first', () => {
    const { index } = world();

    expect(index.effectivePermissions({ principal: APP, tenantId: 't1', folderId: 'f2' })).toEqual({
      ok: true,
      permissions: [
        { permission: 'Assets.View', grantedBy: [by('wide', VIEWER, 'Viewer', null)] },
        { permission: 'Jobs.Create', grantedBy: [by('on-f1', 'jobs', 'Role jobs', 'f1')] },
        {
          permission: 'Jobs.View',
          grantedBy: [by('on-f1', 'jobs', 'Role jobs', 'f1'), by('wide', VIEWER, 'Viewer', null)],
        },
      ],
    });
  });

  it('given a folder outside the granted one, then only tenant-wide grants count', () => {
    const { index } = world();

    const result = index.effectivePermissions({ principal: APP, tenantId: 't1', folderId: 'f3' });

    expect(result.ok && result.permissions.map((p) => p.permission)).toEqual([
      'Assets.View',
      'Jobs.View',
    ]);
  });

  it('given a role holding a permission outside the catalog, then it is left out', () => {
    const { e, index } = world();
    index.apply(e.roleChanged('jobs', 't1', ['Jobs.Create', 'Robots.Start']));

    const result = index.effectivePermissions({ principal: APP, tenantId: 't1', folderId: 'f1' });

    expect(result.ok && result.permissions.map((p) => p.permission)).toEqual([
      'Assets.View',
      'Jobs.Create',
      'Jobs.View',
    ]);
  });

  it('given a disabled app or an unknown folder, then it is refused as a check would be', () => {
    const { e, index } = world();

    expect(index.effectivePermissions({ principal: APP, tenantId: 't1', folderId: 'f9' })).toEqual({
      ok: false,
      reason: { code: 'unknown-folder', message: expect.any(String) },
    });
    index.apply(e.appDisabled('app-1'));
    expect(index.effectivePermissions({ principal: APP, tenantId: 't1' })).toMatchObject({
      ok: false,
      reason: { code: 'principal-disabled' },
    });
  });
});
