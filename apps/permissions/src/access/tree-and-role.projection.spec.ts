import { Principal } from '@extapps/contracts';
import { AccessEvents } from './testing/access-events';
import { AccessIndex } from './access-index';
import { CATALOG, givenIndex } from './testing/given-index';

const APP: Principal = { type: 'app', id: 'app-1' };
const jobsView = (folderId?: string) => ({
  principal: APP,
  permission: 'Jobs.View',
  tenantId: 't1',
  folderId,
});

function world() {
  const e = new AccessEvents();
  const base = [
    e.tenantCreated('t1'),
    e.appRegistered('app-1'),
    e.roleCreated('jobs', 't1', ['Jobs.View']),
  ];
  return { e, base };
}

describe('AccessIndex projection of tenant, folder and role events', () => {
  it('TenantCreated: the tenant exists', () => {
    const e = new AccessEvents();
    const index = givenIndex(e.tenantCreated('t1'));

    expect(index.tenantExists('t1')).toBe(true);
    expect(index.tenantExists('t2')).toBe(false);
  });

  it('TenantRenamed: the tenant still exists with its folders', () => {
    const { e, base } = world();
    const index = givenIndex(...base, e.folderCreated('t1', 'f1'), e.tenantRenamed('t1', 'New'));

    expect(index.tenantExists('t1')).toBe(true);
    expect(index.folderExists('t1', 'f1')).toBe(true);
  });

  it('TenantDeleted: the tenant, its folders and its custom roles are gone', () => {
    const { e, base } = world();
    const a1 = { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null };
    const index = givenIndex(
      ...base,
      e.folderCreated('t1', 'f1'),
      e.assigned('a1', a1),
      e.tenantDeleted('t1'),
    );

    expect(index.tenantExists('t1')).toBe(false);
    expect(index.folderExists('t1', 'f1')).toBe(false);
    expect(index.check(jobsView())).toMatchObject({ reason: { code: 'unknown-tenant' } });
    // Were the tenant id to come back, the old custom role must not.
    index.apply(e.tenantCreated('t1'));
    expect(index.check(jobsView())).toMatchObject({ reason: { code: 'not-granted' } });
  });

  it('FolderCreated: the folder exists in its tenant only', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.folderCreated('t1', 'f1'),
      e.folderCreated('t1', 'f2', 'f1'),
    );

    expect(index.folderExists('t1', 'f2')).toBe(true);
    expect(index.folderExists('t2', 'f2')).toBe(false);
  });

  it('FolderRenamed: the folder keeps its place and its grants', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.folderCreated('t1', 'f1'),
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
      e.folderRenamed('t1', 'f1', 'Renamed'),
    );

    expect(index.check(jobsView('f1'))).toMatchObject({ allowed: true });
  });

  it('FolderMoved: effective permissions follow the new parent', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.folderCreated('t1', 'granted'),
      e.folderCreated('t1', 'other'),
      e.folderCreated('t1', 'moving', 'other'),
      e.folderCreated('t1', 'child', 'moving'),
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'granted' }),
    );
    expect(index.check(jobsView('child'))).toMatchObject({ allowed: false });

    index.apply(e.folderMoved('t1', 'moving', 'granted'));

    expect(index.check(jobsView('child'))).toMatchObject({
      allowed: true,
      grantedBy: { assignmentId: 'a1' },
    });
    index.apply(e.folderMoved('t1', 'moving', null));
    expect(index.check(jobsView('moving'))).toMatchObject({ reason: { code: 'not-granted' } });
  });

  it('FolderMoved into its own sub-folder: reported as inconsistent, the tree unchanged', () => {
    const { e, base } = world();
    const inconsistent: string[] = [];
    const index = new AccessIndex({
      catalog: CATALOG,
      builtInRoles: new Map(),
      onInconsistent: (event) => inconsistent.push(event.type),
    });
    const a1 = { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'a' };
    [
      ...base,
      e.folderCreated('t1', 'a'),
      e.folderCreated('t1', 'b', 'a'),
      e.assigned('a1', a1),
    ].forEach((event) => index.apply(event));

    index.apply(e.folderMoved('t1', 'a', 'b'));

    expect(inconsistent).toEqual(['FolderMoved']);
    expect(index.check(jobsView('b'))).toMatchObject({ allowed: true });
  });

  it('FolderDeleted with a cascade: the folder and its descendants are gone', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.folderCreated('t1', 'f1'),
      e.folderCreated('t1', 'f2', 'f1'),
      e.folderCreated('t1', 'f3', 'f2'),
      e.folderCreated('t1', 'keep'),
      e.folderDeleted('t1', 'f1', ['f2', 'f3']),
    );

    expect(['f1', 'f2', 'f3'].map((f) => index.folderExists('t1', f))).toEqual([
      false,
      false,
      false,
    ]);
    expect(index.folderExists('t1', 'keep')).toBe(true);
    expect(index.check(jobsView('f3'))).toMatchObject({ reason: { code: 'unknown-folder' } });
  });

  it('RoleCreated: an assignment of it grants its permissions', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null }),
    );

    expect(index.check(jobsView())).toMatchObject({ allowed: true });
  });

  it('RoleChanged: the new permissions and name take effect at once wherever it is assigned', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null }),
      e.roleChanged('jobs', 't1', ['Queues.Edit'], 'Queue editor'),
    );

    expect(index.check(jobsView())).toMatchObject({ reason: { code: 'not-granted' } });
    expect(index.check({ ...jobsView(), permission: 'Queues.Edit' })).toMatchObject({
      allowed: true,
      grantedBy: { roleName: 'Queue editor' },
    });
  });

  it('RoleDeleted: its assignments grant nothing even before they are unassigned', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: null }),
      e.roleDeleted('jobs', 't1'),
    );

    expect(index.check(jobsView())).toMatchObject({ reason: { code: 'not-granted' } });
    expect(index.ofRole('jobs')).toHaveLength(1);
  });

  it('RoleDeleted after its tenant was deleted: nothing left to do, nothing reported', () => {
    const { e, base } = world();
    const inconsistent: string[] = [];
    const index = new AccessIndex({
      catalog: CATALOG,
      builtInRoles: new Map(),
      onInconsistent: (event) => inconsistent.push(event.type),
    });
    [...base, e.tenantDeleted('t1'), e.roleDeleted('jobs', 't1')].forEach((ev) => index.apply(ev));

    expect(inconsistent).toEqual([]);
  });

  it('RoleAssigned before its role and tenant arrive: it grants once they do', () => {
    const e = new AccessEvents();
    const assigned = e.assigned('a1', {
      principal: APP,
      roleId: 'r',
      tenantId: 't1',
      folderId: null,
    });
    const index = givenIndex(assigned, e.appRegistered('app-1'));

    index.apply(e.tenantCreated('t1'));
    index.apply(e.roleCreated('r', 't1', ['Jobs.View']));

    expect(index.check(jobsView())).toMatchObject({ allowed: true });
  });

  it('RoleUnassigned: the grant ends and every index forgets the assignment', () => {
    const { e, base } = world();
    const index = givenIndex(
      ...base,
      e.folderCreated('t1', 'f1'),
      e.assigned('a1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
      e.unassigned('a1'),
    );

    expect(index.check(jobsView('f1'))).toMatchObject({ reason: { code: 'not-granted' } });
    expect(index.byPrincipal(APP)).toEqual([]);
    expect(index.onFolders('t1', ['f1'])).toEqual([]);
    expect(index.inTenant('t1')).toEqual([]);
    expect(index.ofRole('jobs')).toEqual([]);
  });
});
