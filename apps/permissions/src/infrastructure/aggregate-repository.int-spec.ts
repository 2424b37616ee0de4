import { systemClock } from '@extapps/contracts';
import { MongoEventStore, MongoSnapshotStore, WrongExpectedVersion } from '@extapps/event-store';
import { mongoTestDatabase } from '@extapps/event-store/testing';
import { uniqueName } from '@extapps/testing';
import { tenantAggregate } from '../tenants/tenant.aggregate';
import { decideTenant } from '../tenants/tenant.decider';
import { encodeTenant, foldTenant, TenantInfo } from '../tenants/tenant.state';
import { context } from '../tenants/testing/fixtures';
import { AggregateRepository, PermissionsEventPayload } from './aggregate-repository';
import { snapshotsCollection } from './collections';
import { STORE_QUEUES } from './queues';

const connection = mongoTestDatabase('permissions-repo');
const meta = { actor: { type: 'user' as const, id: 'admin-1' }, correlationId: 'corr-1' };

async function setup(snapshotEvery = 3) {
  const store = new MongoEventStore(connection(), {
    collection: uniqueName('events'),
    queues: STORE_QUEUES,
  });
  await store.init();
  const snapshots = new MongoSnapshotStore<unknown>(connection(), {
    collection: snapshotsCollection(uniqueName('tenant')),
    schemaVersion: tenantAggregate.snapshot.schemaVersion,
  });
  const repository = new AggregateRepository(tenantAggregate, {
    store,
    snapshots,
    clock: systemClock,
    snapshotEvery,
  });
  return { store, snapshots, repository };
}

const created = (tenantId: string): PermissionsEventPayload => ({
  type: 'TenantCreated',
  data: { tenantId, before: null, after: { name: 'Acme' } },
});
const folderCreated = (tenantId: string, folderId: string, parentId: string | null) => ({
  type: 'FolderCreated' as const,
  data: { tenantId, folderId, before: null, after: { name: `F ${folderId}`, parentId } },
});

describe('AggregateRepository on MongoDB-wire (real FerretDB / MongoDB)', () => {
  it('appends, queues every event for Kafka, and loads through a BSON snapshot plus the tail', async () => {
    const { store, snapshots, repository } = await setup(3);
    const tenantId = uniqueName('t');
    const events = [
      created(tenantId),
      folderCreated(tenantId, 'a.dotted', null),
      folderCreated(tenantId, 'b', 'a.dotted'),
      folderCreated(tenantId, 'c', 'b'),
    ];

    await repository.append(tenantId, events, 0, meta);
    const folded = foldTenant(tenantAggregate.initialState, events);
    await repository.snapshotIfDue(tenantId, foldTenant(folded, []), 2, 3);

    expect((await snapshots.load(tenantId))?.version).toBe(3);
    expect(await repository.load(tenantId)).toEqual({ state: folded, version: 4 });
    const pending = await store.queue('kafka').pending(10);
    expect(pending.map((p) => p.event.streamVersion)).toEqual([1, 2, 3, 4]);
  });

  it('lets exactly one of several concurrent appends at one version win', async () => {
    const { store, repository } = await setup();
    const tenantId = uniqueName('t');
    await repository.append(tenantId, [created(tenantId)], 0, meta);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        repository.append(tenantId, [folderCreated(tenantId, `f${i}`, null)], 1, meta),
      ),
    );

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost.every((reason) => reason instanceof WrongExpectedVersion)).toBe(true);
    expect(await store.streamVersion(tenantId)).toBe(2);
  });

  it('holds a tenant of 10,000 folders: snapshot stored, loaded and decided on quickly', async () => {
    const { snapshots, repository } = await setup();
    const tenantId = uniqueName('t');
    const events = [
      created(tenantId),
      ...Array.from({ length: 10_000 }, (_, i) =>
        folderCreated(tenantId, `folder-${i}`, i < 100 ? null : `folder-${i % 100}`),
      ),
    ];
    const big = foldTenant(tenantAggregate.initialState, events) as TenantInfo;
    await snapshots.save({ streamId: tenantId, version: 10_001, state: encodeTenant(big) });

    const started = performance.now();
    const loaded = await repository.load(tenantId);
    const decision = decideTenant(
      { type: 'CreateFolder', folderId: 'one-more', name: 'One more', parentId: 'folder-42' },
      loaded.state,
      { ...context(), limits: { maxDepth: 20, maxFolders: 20_000 } },
    );
    const elapsedMs = performance.now() - started;

    expect(loaded.version).toBe(10_001);
    expect(loaded.state).toEqual(big);
    expect(decision.ok).toBe(true);
    expect(elapsedMs).toBeLessThan(2_000);
  });
});
