import { InMemoryEventStore, InMemorySnapshotStore } from '@extapps/event-store';
import { connectMongo } from '@extapps/mongo';
import { ManualClock, uniqueName } from '@extapps/testing';
import { Connection } from 'mongoose';
import { AggregateRepository } from '../infrastructure/aggregate-repository';
import { roleAggregate } from './role.aggregate';
import { RoleEventPayload } from './role.errors';
import { ROLE_NAMES_COLLECTION, RoleNameGuard } from './role-name-guard';
import { RoleState } from './role.state';
import { CLAIM_GRACE_MS, UniqueClaims } from './unique-claims';

const meta = { actor: { type: 'user' as const, id: 'admin' }, correlationId: 'corr-1' };
const view = (name: string) => ({ name, permissions: [] });
const created = (roleId: string, name: string): RoleEventPayload => ({
  type: 'RoleCreated',
  data: { roleId, tenantId: 't-1', before: null, after: view(name) },
});
const renamed = (roleId: string, from: string, to: string): RoleEventPayload => ({
  type: 'RoleChanged',
  data: { roleId, tenantId: 't-1', before: view(from), after: view(to) },
});
const deleted = (roleId: string, name: string): RoleEventPayload => ({
  type: 'RoleDeleted',
  data: { roleId, tenantId: 't-1', before: view(name), after: null },
});

describe('RoleNameGuard on MongoDB', () => {
  let connection: Connection;
  let clock: ManualClock;
  let roles: AggregateRepository<RoleState>;
  let guard: RoleNameGuard;

  beforeAll(async () => {
    connection = await connectMongo({
      url: String(process.env['MONGO_URL']),
      dbName: uniqueName('role_names'),
    });
  });

  afterAll(() => connection.close());

  beforeEach(() => {
    clock = new ManualClock('2026-03-01T12:00:00.000Z');
    const store = new InMemoryEventStore({ queues: [] });
    const snapshots = new InMemorySnapshotStore<unknown>({ schemaVersion: 1 });
    roles = new AggregateRepository(roleAggregate, { store, snapshots, clock, snapshotEvery: 50 });
    const claims = new UniqueClaims(connection, ROLE_NAMES_COLLECTION, clock);
    guard = new RoleNameGuard(claims, roles);
  });

  /** The guard's whole path for one event: reserve, append, settle. */
  async function store(roleId: string, event: RoleEventPayload) {
    const before = await roles.load(roleId);
    await guard.reserve(roleId, [event]);
    await roles.append(roleId, [event], before.version, meta);
    await guard.settle(roleId, before.state, (await roles.load(roleId)).state);
  }

  const nameTakenBy = (roleId: string, event: RoleEventPayload) =>
    expect(guard.reserve(roleId, [event])).rejects.toMatchObject({ code: 'name-taken' });

  it('given a name in use, then another role of the tenant cannot take it in any case', async () => {
    const name = uniqueName('Ops');
    await store('r-1', created('r-1', name));
    await nameTakenBy('r-2', created('r-2', ` ${name.toUpperCase()}`.trim()));
  });

  it('given a rename, then the old name is free once settled and the role keeps a change of case', async () => {
    const name = uniqueName('Ops');
    await store('r-1', created('r-1', name));
    await store('r-1', renamed('r-1', name, `${name} 2`));
    await store('r-1', renamed('r-1', `${name} 2`, `${name} 2`.toUpperCase()));
    await expect(guard.reserve('r-2', [created('r-2', name)])).resolves.toBeDefined();
    await nameTakenBy('r-3', created('r-3', `${name} 2`));
  });

  it('given a failed append, then abandoning the reservation frees the name', async () => {
    const name = uniqueName('Ops');
    const reservation = await guard.reserve('r-1', [created('r-1', name)]);
    await reservation.abandon();
    await expect(guard.reserve('r-2', [created('r-2', name)])).resolves.toBeDefined();
  });

  it('given a claim whose role was never stored, then it is taken over only after the grace', async () => {
    const name = uniqueName('Ops');
    await guard.reserve('r-crashed', [created('r-crashed', name)]);
    await nameTakenBy('r-2', created('r-2', name));
    clock.advance(CLAIM_GRACE_MS);
    await expect(guard.reserve('r-2', [created('r-2', name)])).resolves.toBeDefined();
  });

  it('given a claim left by a role deleted before it settled, then it is taken over at once', async () => {
    const name = uniqueName('Ops');
    await store('r-1', created('r-1', name));
    const before = await roles.load('r-1');
    await roles.append('r-1', [deleted('r-1', name)], before.version, meta);
    await expect(guard.reserve('r-2', [created('r-2', name)])).resolves.toBeDefined();
  });

  it('given five roles claiming one name at once, then exactly one gets it', async () => {
    const name = uniqueName('Ops');
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const outcomes = await Promise.allSettled(
      ids.map((id) => guard.reserve(id, [created(id, name)])),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });
});
