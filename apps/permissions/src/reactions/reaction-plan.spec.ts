import { reactionsTo } from './reaction-plan';
import {
  event,
  facts,
  folderView,
  ref,
  roleView,
  unassign,
  user,
} from './testing/reaction-fixtures';

describe('reactionsTo', () => {
  it('given ExternalAppDeleted, then every assignment of that app ends with app-deleted', () => {
    const all = [ref('a-1'), ref('a-2', { folderId: 'f-1' }), ref('a-3', { principal: user })];
    expect(reactionsTo(event('ExternalAppDeleted', 'app-1', {}), facts(all))).toEqual([
      unassign('a-1', 'app-deleted'),
      unassign('a-2', 'app-deleted'),
    ]);
  });

  it('given ExternalAppDisabled, then nothing ends (the index denies while disabled)', () => {
    expect(reactionsTo(event('ExternalAppDisabled', 'app-1', {}), facts([ref('a-1')]))).toEqual([]);
  });

  it('given UserDeleted, then every assignment of that user ends with user-deleted', () => {
    const all = [ref('a-1'), ref('a-2', { principal: user })];
    expect(reactionsTo(event('UserDeleted', 'user-1', {}), facts(all))).toEqual([
      unassign('a-2', 'user-deleted'),
    ]);
  });

  it('given FolderDeleted with descendants, then assignments on any of them end with folder-deleted', () => {
    const all = [
      ref('a-1', { folderId: 'f-1' }),
      ref('a-2', { folderId: 'f-2' }),
      ref('a-3', { folderId: 'f-3' }),
      ref('a-4', { folderId: 'f-1', tenantId: 't-2' }),
    ];
    const deleted = event('FolderDeleted', 't-1', {
      tenantId: 't-1',
      folderId: 'f-1',
      descendantIds: ['f-2'],
      before: folderView,
      after: null,
    });
    expect(reactionsTo(deleted, facts(all))).toEqual([
      unassign('a-1', 'folder-deleted'),
      unassign('a-2', 'folder-deleted'),
    ]);
  });

  it('given RoleDeleted, then every assignment of the role ends with role-deleted', () => {
    const all = [ref('a-1'), ref('a-2', { roleId: 'role-2' })];
    const deleted = event('RoleDeleted', 'role-1', {
      roleId: 'role-1',
      tenantId: 't-1',
      before: roleView,
      after: null,
    });
    expect(reactionsTo(deleted, facts(all))).toEqual([unassign('a-1', 'role-deleted')]);
  });

  it('given TenantDeleted, then its assignments end first, then its custom roles are deleted', () => {
    const all = [ref('a-1'), ref('a-2', { tenantId: 't-2' })];
    const deleted = event('TenantDeleted', 't-1', {
      tenantId: 't-1',
      before: { name: 'T' },
      after: null,
    });
    const customRolesOf = (tenantId: string) => (tenantId === 't-1' ? ['role-1', 'role-3'] : []);
    expect(reactionsTo(deleted, facts(all, { customRolesOf }))).toEqual([
      unassign('a-1', 'tenant-deleted'),
      { kind: 'delete-role', roleId: 'role-1' },
      { kind: 'delete-role', roleId: 'role-3' },
    ]);
  });

  it('given RoleCreated in a tenant known deleted, then the late role is deleted', () => {
    const created = event('RoleCreated', 'role-9', {
      roleId: 'role-9',
      tenantId: 't-1',
      before: null,
      after: roleView,
    });
    expect(reactionsTo(created, facts([], { tenantDeleted: () => true }))).toEqual([
      { kind: 'delete-role', roleId: 'role-9' },
    ]);
    expect(reactionsTo(created, facts([]))).toEqual([]);
  });

  it('given any other event, then nothing', () => {
    expect(
      reactionsTo(
        event('TenantCreated', 't-1', { tenantId: 't-1', before: null, after: { name: 'T' } }),
        facts([ref('a-1')]),
      ),
    ).toEqual([]);
  });
});
