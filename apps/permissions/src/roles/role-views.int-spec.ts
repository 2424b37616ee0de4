import {
  createEnvelope,
  PermissionsEvent,
  RoleChanged,
  RoleCreated,
  RoleDeleted,
} from '@extapps/contracts';
import { connectMongo } from '@extapps/mongo';
import { uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { RoleViews } from './role-views';

const context = (streamId: string, streamVersion: number) => ({
  streamId,
  streamVersion,
  occurredAt: new Date('2026-03-01T12:00:00.000Z'),
  actor: { type: 'user' as const, id: 'admin' },
  correlationId: 'corr-1',
  causationId: null,
});
const view = (name: string) => ({ name, permissions: ['Jobs.View'] });
const created = (roleId: string, tenantId: string, name: string) =>
  createEnvelope(
    RoleCreated,
    { roleId, tenantId, before: null, after: view(name) },
    context(roleId, 1),
  ) as PermissionsEvent;
const renamed = (roleId: string, tenantId: string, from: string, to: string) =>
  createEnvelope(
    RoleChanged,
    { roleId, tenantId, before: view(from), after: view(to) },
    context(roleId, 2),
  ) as PermissionsEvent;
const deleted = (roleId: string, tenantId: string, name: string, version: number) =>
  createEnvelope(
    RoleDeleted,
    { roleId, tenantId, before: view(name), after: null },
    context(roleId, version),
  ) as PermissionsEvent;

describe('RoleViews on MongoDB', () => {
  let connection: Connection;
  let views: RoleViews;

  beforeAll(async () => {
    connection = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName('role_views'),
    });
    views = new RoleViews(connection);
  });

  afterAll(() => connection.close());

  const namesOf = async (tenantId: string) => (await views.ofTenant(tenantId)).map((v) => v.name);

  it('given role events, then the tenant lists its live roles by name', async () => {
    const tenant = uniqueName('t');
    await views.project([created('r-b', tenant, 'Beta'), created('r-a', tenant, 'Alpha')]);
    await views.project([created('r-x', uniqueName('other'), 'Other')]);
    expect(await namesOf(tenant)).toEqual(['Alpha', 'Beta']);
  });

  it('given an older or repeated event after a newer one, then the newer view stays', async () => {
    const tenant = uniqueName('t');
    await views.project([
      created('r-1', tenant, 'Ops'),
      renamed('r-1', tenant, 'Ops', 'Operators'),
    ]);
    await views.project([
      created('r-1', tenant, 'Ops'),
      renamed('r-1', tenant, 'Ops', 'Operators'),
    ]);
    expect(await namesOf(tenant)).toEqual(['Operators']);
    expect((await views.ofTenant(tenant))[0]?.version).toBe(2);
  });

  it('given RoleDeleted, then the role leaves the list and reads as deleted', async () => {
    const tenant = uniqueName('t');
    await views.project([created('r-9', tenant, 'Gone'), deleted('r-9', tenant, 'Gone', 2)]);
    expect(await namesOf(tenant)).toEqual([]);
    expect(await views.isDeleted('r-9')).toBe(true);
    expect(await views.isDeleted('never-seen')).toBe(false);
  });
});
