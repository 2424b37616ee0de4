import { createRole, givenRole, roleErrorOf, TENANT } from './testing/role-fixtures';

const remove = (cascade = false) => ({ type: 'DeleteRole', roleId: 'role-1', cascade }) as const;
const created = {
  name: 'Robot operator',
  permissions: ['Jobs.Create', 'Jobs.View', 'Queues.View'],
};

describe('CreateRole', () => {
  it('given no role, when created, then RoleCreated with the permissions sorted and no before', () => {
    expect(givenRole().when(createRole)).toEqual({
      ok: true,
      events: [
        {
          type: 'RoleCreated',
          data: { roleId: 'role-1', tenantId: TENANT, before: null, after: created },
        },
      ],
    });
  });

  it('given a name with surrounding spaces, when created, then it is stored trimmed', () => {
    const decision = givenRole().when({ ...createRole, name: '  Robot operator ' });
    expect(decision.ok && decision.events[0]?.data.after).toEqual(created);
  });

  it('given an empty permission set, when created, then the role holds no permission', () => {
    const decision = givenRole().when({ ...createRole, permissions: [] });
    expect(decision.ok && decision.events[0]?.data.after?.permissions).toEqual([]);
  });

  it('given permissions outside the catalog, then unknown-permission names each of them', () => {
    const error = roleErrorOf(
      givenRole().when({ ...createRole, permissions: ['Jobs.View', 'Robots.Fly', 'nope'] }),
    );
    expect(error).toEqual({
      code: 'unknown-permission',
      message: 'not in the permission catalog: "Robots.Fly", "nope"',
      field: 'permissions',
    });
  });

  it('given a permission listed twice, then duplicate-permission', () => {
    const decision = givenRole().when({ ...createRole, permissions: ['Jobs.View', 'Jobs.View'] });
    expect(roleErrorOf(decision)?.code).toBe('duplicate-permission');
  });

  it.each([[''], ['   '], ['a/b'], ['x'.repeat(101)], ['tab\there']])(
    'given the name %j, then invalid-name',
    (name) => {
      expect(roleErrorOf(givenRole().when({ ...createRole, name }))).toMatchObject({
        code: 'invalid-name',
        field: 'name',
      });
    },
  );

  it.each([['Tenant Administrator'], ['viewer'], [' AUTOMATION USER ']])(
    'given the name of a built-in role (%j), then name-taken',
    (name) => {
      expect(roleErrorOf(givenRole().when({ ...createRole, name }))?.code).toBe('name-taken');
    },
  );

  it('given an unknown tenant, then tenant-not-found', () => {
    const decision = givenRole().when({ ...createRole, tenantId: 'tenant-2' });
    expect(roleErrorOf(decision)).toMatchObject({ code: 'tenant-not-found', field: 'tenantId' });
  });

  it.each([['builtin.mine'], ['bad id'], ['']])(
    'given the role id %j, then invalid-role-id',
    (roleId) => {
      expect(roleErrorOf(givenRole().when({ ...createRole, roleId }))?.code).toBe(
        'invalid-role-id',
      );
    },
  );

  it('given an existing role, when created again, then role-exists', () => {
    expect(roleErrorOf(givenRole(createRole).when(createRole))?.code).toBe('role-exists');
  });

  it('given a deleted role, when created again, then role-exists (ids are never reused)', () => {
    expect(roleErrorOf(givenRole(createRole, remove()).when(createRole))?.code).toBe('role-exists');
  });
});
