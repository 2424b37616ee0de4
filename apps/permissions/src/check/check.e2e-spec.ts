import { EventRegistry, registrationEvents, Topics } from '@extapps/contracts';
import { EventPublisher, MESSAGE_BUS, MessageBus } from '@extapps/messaging';
import { eventually, uniqueName } from '@extapps/testing';
import { AccessEvents } from '../access/testing/access-events';
import { PermissionsStack, startPermissionsStack } from '../e2e/testing/permissions-stack';
import { createFolder, createTenant, folderPath } from '../e2e/testing/tenant-api';
import { MAX_BATCH_CHECKS } from './check-request';

// Real servers, shared with suites running in parallel: allow for slow starts and joins.
jest.setTimeout(60_000);
describe('the check API over HTTP (real Kafka and MongoDB)', () => {
  let stack: PermissionsStack;
  let publisher: EventPublisher;
  const events = new AccessEvents();

  beforeAll(async () => {
    stack = await startPermissionsStack();
    const bus = stack.service.app.get<MessageBus>(MESSAGE_BUS);
    publisher = new EventPublisher(bus.producer, new EventRegistry([...registrationEvents]));
    await eventually(
      async () => expect((await fetch(`${stack.service.baseUrl}/health/ready`)).status).toBe(200),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  });
  afterAll(() => stack?.close());

  /** finance > payroll, and hr; an app (registered through Kafka) holding `role` on finance. */
  async function world(permissions = ['Jobs.View', 'Jobs.Create']) {
    const tenant = await createTenant(stack.admin, uniqueName('Check'));
    const finance = await createFolder(stack.admin, tenant, 'Finance');
    const payroll = await createFolder(stack.admin, tenant, 'Payroll', finance);
    const hr = await createFolder(stack.admin, tenant, 'HR');
    const role = await stack.admin.post(`/v1/tenants/${tenant}/roles`, {
      name: 'Job runner',
      permissions,
    });
    const roleId: string = role.body.roleId;
    const appId = uniqueName('app');
    await publisher.publish(Topics.registrationEvents, [events.appRegistered(appId)]);
    const principal = { type: 'app', id: appId } as const;
    const assignment = await eventually(
      async () => {
        const body = { principal, roleId, tenantId: tenant, folderId: finance };
        const response = await stack.admin.post('/v1/assignments', body);
        if (response.status !== 201) throw new Error(`${response.status} ${response.body.code}`);
        return response;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    const assignmentId: string = assignment.body.assignmentId;
    const check = (permission: string, folder?: string) =>
      stack.reader.post('/v1/check', { principal, permission, tenant, folder });
    return { tenant, finance, payroll, hr, roleId, appId, principal, assignmentId, check };
  }

  it('allows in the assigned folder and its sub-folders, naming the assignment; refuses beside it', async () => {
    const w = await world();

    const inherited = await w.check('Jobs.Create', w.payroll);
    const beside = await w.check('Jobs.Create', w.hr);

    expect(inherited.status).toBe(200);
    expect(inherited.body).toEqual({
      allowed: true,
      grantedBy: {
        assignmentId: w.assignmentId,
        roleId: w.roleId,
        roleName: 'Job runner',
        tenantId: w.tenant,
        folderId: w.finance,
      },
    });
    expect(beside.status).toBe(200);
    expect(beside.body).toEqual({
      allowed: false,
      reason: { code: 'not-granted', message: expect.any(String) },
    });
  });

  it('refuses with a reason for what does not exist', async () => {
    const w = await world();
    const ask = (change: Record<string, unknown>) =>
      stack.reader.post('/v1/check', {
        principal: w.principal,
        permission: 'Jobs.View',
        tenant: w.tenant,
        folder: w.finance,
        ...change,
      });

    const answers = await Promise.all([
      ask({ principal: { type: 'app', id: 'no-such-app' } }),
      ask({ tenant: 'no-such-tenant' }),
      ask({ folder: 'no-such-folder' }),
      ask({ permission: 'Robots.Start' }),
    ]);

    expect(answers.map((a) => [a.status, a.body.allowed, a.body.reason.code])).toEqual([
      [200, false, 'unknown-principal'],
      [200, false, 'unknown-tenant'],
      [200, false, 'unknown-folder'],
      [200, false, 'unknown-permission'],
    ]);
  });

  it('answers a batch in order, and refuses an invalid one with field errors', async () => {
    const w = await world();
    const one = { principal: w.principal, tenant: w.tenant, folder: w.payroll };

    const batch = await stack.reader.post('/v1/check/batch', {
      checks: [
        { ...one, permission: 'Jobs.View' },
        { ...one, permission: 'Queues.Edit' },
      ],
    });
    const invalid = await stack.reader.post('/v1/check/batch', {
      checks: [
        { ...one, permission: 'Jobs.View' },
        { ...one, permission: 'jobs view', extra: 1 },
      ],
    });
    const tooMany = await stack.reader.post('/v1/check/batch', {
      checks: Array.from({ length: MAX_BATCH_CHECKS + 1 }, () => ({
        ...one,
        permission: 'Jobs.View',
      })),
    });

    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r: { allowed: boolean }) => r.allowed)).toEqual([true, false]);
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(invalid.body.errors).toEqual([
      { field: 'checks.1.permission', message: expect.any(String) },
      { field: 'checks.1.extra', message: 'unknown field' },
    ]);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([{ field: 'checks', message: expect.any(String) }]);
  });

  it('refuses a malformed check with 400 and needs extapps.permissions.read', async () => {
    const w = await world();
    const body = { principal: w.principal, permission: 'Jobs.View', tenant: w.tenant };

    const malformed = await stack.reader.post('/v1/check', {
      ...body,
      principal: { type: 'robot' },
    });
    const outsider = await stack.outsider.post('/v1/check', body);
    const anonymous = await stack.anonymous.post('/v1/check', body);

    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'principal.type',
      'principal.id',
    ]);
    expect([outsider.status, anonymous.status]).toEqual([403, 401]);
  });

  it('lists effective permissions with their grants, and 404s an unknown place', async () => {
    const w = await world();
    const path = `/v1/principals/${w.appId}/effective-permissions`;

    const found = await stack.reader.get(`${path}?tenant=${w.tenant}&folder=${w.payroll}`);
    const wrongTenant = await stack.reader.get(`${path}?tenant=no-such-tenant`);
    const asUser = await stack.reader.get(`${path}?tenant=${w.tenant}&type=user`);

    expect(found.status).toBe(200);
    const grant = { assignmentId: w.assignmentId, roleId: w.roleId, folderId: w.finance };
    expect(found.body).toMatchObject({
      principal: w.principal,
      tenant: w.tenant,
      folder: w.payroll,
      permissions: [
        { permission: 'Jobs.Create', grantedBy: [grant] },
        { permission: 'Jobs.View', grantedBy: [grant] },
      ],
    });
    expect([wrongTenant.status, wrongTenant.body.type]).toEqual([
      404,
      'urn:extapps:problem:unknown-tenant',
    ]);
    expect([asUser.status, asUser.body.code]).toEqual([404, 'unknown-principal']);
  });

  it('applies a folder move and a role change at once on the instance that made them', async () => {
    const w = await world(['Jobs.View']);
    const tenantVersion = (await stack.reader.get(`/v1/tenants/${w.tenant}`)).headers.get('etag');
    const moved = await stack.admin.patch(
      folderPath(w.tenant, w.hr),
      { parentId: w.finance },
      { 'if-match': String(tenantVersion) },
    );
    expect(moved.status).toBe(200);
    expect((await w.check('Jobs.View', w.hr)).body).toMatchObject({ allowed: true });

    const changed = await stack.admin.patch(
      `/v1/roles/${w.roleId}`,
      { permissions: ['Queues.Edit'] },
      { 'if-match': '*' },
    );
    expect(changed.status).toBe(200);
    expect((await w.check('Jobs.View', w.payroll)).body).toMatchObject({ allowed: false });
    expect((await w.check('Queues.Edit', w.payroll)).body).toMatchObject({ allowed: true });
  });

  it('refuses a disabled app and then a deleted one as their events arrive through Kafka', async () => {
    const w = await world();
    // The app's stream so far: registered (version 1).
    const app = new AccessEvents();
    app.appRegistered(w.appId);

    await publisher.publish(Topics.registrationEvents, [app.appDisabled(w.appId)]);
    await eventually(async () =>
      expect((await w.check('Jobs.View', w.finance)).body).toMatchObject({
        reason: { code: 'principal-disabled' },
      }),
    );
    await publisher.publish(Topics.registrationEvents, [app.appDeleted(w.appId)]);
    await eventually(async () =>
      expect((await w.check('Jobs.View', w.finance)).body).toMatchObject({
        reason: { code: 'principal-deleted' },
      }),
    );
  });
});
