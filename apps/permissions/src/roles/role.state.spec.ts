import { RoleEventPayload } from './role.errors';
import { evolveRole, initialRoleState, rebuildRole } from './role.state';

const view = { name: 'Ops', permissions: ['Jobs.View'] };
const created: RoleEventPayload = {
  type: 'RoleCreated',
  data: { roleId: 'role-1', tenantId: 't-1', before: null, after: view },
};
const changed: RoleEventPayload = {
  type: 'RoleChanged',
  data: {
    roleId: 'role-1',
    tenantId: 't-1',
    before: view,
    after: { name: 'Ops 2', permissions: [] },
  },
};
const deleted: RoleEventPayload = {
  type: 'RoleDeleted',
  data: { roleId: 'role-1', tenantId: 't-1', before: view, after: null },
};

describe('evolveRole', () => {
  it('given RoleCreated, then the role is live with its tenant, name and permissions', () => {
    expect(evolveRole(initialRoleState, created)).toEqual({
      status: 'live',
      roleId: 'role-1',
      tenantId: 't-1',
      ...view,
    });
  });

  it('given RoleChanged, then name and permissions are the after values', () => {
    expect(rebuildRole([created, changed])).toMatchObject({
      status: 'live',
      name: 'Ops 2',
      permissions: [],
    });
  });

  it('given RoleDeleted, then the role is deleted and keeps its last values', () => {
    expect(rebuildRole([created, deleted])).toMatchObject({ status: 'deleted', name: 'Ops' });
  });

  it.each([
    ['a second RoleCreated', [created, created]],
    ['RoleChanged before RoleCreated', [changed]],
    ['RoleDeleted before RoleCreated', [deleted]],
    ['RoleChanged after RoleDeleted', [created, deleted, changed]],
    ['RoleDeleted twice', [created, deleted, deleted]],
  ])('given %s, then the stream is corrupt and evolve throws', (_case, events) => {
    expect(() => rebuildRole(events)).toThrow();
  });
});
