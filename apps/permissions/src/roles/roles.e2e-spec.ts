import { uniqueName } from '@extapps/testing';
import { createTenant, versionOf } from '../e2e/testing/tenant-api';
import { ReactionsStack, startReactionsStack } from '../reactions/testing/reactions-stack';

describe('roles over HTTP', () => {
  let stack: ReactionsStack;
  let tenantId: string;

  beforeAll(async () => {
    stack = await startReactionsStack();
    tenantId = await createTenant(stack.admin, uniqueName('tenant'));
  });

  afterAll(() => stack.close());

  const createRole = (name: string, permissions: string[] = ['Jobs.View']) =>
    stack.admin.post(`/v1/tenants/${tenantId}/roles`, { name, permissions });

  it('given the catalog, then GET /v1/permissions lists it and GET /v1/roles the built-ins', async () => {
    const permissions = await stack.admin.get('/v1/permissions');
    expect(permissions.body.permissions).toContainEqual({
      name: 'Jobs.View',
      description: 'See jobs',
    });
    const roles = await stack.admin.get('/v1/roles');
    expect(roles.body.roles.map((r: { roleId: string }) => r.roleId)).toEqual([
      'builtin.tenant-administrator',
      'builtin.folder-administrator',
      'builtin.automation-user',
      'builtin.viewer',
    ]);
  });

  it('given a custom role, then it is created, listed for its tenant and read with its ETag', async () => {
    const created = await createRole('Robot operators', ['Queues.View', 'Jobs.Create']);
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/v1/roles/${created.body.roleId}`);
    expect(created.body).toMatchObject({
      tenantId,
      name: 'Robot operators',
      builtIn: false,
      permissions: ['Jobs.Create', 'Queues.View'],
      version: 1,
    });
    const listed = await stack.admin.get(`/v1/roles?tenant=${tenantId}`);
    expect(listed.body.roles.map((r: { name: string }) => r.name)).toContain('Robot operators');
    const read = await stack.admin.get(`/v1/roles/${created.body.roleId}`);
    expect(read.body).toEqual(created.body);
  });

  it('given a name taken in the tenant (any case), then 409 name-taken', async () => {
    expect((await createRole('Auditors')).status).toBe(201);
    const again = await createRole('  AUDITORS ');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: 'urn:extapps:problem:name-taken',
      code: 'name-taken',
    });
  });

  it('given two roles of one name created at once, then exactly one is made', async () => {
    const responses = await Promise.all([1, 2, 3].map(() => createRole('Racers')));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('given permissions outside the catalog, then 400 naming each', async () => {
    const response = await createRole('Pilots', ['Jobs.View', 'Robots.Fly']);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'unknown-permission',
      detail: 'not in the permission catalog: "Robots.Fly"',
    });
  });

  it('given an unknown tenant, then 404 tenant-not-found', async () => {
    const response = await stack.admin.post('/v1/tenants/no-such-tenant/roles', { name: 'X' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('tenant-not-found');
  });

  it('given If-Match, then PATCH renames and replaces permissions, and a stale one is 412', async () => {
    const created = await createRole('Schedulers');
    const path = `/v1/roles/${created.body.roleId}`;
    const changed = await stack.admin.patch(
      path,
      { name: 'Job schedulers', permissions: ['Jobs.Edit'] },
      { 'if-match': '"1"' },
    );
    expect(changed.status).toBe(200);
    expect(versionOf(changed)).toBe(2);
    expect(changed.body).toMatchObject({ name: 'Job schedulers', permissions: ['Jobs.Edit'] });
    const stale = await stack.admin.patch(path, { name: 'Late' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'version-mismatch', currentVersion: 2 });
    // The old name is free again once the rename is stored.
    expect((await createRole('Schedulers')).status).toBe(201);
  });

  it('given a built-in role, then PATCH and DELETE are refused with 409 built-in-role', async () => {
    const patch = await stack.admin.patch(
      '/v1/roles/builtin.viewer',
      { name: 'Mine' },
      { 'if-match': '*' },
    );
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('built-in-role');
    const remove = await stack.admin.delete('/v1/roles/builtin.viewer');
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('built-in-role');
  });

  it('given an unassigned role, then DELETE removes it from reads and the list', async () => {
    const created = await createRole('Temporary');
    const path = `/v1/roles/${created.body.roleId}`;
    expect((await stack.admin.delete(path)).status).toBe(204);
    expect((await stack.admin.get(path)).body.code).toBe('role-not-found');
    const listed = await stack.admin.get(`/v1/roles?tenant=${tenantId}`);
    expect(listed.body.roles.map((r: { name: string }) => r.name)).not.toContain('Temporary');
  });
});
