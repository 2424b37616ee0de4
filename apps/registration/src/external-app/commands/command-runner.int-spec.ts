import { RegistrationEvent } from '@extapps/contracts';
import { MongoEventStore, MongoSnapshotStore, StoredEvent } from '@extapps/event-store';
import { mongoTestDatabase } from '@extapps/event-store/testing';
import { ManualClock } from '@extapps/testing';
import { AppNames, liveNameKey } from '../../infrastructure/app-names';
import { AppRepository } from '../../infrastructure/app-repository';
import { ExternalAppState } from '../external-app.state';
import { catalog, newSecret } from '../testing/fixtures';
import { deciding } from './app-command';
import { CommandRunner } from './command-runner';
import { NameGuard } from './name-guard';
import { AppProblem } from './problems';

const STALE_AFTER_MS = 60_000;
const meta = { actor: { type: 'user' as const, id: 'admin' }, correlationId: 'c-1' };

describe('CommandRunner on MongoDB', () => {
  const connection = mongoTestDatabase('runner');
  let runner: CommandRunner;
  let repository: AppRepository;
  let names: AppNames;
  let clock: ManualClock;
  let projected: StoredEvent<RegistrationEvent>[];
  let kicks: number;
  let failProjection: boolean;
  let count = 0;

  beforeAll(async () => {
    const store = new MongoEventStore(connection(), { collection: 'events', queues: ['kafka'] });
    await store.init();
    clock = new ManualClock('2026-03-01T12:00:00.000Z');
    const snapshots = new MongoSnapshotStore<ExternalAppState>(connection(), {
      collection: 'app_snapshots',
      schemaVersion: 1,
    });
    repository = new AppRepository({ store, snapshots, clock, snapshotEvery: 2 });
    names = new AppNames(connection(), {
      clock,
      staleAfterMs: STALE_AFTER_MS,
      ownerHasName: async (appId, key) => liveNameKey((await repository.load(appId)).state) === key,
    });
    runner = new CommandRunner(runnerOptions());
  });

  const runnerOptions = () => ({
    repository,
    names: new NameGuard(names, (appId) => repository.load(appId)),
    clock,
    catalog,
    projector: {
      project: async (events: StoredEvent<RegistrationEvent>[]) => {
        if (failProjection) throw new Error('views are down');
        projected.push(...events);
      },
    },
    outbox: { kick: () => void (kicks += 1) },
    onSideStepFailure: () => undefined,
  });
  beforeEach(() => {
    projected = [];
    kicks = 0;
    failProjection = false;
  });

  const register = (name: string, appId = `app-${++count}`) =>
    runner.run(
      appId,
      meta,
      deciding({
        type: 'RegisterExternalApp',
        appId,
        name,
        appType: 'confidential',
        redirectUris: [],
        userScopes: [],
        applicationScopes: ['OR.Jobs'],
        firstSecret: newSecret(1),
      }),
    );
  const rename = (appId: string, name: string, expectedVersion?: number) =>
    runner.run(appId, { ...meta, expectedVersion }, deciding({ type: 'RenameExternalApp', name }));
  const problemOf = async (command: Promise<unknown>) => {
    const error = await command.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AppProblem))
      throw new Error(`expected an AppProblem, got ${String(error)}`);
    return { status: error.getStatus(), code: error.code, ...error.extensions };
  };

  it('appends, projects the stored events and wakes the outbox', async () => {
    const result = await register('Projected');

    expect(result).toMatchObject({ version: 1, event: { type: 'ExternalAppRegistered' } });
    expect(projected.map((s) => s.event.eventId)).toEqual([result.event?.eventId]);
    expect(kicks).toBe(1);
  });

  it('succeeds when the projection fails: the projections worker catches up', async () => {
    failProjection = true;

    await expect(register('Unprojected')).resolves.toMatchObject({ version: 1 });
  });

  it('answers a stale expected version with 412 naming the current one, appending nothing', async () => {
    const { appId } = await register('Versioned');

    expect(await problemOf(rename(appId, 'Other', 3))).toEqual({
      status: 412,
      code: 'version-mismatch',
      currentVersion: 1,
    });
    expect((await repository.load(appId)).version).toBe(1);
  });

  it('answers a lost race with 409 naming the current version, giving the name back', async () => {
    const { appId } = await register('Raced');
    // Another writer gets its event in while this command claims its new name.
    const interleaving = new (class extends NameGuard {
      override async claim(id: string, events: Parameters<NameGuard['claim']>[1]) {
        const disabled = { type: 'ExternalAppDisabled' as const, data: {} };
        await repository.appendEvents(id, [disabled], 1, meta);
        return super.claim(id, events);
      }
    })(names, (id) => repository.load(id));
    const racing = new CommandRunner({ ...runnerOptions(), names: interleaving });

    const problem = await problemOf(
      racing.run(appId, meta, deciding({ type: 'RenameExternalApp', name: 'Raced again' })),
    );
    expect(problem).toEqual({ status: 409, code: 'concurrent-modification', currentVersion: 2 });
    await expect(register('raced again')).resolves.toMatchObject({ version: 1 });
  });

  it('refuses a second app with the same name, ignoring case, until the first is renamed', async () => {
    const first = await register('Shared name');

    expect(await problemOf(register(' SHARED NAME'))).toMatchObject({
      status: 409,
      code: 'name-taken',
    });
    await rename(first.appId, 'Not shared any more');
    await expect(register('shared name')).resolves.toMatchObject({ version: 1 });
  });

  it('lets only one of two concurrent registrations of a name through', async () => {
    const outcomes = await Promise.allSettled([register('Twins'), register('twins')]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('takes over a claim left by a crash once it is stale and its owner lacks the name', async () => {
    // A crash between claim and append: the claim exists, the owner's stream does not.
    expect(await names.claim('Orphaned', 'crashed-app')).not.toBeNull();

    expect(await problemOf(register('Orphaned'))).toMatchObject({ code: 'name-taken' });
    clock.advance(STALE_AFTER_MS);
    await expect(register('Orphaned')).resolves.toMatchObject({ version: 1 });
  });

  it('never takes over a stale claim whose owner still carries the name', async () => {
    await register('Kept');
    clock.advance(STALE_AFTER_MS);

    expect(await problemOf(register('kept'))).toMatchObject({ code: 'name-taken' });
  });

  it('snapshots every SNAPSHOT_EVERY versions and loads the same state from it', async () => {
    const { appId } = await register('Snapshotted');
    await rename(appId, 'Snapshotted 2');
    await rename(appId, 'Snapshotted 3');
    const snapshots = new MongoSnapshotStore<ExternalAppState>(connection(), {
      collection: 'app_snapshots',
      schemaVersion: 1,
    });

    expect((await snapshots.load(appId))?.version).toBe(2);
    expect(await repository.load(appId)).toMatchObject({
      version: 3,
      state: { name: 'Snapshotted 3' },
    });
  });
});
