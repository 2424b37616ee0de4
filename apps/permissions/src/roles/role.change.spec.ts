import { givenRole, createRole, roleContext, roleErrorOf, TENANT } from './testing/role-fixtures';

const change = (patch: { name?: string; permissions?: string[] }) =>
  ({ type: 'ChangeRole', roleId: 'role-1', ...patch }) as const;
const remove = (cascade = false) => ({ type: 'DeleteRole', roleId: 'role-1', cascade }) as const;
const created = {
  name: 'Robot operator',
  permissions: ['Jobs.Create', 'Jobs.View', 'Queues.View'],
};

describe('ChangeRole', () => {
  it('given a role, when renamed, then RoleChanged with before and after', () => {
    expect(givenRole(createRole).when(change({ name: 'Operators' }))).toEqual({
      ok: true,
      events: [
        {
          type: 'RoleChanged',
          data: {
            roleId: 'role-1',
            tenantId: TENANT,
            before: created,
            after: { ...created, name: 'Operators' },
          },
        },
      ],
    });
  });

  it('given a role, when given a new permission set, then the set is replaced and sorted', () => {
    const decision = givenRole(createRole).when(
      change({ permissions: ['Queues.Edit', 'Assets.View'] }),
    );
    expect(decision.ok && decision.events[0]?.data.after).toEqual({
      name: created.name,
      permissions: ['Assets.View', 'Queues.Edit'],
    });
  });

  it('given a role, when renamed and given new permissions at once, then one RoleChanged', () => {
    const decision = givenRole(createRole).when(
      change({ name: 'Ops', permissions: ['Jobs.View'] }),
    );
    expect(decision.ok && decision.events.map((e) => e.data.after)).toEqual([
      { name: 'Ops', permissions: ['Jobs.View'] },
    ]);
  });

  it('given the same name and the same set in another order, then no event (idempotent)', () => {
    const same = change({
      name: 'Robot operator',
      permissions: ['Queues.View', 'Jobs.Create', 'Jobs.View'],
    });
    expect(givenRole(createRole).when(same)).toEqual({ ok: true, events: [] });
  });

  it('given only a change of case, then it is a rename', () => {
    const decision = givenRole(createRole).when(change({ name: 'ROBOT OPERATOR' }));
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['RoleChanged']);
  });

  it('given unknown permissions, then unknown-permission', () => {
    const decision = givenRole(createRole).when(change({ permissions: ['Jobs.Fly'] }));
    expect(roleErrorOf(decision)?.code).toBe('unknown-permission');
  });

  it('given a bad name, then invalid-name', () => {
    expect(roleErrorOf(givenRole(createRole).when(change({ name: ' ' })))?.code).toBe(
      'invalid-name',
    );
  });

  it('given a built-in name, then name-taken', () => {
    expect(roleErrorOf(givenRole(createRole).when(change({ name: 'Viewer' })))?.code).toBe(
      'name-taken',
    );
  });

  it('given no role, then role-not-found', () => {
    expect(roleErrorOf(givenRole().when(change({ name: 'X' })))?.code).toBe('role-not-found');
  });

  it('given a deleted role, then role-not-found', () => {
    const decision = givenRole(createRole, remove()).when(change({ name: 'X' }));
    expect(roleErrorOf(decision)?.code).toBe('role-not-found');
  });

  it('given a built-in role id, then built-in-role', () => {
    const decision = givenRole().when({ type: 'ChangeRole', roleId: 'builtin.viewer', name: 'X' });
    expect(roleErrorOf(decision)?.code).toBe('built-in-role');
  });
});

describe('DeleteRole', () => {
  it('given an unassigned role, when deleted, then RoleDeleted with the last view as before', () => {
    expect(givenRole(createRole).when(remove())).toEqual({
      ok: true,
      events: [
        {
          type: 'RoleDeleted',
          data: { roleId: 'role-1', tenantId: TENANT, before: created, after: null },
        },
      ],
    });
  });

  it('given an assigned role, when deleted without cascade, then role-in-use with the count', () => {
    expect(roleErrorOf(givenRole(createRole).when(remove(), roleContext(2)))).toEqual({
      code: 'role-in-use',
      message: 'the role is assigned 2 time(s); delete with cascade=true to unassign it everywhere',
    });
  });

  it('given an assigned role, when deleted with cascade, then RoleDeleted', () => {
    const decision = givenRole(createRole).when(remove(true), roleContext(2));
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['RoleDeleted']);
  });

  it('given a deleted role, when deleted again, then role-not-found', () => {
    expect(roleErrorOf(givenRole(createRole, remove()).when(remove()))?.code).toBe(
      'role-not-found',
    );
  });

  it('given a built-in role id, then built-in-role even with cascade', () => {
    const decision = givenRole().when({
      type: 'DeleteRole',
      roleId: 'builtin.viewer',
      cascade: true,
    });
    expect(roleErrorOf(decision)?.code).toBe('built-in-role');
  });
});
