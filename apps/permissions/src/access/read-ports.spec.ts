import { Principal } from '@extapps/contracts';
import { AccessEvents } from './testing/access-events';
import { givenIndex, VIEWER } from './testing/given-index';

const APP: Principal = { type: 'app', id: 'app-1' };
const USER: Principal = { type: 'user', id: 'app-1' };

/** One tenant with f1 > f2, app-1 with three assignments, and a user sharing its id. */
function world() {
  const e = new AccessEvents();
  const index = givenIndex(
    e.tenantCreated('t1'),
    e.tenantCreated('t2'),
    e.folderCreated('t1', 'f1'),
    e.folderCreated('t1', 'f2', 'f1'),
    e.roleCreated('jobs', 't1', ['Jobs.View']),
    e.assigned('wide', { principal: APP, roleId: VIEWER, tenantId: 't1', folderId: null }),
    e.assigned('on-f1', { principal: APP, roleId: 'jobs', tenantId: 't1', folderId: 'f1' }),
    e.assigned('on-f2', { principal: APP, roleId: VIEWER, tenantId: 't1', folderId: 'f2' }),
    e.assigned('user', { principal: USER, roleId: VIEWER, tenantId: 't2', folderId: null }),
  );
  const ids = (refs: readonly { assignmentId: string }[]) => refs.map((r) => r.assignmentId).sort();
  return { index, ids };
}

describe('AccessIndex read ports', () => {
  it('byPrincipal: every assignment of that principal, told apart by type', () => {
    const { index, ids } = world();

    expect(ids(index.byPrincipal(APP))).toEqual(['on-f1', 'on-f2', 'wide']);
    expect(ids(index.byPrincipal(USER))).toEqual(['user']);
    expect(index.byPrincipal({ type: 'app', id: 'nobody' })).toEqual([]);
  });

  it('onFolders: the assignments on exactly those folders', () => {
    const { index, ids } = world();

    expect(ids(index.onFolders('t1', ['f1']))).toEqual(['on-f1']);
    expect(ids(index.onFolders('t1', ['f1', 'f2']))).toEqual(['on-f1', 'on-f2']);
    expect(index.onFolders('t2', ['f1'])).toEqual([]);
  });

  it('inTenant: tenant-wide and folder assignments of that tenant', () => {
    const { index, ids } = world();

    expect(ids(index.inTenant('t1'))).toEqual(['on-f1', 'on-f2', 'wide']);
    expect(ids(index.inTenant('t2'))).toEqual(['user']);
  });

  it('ofRole: the assignments of that role', () => {
    const { index, ids } = world();

    expect(ids(index.ofRole(VIEWER))).toEqual(['on-f2', 'user', 'wide']);
    expect(ids(index.ofRole('jobs'))).toEqual(['on-f1']);
  });

  it('find: the live assignment of exactly this principal, role and place', () => {
    const { index } = world();

    expect(index.find(APP, VIEWER, 't1', null)).toEqual({
      assignmentId: 'wide',
      principal: APP,
      roleId: VIEWER,
      tenantId: 't1',
      folderId: null,
    });
    expect(index.find(APP, 'jobs', 't1', 'f1')?.assignmentId).toBe('on-f1');
    expect(index.find(APP, 'jobs', 't1', 'f2')).toBeUndefined();
    expect(index.find(USER, VIEWER, 't1', null)).toBeUndefined();
  });

  it('tenantExists and folderExists: folders are found only in their own tenant', () => {
    const { index } = world();

    expect([index.tenantExists('t1'), index.tenantExists('t3')]).toEqual([true, false]);
    expect([index.folderExists('t1', 'f2'), index.folderExists('t2', 'f2')]).toEqual([true, false]);
  });

  it('lookup: a principal only named by assignments is unknown', () => {
    const { index } = world();

    expect(index.lookup(APP)).toEqual({ kind: 'unknown' });
  });
});
