import { InMemoryEventStore, InMemorySnapshotStore } from '@extapps/event-store';
import { ManualClock } from '@extapps/testing';
import { Aggregate, AggregateRepository, PermissionsEventPayload } from './aggregate-repository';

/** A toy aggregate: the tenant's names in order; its snapshot stores them joined. */
const names: Aggregate<readonly string[]> = {
  name: 'names',
  initialState: [],
  evolve: (state, event) =>
    event.type === 'TenantCreated' || event.type === 'TenantRenamed'
      ? [...state, event.data.after.name]
      : state,
  snapshot: {
    schemaVersion: 1,
    encode: (state) => state.join('|'),
    decode: (stored) => String(stored).split('|'),
  },
};

const created = (name: string): PermissionsEventPayload => ({
  type: 'TenantCreated',
  data: { tenantId: 't-1', before: null, after: { name } },
});
const renamed = (from: string, to: string): PermissionsEventPayload => ({
  type: 'TenantRenamed',
  data: { tenantId: 't-1', before: { name: from }, after: { name: to } },
});
const history = [created('A'), renamed('A', 'B'), renamed('B', 'C'), renamed('C', 'D')];

const meta = {
  actor: { type: 'user' as const, id: 'admin-1', ip: '10.0.0.1' },
  correlationId: 'corr-1',
};

function setup(snapshotEvery = 2) {
  const store = new InMemoryEventStore({ queues: ['kafka'] });
  const snapshots = new InMemorySnapshotStore<unknown>({ schemaVersion: 1 });
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  const repository = new AggregateRepository(names, { store, snapshots, clock, snapshotEvery });
  return { store, snapshots, repository };
}

describe('AggregateRepository', () => {
  it('given no stream, when loaded, then the initial state at version 0', async () => {
    const { repository } = setup();

    expect(await repository.load('t-1')).toEqual({ state: [], version: 0 });
  });

  it('given events, when appended, then envelopes carry the meta, the clock and the versions', async () => {
    const { repository, store } = setup();

    const stored = await repository.append('t-1', history.slice(0, 2), 0, meta);

    expect(stored.map((s) => s.event.streamVersion)).toEqual([1, 2]);
    expect(stored[1]?.event).toMatchObject({
      streamId: 't-1',
      type: 'TenantRenamed',
      actor: meta.actor,
      correlationId: 'corr-1',
      causationId: null,
      occurredAt: '2026-03-01T12:00:00.000Z',
    });
    expect(await store.streamVersion('t-1')).toBe(2);
    expect(await store.queue('kafka').pending(10)).toHaveLength(2);
  });

  it('given a stale expected version, when appending, then WrongExpectedVersion', async () => {
    const { repository } = setup();
    await repository.append('t-1', history.slice(0, 1), 0, meta);

    await expect(repository.append('t-1', [renamed('A', 'X')], 0, meta)).rejects.toMatchObject({
      name: 'WrongExpectedVersion',
      currentVersion: 1,
    });
  });

  it('given an event breaking its contract, when appended, then nothing of the batch is stored', async () => {
    const { repository, store } = setup();
    const slashed = renamed('A', 'a/b');

    await expect(repository.append('t-1', [created('A'), slashed], 0, meta)).rejects.toThrow(
      /TenantRenamed/,
    );
    expect(await store.streamVersion('t-1')).toBe(0);
  });

  it('given a failing beforeAppend (indexes not made), when appending, then nothing is stored', async () => {
    const { store, snapshots } = setup();
    const repository = new AggregateRepository(names, {
      store,
      snapshots,
      clock: new ManualClock(),
      snapshotEvery: 2,
      beforeAppend: () => Promise.reject(new Error('MongoDB is down')),
    });

    await expect(repository.append('t-1', history, 0, meta)).rejects.toThrow('down');
    expect(await store.streamVersion('t-1')).toBe(0);
  });

  it('given a snapshot, when loaded, then only the tail is folded onto the decoded snapshot', async () => {
    const { repository, snapshots } = setup();
    await repository.append('t-1', history, 0, meta);
    await snapshots.save({ streamId: 't-1', version: 3, state: 'from|snapshot' });

    expect(await repository.load('t-1')).toEqual({
      state: ['from', 'snapshot', 'D'],
      version: 4,
    });
  });

  it('snapshots encoded, only when the versions cross a multiple of snapshotEvery', async () => {
    const { repository, snapshots } = setup(4);

    await repository.snapshotIfDue('t-1', ['A', 'B'], 1, 3);
    expect(await snapshots.load('t-1')).toBeNull();
    await repository.snapshotIfDue('t-1', ['A', 'B'], 3, 5);
    expect(await snapshots.load('t-1')).toEqual({ streamId: 't-1', version: 5, state: 'A|B' });
  });

  it('folds with the aggregate fold when it has one, else with evolve', () => {
    const { repository } = setup();
    const viaFold = new AggregateRepository(
      { ...names, fold: (state, events) => [...state, `${events.length} events`] },
      {
        store: new InMemoryEventStore({ queues: [] }),
        snapshots: setup().snapshots,
        clock: new ManualClock(),
        snapshotEvery: 1,
      },
    );

    expect(repository.fold([], history)).toEqual(['A', 'B', 'C', 'D']);
    expect(viaFold.fold([], history)).toEqual(['4 events']);
  });
});
