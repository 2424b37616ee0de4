import { eventually, uniqueName } from '@extapps/testing';
import { createFolder, createTenant } from '../e2e/testing/tenant-api';
import { assign, registerAndAssign } from '../reactions/testing/assignment-api';
import { ReactionsStack, startReactionsStack } from '../reactions/testing/reactions-stack';
import { AppStream } from '../reactions/testing/source-events';

describe('assignments over HTTP', () => {
  let stack: ReactionsStack;
  let tenantId: string;
  let folderId: string;
  let roleId: string;

  beforeAll(async () => {
    stack = await startReactionsStack();
    tenantId = await createTenant(stack.admin, uniqueName('tenant'));
    folderId = await createFolder(stack.admin, tenantId, 'Finance');
    const role = await stack.admin.post(`/v1/tenants/${tenantId}/roles`, {
      name: 'Robot operators',
      permissions: ['Jobs.View', 'Jobs.Create'],
    });
    roleId = role.body.roleId;
  });

  afterAll(() => stack.close());

  it('given an eligible app, then the role is assigned on the folder and listed', async () => {
    const { app, assignment } = await registerAndAssign(stack, { roleId, tenantId, folderId });
    const principal = { type: 'app', id: app.appId };
    expect(assignment.headers.get('location')).toBe(
      `/v1/assignments/${assignment.body.assignmentId}`,
    );
    expect(assignment.body).toMatchObject({
      principal,
      roleId,
      tenantId,
      folderId,
      status: 'assigned',
      reason: null,
      version: 1,
    });
    const listed = await stack.admin.get(`/v1/assignments?principal=app:${app.appId}`);
    expect(listed.body).toEqual({
      assignments: [
        { assignmentId: assignment.body.assignmentId, principal, roleId, tenantId, folderId },
      ],
      next: null,
    });
    const onFolder = await stack.admin.get(`/v1/assignments?tenant=${tenantId}&folder=${folderId}`);
    expect(
      onFolder.body.assignments.map((a: { assignmentId: string }) => a.assignmentId),
    ).toContain(assignment.body.assignmentId);
  });

  it('given the same principal, role and place again, then 409 assignment-exists', async () => {
    const { app } = await registerAndAssign(stack, { roleId, tenantId, folderId: null });
    const again = await assign(stack.admin, {
      principal: { type: 'app', id: app.appId },
      roleId,
      tenantId,
      folderId: null,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'urn:extapps:problem:assignment-exists' });
  });

  it('given two identical assignments at once, then exactly one is made', async () => {
    const { app } = await registerAndAssign(stack, { roleId: 'builtin.viewer', tenantId });
    const body = { principal: { type: 'app', id: app.appId } as const, roleId, tenantId, folderId };
    const responses = await Promise.all([1, 2, 3].map(() => assign(stack.admin, body)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it.each([
    ['an unknown principal', 404, 'unknown-principal', { principal: { type: 'app', id: 'nope' } }],
    ['an unknown role', 404, 'role-not-found', { roleId: 'no-such-role' }],
    ['an unknown folder', 404, 'folder-not-found', { folderId: 'no-such-folder' }],
    ['an unknown tenant', 404, 'tenant-not-found', { tenantId: 'no-such-tenant' }],
  ] as const)('given %s, then %i %s', async (_case, status, code, change) => {
    const principal = { type: 'app', id: 'no-such-app' } as const;
    const body = { principal, roleId, tenantId, folderId, ...change };
    const response = await assign(stack.admin, body);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ type: `urn:extapps:problem:${code}`, code });
  });

  it('given a non-confidential app, then 409 principal-not-assignable', async () => {
    const app = new AppStream();
    await stack.publishRegistration(app.registeredPublic());
    const response = await eventually(async () => {
      const r = await assign(stack.admin, {
        principal: { type: 'app', id: app.appId },
        roleId,
        tenantId,
      });
      expect(r.body.code).toBe('principal-not-assignable');
      return r;
    });
    expect(response.status).toBe(409);
  });

  it('given an assignment, then DELETE ends it (repeatable), and a stale If-Match is 412', async () => {
    const { assignment } = await registerAndAssign(stack, { roleId, tenantId, folderId });
    const path = `/v1/assignments/${assignment.body.assignmentId}`;
    const stale = await stack.admin.delete(path, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const ended = await stack.admin.delete(path, { 'if-match': '"1"' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'unassigned', reason: 'unassigned', version: 2 });
    const repeated = await stack.admin.delete(path);
    expect(repeated.body).toMatchObject({ status: 'unassigned', version: 2 });
    expect((await stack.admin.get(path)).body.status).toBe('unassigned');
    const listed = await stack.admin.get(`/v1/assignments?role=${roleId}`);
    expect(
      listed.body.assignments.map((a: { assignmentId: string }) => a.assignmentId),
    ).not.toContain(assignment.body.assignmentId);
  });

  it('given no filter, then GET /v1/assignments is a 400', async () => {
    expect((await stack.admin.get('/v1/assignments')).status).toBe(400);
  });

  it('given an assigned role, then DELETE is 409 role-in-use, and with cascade its assignments end', async () => {
    const role = await stack.admin.post(`/v1/tenants/${tenantId}/roles`, { name: 'Short-lived' });
    const doomed = role.body.roleId as string;
    const { assignment } = await registerAndAssign(stack, { roleId: doomed, tenantId });
    const refused = await stack.admin.delete(`/v1/roles/${doomed}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('role-in-use');
    expect((await stack.admin.delete(`/v1/roles/${doomed}?cascade=true`)).status).toBe(204);
    await eventually(async () => {
      const ended = await stack.admin.get(`/v1/assignments/${assignment.body.assignmentId}`);
      expect(ended.body).toMatchObject({ status: 'unassigned', reason: 'role-deleted' });
    });
  });
});
