import { InMemoryEventStore, InMemorySnapshotStore } from '@extapps/event-store';
import { ManualClock } from '@extapps/testing';
import { pino } from 'pino';
import { AccessProjection } from '../access/ports';
import { tenantAggregate } from '../tenants/tenant.aggregate';
import { TenantCommand } from '../tenants/tenant.commands';
import { decideTenant, TenantContext } from '../tenants/tenant.decider';
import { TenantState } from '../tenants/tenant.state';
import { context } from '../tenants/testing/fixtures';
import { AggregateRepository } from './aggregate-repository';
import { AppendGuard, CommandRunner, CommandSpec } from './command-runner';

const meta = { actor: { type: 'user' as const, id: 'admin-1' }, correlationId: 'corr-1' };

function setup(snapshotEvery = 2) {
  const store = new InMemoryEventStore({ queues: ['kafka'] });
  const snapshots = new InMemorySnapshotStore<unknown>({ schemaVersion: 1 });
  const repository = new AggregateRepository(tenantAggregate, {
    store,
    snapshots,
    clock: new ManualClock('2026-03-01T12:00:00.000Z'),
    snapshotEvery,
  });
  const applied: { type: string; streamVersion: number }[] = [];
  const projection: AccessProjection = { apply: (e) => void applied.push(e) };
  let kicks = 0;
  const runner = new CommandRunner(
    projection,
    { kick: () => void kicks++ },
    pino({ level: 'silent' }),
  );
  const run = (
    command: TenantCommand,
    more: Partial<CommandSpec<TenantState>> = {},
    ctx: TenantContext = context(),
  ) =>
    runner.run({
      repository,
      streamId: 't-1',
      meta,
      decide: (state) => decideTenant(command, state, ctx),
      statusOf: { 'tenant-not-found': 404 },
      ...more,
    });
  return { store, snapshots, repository, applied, run, kicks: () => kicks };
}

const create = { type: 'CreateTenant', tenantId: 't-1', name: 'Acme' } as const;
const rename = (name: string) => ({ type: 'RenameTenant', name }) as const;

describe('CommandRunner', () => {
  it('appends the decided events, applies each to the access index and wakes the relay', async () => {
    const { run, applied, kicks, store } = setup();

    const result = await run(create);

    expect(result).toMatchObject({ streamId: 't-1', version: 1, state: { name: 'Acme' } });
    expect(result.stored.map((s) => s.event.type)).toEqual(['TenantCreated']);
    expect(applied).toEqual([result.stored[0]?.event]);
    expect(kicks()).toBe(1);
    expect(await store.streamVersion('t-1')).toBe(1);
  });

  it('stores nothing, applies nothing for a command that changes nothing', async () => {
    const { run, applied } = setup();
    await run(create);

    const result = await run(rename('Acme'));

    expect(result).toMatchObject({ version: 1, stored: [] });
    expect(applied).toHaveLength(1);
  });

  it('refuses with the status of the code (422 when unlisted) and the field', async () => {
    const { run } = setup();

    await expect(run(rename('X'))).rejects.toMatchObject({ status: 404, code: 'tenant-not-found' });
    await expect(run({ ...create, name: 'a/b' })).rejects.toMatchObject({
      status: 422,
      code: 'invalid-name',
      extensions: { errors: [{ field: 'name', message: expect.any(String) }] },
    });
  });

  it('refuses a stale If-Match with 412 and the current version, before deciding', async () => {
    const { run } = setup();
    await run(create);

    await expect(run(rename('B'), { meta: { ...meta, expectedVersion: 0 } })).rejects.toMatchObject(
      { status: 412, code: 'version-mismatch', extensions: { currentVersion: 1 } },
    );
  });

  it('answers 409 concurrent-modification when another writer appended after the load', async () => {
    const { run, repository } = setup();
    await run(create);
    const racing: AppendGuard<TenantState> = {
      // Lands between this command's load and its append, as a concurrent request would.
      reserve: async () => {
        await repository.append('t-1', [renamedEvent('Acme', 'Other')], 1, meta);
        return { abandon: async () => undefined };
      },
      settle: async () => undefined,
    };

    await expect(run(rename('B'), { guard: racing })).rejects.toMatchObject({
      status: 409,
      code: 'concurrent-modification',
      extensions: { currentVersion: 2 },
    });
  });

  it('gives the reservation back when the append fails, settles it when it succeeds', async () => {
    const { run, repository } = setup();
    const calls: string[] = [];
    const guard: AppendGuard<TenantState> = {
      reserve: async (_, events) => {
        const types = events.map((e) => e.type).join();
        calls.push(`reserve ${types}`);
        if (types === 'TenantRenamed') {
          await repository.append('t-1', [renamedEvent('Acme', 'Other')], 1, meta);
        }
        return { abandon: async () => void calls.push('abandon') };
      },
      settle: async (_, before, after) =>
        void calls.push(`settle ${before.status}→${after.status}`),
    };

    await run(create, { guard });
    await expect(run(rename('B'), { guard })).rejects.toMatchObject({ status: 409 });

    expect(calls).toEqual([
      'reserve TenantCreated',
      'settle absent→active',
      'reserve TenantRenamed',
      'abandon',
    ]);
  });

  it('snapshots when the new version crosses a multiple of snapshotEvery', async () => {
    const { run, snapshots } = setup(2);
    await run(create);
    expect(await snapshots.load('t-1')).toBeNull();

    await run(rename('B'));

    expect(await snapshots.load('t-1')).toMatchObject({ version: 2 });
  });

  it('keeps the command successful when the access index throws (Kafka brings the event later)', async () => {
    const { repository } = setup();
    const runner = new CommandRunner(
      {
        apply: () => {
          throw new Error('index broken');
        },
      },
      { kick: () => undefined },
      pino({ level: 'silent' }),
    );

    const result = await runner.run({
      repository,
      streamId: 't-1',
      meta,
      decide: (state) => decideTenant(create, state, context()),
      statusOf: {},
    });

    expect(result.version).toBe(1);
  });
});

function renamedEvent(from: string, to: string) {
  return {
    type: 'TenantRenamed' as const,
    data: { tenantId: 't-1', before: { name: from }, after: { name: to } },
  };
}
