import { PermissionsEvent, Topics } from '@extapps/contracts';
import { eventually, uniqueName } from '@extapps/testing';
import { createFolder, createTenant } from '../e2e/testing/tenant-api';
import { assign, registerAndAssign } from './testing/assignment-api';
import { ReactionsStack, startReactionsStack } from './testing/reactions-stack';
import { UserStream } from './testing/source-events';

type Unassigned = Extract<PermissionsEvent, { type: 'RoleUnassigned' }>;

describe('reactions through Kafka', () => {
  let stack: ReactionsStack;
  let tenantId: string;
  let roleId: string;

  beforeAll(async () => {
    stack = await startReactionsStack();
    tenantId = await createTenant(stack.admin, uniqueName('tenant'));
    const role = await stack.admin.post(`/v1/tenants/${tenantId}/roles`, { name: 'Operators' });
    roleId = role.body.roleId;
  });

  afterAll(() => stack.close());

  /** The RoleUnassigned events of an assignment read from the permissions topic, each once. */
  const unassignedOf = (assignmentId: string) =>
    stack.publishedOfType('RoleUnassigned').filter((e) => e.data.assignmentId === assignmentId);

  const awaitUnassigned = (assignmentId: string, reason: string) =>
    eventually(() => {
      const events = unassignedOf(assignmentId);
      expect(events.map((e) => e.data.reason)).toEqual([reason]);
      return events[0] as Unassigned;
    });

  it('given an app deleted in the registration service, then each of its assignments ends with app-deleted', async () => {
    const folderId = await createFolder(stack.admin, tenantId, 'Deleted app');
    const { app, assignment } = await registerAndAssign(stack, { roleId, tenantId, folderId });
    const second = await assign(stack.admin, {
      principal: { type: 'app', id: app.appId },
      roleId: 'builtin.viewer',
      tenantId,
    });
    const deletion = app.deleted();
    await stack.publishRegistration(deletion);
    const event = await awaitUnassigned(assignment.body.assignmentId, 'app-deleted');
    expect(event).toMatchObject({
      actor: { type: 'system', id: 'permissions-reactions' },
      causationId: deletion.eventId,
      correlationId: deletion.correlationId,
      data: { before: { principal: { type: 'app', id: app.appId }, roleId, tenantId, folderId } },
    });
    await awaitUnassigned(second.body.assignmentId, 'app-deleted');
  });

  it('given the deletion delivered again, then nothing more happens', async () => {
    const { app, assignment } = await registerAndAssign(stack, { roleId, tenantId });
    const deletion = app.deleted();
    await stack.publishRegistration(deletion);
    await awaitUnassigned(assignment.body.assignmentId, 'app-deleted');
    await stack.publishRegistration(deletion);
    await eventually(async () =>
      expect(await stack.reactionsCaughtUp(Topics.registrationEvents)).toBe(true),
    );
    expect(unassignedOf(assignment.body.assignmentId)).toHaveLength(1);
    const read = await stack.admin.get(`/v1/assignments/${assignment.body.assignmentId}`);
    expect(read.body).toMatchObject({ status: 'unassigned', reason: 'app-deleted', version: 2 });
  });

  it('given a disabled app, then its assignments stay until it is deleted', async () => {
    const { app, assignment } = await registerAndAssign(stack, { roleId, tenantId });
    await stack.publishRegistration(app.disabled());
    const principal = { type: 'app', id: app.appId } as const;
    await eventually(async () => {
      const refused = await assign(stack.admin, { principal, roleId: 'builtin.viewer', tenantId });
      expect(refused.body.code).toBe('principal-disabled');
    });
    await eventually(async () =>
      expect(await stack.reactionsCaughtUp(Topics.registrationEvents)).toBe(true),
    );
    const read = await stack.admin.get(`/v1/assignments/${assignment.body.assignmentId}`);
    expect(read.body).toMatchObject({ status: 'assigned', version: 1 });
    await stack.publishRegistration(app.deleted());
    await awaitUnassigned(assignment.body.assignmentId, 'app-deleted');
  });

  it('given a user deleted in the token service, then the user’s assignments end with user-deleted', async () => {
    const user = new UserStream();
    await stack.publishToken(user.created());
    const principal = { type: 'user', id: user.userId } as const;
    const assignment = await eventually(async () => {
      const made = await assign(stack.admin, { principal, roleId, tenantId });
      expect(made.status).toBe(201);
      return made;
    });
    await stack.publishToken(user.deleted());
    await awaitUnassigned(assignment.body.assignmentId, 'user-deleted');
  });

  it('given a folder deleted with cascade, then assignments on it and its sub-folders end with folder-deleted', async () => {
    const parent = await createFolder(stack.admin, tenantId, 'Parent');
    const child = await createFolder(stack.admin, tenantId, 'Child', parent);
    const onParent = await registerAndAssign(stack, { roleId, tenantId, folderId: parent });
    const onChild = await registerAndAssign(stack, { roleId, tenantId, folderId: child });
    const path = `/v1/tenants/${tenantId}/folders/${parent}?cascade=true`;
    expect((await stack.admin.delete(path)).status).toBeLessThan(300);
    await awaitUnassigned(onParent.assignment.body.assignmentId, 'folder-deleted');
    await awaitUnassigned(onChild.assignment.body.assignmentId, 'folder-deleted');
  });

  it('given a tenant deleted, then its assignments end with tenant-deleted and its custom roles are deleted', async () => {
    const doomed = await createTenant(stack.admin, uniqueName('doomed'));
    const role = await stack.admin.post(`/v1/tenants/${doomed}/roles`, { name: 'Doomed role' });
    const custom = await registerAndAssign(stack, { roleId: role.body.roleId, tenantId: doomed });
    const builtIn = await registerAndAssign(stack, { roleId: 'builtin.viewer', tenantId: doomed });
    expect((await stack.admin.delete(`/v1/tenants/${doomed}?cascade=true`)).status).toBeLessThan(
      300,
    );
    await awaitUnassigned(custom.assignment.body.assignmentId, 'tenant-deleted');
    await awaitUnassigned(builtIn.assignment.body.assignmentId, 'tenant-deleted');
    await eventually(async () => {
      const read = await stack.admin.get(`/v1/roles/${role.body.roleId}`);
      expect(read.body.code).toBe('role-not-found');
    });
    await eventually(() => {
      const deleted = stack
        .publishedOfType('RoleDeleted')
        .find((e) => e.data.roleId === role.body.roleId);
      expect(deleted?.actor).toEqual({ type: 'system', id: 'permissions-reactions' });
    });
  });
});
