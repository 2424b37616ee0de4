import { InMemoryEventStore, InMemorySnapshotStore } from '@extapps/event-store';
import { ManualClock } from '@extapps/testing';
import { ExternalAppState, rebuild } from '../external-app';
import { given, newSecret, registerConfidential } from '../external-app/testing/fixtures';
import { AppRepository } from './app-repository';

const meta = {
  actor: { type: 'user' as const, id: 'admin-1', ip: '10.0.0.1' },
  correlationId: 'corr-1',
  causationId: null,
};

function setup(snapshotEvery = 2) {
  const store = new InMemoryEventStore({ queues: ['kafka'] });
  const snapshots = new InMemorySnapshotStore<ExternalAppState>({ schemaVersion: 1 });
  const clock = new ManualClock('2026-03-01T12:00:00.000Z');
  const repository = new AppRepository({ store, snapshots, clock, snapshotEvery });
  return { store, snapshots, clock, repository };
}

const history = given(
  registerConfidential,
  { type: 'RenameExternalApp', name: 'Two' },
  { type: 'AddSecret', ...newSecret(2) },
  { type: 'DisableExternalApp' },
  { type: 'RenameExternalApp', name: 'Five' },
).events;

describe('AppRepository', () => {
  it('given no stream, when loaded, then the unregistered state at version 0', async () => {
    const { repository } = setup();

    expect(await repository.load('nope')).toEqual({
      state: { status: 'unregistered' },
      version: 0,
    });
  });

  it('given events, when appended, then envelopes carry the meta, the clock and the versions', async () => {
    const { repository, store } = setup();

    const stored = await repository.appendEvents('app-1', history.slice(0, 2), 0, meta);

    expect(stored.map((s) => s.event.streamVersion)).toEqual([1, 2]);
    expect(stored[1]?.event).toMatchObject({
      streamId: 'app-1',
      type: 'ExternalAppRenamed',
      actor: meta.actor,
      correlationId: 'corr-1',
      causationId: null,
      occurredAt: '2026-03-01T12:00:00.000Z',
    });
    expect(await store.streamVersion('app-1')).toBe(2);
  });

  it('given an event breaking its contract, when appended, then nothing of the batch is stored', async () => {
    const { repository, store } = setup();
    const plaintextAsHash = {
      type: 'SecretAdded' as const,
      data: { ...newSecret(3), hash: 'extapps_cs_plaintext', expiresAt: null },
    };

    await expect(
      repository.appendEvents('app-1', [...history.slice(0, 1), plaintextAsHash], 0, meta),
    ).rejects.toThrow(/SecretAdded/);
    expect(await store.streamVersion('app-1')).toBe(0);
  });

  it('given the store indexes cannot be made, when appending, then nothing is stored', async () => {
    const { store, snapshots, clock } = setup();
    const beforeAppend = () => Promise.reject(new Error('MongoDB is down'));
    const repository = new AppRepository({
      store,
      snapshots,
      clock,
      snapshotEvery: 2,
      beforeAppend,
    });

    await expect(repository.appendEvents('app-1', history, 0, meta)).rejects.toThrow('down');
    expect(await store.streamVersion('app-1')).toBe(0);
  });

  it('given a snapshot and a tail, when loaded, then the state equals the full fold', async () => {
    const { repository, snapshots } = setup();
    await repository.appendEvents('app-1', history, 0, meta);
    const full = rebuild(history);
    await repository.snapshotIfDue('app-1', rebuild(history.slice(0, 4)), 3, 4);

    expect((await snapshots.load('app-1'))?.version).toBe(4);
    expect(await repository.load('app-1')).toEqual({ state: full, version: 5 });
  });

  it('given a snapshot, when loaded, then only the events after it are folded onto it', async () => {
    const { repository, snapshots } = setup();
    await repository.appendEvents('app-1', history, 0, meta);
    const atFour = rebuild(history.slice(0, 4));
    if (atFour.status === 'unregistered') throw new Error('expected a registered app');
    const marked = { ...atFour, redirectUris: ['https://from-snapshot.example.com/'] };
    await snapshots.save({ streamId: 'app-1', version: 4, state: marked });

    const { state, version } = await repository.load('app-1');
    expect(version).toBe(5);
    expect(state).toMatchObject({ name: 'Five', redirectUris: marked.redirectUris });
  });

  it('snapshots only when the versions cross a multiple of snapshotEvery', async () => {
    const { repository, snapshots } = setup(4);
    const state = rebuild(history.slice(0, 3));

    await repository.snapshotIfDue('app-1', state, 1, 3);
    expect(await snapshots.load('app-1')).toBeNull();
    await repository.snapshotIfDue('app-1', state, 3, 5);
    expect((await snapshots.load('app-1'))?.version).toBe(5);
  });
});
